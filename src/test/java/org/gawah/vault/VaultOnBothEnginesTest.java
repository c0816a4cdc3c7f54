package org.gawah.vault;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gawah.Failure;
import org.gawah.GawahException;
import org.gawah.testsupport.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the vault stores and refuses, the same on both engines: a SQLite file and a PostgreSQL
 * database on a real server (TestPostgres). SQLite's own settings stay in VaultTest.
 */
@ExtendWith(TestPostgres.class)
class VaultOnBothEnginesTest {
    @TempDir
    Path dir;

    private VaultLocation fresh(String engine) {
        return engine.equals("sqlite") ? new VaultLocation.File(dir.resolve("v.db")) : TestPostgres.freshVault();
    }

    private static SealedRecord record(String id) {
        return new SealedRecord(id, Instant.parse("2026-11-28T05:00:00Z"), "AB".repeat(20),
                new byte[] {1, 2, 3, 4}, List.of("CD".repeat(20)), null, List.of());
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void storesAndReadsBackARecordWithItsMetadata(String engine) {
        VaultLocation location = fresh(engine);
        try (Vault vault = Vault.open(location)) {
            vault.store(record("GWH-0000-0000-0000-0002"));
            vault.store(record("GWH-0000-0000-0000-0001"));
        }
        try (Vault vault = Vault.open(location)) {
            SealedRecord back = vault.get("GWH-0000-0000-0000-0001").orElseThrow();
            assertArrayEquals(new byte[] {1, 2, 3, 4}, back.testimony());
            assertEquals(List.of("CD".repeat(20)), back.testimonyRecipients());
            RecordSummary summary = vault.list().get(0);
            assertEquals("GWH-0000-0000-0000-0001", summary.id(), "same time: ordered by id, in byte order");
            assertEquals("9f64a747e1b97f131fabb6b447296c9b6f0201e79fb3c5356e6c77e89b6a806a", summary.testimonySha256());
            assertEquals(List.of("GWH-0000-0000-0000-0001", "GWH-0000-0000-0000-0002"), vault.recordIds());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void refusesADuplicateIdAndKeepsTheFirst(String engine) {
        try (Vault vault = Vault.open(fresh(engine))) {
            vault.store(record("GWH-0000-0000-0000-0001"));
            GawahException e = assertThrows(GawahException.class, () -> vault.store(record("GWH-0000-0000-0000-0001")));
            assertEquals(Failure.VAULT, e.failure());
            assertEquals("vault.duplicate-record", e.message().key());
            assertEquals(1, vault.list().size());
        }
    }

    /** A token already kept is kept (ON CONFLICT DO NOTHING, one text both engines run). */
    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void aTimestampTokenStoredTwiceKeepsTheFirst(String engine) {
        try (Vault vault = Vault.open(fresh(engine))) {
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
    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void anAttachmentComesBackByteForByteFromItsChunks(String engine) throws Exception {
        byte[] sealed = new byte[3 * 1024 * 1024 + 12345];
        new Random(21).nextBytes(sealed);
        try (Vault vault = Vault.open(fresh(engine))) {
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
    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void aTransactionLeftUncommittedLeavesNothing(String engine) throws Exception {
        try (Vault vault = Vault.open(fresh(engine))) {
            try (VaultWrite write = vault.begin()) {
                try (OutputStream out = write.attachment("GWH-0000-0000-0000-0001", 0, "ATT-1")) {
                    out.write(new byte[2 * 1024 * 1024]);
                }
                write.insert(record("GWH-0000-0000-0000-0001"));
            }
            assertEquals(List.of(), vault.recordIds());
            assertTrue(vault.storedAttachment("ATT-1").isEmpty());
        }
    }

    /** The two dialects hold the same tables and columns after every step. */
    @Test
    void bothEnginesMigrateThroughTheSameStepsToTheSameTables() {
        assertEquals(Migrations.STEPS.size(), Migrations.POSTGRES_STEPS.size());
        for (int step = 0; step < Migrations.STEPS.size(); step++) {
            assertEquals(tables(Migrations.STEPS.get(step)), tables(Migrations.POSTGRES_STEPS.get(step)), "step " + (step + 1));
        }
    }

    /** Each CREATE TABLE as "table: column column ...". */
    private static List<String> tables(String[] step) {
        List<String> found = new ArrayList<>();
        Pattern create = Pattern.compile("CREATE TABLE (\\w+) \\((.*)\\)(?: STRICT)?$");
        for (String sql : step) {
            Matcher m = create.matcher(sql.replaceAll("\\s+", " ").trim());
            if (m.matches()) {
                TreeSet<String> columns = new TreeSet<>();
                for (String part : m.group(2).split(",(?![^()]*\\))")) {
                    String first = part.trim().split(" ")[0];
                    if (!List.of("PRIMARY", "UNIQUE", "FOREIGN").contains(first)) {
                        columns.add(first);
                    }
                }
                found.add(m.group(1) + ": " + String.join(" ", columns));
            }
        }
        return found;
    }

    @Test
    void aDatabaseThatSortsTextByLanguageIsRefused() throws Exception {
        TestPostgres.server();
        TestPostgres.asOwner(TestPostgres.server().owner("postgres"),
                "CREATE DATABASE sorted_" + ProcessHandle.current().pid()
                        + " TEMPLATE template0 LOCALE 'C.UTF-8' LOCALE_PROVIDER icu ICU_LOCALE 'fa-AF'");
        GawahException e = assertThrows(GawahException.class,
                () -> Vault.open(TestPostgres.server().owner("sorted_" + ProcessHandle.current().pid())));
        assertEquals("vault.pg.collation", e.message().key());
    }
}
