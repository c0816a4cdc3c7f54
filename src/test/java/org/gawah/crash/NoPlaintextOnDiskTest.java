package org.gawah.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.gawah.testsupport.GawahProcess;
import org.gawah.testsupport.Homes;
import org.gawah.vault.Vault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * After a real {@code gawah record}, no byte of the testimony is on disk in clear: not in the
 * vault, its journal (scanned while another connection holds the vault open, and again after),
 * the keys, nor any file the run left in java.io.tmpdir. Every secret carries a per-run nonce, so
 * files of other tests running at the same time cannot match by accident.
 */
class NoPlaintextOnDiskTest {
    private static final List<Charset> ENCODINGS =
            List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE);

    @TempDir
    Path base;

    @Test
    void noTestimonyTextInTheHomeOrTempFiles() throws Exception {
        Homes homes = new Homes(base.resolve("homes"));
        byte[] random = new byte[4];
        new SecureRandom().nextBytes(random);
        String nonce = HexFormat.of().formatHex(random);
        String persianNonce = nonce.chars().mapToObj(c -> String.valueOf("ابپتثجچحخدذرزسشص".charAt(Character.digit(c, 16))))
                .reduce("", String::concat);
        String marker = "PLAINTEXT-MARKER-7f3a9c-" + nonce;
        String dari = "من هر روز به دروازه\u200cی ولایت رفتم " + persianNonce;
        String name = "مریم " + persianNonce;
        String pseudonym = "W-" + nonce;
        List<String> secrets = List.of(marker, dari, name, pseudonym);

        ObjectMapper mapper = new ObjectMapper();
        ObjectNode input = (ObjectNode) mapper.readTree(Homes.sampleInput());
        ((ObjectNode) input.get("account")).put("text", marker + "\n" + dari + "\n" + marker);
        ((ObjectNode) input.get("witness")).put("pseudonym", pseudonym);
        ((ObjectNode) input.get("identity")).put("name", name);
        Path inputFile = base.resolve("input.json"); // the documenter's own file, outside the home: not scanned
        Files.write(inputFile, mapper.writeValueAsBytes(input));
        assertThrows(AssertionError.class, () -> assertNoSecrets(List.of(inputFile), secrets), "the scan works");

        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        Set<Path> tmpBefore = Set.copyOf(list(tmp));
        Path vaultFile = homes.documenter.resolve("vault.db");
        String id;
        // A second connection held open while the child writes and ends, as another gawah command would.
        try (Vault holder = Vault.open(vaultFile)) {
            Process record = GawahProcess.start(List.of(), homes.documenter, base.resolve("record"),
                    "record", "--from", inputFile.toString());
            assertTrue(record.waitFor(3, TimeUnit.MINUTES));
            assertEquals(0, record.exitValue(), Files.readString(base.resolve("record.err")));
            id = Files.readString(base.resolve("record.out")).strip();
            assertTrue(holder.get(id).isPresent());
            assertPrivate(homes.documenter);
            assertNoSecrets(scanned(homes.documenter, tmp, tmpBefore), secrets);
        }
        try (Vault vault = Vault.open(vaultFile)) {
            assertTrue(vault.get(id).isPresent(), "the record is in vault.db");
        }
        assertPrivate(homes.documenter);
        assertNoSecrets(scanned(homes.documenter, tmp, tmpBefore), secrets);
    }

    /** Every file of the home, the child's stdout and stderr, and whatever appeared in the temp folder. */
    private List<Path> scanned(Path home, Path tmp, Set<Path> tmpBefore) throws IOException {
        List<Path> files = new ArrayList<>(walk(home));
        assertTrue(files.contains(home.resolve("vault.db")));
        files.add(base.resolve("record.out"));
        files.add(base.resolve("record.err"));
        for (Path entry : list(tmp)) {
            if (!tmpBefore.contains(entry)) {
                files.addAll(walk(entry));
            }
        }
        return files;
    }

    private static void assertNoSecrets(List<Path> files, List<String> secrets) throws IOException {
        for (Path file : files) {
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(file);
            } catch (IOException gone) { // another program's temp file, removed or not readable
                continue;
            }
            for (String secret : secrets) {
                for (Charset charset : ENCODINGS) {
                    assertEquals(-1, indexOf(bytes, secret.getBytes(charset)),
                            file + " holds \"" + secret + "\" in " + charset);
                }
            }
        }
    }

    private static void assertPrivate(Path home) throws IOException {
        assertEquals("rwx------", permissions(home));
        for (String file : List.of("vault.db", "vault.db-journal", "vault.db-wal", "vault.db-shm")) {
            if (Files.exists(home.resolve(file))) {
                assertEquals("rw-------", permissions(home.resolve(file)), file);
            }
        }
        List<Path> secretKeys = walk(home.resolve("keys/secret"));
        assertEquals(1, secretKeys.size());
        for (Path key : secretKeys) {
            assertTrue(key.toString().endsWith(".asc"), key.toString());
            assertEquals("rw-------", permissions(key), key.toString());
        }
    }

    private static String permissions(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.toList();
        }
    }

    /** Regular files under {@code root} (or root itself); unreadable corners of others' files are skipped. */
    private static List<Path> walk(Path root) {
        try (Stream<Path> entries = Files.walk(root)) {
            return entries.filter(Files::isRegularFile).toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            return Files.isRegularFile(root) ? List.of(root) : List.of();
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
