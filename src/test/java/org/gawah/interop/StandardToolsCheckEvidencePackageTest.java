package org.gawah.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import gov.loc.repository.bagit.domain.Bag;
import gov.loc.repository.bagit.verify.BagVerifier;
import org.gawah.testsupport.CaseFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The receiving body's side, as VERIFY.txt tells it: with only gpg and coreutils, in a
 * throwaway GnuPG home holding only the certificates the package carries, every check passes;
 * and the Library of Congress's bagit-java validator accepts the bag.
 */
class StandardToolsCheckEvidencePackageTest {
    @TempDir
    static Path base;
    static CaseFixture fixture;
    static Path bagDir;

    @BeforeAll
    static void exportAndUnzip() {
        fixture = new CaseFixture(base);
        bagDir = CaseFixture.unzip(fixture.export("icc", "--include-identities"), base.resolve("received"));
    }

    @Test
    void gpgVerifiesTheCustodiansSignatureAndEveryItemAgainstItsDocumentersCertificate(@TempDir Path dir) throws Exception {
        try (GnuPG gpg = new GnuPG(dir)) {
            try (Stream<Path> keys = Files.list(bagDir.resolve("keys"))) {
                keys.forEach(gpg::importKey);
            }
            GnuPG.Result tag = gpg.run("--verify", bagDir.resolve("signature/tagmanifest-sha512.txt.asc").toString(),
                    bagDir.resolve("tagmanifest-sha512.txt").toString()).ok();
            assertEquals(fixture.homes.legalFingerprint, tag.require("VALIDSIG").get(10));

            List<Path> signatures = signatures(bagDir.resolve("data"));
            // Two testimonies, one identity, one photo (the audio is left out: no audio/video consent).
            assertEquals(4, signatures.size(), signatures.toString());
            for (Path signature : signatures) {
                Path item = Path.of(signature.toString().replaceAll("\\.sig$", ""));
                GnuPG.Result verify = gpg.run("--verify", signature.toString(), item.toString()).ok();
                assertEquals(fixture.homes.documenterFingerprint, verify.require("VALIDSIG").get(10), item.toString());
            }
            List<Path> entries = signatures(bagDir.resolve("custody"));
            assertTrue(entries.size() >= 8, entries.toString());
            for (Path signature : entries) {
                gpg.run("--verify", signature.toString(), signature.toString().replaceAll("\\.sig$", "")).ok().require("GOODSIG");
            }
        }
    }

    @Test
    void coreutilsCheckEveryManifestLine() throws Exception {
        for (List<String> command : List.of(List.of("sha256sum", "--strict", "-c", "manifest-sha256.txt"),
                List.of("sha512sum", "--strict", "-c", "manifest-sha512.txt"),
                List.of("sha512sum", "--strict", "-c", "tagmanifest-sha512.txt"))) {
            Process process = new ProcessBuilder(command).directory(bagDir.toFile()).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, process.waitFor(), command + "\n" + output);
            assertTrue(output.lines().allMatch(line -> line.endsWith(": OK")), output);
        }
    }

    @Test
    void theExportEntryNamesTheManifestAsSha256sumComputesIt() throws Exception {
        Process process = new ProcessBuilder("sha256sum", "manifest-sha256.txt").directory(bagDir.toFile()).start();
        String digest = new String(process.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).split(" ")[0];
        assertEquals(0, process.waitFor());
        Path folder = bagDir.resolve("custody").resolve(fixture.homes.legalFingerprint);
        Path last;
        try (Stream<Path> files = Files.list(folder)) {
            last = files.filter(f -> f.toString().endsWith(".json")).sorted().reduce((a, b) -> b).orElseThrow();
        }
        String entry = Files.readString(last);
        assertTrue(entry.contains("\"action\":\"exported\""), entry);
        assertTrue(entry.contains("\"subject_sha256\":\"" + digest + "\""), entry);
        assertTrue(entry.contains("\"subject\":\"" + bagDir.getFileName() + "\""), entry);
    }

    @Test
    void theLibraryOfCongressValidatorAcceptsThePackageAndRefusesADamagedCopy(@TempDir Path dir) throws Exception {
        Bag bag = new gov.loc.repository.bagit.reader.BagReader().read(bagDir);
        try (BagVerifier verifier = new BagVerifier()) {
            verifier.isValid(bag, false);
        }
        Path copy = dir.resolve("bag");
        org.gawah.testsupport.Homes.copy(bagDir, copy);
        Path reading = copy.resolve("data").resolve(fixture.anonymous).resolve("testimony.txt");
        Files.writeString(reading, "edited", java.nio.file.StandardOpenOption.APPEND);
        Bag damaged = new gov.loc.repository.bagit.reader.BagReader().read(copy);
        try (BagVerifier verifier = new BagVerifier()) {
            assertThrows(Exception.class, () -> verifier.isValid(damaged, false));
        }
    }

    private static List<Path> signatures(Path dir) throws Exception {
        List<Path> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            files.filter(f -> f.toString().endsWith(".sig")).sorted().forEach(found::add);
        }
        return found;
    }
}
