package org.gawah.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.gawah.testsupport.GawahProcess;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The heaviest inputs of the corpus (the slowest and hungriest in {@link HostileInputsTest}'s
 * report: bombs, Argon2 keys, 300 MiB files), each in a real gawah process of its own with
 * {@code -Xmx256m}: its real exit code (as System.exit gives it), its real stderr, its wall time
 * from start to end (JVM start included) under 10 s, no OutOfMemoryError or stack trace, nothing
 * on stdout for {@code open}, and the home unchanged.
 */
class HostileProcessesTest {
    static final Set<String> HEAVIEST = Set.of(
            "open message-bomb-zlib-1gib.pgp", "open message-bomb-bzip2-1gib.pgp", "open message-compressed-5000-deep.pgp",
            "open message-20000-one-pass-signatures.pgp", "open message-partial-length-300k-chunks.pgp",
            "verify-sealed message-100000-markers.pgp", "import-key-legal key-3000-user-ids-bogus.pgp",
            "import-key-legal key-v6-secret-argon2-2tib.asc", "own-key own-key-v6-argon2-2tib.asc",
            "own-key own-key-v6-argon2-16gib.asc",
            "record testimony-nesting-100000.json", "record testimony-account-8mib-plus-1.json",
            "verify-bag bag-certificate-3000-user-ids.zip", "verify-package package-sidecar-nesting-100000.zip",
            "verify-sealed message-bomb-zlib-1gib.pgp", "verify-sealed message-bomb-bzip2-1gib.pgp",
            "open message-padding-bomb-1gib.pgp",
            "open message-2000-foreign-recipients.pgp",
            "open sparse-300mib.pgp", "import-key-legal sparse-300mib.pgp", "record sparse-300mib.pgp");

    @TempDir
    static Path base;
    static Planner planner;

    static final List<String> report = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Each process's wall time, slowest first: target/hostile-processes.txt. */
    @org.junit.jupiter.api.AfterAll
    static void writeReport() throws IOException {
        List<String> lines = new ArrayList<>(report);
        lines.sort(java.util.Comparator.comparingLong((String l) -> Long.parseLong(l.substring(0, l.indexOf(' ')))).reversed());
        if (Files.isDirectory(Path.of("target"))) {
            Files.write(Path.of("target", "hostile-processes.txt"), lines);
        }
    }

    @BeforeAll
    static void homes() {
        planner = new Planner(base);
    }

    static Stream<org.junit.jupiter.api.Named<Corpus.Case>> heaviest() throws IOException {
        List<Corpus.Case> all = new ArrayList<>(Planner.cases());
        all.addAll(Planner.madeNow(Path.of("target", "hostile-made").toAbsolutePath()));
        List<Corpus.Case> chosen = all.stream().filter(c -> c.known().isEmpty()
                && HEAVIEST.contains(c.command() + " " + Path.of(c.file()).getFileName())).toList();
        assertEquals(HEAVIEST.size(), chosen.size(), "every chosen input is in the corpus");
        return chosen.stream().map(c -> org.junit.jupiter.api.Named.of(c.command() + " " + Path.of(c.file()).getFileName(), c));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("heaviest")
    void refusedByARealProcessWithin10sAnd256MiB(Corpus.Case c) throws Exception {
        Planner.Run run = planner.plan(c.command() + "-" + Path.of(c.file()).getFileName(), c);
        Outcome outcome = runAlone(run);
        report.add(outcome.millis() + " ms\texit " + outcome.exit() + "\t" + c.command() + " " + Path.of(c.file()).getFileName());
        assertFalse(outcome.stderr().contains("OutOfMemoryError") || outcome.stderr().contains("Exception in thread")
                || outcome.stderr().contains("\tat "), outcome.what());
        assertTrue(outcome.millis() < HostileInputsTest.MAX_MILLIS, "took " + outcome.millis() + " ms: " + outcome.what());
        assertTrue(c.expects(outcome.exit()), "exit " + outcome.exit() + ", expected " + c.exit() + ": " + outcome.what());
        if (c.command().equals("open") || c.command().equals("own-key")) {
            assertEquals(0, outcome.stdoutBytes(), "nothing on stdout: " + outcome.what());
        }
        HostileInputsTest.assertOneErrorLine(outcome.stderr(), c.says(), outcome.what());
        assertFalse(outcome.homeChanged(), "the home changed: " + outcome.what());
    }

    /** What one process did. */
    record Outcome(int exit, long millis, long stdoutBytes, String stderr, boolean homeChanged, String what) {
    }

    static Outcome runAlone(Planner.Run run) throws Exception {
        Path logs = base.resolve("log-" + run.id().replaceAll("[^A-Za-z0-9.-]", "_"));
        String before = HostileRun.state(run.home());
        List<String> args = new ArrayList<>(run.args());
        args.addAll(List.of("--lang", "en"));
        long start = System.nanoTime();
        Process process = GawahProcess.start(List.of(HostileInputsTest.HEAP), run.home(), logs, args.toArray(new String[0]));
        boolean ended = process.waitFor(60, TimeUnit.SECONDS);
        long millis = (System.nanoTime() - start) / 1_000_000;
        if (!ended) {
            process.destroyForcibly().waitFor();
        }
        // slf4j-api is on the test class path only (through gov.loc:bagit): sqlite-jdbc then says it has no binding.
        String stderr = Files.readString(logs.resolveSibling(logs.getFileName() + ".err")).lines()
                .filter(line -> !line.startsWith("SLF4J: ")).collect(java.util.stream.Collectors.joining("\n"));
        long stdout = Files.size(logs.resolveSibling(logs.getFileName() + ".out"));
        boolean changed = !before.equals(HostileRun.state(run.home()));
        return new Outcome(ended ? process.exitValue() : -1, millis, stdout, stderr, changed,
                String.join(" ", run.args()) + "\nstderr: " + stderr);
    }
}
