package org.gawah.vault;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

import org.gawah.Failure;
import org.gawah.GawahException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What only a vault in a SQLite file has: its settings, its journal, the files beside it, and its older versions. */
class SqliteVaultFileTest {
    @TempDir
    Path dir;

    private static SealedRecord record(String id) {
        return new SealedRecord(id, Instant.parse("2026-11-28T05:00:00Z"), "AB".repeat(20),
                new byte[] {1, 2, 3, 4}, List.of("CD".repeat(20)), null, List.of());
    }

    @Test
    void usesATruncatedRollbackJournalFullSyncAndSecureDelete() throws Exception {
        Vault.open(dir.resolve("v.db")).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("v.db"));
             Statement s = c.createStatement()) {
            assertEquals("delete", pragma(s, "journal_mode"), "not WAL, which would stay in the file");
            assertEquals(Migrations.APPLICATION_ID, Integer.parseInt(pragma(s, "application_id")));
            assertEquals(String.valueOf(Migrations.latest()), pragma(s, "user_version"));
        }
        // synchronous and secure_delete are per connection: check them on the vault's own.
        try (Vault vault = Vault.open(dir.resolve("v.db"))) {
            assertEquals("ok", vault.integrityCheck());
            assertEquals("truncate", vault.setting("journal_mode"), "a rollback journal, truncated at each commit");
            assertEquals("2", vault.setting("synchronous"), "synchronous=FULL");
            assertEquals("1", vault.setting("secure_delete"));
            assertEquals("65536", vault.setting("page_size"));
        }
    }

    @Test
    void aVaultFromTheWalDaysChangesOverWhenOpenedAloneAndWorksMeanwhile() throws Exception {
        Path file = dir.resolve("old.db");
        try (Vault vault = Vault.open(file)) {
            vault.store(record("GWH-0000-0000-0000-0001"));
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            assertEquals("wal", pragma(s, "journal_mode = WAL"));
            try (ResultSet r = s.executeQuery("SELECT count(*) FROM records")) {
                assertEquals(1, r.getInt(1), "an old Gawah reading its vault, in WAL mode");
            }
            // Another process has it open: the vault cannot change over, and works as it is.
            try (Vault vault = Vault.open(file)) {
                assertEquals("wal", vault.setting("journal_mode"));
                vault.store(record("GWH-0000-0000-0000-0002"));
            }
        }
        try (Vault vault = Vault.open(file)) {
            assertEquals("truncate", vault.setting("journal_mode"));
            assertEquals(2, vault.list().size());
            assertEquals("ok", vault.integrityCheck());
        }
        assertTrue(!Files.exists(dir.resolve("old.db-wal")), "the WAL was checkpointed and removed");
    }

    @Test
    void aVaultBusyBeyondTheWaitSaysAnotherCommandIsWriting() {
        GawahException busy = Vault.failed(Messages.of("vault.op.commit"), new java.sql.SQLException("database is locked", null, 5));
        assertEquals("vault.busy.hint", busy.hintMessage().key());
        GawahException other = Vault.failed(Messages.of("vault.op.commit"), new java.sql.SQLException("disk I/O error", null, 10));
        assertEquals(null, other.hintMessage());
    }

    @Test
    void refusesAnSqliteFileThatIsNotAVault() throws Exception {
        Path other = dir.resolve("other.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + other); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE notes (text TEXT)");
            s.execute("INSERT INTO notes VALUES ('keep me')");
        }
        long before = Files.size(other);
        GawahException e = assertThrows(GawahException.class, () -> Vault.open(other));
        assertEquals(Failure.VAULT, e.failure());
        assertEquals(before, Files.size(other));
    }

    /** Migrations 5 and on, on a vault made before them: the outputs table appears, and every record stays. */
    @Test
    void aVersion4VaultGainsTheListOfOutputsAndKeepsItsRecords() throws Exception {
        Path file = dir.resolve("v4.db");
        try (Vault vault = Vault.open(file)) {
            vault.store(record("GWH-0000-0000-0000-0001"));
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("DROP TABLE outputs");
            s.execute("DROP TABLE timestamps");
            s.execute("DROP TABLE evidence_records");
            s.execute("PRAGMA user_version = 4");
        }
        try (Vault vault = Vault.open(file)) {
            assertEquals(String.valueOf(Migrations.latest()), vault.setting("user_version"));
            assertTrue(vault.get("GWH-0000-0000-0000-0001").isPresent());
            long id = vault.beginOutput(dir.resolve(".a.GWE-0000-0000-0000-0000.partial"), "export",
                    Instant.parse("2026-11-28T05:00:00Z"), 42, "2026-11-28T04:59:00Z", "aa".repeat(16));
            OutputInProgress listed = vault.outputsInProgress("aa".repeat(16)).get(0);
            assertEquals(new OutputInProgress(id, dir.resolve(".a.GWE-0000-0000-0000-0000.partial").toAbsolutePath(),
                    "export", Instant.parse("2026-11-28T05:00:00Z"), 42, "2026-11-28T04:59:00Z", "aa".repeat(16)), listed);
            vault.endOutput(id);
            assertEquals(List.of(), vault.outputsInProgress("aa".repeat(16)));
        }
    }

    /** A vault or its journal that is a symbolic link is refused before SQLite opens anything. */
    @Test
    void refusesAVaultOrJournalThatIsALink() throws Exception {
        Path real = dir.resolve("elsewhere.db");
        Vault.open(real).close();
        Path link = Files.createSymbolicLink(dir.resolve("vault.db"), real);
        GawahException e = assertThrows(GawahException.class, () -> Vault.open(link));
        assertEquals(Failure.VAULT, e.failure());
        Files.delete(link);
        Files.move(real, link);
        Files.createSymbolicLink(dir.resolve("vault.db-journal"), dir.resolve("journal-elsewhere"));
        assertEquals(Failure.VAULT, assertThrows(GawahException.class, () -> Vault.open(link)).failure());
        assertTrue(Files.notExists(dir.resolve("journal-elsewhere")), "nothing written through the link");
    }

    @Test
    void refusesAFileThatIsNotSqlite() throws Exception {
        Path junk = dir.resolve("junk.db");
        Files.write(junk, "this is not a database, just text that is long enough to have a header".getBytes());
        GawahException e = assertThrows(GawahException.class, () -> Vault.open(junk));
        assertEquals(Failure.VAULT, e.failure());
    }

    private static String pragma(Statement s, String name) throws Exception {
        try (ResultSet r = s.executeQuery("PRAGMA " + name)) {
            r.next();
            return r.getString(1);
        }
    }

    @Test
    void version7KeysImportsByDocumenterAndKeepsEveryRowOfAVersion4Vault() throws Exception {
        Path file = dir.resolve("v4.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            for (String[] step : Migrations.STEPS.subList(0, 4)) {
                for (String sql : step) {
                    s.execute(sql);
                }
            }
            s.execute("PRAGMA application_id = " + Migrations.APPLICATION_ID);
            s.execute("PRAGMA user_version = 4");
            s.execute("INSERT INTO imports VALUES ('GWB-0000-0000-0000-0001', '" + "AB".repeat(20) + "', 7, '"
                    + "cd".repeat(32) + "', '" + "ef".repeat(32) + "', '2026-11-28T05:00:00Z')");
        }
        try (Vault vault = Vault.open(file)) {
            assertEquals(String.valueOf(Migrations.latest()), vault.setting("user_version"));
            assertEquals(List.of(new ImportedBag("GWB-0000-0000-0000-0001", "AB".repeat(20), 7, "cd".repeat(32),
                    "ef".repeat(32), Instant.parse("2026-11-28T05:00:00Z"))), vault.importRows());
            // Another documenter's bag with the same id has a row of its own.
            try (VaultWrite write = vault.begin()) {
                write.recordImport(new ImportedBag("GWB-0000-0000-0000-0001", "12".repeat(20), 3, "cd".repeat(32),
                        "01".repeat(32), Instant.parse("2026-11-29T05:00:00Z")), List.of());
                write.commit();
            }
            assertEquals(2, vault.importRows().size());
        }
    }

    @Test
    void version8AddsTheEvidenceRecordsTableToAVersion7Vault() throws Exception {
        Path file = dir.resolve("v7.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            for (String[] step : Migrations.STEPS.subList(0, 7)) {
                for (String sql : step) {
                    s.execute(sql);
                }
            }
            s.execute("PRAGMA application_id = " + Migrations.APPLICATION_ID);
            s.execute("PRAGMA user_version = 7");
            s.execute("INSERT INTO imports VALUES ('GWB-0000-0000-0000-0001', '" + "AB".repeat(20) + "', 7, '"
                    + "cd".repeat(32) + "', '" + "ef".repeat(32) + "', '2026-11-28T05:00:00Z')");
        }
        try (Vault vault = Vault.open(file)) {
            assertEquals(String.valueOf(Migrations.latest()), vault.setting("user_version"));
            assertEquals(1, vault.importRows().size());
            assertEquals(List.of(), vault.evidenceRecords());
            try (VaultWrite write = vault.begin()) {
                write.storeEvidenceRecord("AB".repeat(20), 3, "01".repeat(32), new byte[] {0x30, 0x00});
                write.commit();
            }
            Vault.StoredEvidence row = vault.evidenceRecords().get(0);
            assertEquals("AB".repeat(20) + " 3 " + "01".repeat(32), row.actor() + " " + row.seq() + " " + row.entrySha256());
        }
    }
}
