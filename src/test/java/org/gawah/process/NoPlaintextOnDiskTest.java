package org.gawah.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.gawah.testsupport.GawahProcess;
import org.gawah.testsupport.Homes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** After recording, no file in the home or the temp folder holds any of the testimony's words. */
class NoPlaintextOnDiskTest {
    private static final String MARKER = "PLAINTEXT-MARKER-7f3a9c";
    private static final String DARI = "دروازه\u200cی ولایت";
    private static final String NAME = "مریم نمونه";

    @TempDir
    Path base;

    @Test
    void homeAndTempFolderHoldNoPlaintextAfterARecord() throws Exception {
        Homes homes = new Homes(base.resolve("homes"));
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode input = (ObjectNode) mapper.readTree(Homes.sampleInput());
        ((ObjectNode) input.get("account")).put("text", MARKER + " " + DARI + " " + MARKER);
        ((ObjectNode) input.get("identity")).put("name", NAME);
        Path inputFile = base.resolve("input.json"); // the documenter's own file: outside the home, not scanned
        Files.write(inputFile, mapper.writeValueAsBytes(input));

        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        Set<Path> tmpBefore = list(tmp);
        // A real process, as a documenter would run it; whatever it left (vault, WAL, keys, temp files) is scanned.
        Process record = GawahProcess.start(List.of(), homes.documenter, base.resolve("record"),
                "record", "--from", inputFile.toString());
        assertTrue(record.waitFor(2, TimeUnit.MINUTES));
        assertEquals(0, record.exitValue(), Files.readString(base.resolve("record.err")));

        List<Path> scanned = new ArrayList<>(files(homes.documenter));
        for (Path path : list(tmp)) {
            if (!tmpBefore.contains(path) && Files.isRegularFile(path)) {
                scanned.add(path);
            }
        }
        assertTrue(scanned.contains(homes.documenter.resolve("vault.db")));
        for (Path file : scanned) {
            byte[] bytes = Files.readAllBytes(file);
            for (String secret : List.of(MARKER, DARI, NAME, "W-0193")) {
                for (Charset charset : List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE)) {
                    assertTrue(indexOf(bytes, secret.getBytes(charset)) < 0,
                            file + " holds testimony text in " + charset);
                }
            }
        }
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(homes.documenter)));
        assertEquals("rw-------", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(homes.documenter.resolve("vault.db"))));
        for (Path key : files(homes.documenter.resolve("keys/secret"))) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
        }
    }

    private static Set<Path> list(Path dir) throws Exception {
        try (Stream<Path> entries = Files.list(dir)) {
            return new HashSet<>(entries.toList());
        }
    }

    private static List<Path> files(Path dir) throws Exception {
        try (Stream<Path> entries = Files.walk(dir)) {
            return entries.filter(Files::isRegularFile).toList();
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
