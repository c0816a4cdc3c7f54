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
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.gawah.testsupport.GawahProcess;
import org.gawah.testsupport.Homes;
import org.gawah.testsupport.TestEngine;
import org.gawah.testsupport.TestPostgres;
import org.gawah.vault.Vault;
import org.gawah.vault.VaultTamper;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * After a real {@code gawah record}, no byte of the testimony is on disk in clear: not in the
 * vault, its journal (scanned while another connection holds the vault open, and again after),
 * the keys, nor any file the run left in java.io.tmpdir. On PostgreSQL the vault's bytes are on
 * the server: its data folder is scanned too (the vault's database and the write-ahead log the
 * run wrote, where the record's own ciphertext must be found, so the scan looks where the bytes
 * are), and every value of every row as the server returns it (a value the server compressed
 * would hide from a scan of its files). Every secret carries a per-run nonce, so files of other
 * tests running at the same time cannot match by accident.
 */
class NoPlaintextOnDiskTest {
    private static final List<Charset> ENCODINGS =
            List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE);

    @TempDir
    Path base;

    @ParameterizedTest
    @EnumSource(TestEngine.class)
    void noTestimonyTextInTheHomeTheServerOrTempFiles(TestEngine engine) throws Exception {
        long started = System.currentTimeMillis();
        Homes homes = engine.homes(base.resolve("homes"));
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
        String id;
        // A second connection held open while the child writes and ends, as another gawah command would.
        try (Vault holder = Vault.openHome(homes.documenter)) {
            Process record = GawahProcess.start(engine.childJvmOptions(), homes.documenter, base.resolve("record"),
                    "record", "--from", inputFile.toString());
            assertTrue(record.waitFor(3, TimeUnit.MINUTES));
            assertEquals(0, record.exitValue(), Files.readString(base.resolve("record.err")));
            id = Files.readString(base.resolve("record.out")).strip();
            assertTrue(holder.get(id).isPresent());
            assertPrivate(engine, homes.documenter);
            assertNoSecrets(scanned(engine, homes.documenter, tmp, tmpBefore), secrets);
        }
        try (Vault vault = Vault.openHome(homes.documenter)) {
            assertTrue(vault.get(id).isPresent(), "the record is in the vault");
        }
        assertPrivate(engine, homes.documenter);
        assertNoSecrets(scanned(engine, homes.documenter, tmp, tmpBefore), secrets);
        if (engine == TestEngine.POSTGRESQL) {
            List<Path> server = serverFiles(homes.documenter, started);
            byte[] sealed = VaultTamper.bytes(homes.documenter, "SELECT testimony FROM records WHERE id = '" + id + "'");
            // Within the first stored chunk of a long value (1996 bytes): its bytes are contiguous in any file.
            assertTrue(found(server, Arrays.copyOfRange(sealed, 16, 64)),
                    "the record's ciphertext is in the server's files scanned");
            assertNoSecrets(server, secrets);
            for (byte[] value : VaultTamper.everyValue(homes.documenter)) {
                for (String secret : secrets) {
                    for (Charset charset : ENCODINGS) {
                        assertEquals(-1, indexOf(value, secret.getBytes(charset)), "a value in the vault holds \"" + secret + "\"");
                    }
                }
            }
        }
    }

    /**
     * The server's files a team vault's bytes can be in: its database's folder, and the segments
     * of the write-ahead log written since the test began (the log of the whole server, other
     * tests' bags included, would take minutes to read).
     */
    private static List<Path> serverFiles(Path home, long since) throws Exception {
        Path data = TestPostgres.dataDirectory();
        long oid = VaultTamper.number(home, "SELECT oid FROM pg_database WHERE datname = current_database()");
        List<Path> files = new ArrayList<>(walk(data.resolve("base").resolve(Long.toString(oid))));
        for (Path segment : walk(data.resolve("pg_wal"))) {
            if (Files.getLastModifiedTime(segment).toMillis() >= since - 2000) {
                files.add(segment);
            }
        }
        assertTrue(files.size() > 1, "the server's files are readable: " + data);
        return files;
    }

    private static boolean found(List<Path> files, byte[] needle) throws IOException {
        for (Path file : files) {
            if (indexOf(Files.readAllBytes(file), needle) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** Every file of the home, the child's stdout and stderr, and whatever appeared in the temp folder. */
    private List<Path> scanned(TestEngine engine, Path home, Path tmp, Set<Path> tmpBefore) throws IOException {
        List<Path> files = new ArrayList<>(walk(home));
        assertTrue(files.contains(home.resolve(engine == TestEngine.SQLITE ? "vault.db" : "vault.url")));
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

    private static void assertPrivate(TestEngine engine, Path home) throws IOException {
        assertEquals("rwx------", permissions(home));
        assertTrue(Files.exists(home.resolve(engine == TestEngine.SQLITE ? "vault.db" : "vault.url")));
        for (String file : List.of("vault.db", "vault.db-journal", "vault.db-wal", "vault.db-shm", "vault.url")) {
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
