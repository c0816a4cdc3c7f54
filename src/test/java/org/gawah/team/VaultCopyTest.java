package org.gawah.team;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import org.gawah.Failure;
import org.gawah.testsupport.Gawah;
import org.gawah.testsupport.Gawah.Result;
import org.gawah.testsupport.Homes;
import org.gawah.testsupport.TestPostgres;
import org.gawah.vault.VaultLocation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * gawah vault copy between the two engines, both real: a legal home's SQLite vault (an imported
 * bag, a record with a three-chunk attachment, a case) to an empty PostgreSQL database and back to
 * a new file; each copy is used by a home of its own. A tampered vault and a target that is not
 * empty are refused with nothing written.
 */
@ExtendWith(TestPostgres.class)
class VaultCopyTest {
    @TempDir
    static Path base;
    static Homes homes;
    static Gawah gawah;
    static String record;
    static byte[] opened;

    @BeforeAll
    static void aLegalHomeWithAnImportedBagAnAttachmentAndACase() throws Exception {
        homes = Homes.copied(base);
        gawah = homes.gawah;
        Path film = base.resolve("film.bin");
        byte[] bytes = new byte[(2 << 20) + 12345];
        new Random(7).nextBytes(bytes);
        Files.write(film, bytes);
        record = gawah.inWithInput(homes.documenter, Homes.sampleInput(), "record", "--from", "-", "--attach",
                film.toString()).ok().out().strip();
        Path bag = base.resolve("bag.zip");
        gawah.in(homes.documenter, "submit", "--out", bag.toString()).ok();
        gawah.in(homes.legal, "import", bag.toString()).ok();
        String caseId = gawah.caseCreate(homes.legal, "Detentions of teachers, Herat 2025").ok().out().strip();
        gawah.inWithInput(homes.legal, "note".getBytes(StandardCharsets.UTF_8), "case", "add", caseId, record,
                "--tag", "rome:7(1)(h)", "--note-file", "-").ok();
        opened = gawah.in(homes.legal, "open", record).ok().stdout();
    }

    @Test
    void aVaultGoesToPostgresqlAndBackUnchanged() throws Exception {
        Path original = homes.legal.resolve("vault.db");
        List<String> originalLog = rows(sqlite(original), "custody_log");

        VaultLocation.Postgres team = TestPostgres.emptyDatabase();
        Result toServer = gawah.in(homes.legal, "vault", "copy", "--to", team.display()).ok();
        assertTrue(toServer.out().contains("1 records and 1 attachments"), toServer.out());
        assertTrue(toServer.stderr().contains(VaultLocation.URL_FILE), "says how to use the copy: " + toServer.stderr());
        assertFalse(Files.exists(homes.legal.resolve(VaultLocation.URL_FILE)), "the home was not switched");
        assertEquals(originalLog, rows(TestPostgres.connect(team.user(), team.database()), "custody_log"),
                "the custody log on the server is the file's, byte for byte");

        // A home on the team vault: the same keys, the copy's address in vault.url.
        Path onServer = base.resolve("on-server");
        Homes.copy(homes.legal, onServer);
        Files.delete(onServer.resolve("vault.db"));
        Files.writeString(onServer.resolve(VaultLocation.URL_FILE), team.display() + "\n");
        gawah.in(onServer, "verify", "--vault", "--no-entry").ok();
        assertArrayEquals(opened, gawah.in(onServer, "open", record).ok().stdout());

        // And back into a new file, from the home on the server.
        Path back = base.resolve("back.db");
        gawah.in(onServer, "vault", "copy", "--to", back.toString()).ok();
        Path onFile = base.resolve("on-file");
        Homes.copy(homes.legal, onFile);
        Files.copy(back, onFile.resolve("vault.db"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        gawah.in(onFile, "verify", "--vault", "--no-entry").ok();
        assertArrayEquals(opened, gawah.in(onFile, "open", record).ok().stdout());

        // Every table but outputs, row for row, as the original was before the copies were opened.
        for (String table : tables(original)) {
            if (!table.equals("outputs")) {
                List<String> expected = table.equals("custody_log") ? originalLog : rows(sqlite(original), table);
                List<String> copied = rows(sqlite(back), table);
                if (table.equals("custody_log")) {
                    // The copy's own home appended 'opened' entries after the copy: the copied part is the original's.
                    copied = copied.subList(0, expected.size());
                }
                assertEquals(expected, copied, table);
            }
        }
    }

    @Test
    void aTamperedVaultIsRefusedAndNothingIsWritten() throws Exception {
        Path tampered = base.resolve("tampered");
        Homes.copy(homes.legal, tampered);
        try (Connection c = sqlite(tampered.resolve("vault.db")); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE records SET testimony = randomblob(200)");
        }
        Path file = base.resolve("from-tampered.db");
        Result refused = gawah.in(tampered, "vault", "copy", "--to", file.toString());
        assertEquals(Failure.BAD_DATA.exitCode(), refused.code(), refused.stderr());
        assertEquals(List.of("gawah: error: the vault to copy does not pass the audit of verify --vault: the testimony of "
                + record + " does not match its SHA-256: it was altered or damaged in the vault"), errors(refused));
        assertFalse(Files.exists(file), "no file made");

        VaultLocation.Postgres team = TestPostgres.emptyDatabase();
        Result alsoRefused = gawah.in(tampered, "vault", "copy", "--to", team.display());
        assertEquals(Failure.BAD_DATA.exitCode(), alsoRefused.code(), alsoRefused.stderr());
        assertEquals(0, tableCount(team), "no table made on the server");
    }

    /** A row the server cannot take (text with a NUL, in a table the audit does not read) fails the copy midway. */
    @Test
    void aCopyThatFailsMidwayLeavesNothingOnTheServer() throws Exception {
        Path odd = base.resolve("odd");
        Homes.copy(homes.legal, odd);
        try (Connection c = sqlite(odd.resolve("vault.db")); Statement s = c.createStatement()) {
            // Recipients are read from the ciphertext, never this table: verify --vault does not hold it to anything.
            s.executeUpdate("INSERT INTO record_recipients (record_id, envelope, fingerprint) VALUES ('" + record
                    + "', 'testimony', 'AB' || char(0))");
        }
        VaultLocation.Postgres team = TestPostgres.emptyDatabase();
        Result failed = gawah.in(odd, "vault", "copy", "--to", team.display());
        assertEquals(Failure.VAULT.exitCode(), failed.code(), failed.stderr());
        assertEquals(1, errors(failed).size(), failed.stderr());
        assertEquals("gawah: error: cannot copy the rows of record_recipients into " + team.display()
                + ": ERROR: invalid byte sequence for encoding \"UTF8\": 0x00", errors(failed).get(0),
                "the server's reason, without the rows it refused");
        assertEquals(0, tableCount(team), "the migrations rolled back with the rows");
        // The same database takes a sound vault afterwards: nothing was left in the way.
        gawah.in(homes.legal, "vault", "copy", "--to", team.display()).ok();
    }

    @Test
    void aTargetThatIsNotEmptyIsRefusedAndLeftAsItWas() throws Exception {
        Path file = base.resolve("already.db");
        Files.writeString(file, "someone's file\n");
        Result refused = gawah.in(homes.legal, "vault", "copy", "--to", file.toString());
        assertEquals(Failure.OUTPUT_EXISTS.exitCode(), refused.code(), refused.stderr());
        assertEquals(List.of("gawah: error: " + file + " already holds a vault or other tables: a copy goes only into a new"
                + " file or an empty database"), errors(refused));
        assertEquals("someone's file\n", Files.readString(file));

        Path journal = base.resolve("stale.db-journal");
        Files.writeString(journal, "a journal left behind\n");
        Result besideJournal = gawah.in(homes.legal, "vault", "copy", "--to", base.resolve("stale.db").toString());
        assertEquals(Failure.OUTPUT_EXISTS.exitCode(), besideJournal.code(), besideJournal.stderr());
        assertFalse(Files.exists(base.resolve("stale.db")));
        assertEquals("a journal left behind\n", Files.readString(journal));

        VaultLocation.Postgres vault = TestPostgres.freshVault();
        int tables = tableCount(vault);
        Result onServer = gawah.in(homes.legal, "vault", "copy", "--to", vault.display());
        assertEquals(Failure.OUTPUT_EXISTS.exitCode(), onServer.code(), onServer.stderr());
        assertEquals(tables, tableCount(vault));
        assertEquals(List.of(), rows(TestPostgres.connect(vault.user(), vault.database()), "custody_log"));
    }

    @Test
    void aPasswordInTheAddressIsRefusedWithoutEchoingIt() {
        Result refused = gawah.in(homes.legal, "vault", "copy", "--to", "postgresql://amina:s3cret@127.0.0.1/team");
        assertEquals(Failure.USAGE.exitCode(), refused.code(), refused.stderr());
        assertFalse(refused.stderr().contains("s3cret"), refused.stderr());
    }

    private static List<String> errors(Result result) {
        return result.stderr().lines().filter(l -> l.startsWith("gawah: error:")).toList();
    }

    private static Connection sqlite(Path file) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + file);
    }

    private static List<String> tables(Path file) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection c = sqlite(file); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")) {
            while (r.next()) {
                names.add(r.getString(1));
            }
        }
        return names;
    }

    private static int tableCount(VaultLocation.Postgres database) throws SQLException {
        try (Connection c = TestPostgres.connect(database.user(), database.database()); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")) {
            r.next();
            return r.getInt(1);
        }
    }

    /** Every row of a table as text (bytes in hex), sorted (the custody log in sequence order); closes the connection. */
    private static List<String> rows(Connection c, String table) throws SQLException {
        List<String> rows = new ArrayList<>();
        boolean log = table.equals("custody_log");
        try (c; Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT * FROM " + table + (log ? " ORDER BY seq" : ""))) {
            ResultSetMetaData columns = r.getMetaData();
            while (r.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns.getColumnCount(); i++) {
                    Object value = r.getObject(i);
                    row.append(columns.getColumnName(i)).append('=')
                            .append(value instanceof byte[] b ? HexFormat.of().formatHex(b) : String.valueOf(value)).append(' ');
                }
                rows.add(row.toString());
            }
        }
        if (!log) {
            rows.sort(null);
        }
        return rows;
    }
}
