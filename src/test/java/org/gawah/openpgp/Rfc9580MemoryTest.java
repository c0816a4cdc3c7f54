package org.gawah.openpgp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.bouncycastle.bcpg.S2K;
import org.gawah.Failure;
import org.gawah.GawahException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Memory: an RFC 9580 message larger than the whole Java heap seals and opens (constant memory,
 * SEIPD v2 with 4 MiB chunks); Argon2 parameters past the bounds are refused when a key is read;
 * a key whose Argon2 cannot fit in this Java's heap is refused with what to do, not an
 * out-of-memory crash halfway.
 */
class Rfc9580MemoryTest {
    @TempDir
    Path dir;

    private static Result java(List<String> options, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(options);
        command.add("-cp");
        String surefire = System.getProperty("surefire.test.class.path");
        command.add(surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path"));
        command.add(StreamProbe.class.getName());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("probe did not finish");
        }
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    private record Result(int code, String output) {
    }

    /** Runs the probe and returns its output, failing unless it exits 0. */
    static String probe(List<String> options, String... args) throws Exception {
        Result result = java(options, args);
        assertEquals(0, result.code(), result.output());
        return result.output();
    }

    /** 96 MiB through a 64 MiB heap, sealed to a v6 recipient and opened again, checked by SHA-512. */
    @Test
    void seipdV2MessageLargerThanTheHeapSealsAndOpensInConstantMemory() throws Exception {
        Result result = java(List.of("-Xmx64m"), "stream", "96", dir.toString(), "v6");
        assertEquals(0, result.code(), result.output());
        assertTrue(result.output().contains("SEIPDv2/v6 96 MiB"), result.output());
        System.out.print(result.output());
    }

    /** RFC 9580's A.5 key asks for 2 GiB (within the bounds); under a 256 MiB heap it is refused before deriving. */
    @Test
    void argon2ThatDoesNotFitTheHeapIsRefusedWithWhatToDo() throws Exception {
        Result result = java(List.of("-Xmx256m"), "locked-a5");
        assertEquals(Failure.NOT_READY.exitCode(), result.code(), result.output());
        assertTrue(result.output().contains("needs 2048 MiB of memory"), result.output());
        assertTrue(result.output().contains("GAWAH_JAVA_OPTS=-Xmx3g"), result.output());
    }

    /** The memory, passes and lanes of a key's Argon2, each past its bound, refused when the key is read. */
    @Test
    void argon2PastTheBoundsIsRefusedWhenTheKeyIsRead() throws IOException {
        char[] pass = "p".toCharArray();
        SecretKey key = KeyGenerator.generateV6("Bounds", pass, Instant.now(),
                new S2K.Argon2Params(new byte[16], 1, 1, 10));
        byte[] encoded = key.encoded();
        int s2k = argon2Specifier(encoded);
        Object[][] cases = {{2, 22, "asks for 4096 MiB of memory", "at most 2048 MiB"},
                {0, 11, "asks for 11 Argon2 passes", "at most 10"},
                {1, 17, "asks for 17 Argon2 lanes", "at most 16"}};
        for (Object[] bad : cases) {
            byte[] crafted = encoded.clone();
            crafted[s2k + 1 + 16 + (Integer) bad[0]] = (byte) (int) (Integer) bad[1];
            GawahException e = assertThrows(GawahException.class, () -> SecretKey.parse(crafted));
            assertEquals(Failure.BAD_DATA, e.failure());
            assertTrue(e.getMessage().contains((String) bad[2]) && e.getMessage().contains((String) bad[3]), e.getMessage());
        }
        // Untouched, the same bytes are read and unlock.
        SecretKey.parse(encoded).unlockForSigning(pass, Instant.now());
    }

    /** The offset of the first Argon2 S2K specifier (type 4, then a 16-octet all-zero salt here). */
    private static int argon2Specifier(byte[] key) {
        outer:
        for (int i = 0; i + 20 < key.length; i++) {
            if (key[i] != 4) {
                continue;
            }
            for (int j = 1; j <= 16; j++) {
                if (key[i + j] != 0) {
                    continue outer;
                }
            }
            if (key[i + 17] == 1 && key[i + 18] == 1 && key[i + 19] == 10) {
                return i;
            }
        }
        throw new AssertionError("no Argon2 specifier found");
    }
}
