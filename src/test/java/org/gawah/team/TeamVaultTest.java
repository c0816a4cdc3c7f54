package org.gawah.team;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.gawah.custody.Action;
import org.gawah.custody.Entry;
import org.gawah.testsupport.Gawah;
import org.gawah.testsupport.Homes;
import org.gawah.testsupport.TestPostgres;
import org.gawah.vault.VaultLocation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A legal team's home on a team vault (PostgreSQL, a real server), used through the analyst's
 * database account: import, case add, export and verify --vault through real gawah commands;
 * several processes appending at once; what the analyst's account may not do.
 */
@ExtendWith(TestPostgres.class)
class TeamVaultTest {
    @TempDir
    static Path base;
    static Homes homes;
    static Gawah gawah;
    static VaultLocation.Postgres owner;
    static VaultLocation.Postgres analyst;
    static String caseId;

    @BeforeAll
    static void aLegalHomeOnATeamVaultWithAnImportedBagAndACase() {
        owner = TestPostgres.freshVault();
        analyst = TestPostgres.server().analyst(owner.database());
        homes = new Homes(base, analyst.display());
        gawah = homes.gawah;
        String record = homes.record();
        Path bag = base.resolve("bag.zip");
        gawah.in(homes.documenter, "submit", "--out", bag.toString()).ok();
        gawah.in(homes.legal, "import", bag.toString()).ok();
        caseId = gawah.caseCreate(homes.legal, "Detentions of teachers, Herat 2025").ok().out().strip();
        gawah.inWithInput(homes.legal, "note".getBytes(java.nio.charset.StandardCharsets.UTF_8), "case", "add", caseId,
                record, "--tag", "rome:7(1)(h)", "--note-file", "-").ok();
    }

    @Test
    void theHomeNamesItsTeamVaultAndHoldsNoVaultFile() throws Exception {
        assertEquals(analyst.display() + "\n", Files.readString(homes.legal.resolve("vault.url")));
        assertFalse(Files.exists(homes.legal.resolve("vault.db")));
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(homes.legal.resolve("vault.url"))));
    }

    @Test
    void importCaseAddExportAndVerifyWorkOnTheTeamVault() throws Exception {
        String listed = gawah.in(homes.legal, "case", "list").ok().out();
        assertTrue(listed.contains(caseId), listed);
        Path out = base.resolve("package.zip");
        gawah.in(homes.legal, "export", "--case", caseId, "--for", "icc", "--out", out.toString()).ok();
        assertTrue(Files.size(out) > 0);
        String report = gawah.in(homes.legal, "verify", "--vault", "--no-entry").ok().out();
        assertTrue(report.contains("1 record"), report);
        // The rows are on the server, as the commands wrote them.
        assertEquals(1, count("records"));
        assertEquals(0, count("outputs"), "the export's registration was removed once the package was in place");
    }

    /** Four processes append at once; the log stays one chain, nothing lost. */
    @Test
    void severalProcessesAppendingAtOnceLeaveOneUnbrokenSignedChain(@TempDir Path logs) throws Exception {
        long before = count("custody_log");
        List<Process> running = new ArrayList<>();
        int processes = 4;
        int each = 2;
        long started = System.nanoTime();
        for (int p = 0; p < processes; p++) {
            int n = p;
            // Each process verifies (and so appends a 'verified' entry) twice in a row.
            ProcessBuilder builder = new ProcessBuilder("bash", "-c", "for i in $(seq " + each + "); do \"$0\" \"$@\" || exit $?; done",
                    javaCommand(), "-Dorg.postgresql.pgpassfile=" + TestPostgres.server().pgpass(), "-cp", classpath(),
                    "org.gawah.cli.Main", "verify", "--vault", "--home", homes.legal.toString(), "--passphrase-env",
                    Gawah.PASSPHRASE_VAR)
                    .redirectOutput(logs.resolve("p" + n + ".out").toFile())
                    .redirectError(logs.resolve("p" + n + ".err").toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            builder.environment().put(Gawah.PASSPHRASE_VAR, Homes.PASSPHRASE);
            running.add(builder.start());
        }
        for (int p = 0; p < processes; p++) {
            Process process = running.get(p);
            assertTrue(process.waitFor(300, TimeUnit.SECONDS), "process " + p + " ended");
            assertEquals(0, process.exitValue(), Files.readString(logs.resolve("p" + p + ".err")));
        }
        System.out.printf("team vault: %d processes x %d appends in %.1f s%n", processes, each,
                (System.nanoTime() - started) / 1e9);
        assertEquals(before + processes * each, count("custody_log"), "no append lost");
        List<String> lines = gawah.in(homes.legal, "log", "--jsonl").ok().out().lines().toList();
        List<Entry> entries = lines.stream().map(l -> Entry.parseLine(l).entry()).toList();
        for (int i = 1; i < entries.size(); i++) {
            assertEquals(entries.get(i - 1).seq() + 1, entries.get(i).seq());
            assertEquals(entries.get(i - 1).sha256(), entries.get(i).prevSha256(), "entry " + entries.get(i).seq());
        }
        assertEquals(processes * each, entries.stream().filter(e -> e.action() == Action.VERIFIED).count()
                - verifiedBefore(entries, before));
        gawah.in(homes.legal, "verify", "--vault", "--no-entry").ok();
    }

    private static long verifiedBefore(List<Entry> entries, long before) {
        return entries.stream().filter(e -> e.seq() <= before && e.action() == Action.VERIFIED).count();
    }

    @Test
    void anAnalystsAccountCannotUpdateOrDeleteCustodyRows() throws Exception {
        try (Connection c = TestPostgres.connect(analyst.user(), analyst.database()); Statement s = c.createStatement()) {
            SQLException update = assertThrows(SQLException.class, () -> s.executeUpdate("UPDATE custody_log SET entry = entry"));
            assertEquals("42501", update.getSQLState(), update.getMessage());
            assertTrue(update.getMessage().contains("permission denied for table custody_log"), update.getMessage());
            SQLException delete = assertThrows(SQLException.class, () -> s.executeUpdate("DELETE FROM custody_log"));
            assertEquals("42501", delete.getSQLState(), delete.getMessage());
            SQLException records = assertThrows(SQLException.class, () -> s.executeUpdate("DELETE FROM records"));
            assertEquals("42501", records.getSQLState(), records.getMessage());
            SQLException schema = assertThrows(SQLException.class, () -> s.execute("DROP TRIGGER custody_log_append_only ON custody_log"));
            assertTrue(schema.getMessage().contains("must be owner"), schema.getMessage());
            SQLException gap = assertThrows(SQLException.class, () -> s.executeUpdate(
                    "INSERT INTO custody_log VALUES ((SELECT max(seq) + 2 FROM custody_log), 'x', 'y')"));
            assertTrue(gap.getMessage().contains("is not the next one"), gap.getMessage());
        }
        // Even the owner's account meets the triggers: it would have to drop them, visibly.
        try (Connection c = TestPostgres.connect(owner.user(), owner.database()); Statement s = c.createStatement()) {
            SQLException update = assertThrows(SQLException.class, () -> s.executeUpdate("UPDATE custody_log SET entry = entry"));
            assertTrue(update.getMessage().contains("append-only"), update.getMessage());
            SQLException truncate = assertThrows(SQLException.class, () -> s.execute("TRUNCATE custody_log"));
            assertTrue(truncate.getMessage().contains("append-only"), truncate.getMessage());
        }
        gawah.in(homes.legal, "verify", "--vault", "--no-entry").ok();
    }

    @Test
    void aPasswordInTheAddressIsRefusedAndNotEchoed(@TempDir Path dir) {
        Gawah.Result refused = gawah.in(dir.resolve("h"), "init", "--vault", "postgresql://amina:s3cret-pw@127.0.0.1:5432/team");
        assertEquals(2, refused.code(), refused.stderr());
        assertTrue(refused.stderr().contains("must not hold a password"), refused.stderr());
        assertFalse(refused.stderr().contains("s3cret-pw"), refused.stderr());
        assertFalse(Files.exists(dir.resolve("h").resolve("vault.url")));
    }

    @Test
    void aServerOnAnotherComputerWithoutVerifiedTlsIsRefused(@TempDir Path dir) {
        Gawah.Result refused = gawah.in(dir.resolve("h"), "init", "--vault", "postgresql://amina@vault.example.org/team");
        assertEquals(2, refused.code(), refused.stderr());
        assertTrue(refused.stderr().contains("sslmode=verify-full"), refused.stderr());
        Gawah.Result factory = gawah.in(dir.resolve("h"), "init", "--vault",
                "postgresql://amina@127.0.0.1/team?socketFactory=x.Y");
        assertEquals(2, factory.code(), factory.stderr());
        assertTrue(factory.stderr().contains("socketFactory"), factory.stderr());
    }

    @Test
    void anAnalystMeetingAnUnmigratedDatabaseIsToldToAskTheOwner(@TempDir Path dir) throws Exception {
        String empty = "empty_" + ProcessHandle.current().pid();
        TestPostgres.asOwner(TestPostgres.server().owner("postgres"),
                "CREATE DATABASE " + empty + " TEMPLATE template0 LOCALE 'C.UTF-8'");
        Gawah.Result refused = gawah.in(dir.resolve("h"), "init", "--vault", TestPostgres.server().analyst(empty).display());
        assertEquals(74, refused.code(), refused.stderr());
        assertTrue(refused.stderr().contains("ask the vault's owner"), refused.stderr());
        assertFalse(Files.exists(dir.resolve("h").resolve("vault.url")), "no home names a vault that did not open");
    }

    private static long count(String table) throws SQLException {
        try (Connection c = TestPostgres.connect(owner.user(), owner.database()); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT count(*) FROM " + table)) {
            r.next();
            return r.getLong(1);
        }
    }

    private static String javaCommand() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String classpath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }
}
