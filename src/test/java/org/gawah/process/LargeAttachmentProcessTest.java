package org.gawah.process;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.gawah.testsupport.GawahProcess;
import org.gawah.testsupport.Homes;
import org.gawah.testsupport.Media;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.gawah.vault.Vault;
import org.gawah.vault.VaultTamper;
import org.gawah.testsupport.TestEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Real child processes: constant memory under a small heap, on both engines (on PostgreSQL the
 * chunks streamed to the server, the driver given no copy of them), and a SIGKILL in the middle of
 * a large seal. The 256 MiB film is made once for both.
 */
class LargeAttachmentProcessTest {
    /** 256 MiB through a 32 MiB heap: memory does not grow with the file (the benchmark shows 1 GiB under 64 MiB). */
    private static final long SIZE = 256L << 20;

    @TempDir
    static Path base;
    /** Each engine's homes, made when its first test asks. */
    static final Map<TestEngine, Homes> HOMES = new EnumMap<>(TestEngine.class);
    static Path big;
    static Path input;

    @BeforeAll
    static void setUp() throws Exception {
        // A film as a camera that writes its header last lays it out: the metadata after 256 MiB of media data.
        big = base.resolve("video.mp4");
        byte[] block = new byte[1 << 20];
        Random random = new Random(11);
        try (OutputStream out = Files.newOutputStream(big)) {
            out.write(Media.ftyp());
            out.write(java.nio.ByteBuffer.allocate(8).putInt((int) (SIZE + 8)).put("mdat".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).array());
            for (long written = 0; written < SIZE; written += block.length) {
                random.nextBytes(block);
                out.write(block);
            }
            out.write(Media.box("moov", Media.mvhd(Media.CREATED_1904, 7), Media.udtaXyz("+34.3482+062.1997/")));
        }
        input = base.resolve("testimony.json");
        Files.write(input, Homes.sampleInput());
    }

    static synchronized Homes homes(TestEngine engine) throws Exception {
        if (!HOMES.containsKey(engine)) {
            HOMES.put(engine, engine.homes(Files.createDirectories(base.resolve(engine.name()))));
        }
        return HOMES.get(engine);
    }

    @ParameterizedTest
    @EnumSource(TestEngine.class)
    void sealsAndOpensAFileEightTimesTheHeapSize(TestEngine engine, @TempDir Path dir) throws Exception {
        Homes homes = homes(engine);
        List<String> smallHeap = new ArrayList<>(engine.childJvmOptions());
        smallHeap.add("-Xmx32m");
        Process record = GawahProcess.start(smallHeap, homes.documenter, dir.resolve("record"),
                "record", "--from", input.toString(), "--attach", big.toString(), "--self-readable");
        assertEquals(0, waitFor(record), Files.readString(dir.resolve("record.err")));
        String id = Files.readString(dir.resolve("record.out")).strip();

        Path out = Files.createDirectories(dir.resolve("opened"));
        Process open = GawahProcess.start(smallHeap, homes.documenter, dir.resolve("open"),
                "open", id, "--out", dir.resolve("t.json").toString(), "--attachments", out.toString());
        assertEquals(0, waitFor(open), Files.readString(dir.resolve("open.err")));
        assertArrayEquals(sha256(big), sha256(out.resolve("video.mp4")));
        // Its metadata, after the 256 MiB, was read by seeking past them, within the same small heap.
        JsonNode metadata = new ObjectMapper().readTree(dir.resolve("t.json").toFile()).path("attachments").get(0).path("metadata");
        assertEquals("read", metadata.path("status").asText(), metadata.toString());
        assertEquals("2025-08-15T05:42:03Z", metadata.path("captured_at").asText());
        assertEquals(7.0, metadata.path("duration_seconds").asDouble());
        assertEquals(34.3482, metadata.path("gps").path("latitude").asDouble());
        assertTrue(Files.readString(dir.resolve("record.err")).contains("video.mp4 holds GPS coordinates"));
    }

    /** On SQLite: the same cut on PostgreSQL is KilledWritesLoseNothingTest's (an attach killed mid-chunks, on both engines). */
    @Test
    void killedDuringALargeSealLeavesNoPartialAttachmentAndNoOrphanChunks(@TempDir Path dir) throws Exception {
        TestEngine engine = TestEngine.SQLITE;
        Path home = dir.resolve("kill-home");
        Homes.copy(homes(engine).documenter, home);
        String rows = VaultTamper.rowCounts(home);

        Process record = GawahProcess.start(engine.childJvmOptions(), home, dir.resolve("killed"),
                "record", "--from", input.toString(), "--attach", big.toString());
        // Kill once chunks are being written: the vault grows past a few chunks.
        long before = VaultTamper.storage(home);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (record.isAlive() && System.nanoTime() < deadline && VaultTamper.storage(home) - before < (16L << 20)) {
            Thread.sleep(20);
        }
        assertTrue(record.isAlive(), "the seal ended before it could be killed: " + Files.readString(dir.resolve("killed.err")));
        record.destroyForcibly().waitFor();

        try (Vault vault = Vault.openHome(home)) {
            assertEquals("ok", vault.integrityCheck());
        }
        // No record, attachment, chunk or custody entry of the killed seal in any table.
        assertEquals(rows, VaultTamper.rowCounts(home));
    }

    private static int waitFor(Process process) throws InterruptedException {
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("gawah did not finish in 5 minutes");
        }
        return process.exitValue();
    }

    private static byte[] sha256(Path file) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return digest.digest();
    }

}
