package org.gawah.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.gawah.testsupport.GawahProcess;
import org.gawah.testsupport.Homes;
import org.gawah.testsupport.TestEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * SIGKILL a real {@code gawah submit} or {@code gawah import} at moments spread over its run, on
 * both engines (on PostgreSQL the process killed is the client, its connection dropped mid-write;
 * at two moments, each run a JVM). Afterwards the vault's chain verifies, an import is all or nothing, a bag
 * that exists is whole, and running the command again finishes the job.
 */
@ParameterizedClass
@EnumSource(TestEngine.class)
class SubmitAndImportSurviveSigkillTest {
    private static final double[] MOMENTS = {0.15, 0.35, 0.55, 0.75, 0.9, 1.0};
    private static final double[] SERVER_MOMENTS = {0.5, 0.9};

    @Parameter
    TestEngine engine;

    @TempDir
    static Path root;
    /** This engine's folder under root. */
    static Path base;
    static TestEngine onEngine;
    static Homes homes;
    static String small;
    static String large;
    static Path bag;
    static long submitMillis;
    static long importMillis;

    @BeforeParameterizedClassInvocation
    static void twoRecordsOneLarge(TestEngine engine) throws Exception {
        base = Files.createDirectories(root.resolve(engine.name()));
        onEngine = engine;
        homes = engine.homes(base);
        small = homes.record();
        Path video = base.resolve("video.mp4");
        byte[] data = new byte[40 << 20];
        new Random(11).nextBytes(data);
        Files.write(video, data);
        large = homes.gawah.inWithInput(homes.documenter, Homes.sampleInput(), "record", "--from", "-",
                "--attach", video.toString()).ok().out().strip();
        Path home = copy(homes.documenter, "timing-documenter");
        bag = base.resolve("bag.zip");
        submitMillis = timed(home, "timing-submit", "submit", "--out", bag.toString());
        importMillis = timed(copy(homes.legal, "timing-legal"), "timing-import", "import", bag.toString());
    }

    @Test
    void aKilledSubmitLeavesTheVaultIntactAndTheNextSubmitWhole() throws Exception {
        double[] moments = moments();
        for (int run = 0; run < moments.length; run++) {
            Path dir = Files.createDirectories(base.resolve("submit-" + run));
            Path home = copy(homes.documenter, "submit-home-" + run);
            Path out = dir.resolve("bag.zip");
            kill(home, dir.resolve("log"), (long) (submitMillis * moments[run]), "submit", "--out", out.toString());

            homes.gawah.in(home, "verify", "--vault", "--no-entry").ok();
            if (Files.exists(out)) {
                homes.gawah.in(homes.legal, "verify", out.toString()).ok();
            }
            // The documenter runs the same command again (or, when the bag was made, a new one).
            Path again = Files.exists(out) ? dir.resolve("again.zip") : out;
            homes.gawah.in(home, "submit", "--out", again.toString()).ok();
            homes.gawah.in(homes.legal, "verify", again.toString()).ok();
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.toList()) {
                    String name = file.getFileName().toString();
                    assertTrue(!name.endsWith(".partial"), "no partial bag is left: " + name);
                    if (name.startsWith("GWB-")) {
                        homes.gawah.in(homes.legal, "verify", file.toString()).ok(); // a logged bag, recovered whole
                    }
                }
            }
        }
    }

    @Test
    void aKilledImportStoresAllOrNothingAndTheNextImportCompletes() throws Exception {
        double[] moments = moments();
        for (int run = 0; run < moments.length; run++) {
            Path home = copy(homes.legal, "import-home-" + run);
            kill(home, base.resolve("import-" + run), (long) (importMillis * moments[run]), "import", bag.toString());

            homes.gawah.in(home, "verify", "--vault", "--no-entry").ok();
            String list = homes.gawah.in(home, "list").ok().out();
            assertEquals(list.contains(small), list.contains(large), "all or nothing: " + list);
            homes.gawah.in(home, "import", bag.toString()).ok();
            list = homes.gawah.in(home, "list").ok().out();
            assertTrue(list.contains(small) && list.contains(large), list);
            homes.gawah.in(home, "verify", "--vault", "--no-entry").ok();
        }
    }

    private double[] moments() {
        return engine == TestEngine.SQLITE ? MOMENTS : SERVER_MOMENTS;
    }

    /** What a child gawah takes: a small heap (memory does not grow with the bag), and what reaches the engine. */
    private static List<String> jvm() {
        List<String> options = new java.util.ArrayList<>(onEngine.childJvmOptions());
        options.add("-Xmx64m");
        return options;
    }

    private static void kill(Path home, Path log, long afterMillis, String... args) throws Exception {
        Process process = GawahProcess.start(jvm(), home, log, args);
        process.waitFor(afterMillis, TimeUnit.MILLISECONDS);
        process.destroyForcibly();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
    }

    private static long timed(Path home, String log, String... args) throws Exception {
        long started = System.nanoTime();
        Process process = GawahProcess.start(jvm(), home, base.resolve(log), args);
        assertTrue(process.waitFor(2, TimeUnit.MINUTES));
        assertEquals(0, process.exitValue(), Files.readString(base.resolve(log + ".err")));
        return (System.nanoTime() - started) / 1_000_000;
    }

    private static Path copy(Path home, String name) throws IOException {
        Path copy = base.resolve(name);
        Homes.copy(home, copy);
        return copy;
    }
}
