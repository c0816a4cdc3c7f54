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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An export killed at any moment leaves the vault intact, and the next export to the same name
 * leaves no partial (plaintext) file behind: a package that was logged is kept whole under its
 * id, one that was not is deleted.
 */
class ExportSurvivesSigkillTest {
    private static final double[] MOMENTS = {0.25, 0.5, 0.75, 0.95, 1.0};

    @TempDir
    static Path base;
    static Homes homes;
    static String caseId;
    static long exportMillis;

    @BeforeAll
    static void aCaseWithALargePhoto() throws Exception {
        homes = Homes.copied(base);
        Path photo = base.resolve("photo.jpg");
        // A real JPEG's header (export reads a photo's metadata), then 16 MiB of noise.
        byte[] header = org.gawah.testsupport.Photos.jpeg(5);
        byte[] data = new byte[16 << 20];
        new Random(5).nextBytes(data);
        System.arraycopy(header, 0, data, 0, header.length);
        Files.write(photo, data);
        String id = homes.gawah.inWithInput(homes.documenter, Homes.sampleInput(), "record", "--from", "-",
                "--attach", photo.toString()).ok().out().strip();
        Path bag = base.resolve("bag.zip");
        homes.gawah.in(homes.documenter, "submit", "--out", bag.toString()).ok();
        homes.gawah.in(homes.legal, "import", bag.toString()).ok();
        caseId = homes.gawah.caseCreate(homes.legal, "Large").ok().out().strip();
        homes.gawah.in(homes.legal, "case", "add", caseId, id).ok();
        Path home = copy(homes.legal, "timing-home");
        long started = System.nanoTime();
        Process process = GawahProcess.start(List.of("-Xmx64m"), home, base.resolve("timing"),
                "export", "--case", caseId, "--for", "icc", "--out", base.resolve("timing.zip").toString());
        assertTrue(process.waitFor(2, TimeUnit.MINUTES));
        assertEquals(0, process.exitValue(), Files.readString(base.resolve("timing.err")));
        exportMillis = (System.nanoTime() - started) / 1_000_000;
    }

    @Test
    void aKilledExportLeavesTheVaultIntactAndTheNextExportCleansUp() throws Exception {
        for (int run = 0; run < MOMENTS.length; run++) {
            Path dir = Files.createDirectories(base.resolve("export-" + run));
            Path home = copy(homes.legal, "home-" + run);
            Path out = dir.resolve("icc.zip");
            Process process = GawahProcess.start(List.of("-Xmx64m"), home, dir.resolve("log"),
                    "export", "--case", caseId, "--for", "icc", "--out", out.toString());
            process.waitFor((long) (exportMillis * MOMENTS[run]), TimeUnit.MILLISECONDS);
            process.destroyForcibly();
            assertTrue(process.waitFor(30, TimeUnit.SECONDS));

            homes.gawah.in(home, "verify", "--vault", "--no-entry").ok();
            if (Files.exists(out)) {
                homes.gawah.in(home, "verify", out.toString()).ok();
            }
            Path again = Files.exists(out) ? dir.resolve("again.zip") : out;
            homes.gawah.in(home, "export", "--case", caseId, "--for", "icc", "--out", again.toString()).ok();
            homes.gawah.in(home, "verify", again.toString()).ok();
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.toList()) {
                    String name = file.getFileName().toString();
                    assertTrue(!name.endsWith(".partial"), "no partial package is left: " + name);
                    if (name.startsWith("GWE-")) {
                        homes.gawah.in(home, "verify", file.toString()).ok(); // logged before the kill: kept whole
                    }
                }
            }
        }
    }

    private static Path copy(Path home, String name) throws IOException {
        Path copy = base.resolve(name);
        Homes.copy(home, copy);
        return copy;
    }
}
