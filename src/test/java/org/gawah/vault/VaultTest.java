package org.gawah.vault;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Random;

import org.gawah.Failure;
import org.gawah.GawahException;
import org.gawah.testsupport.TestEngine;
import org.gawah.testsupport.TestPostgres;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What the vault stores and refuses, the same on both engines: a SQLite file and a PostgreSQL
 * database on a real server (TestPostgres). What only one engine has is in SqliteVaultFileTest
 * and TeamVaultDatabaseTest.
 */
@ParameterizedClass
@EnumSource(TestEngine.class)
class VaultTest {
    @Parameter
    TestEngine engine;

    @TempDir
    Path dir;

    /** A folder holding a fresh vault as a home does: {@code vault.db}, or {@code vault.url}. */
    Path home;

    @BeforeEach
    void freshVault() throws Exception {
        home = engine.vaultHome(dir.resolve("home"));
    }

    private static SealedRecord record(String id) {
        return new SealedRecord(id, Instant.parse("2026-11-28T05:00:00Z"), "AB".repeat(20),
                new byte[] {1, 2, 3, 4}, List.of("CD".repeat(20)), null, List.of());
    }

    @Test
    void storesAndReadsBackARecordWithItsMetadata() {
        try (Vault vault = Vault.openHome(home)) {
            vault.store(record("GWH-0000-0000-0000-0002"));
            vault.store(record("GWH-0000-0000-0000-0001"));
        }
        try (Vault vault = Vault.openHome(home)) {
            SealedRecord back = vault.get("GWH-0000-0000-0000-0001").orElseThrow();
            assertArrayEquals(new byte[] {1, 2, 3, 4}, back.testimony());
            assertEquals(List.of("CD".repeat(20)), back.testimonyRecipients());
            RecordSummary summary = vault.list().get(0);
            assertEquals("GWH-0000-0000-0000-0001", summary.id(), "same time: ordered by id, in byte order");
            assertEquals(4, summary.testimonySize());
            assertEquals("9f64a747e1b97f131fabb6b447296c9b6f0201e79fb3c5356e6c77e89b6a806a", summary.testimonySha256());
            assertEquals(List.of("GWH-0000-0000-0000-0001", "GWH-0000-0000-0000-0002"), vault.recordIds());
            assertEquals("ok", vault.integrityCheck());
        }
    }

    @Test
    void refusesADuplicateIdAndKeepsTheFirst() {
        try (Vault vault = Vault.openHome(home)) {
            vault.store(record("GWH-0000-0000-0000-0001"));
            GawahException e = assertThrows(GawahException.class, () -> vault.store(record("GWH-0000-0000-0000-0001")));
            assertEquals(Failure.VAULT, e.failure());
            assertEquals("vault.duplicate-record", e.message().key());
            assertEquals(1, vault.list().size());
        }
    }

    /** A token already kept is kept (ON CONFLICT DO NOTHING, one text both engines run). */
    @Test
    void aTimestampTokenStoredTwiceKeepsTheFirst() {
        try (Vault vault = Vault.openHome(home)) {
            for (byte[] token : List.of(new byte[] {1}, new byte[] {2})) {
                try (VaultWrite write = vault.begin()) {
                    write.storeToken("AB".repeat(20), 3, "tsa-1", token);
                    write.commit();
                }
            }
            List<Vault.StoredToken> tokens = vault.tokens("AB".repeat(20));
            assertEquals(1, tokens.size());
            assertArrayEquals(new byte[] {1}, tokens.get(0).token());
        }
    }

    /** Three chunks and a piece, in and back out through the engine's own streaming. */
    @Test
    void anAttachmentComesBackByteForByteFromItsChunks() throws Exception {
        byte[] sealed = new byte[3 * 1024 * 1024 + 12345];
        new Random(21).nextBytes(sealed);
        try (Vault vault = Vault.openHome(home)) {
            try (VaultWrite write = vault.begin()) {
                try (OutputStream out = write.attachment("GWH-0000-0000-0000-0001", 0, "ATT-1")) {
                    out.write(sealed);
                }
                write.insert(record("GWH-0000-0000-0000-0001"));
                write.commit();
            }
            StoredAttachment stored = vault.attachments("GWH-0000-0000-0000-0001").get(0);
            assertEquals(4, stored.chunkCount());
            try (InputStream in = vault.openAttachment(stored)) {
                assertArrayEquals(MessageDigest.getInstance("SHA-256").digest(sealed),
                        MessageDigest.getInstance("SHA-256").digest(in.readAllBytes()));
            }
        }
    }

    /** Nothing of a transaction that does not commit is kept, attachments' chunks included. */
    @Test
    void aTransactionLeftUncommittedLeavesNothing() throws Exception {
        try (Vault vault = Vault.openHome(home)) {
            try (VaultWrite write = vault.begin()) {
                try (OutputStream out = write.attachment("GWH-0000-0000-0000-0001", 0, "ATT-1")) {
                    out.write(new byte[2 * 1024 * 1024]);
                }
                write.insert(record("GWH-0000-0000-0000-0001"));
            }
            assertEquals(List.of(), vault.recordIds());
            assertTrue(vault.storedAttachment("ATT-1").isEmpty());
        }
        assertEquals(0, VaultTamper.count(home, "attachment_chunks"));
    }

    @Test
    void reportsARecordAlteredBehindItsBack() throws Exception {
        try (Vault vault = Vault.openHome(home)) {
            vault.store(record("GWH-0000-0000-0000-0001"));
        }
        VaultTamper.flipTestimonyByte(home, "GWH-0000-0000-0000-0001", 2);
        try (Vault vault = Vault.openHome(home)) {
            GawahException e = assertThrows(GawahException.class, () -> vault.get("GWH-0000-0000-0000-0001"));
            assertEquals(Failure.BAD_DATA, e.failure());
            assertTrue(e.getMessage().contains("does not match its SHA-256"));
        }
    }

    @Test
    void refusesAVaultFromANewerGawah() throws Exception {
        Vault.openHome(home).close();
        VaultTamper.sql(home, engine == TestEngine.SQLITE ? "PRAGMA user_version = 99"
                : "UPDATE gawah_vault SET user_version = 99");
        GawahException e = assertThrows(GawahException.class, () -> Vault.openHome(home));
        assertTrue(e.getMessage().contains("newer Gawah"), e.getMessage());
    }

    /** Version 9: a row names the computer's home that registered it, and a shared vault lists each home only its own. */
    @Test
    void aVersion8VaultGainsTheMachineOfEachOutputAndATeamVaultListsEachHomeItsOwn() throws Exception {
        Path old = atVersion8();
        Instant started = Instant.parse("2026-11-28T05:00:00Z");
        VaultTamper.editOutputs(old, c -> {
            try (Statement s = c.createStatement()) {
                return s.executeUpdate("INSERT INTO outputs (path, command, started_at, pid, process_started) VALUES"
                        + " ('/tmp/.GWA-0000-0000-0000-0001.gawah-partial', 'open', '2026-11-28T04:00:00Z', 7, '')");
            }
        });
        try (Vault vault = Vault.openHome(old)) {
            assertEquals(Migrations.latest(), VaultTamper.number(old, engine == TestEngine.SQLITE
                    ? "PRAGMA user_version" : "SELECT user_version FROM gawah_vault"));
            long mine = vault.beginOutput(dir.resolve(".a.GWE-0000-0000-0000-0000.partial"), "export", started, 42,
                    "2026-11-28T04:59:00Z", "aa".repeat(16));
            long theirs = vault.beginOutput(dir.resolve(".b.GWE-0000-0000-0000-0000.partial"), "export", started, 43,
                    "", "bb".repeat(16));
            List<OutputInProgress> listed = vault.outputsInProgress("aa".repeat(16));
            assertEquals("", listed.get(0).machine(), "a row from before version 9 names no machine, and is listed to all");
            assertEquals(new OutputInProgress(mine, dir.resolve(".a.GWE-0000-0000-0000-0000.partial").toAbsolutePath(),
                    "export", started, 42, "2026-11-28T04:59:00Z", "aa".repeat(16)), listed.get(1));
            if (engine == TestEngine.SQLITE) {
                assertEquals(3, listed.size(), "a file vault is one home's: every row is its own, whatever it names");
            } else {
                assertEquals(2, listed.size(), "another computer's file being written is not this home's to settle");
                assertEquals(theirs, vault.outputsInProgress("bb".repeat(16)).get(1).id());
            }
            vault.endOutput(mine);
            assertEquals(engine == TestEngine.SQLITE ? 2 : 1, vault.outputsInProgress("aa".repeat(16)).size());
            GawahException other = assertThrows(GawahException.class, () -> vault.beginOutput(dir.resolve("x"), "rm",
                    Instant.now(), 1, "", "aa".repeat(16)));
            assertEquals(Failure.VAULT, other.failure(), "only the three commands that write outside the vault");
        }
    }

    /**
     * A vault as version 8 left it, on this engine: its tables and version (PostgreSQL's triggers and
     * grants are today's, for today's tables: the migration to the latest makes them).
     */
    private Path atVersion8() throws Exception {
        Engine dialect = engine == TestEngine.SQLITE ? new SqliteEngine() : new PostgresEngine();
        Path old = dir.resolve("v8");
        java.nio.file.Files.createDirectories(old);
        Connection c;
        if (engine == TestEngine.SQLITE) {
            c = DriverManager.getConnection("jdbc:sqlite:" + old.resolve("vault.db"));
        } else {
            VaultLocation.Postgres empty = TestPostgres.emptyDatabase();
            java.nio.file.Files.writeString(old.resolve(VaultLocation.URL_FILE), empty.display() + "\n");
            c = TestPostgres.connect(empty.user(), empty.database());
        }
        try (c; Statement s = c.createStatement()) {
            dialect.beforeMigrations(s, 0);
            for (String[] step : dialect.steps().subList(0, 8)) {
                for (String sql : step) {
                    s.execute(sql);
                }
            }
            dialect.schemaVersion(s, 8);
        }
        return old;
    }
}
