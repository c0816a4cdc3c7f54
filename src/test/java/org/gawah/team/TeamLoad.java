package org.gawah.team;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.gawah.custody.Entry;
import org.gawah.testsupport.Gawah;
import org.gawah.testsupport.Homes;
import org.gawah.testsupport.TestPostgres;
import org.gawah.vault.VaultLocation;

/**
 * The team-vault load benchmark (bench/team-load.sh; not part of the tests, which run
 * {@link SeveralAnalystsAtOnceTest}'s short version): {@code ANALYSTS} analysts' processes, each
 * {@code OPS} mixed operations ({@link AnalystWorkload}: imports, opens, case edits, exports)
 * against one PostgreSQL vault through analysts' accounts, all at once. Then {@code verify
 * --vault} in every analyst's home, the chain and every operation's entries found in the log
 * (nothing lost), and the figures: throughput, and latency (median, p95, max) overall and by kind.
 *
 * <p>Run: {@code java -cp TEST-CLASSPATH org.gawah.team.TeamLoad ANALYSTS OPS WORK} (the
 * server: {@code GAWAH_TEST_POSTGRES} and {@code PGPASSFILE}, else one started for the run).
 */
public final class TeamLoad {
    private TeamLoad() {
    }

    public static void main(String[] args) throws Exception {
        int analysts = Integer.parseInt(args[0]);
        int ops = Integer.parseInt(args[1]);
        Path work = Path.of(args[2]);
        long setupStarted = System.nanoTime();
        VaultLocation.Postgres owner = TestPostgres.freshVault();
        String vault = TestPostgres.server().analyst(owner.database()).display();
        System.err.printf("team-load: %d analysts x %d operations on %s; setting up the team (keys, documenters, bags)%n",
                analysts, ops, vault);
        TeamFixture team = new TeamFixture(work, vault, analysts, ops / 20 + 1, 3);
        System.err.printf("team-load: set up in %.0f s; running%n", (System.nanoTime() - setupStarted) / 1e9);
        long before = entries(team).size();
        Path logs = Files.createDirectories(work.resolve("logs"));
        List<Process> running = new ArrayList<>();
        long started = System.nanoTime();
        for (int a = 0; a < analysts; a++) {
            running.add(start(List.of("org.gawah.team.AnalystWorkload", team.analysts.get(a).toString(),
                    team.bags.get(a).toString(), String.valueOf(ops), logs.resolve("analyst-" + a).toString()),
                    logs.resolve("analyst-" + a)));
        }
        boolean allDone = true;
        for (Process process : running) {
            allDone &= process.waitFor(6, TimeUnit.HOURS);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        List<String> problems = new ArrayList<>();
        if (!allDone) {
            problems.add("an analyst's process did not end");
        }
        List<TeamLogCheck.Operation> operations = new ArrayList<>();
        List<Entry> log = entries(team);
        problems.addAll(TeamLogCheck.chainProblems(log));
        for (int a = 0; a < analysts; a++) {
            TeamLogCheck.Output output = TeamLogCheck.read(logs.resolve("analyst-" + a));
            operations.addAll(output.operations());
            problems.addAll(TeamLogCheck.lostOrExtra(log, before, team.fingerprints.get(a), output.expected()));
        }
        long failed = operations.stream().filter(o -> o.exit() != 0).count();
        if (failed > 0) {
            problems.add(failed + " operations failed (see " + logs + "/analyst-*.err)");
        }
        for (int a = 0; a < analysts; a++) {
            Gawah.Result verified = team.gawah.in(team.analysts.get(a), "verify", "--vault", "--no-entry");
            if (verified.code() != 0) {
                problems.add("verify --vault in analyst " + a + "'s home: " + verified.stderr().strip());
            } else if (a == 0) {
                System.out.print(verified.out());
            }
        }
        report(operations, seconds, log.size() - before, TeamLogCheck.switches(log, before));
        if (problems.isEmpty()) {
            System.out.printf("chain intact, every entry verified in each of the %d analysts' homes; no operation lost%n",
                    analysts);
        } else {
            problems.forEach(p -> System.out.println("PROBLEM: " + p));
        }
        System.exit(problems.isEmpty() ? 0 : 1);
    }

    private static void report(List<TeamLogCheck.Operation> operations, double seconds, long entries, int switches) {
        System.out.printf(Locale.ROOT, "%d operations in %.1f s: %.2f operations/s, %d custody entries (%.2f/s),"
                        + " the signer changing %d times between consecutive entries%n",
                operations.size(), seconds, operations.size() / seconds, entries, entries / seconds, switches);
        System.out.printf(Locale.ROOT, "retries after 'vault busy': %d%n",
                operations.stream().mapToInt(TeamLogCheck.Operation::retries).sum());
        System.out.printf(Locale.ROOT, "%-12s %6s %9s %9s %9s%n", "latency (s)", "count", "median", "p95", "max");
        Map<String, List<Long>> byKind = new TreeMap<>();
        for (TeamLogCheck.Operation operation : operations) {
            byKind.computeIfAbsent(operation.kind(), k -> new ArrayList<>()).add(operation.millis());
            byKind.computeIfAbsent("all", k -> new ArrayList<>()).add(operation.millis());
        }
        byKind.forEach((kind, millis) -> {
            List<Long> sorted = millis.stream().sorted().toList();
            System.out.printf(Locale.ROOT, "%-12s %6d %9.2f %9.2f %9.2f%n", kind, sorted.size(), at(sorted, 0.50),
                    at(sorted, 0.95), sorted.get(sorted.size() - 1) / 1000.0);
        });
    }

    /** The nearest-rank percentile, in seconds. */
    private static double at(List<Long> sorted, double fraction) {
        int rank = (int) Math.ceil(fraction * sorted.size());
        return sorted.get(Math.max(0, rank - 1)) / 1000.0;
    }

    private static List<Entry> entries(TeamFixture team) {
        return team.gawah.in(team.analysts.get(0), "log", "--jsonl").ok().out().lines()
                .map(line -> Entry.parseLine(line).entry()).toList();
    }

    private static Process start(List<String> mainAndArgs, Path logs) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-Dorg.postgresql.pgpassfile=" + TestPostgres.server().pgpass(), "-cp",
                System.getProperty("java.class.path")));
        command.addAll(mainAndArgs);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(logs.resolveSibling(logs.getFileName() + ".out").toFile())
                .redirectError(logs.resolveSibling(logs.getFileName() + ".err").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().put(Gawah.PASSPHRASE_VAR, Homes.PASSPHRASE);
        return builder.start();
    }
}
