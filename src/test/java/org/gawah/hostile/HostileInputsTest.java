package org.gawah.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;



import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.gawah.hostile.Planner.Run;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every file of the hostile corpus (src/test/resources/org/gawah/hostile, see its README), fed to
 * the command that would meet it, in one child JVM capped at 256 MiB of heap ({@link HostileRun}):
 * each must end in one clear "gawah: error:" line with its exit code, within 10 s, with no
 * Throwable escaping and no stack trace, and leave the home (vault, keys) byte for byte as it was.
 * Valid inputs of each kind run too, as controls: they show that the homes are set up so that
 * the hostile inputs get as deep as they can. A hostile input that is rightly accepted (a sealed
 * message that is no testimony: {@code open} shows what was signed) must still change nothing.
 */
class HostileInputsTest {
    /** Each command's bound: a correctness bound, not a benchmark. */
    static final long MAX_MILLIS = 10_000;
    static final String HEAP = "-Xmx256m";
    /** What a library's own exception text shows: "null", its class names, an object's identity (SecretSubkeyPacket@1ae12304). */
    static final java.util.regex.Pattern LIBRARY_WORDS =
            java.util.regex.Pattern.compile("\\(null\\)|: null\\b|org\\.bouncycastle|[A-Za-z]@[0-9a-f]{4,8}\\b|\\bclass [a-z]+\\.");

    @TempDir
    static Path base;
    static Planner planner;
    static final List<Run> runs = new ArrayList<>();
    static final Map<String, Result> results = new LinkedHashMap<>();
    static String childLog;

    /** What the child JVM reported for one command. */
    record Result(int exit, long millis, long peakHeapMiB, String thrown, int stdoutBytes, boolean homeChanged, String stderr) {
        static Result parse(String[] f) {
            return new Result(Integer.parseInt(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3]), f[4], Integer.parseInt(f[5]),
                    Boolean.parseBoolean(f[6]), f.length > 7 ? HostileRun.unescape(f[7]) : "");
        }
    }

    @BeforeAll
    static void runTheCorpus() throws Exception {
        planner = new Planner(base);
        List<Corpus.Case> all = new ArrayList<>(Planner.cases());
        all.addAll(Planner.madeNow(base.resolve("made")));
        int n = 0;
        for (Corpus.Case c : all) {
            n++;
            if (!c.known().isEmpty() || c.command().equals("record-and-open")) {
                continue;
            }
            Run run = planner.plan(String.format("%03d", n), c);
            if (run != null) {
                runs.add(run);
            }
        }
        Path plan = base.resolve("plan.tsv");
        Files.write(plan, runs.stream().map(Run::planLine).toList());
        Path out = base.resolve("results.tsv");
        Path log = base.resolve("child.log");
        Process child = new ProcessBuilder(HostileProcesses.java(List.of(HEAP), HostileRun.class.getName(),
                plan.toString(), out.toString())).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean ended = child.waitFor(150, TimeUnit.SECONDS);
        if (!ended) {
            child.destroyForcibly().waitFor();
        }
        childLog = Files.exists(log) ? Files.readString(log) : "";
        if (Files.exists(out)) {
            for (String line : Files.readAllLines(out)) {
                String[] f = line.split("\t", -1);
                results.put(f[0], Result.parse(f));
            }
        }
    }

    /** Every command's outcome, slowest first: target/hostile-inputs.txt (the worst time and heap are the first lines). */
    @AfterAll
    static void report() throws IOException {
        List<String> lines = new ArrayList<>();
        for (Run run : runs) {
            Result r = results.get(run.id());
            String error = r == null ? "(no result)" : r.stderr().lines().filter(l -> l.startsWith("gawah: error: ")).findFirst().orElse("");
            lines.add(r == null ? "-\t-\t" : r.millis() + " ms\t" + r.peakHeapMiB() + " MiB\texit " + r.exit() + "\t"
                    + run.spec().command() + " " + Path.of(run.spec().file()).getFileName() + "\t" + error);
        }
        lines.sort(java.util.Comparator.comparingLong((String l) -> l.startsWith("-") ? Long.MAX_VALUE
                : Long.parseLong(l.substring(0, l.indexOf(' ')))).reversed());
        Path target = Path.of("target");
        if (Files.isDirectory(target)) {
            Files.write(target.resolve("hostile-inputs.txt"), lines);
        }
    }

    @TestFactory
    Stream<DynamicTest> everyHostileInputIsRefusedCleanly() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Run run : runs) {
            tests.add(dynamicTest(run.spec().command() + " " + Path.of(run.spec().file()).getFileName(), () -> check(run)));
        }
        for (Corpus.Case c : Planner.cases()) {
            if (!c.known().isEmpty()) {
                tests.add(dynamicTest(c.command() + " " + c.file() + " (known failure)",
                        () -> Assumptions.abort("known failure (cases.tsv, column known): " + c.known())));
            }
        }
        return tests.stream();
    }

    static void check(Run run) {
        Result result = results.get(run.id());
        assertNotNull(result, "no result: the child JVM ended or hung before this command (" + run.planLine()
                + ")\nchild output:\n" + childLog);
        String what = String.join(" ", run.args()) + "\nstderr: " + result.stderr();
        assertEquals("-", result.thrown(), "a Throwable escaped: " + what);
        assertTrue(result.millis() < MAX_MILLIS, "took " + result.millis() + " ms: " + what);
        assertFalse(result.stderr().contains("\tat ") || result.stderr().contains("Exception in thread"), "stack trace: " + what);
        UntrustedTextTest.assertNothingRaw(what, result.stderr()); // what a crafted input puts in a message is shown, not obeyed
        Corpus.Case spec = run.spec();
        if (spec.command().equals("import-and-open-attachments")) {
            // Opening is logged before anything is shown (custody entries): no record, no file may come of it.
            assertEquals(planner.listings.get(run.id()), planner.homes.gawah.in(run.home(), "list").ok().out(), "records changed: " + what);
            try (var files = Files.list(Path.of(run.args().get(run.args().size() - 1)))) {
                assertEquals(0, files.count(), "files written: " + what);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        } else if (!(spec.accepted() && spec.command().startsWith("import-key"))) {
            assertFalse(result.homeChanged(), "the home changed: " + what);
        }
        assertTrue(spec.expects(result.exit()), "exit code " + result.exit() + ", expected " + spec.exit() + ": " + what);
        if (spec.accepted()) {
            if (spec.command().equals("open") || spec.command().equals("valid") && run.args().get(0).equals("open")) {
                assertTrue(result.stdoutBytes() > 0, "the content shown: " + what);
            }
            return;
        }
        assertOneErrorLine(result.stderr(), spec.says(), what);
    }

    /** One "gawah: error:" line (naming {@code says}), at most a hint besides, every line gawah's own. */
    static void assertOneErrorLine(String stderr, String says, String what) {
        List<String> errors = stderr.lines().filter(line -> line.startsWith("gawah: error: ")).toList();
        assertEquals(1, errors.size(), "one error line: " + what);
        assertTrue(errors.get(0).contains(says), "the error names '" + says + "': " + what);
        assertTrue(errors.get(0).length() < 1000, "a short error line (" + errors.get(0).length() + " chars): " + what);
        assertFalse(LIBRARY_WORDS.matcher(errors.get(0)).find(), "the problem in plain words, not the library's: " + what);
        assertTrue(stderr.lines().allMatch(line -> line.startsWith("gawah: ")), "only gawah's own lines: " + what);
    }
}
