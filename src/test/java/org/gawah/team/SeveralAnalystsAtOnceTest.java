package org.gawah.team;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.gawah.Digests;
import org.gawah.custody.Action;
import org.gawah.custody.Entry;
import org.gawah.custody.EntrySigner;
import org.gawah.keys.Keyring;
import org.gawah.openpgp.SecretKey;
import org.gawah.testsupport.Gawah;
import org.gawah.testsupport.Homes;
import org.gawah.testsupport.TestPostgres;
import org.gawah.vault.VaultLocation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Several analysts at once on one team vault, each signing with their own key (issue 21): on a
 * real PostgreSQL server through analysts' accounts, and on one vault file two homes share. Two
 * analysts' processes (real JVMs, {@link AnalystWorkload}) import, open, edit cases and export at
 * the same time; the custody log stays one chain whose every entry verifies, in both analysts'
 * homes, and holds every entry each successful operation appended (nothing lost). Then an entry
 * signed by a key the log never admitted, slipped in through the database, is refused.
 */
@ExtendWith(TestPostgres.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SeveralAnalystsAtOnceTest {
    /** Operations per analyst's process: the load test's short version (bench/team-load.sh runs 4 x 500). */
    static final int OPS = 20;

    @TempDir
    static Path base;
    final Map<String, TeamFixture> teams = new HashMap<>();
    final Map<String, String> vaults = new HashMap<>();
    VaultLocation.Postgres owner;

    @BeforeAll
    void twoTeamsOfTwoAnalystsEachWithADocumenter() {
        owner = TestPostgres.freshVault();
        vaults.put("postgresql", TestPostgres.server().analyst(owner.database()).display());
        vaults.put("sqlite", base.resolve("shared").resolve("team.db").toString());
        try {
            Files.createDirectories(base.resolve("shared"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        for (String engine : vaults.keySet()) {
            teams.put(engine, new TeamFixture(base.resolve(engine), vaults.get(engine), 2, 1, 3));
        }
    }

    @Order(1)
    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "sqlite"})
    void twoAnalystsProcessesInterleaveAndTheLogStaysOneChainWithNothingLost(String engine) throws Exception {
        TeamFixture team = teams.get(engine);
        Path logs = Files.createDirectories(base.resolve(engine + "-logs"));
        long before = entries(team).size();
        List<Process> running = new ArrayList<>();
        for (int a = 0; a < 2; a++) {
            running.add(workload(team.analysts.get(a), team.bags.get(a), OPS, logs.resolve("analyst-" + a)));
        }
        for (int a = 0; a < 2; a++) {
            Process process = running.get(a);
            assertTrue(process.waitFor(600, TimeUnit.SECONDS), "analyst " + a + "'s process ended");
            assertEquals(0, process.exitValue(), Files.readString(logs.resolve("analyst-" + a + ".err")));
        }
        List<Entry> log = entries(team);
        assertEquals(List.of(), TeamLogCheck.chainProblems(log), "one chain");
        for (int a = 0; a < 2; a++) {
            TeamLogCheck.Output output = TeamLogCheck.read(logs.resolve("analyst-" + a));
            for (TeamLogCheck.Operation operation : output.operations()) {
                assertEquals(0, operation.exit(), "every operation of analyst " + a + " succeeded: " + operation);
            }
            assertEquals(OPS, output.operations().size());
            assertEquals(List.of(), TeamLogCheck.lostOrExtra(log, before, team.fingerprints.get(a), output.expected()),
                    "nothing lost, nothing twice");
            assertTrue(output.expected().values().stream().mapToInt(Integer::intValue).sum() >= OPS * 3 / 4,
                    "most operations of analyst " + a + " log something: " + output.expected());
        }
        assertTrue(TeamLogCheck.switches(log, before) >= 2, "the two analysts' entries interleave in the one log");
        // Each analyst's home checks every entry, its own and the other's, each by its signer's key.
        for (int a = 0; a < 2; a++) {
            Process verify = process(team.analysts.get(a), logs.resolve("verify-" + a), "verify", "--vault", "--no-entry");
            assertTrue(verify.waitFor(300, TimeUnit.SECONDS));
            assertEquals(0, verify.exitValue(), Files.readString(logs.resolve("verify-" + a + ".err")));
            String report = Files.readString(logs.resolve("verify-" + a + ".out"));
            assertTrue(report.contains("vault intact: " + log.size() + " custody entries"), report);
        }
    }

    /**
     * A database account holder (or anyone who can write the file) with a key of their own: an
     * entry admitting that key, signed by it, then an entry it signed, chained correctly onto the
     * log's head. The log never admitted the key, so verify --vault refuses at the first of them,
     * and every command refuses the head.
     */
    @Order(2)
    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "sqlite"})
    void anEntrySignedByAKeyTheLogDoesNotAdmitIsRefusedByVerify(String engine) throws Exception {
        TeamFixture team = teams.get(engine);
        Gawah gawah = team.gawah;
        Path strangerHome = base.resolve(engine + "-stranger");
        gawah.in(strangerHome, "init").ok();
        gawah.in(strangerHome, "keys", "generate", "--name", "Not an analyst").ok();
        SecretKey stranger = new Keyring(strangerHome.resolve("keys")).requireOwnKey();
        EntrySigner signer = new EntrySigner(stranger.unlockForSigning(Homes.PASSPHRASE.toCharArray(), Instant.now()));
        List<Entry> log = entries(team);
        Entry head = log.get(log.size() - 1);
        String record = log.stream().filter(e -> e.action() == Action.OPENED).findFirst().orElseThrow().subject();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Entry.Signed admission = signer.sign(new Entry(head.seq() + 1, now, stranger.fingerprint(), Action.ANALYST_ADDED,
                stranger.fingerprint(), Digests.sha256(stranger.certificate().encoded()), head.sha256()));
        Entry.Signed opened = signer.sign(new Entry(head.seq() + 2, now, stranger.fingerprint(), Action.OPENED, record,
                log.stream().filter(e -> e.subject().equals(record)).findFirst().orElseThrow().subjectSha256(),
                admission.entry().sha256()));
        try (Connection c = connection(engine, team)) {
            insert(c, admission);
            insert(c, opened);
        }
        Path logs = base.resolve(engine + "-logs");
        for (int a = 0; a < 2; a++) {
            Process verify = process(team.analysts.get(a), logs.resolve("forged-" + a), "verify", "--vault", "--no-entry");
            assertTrue(verify.waitFor(300, TimeUnit.SECONDS));
            String stderr = Files.readString(logs.resolve("forged-" + a + ".err"));
            assertEquals(41, verify.exitValue(), stderr);
            assertTrue(stderr.contains("is broken at entry " + (head.seq() + 1) + ": it names actor " + stranger.fingerprint()
                    + ", a key not known here"), stderr);
        }
        // Every other command stops before it trusts a key: the forged admission is one of the entries keys rest on.
        Gawah.Result open = gawah.in(team.analysts.get(1), "open", record);
        assertEquals(41, open.code(), open.stderr());
        assertTrue(open.stderr().contains("custody entry " + (head.seq() + 1) + ", on which this home's keys rest, it admits an"
                + " analyst, but its own signer " + stranger.fingerprint() + " was not admitted before it"), open.stderr());
        assertEquals("", open.out(), "nothing opened");
    }

    private Process workload(Path home, Path bags, int ops, Path logs) throws IOException {
        return start(List.of("org.gawah.team.AnalystWorkload", home.toString(), bags.toString(), String.valueOf(ops),
                logs.toString()), logs);
    }

    private Process process(Path home, Path logs, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("org.gawah.cli.Main"));
        command.addAll(List.of(args));
        command.addAll(List.of("--home", home.toString()));
        return start(command, logs);
    }

    /** A real JVM with the tests' class path; the pgpass file and the passphrase as the tests give them. */
    private static Process start(List<String> mainAndArgs, Path logs) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-Dorg.postgresql.pgpassfile=" + TestPostgres.server().pgpass(), "-cp", classpath()));
        command.addAll(mainAndArgs);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(logs.resolveSibling(logs.getFileName() + ".out").toFile())
                .redirectError(logs.resolveSibling(logs.getFileName() + ".err").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().put(Gawah.PASSPHRASE_VAR, Homes.PASSPHRASE);
        return builder.start();
    }

    private static String classpath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }

    private static List<Entry> entries(TeamFixture team) {
        return team.gawah.in(team.analysts.get(0), "log", "--jsonl").ok().out().lines()
                .map(line -> Entry.parseLine(line).entry()).toList();
    }

    /** Behind Gawah's back: an analyst's own database account, or the shared file itself. */
    private Connection connection(String engine, TeamFixture team) throws SQLException {
        if (engine.equals("postgresql")) {
            VaultLocation.Postgres analyst = TestPostgres.server().analyst(owner.database());
            return TestPostgres.connect(analyst.user(), analyst.database());
        }
        return DriverManager.getConnection("jdbc:sqlite:" + vaults.get("sqlite"));
    }

    private static void insert(Connection c, Entry.Signed signed) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO custody_log (seq, entry, signature) VALUES (?, ?, ?)")) {
            insert.setLong(1, signed.entry().seq());
            insert.setBytes(2, signed.entry().canonical());
            insert.setBytes(3, signed.signature());
            insert.executeUpdate();
        }
    }
}
