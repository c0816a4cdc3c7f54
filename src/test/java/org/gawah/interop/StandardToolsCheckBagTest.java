package org.gawah.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import gov.loc.repository.bagit.domain.Bag;
import gov.loc.repository.bagit.verify.BagVerifier;
import org.gawah.Digests;
import org.gawah.custody.Entry;
import org.gawah.testsupport.Bags;
import org.gawah.testsupport.Homes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A submission bag checked by tools that are not Gawah: the Library of Congress's bagit-java
 * validator, GnuPG for the signatures (tag manifest and custody entries), and coreutils'
 * sha256sum and sha512sum for the manifests, each run on the unzipped bag.
 */
class StandardToolsCheckBagTest {
    @TempDir
    static Path base;
    static Homes homes;
    static Path bagDir;

    @BeforeAll
    static void submitABagAndUnzipIt() throws Exception {
        homes = Homes.copied(base);
        homes.record();
        Path photo = GnuPG.write(base.resolve("photo.jpg"), new byte[200_000]);
        homes.gawah.inWithInput(homes.documenter, Homes.sampleInput(), "record", "--from", "-",
                "--attach", photo.toString()).ok();
        Path zip = base.resolve("submission.zip");
        homes.gawah.in(homes.documenter, "submit", "--out", zip.toString()).ok();
        Path unzipped = base.resolve("unzipped");
        Map<String, Bags.Item> items = Bags.read(zip);
        for (Bags.Item item : items.values()) {
            Path file = unzipped.resolve(item.name());
            Files.createDirectories(file.getParent());
            Files.write(file, item.data());
        }
        bagDir = unzipped.resolve(Bags.root(items));
    }

    @Test
    void theLibraryOfCongressValidatorAcceptsTheBag() throws Exception {
        Bag bag = new gov.loc.repository.bagit.reader.BagReader().read(bagDir);
        try (BagVerifier verifier = new BagVerifier()) {
            verifier.isValid(bag, false);
        }
        assertEquals("1.0", bag.getVersion().toString());
        // Two testimonies, their two identity envelopes, one attachment.
        assertEquals(5, bag.getPayLoadManifests().iterator().next().getFileToChecksumMap().size());
    }

    @Test
    void theLibraryOfCongressValidatorRefusesADamagedCopy(@TempDir Path dir) throws Exception {
        Path copy = dir.resolve("bag");
        Homes.copy(bagDir, copy);
        try (var files = Files.list(copy.resolve("data"))) {
            Path victim = files.filter(f -> f.toString().endsWith(".identity.pgp")).findFirst().orElseThrow();
            byte[] data = Files.readAllBytes(victim);
            data[data.length - 1] ^= 1;
            Files.write(victim, data);
        }
        Bag bag = new gov.loc.repository.bagit.reader.BagReader().read(copy);
        try (BagVerifier verifier = new BagVerifier()) {
            assertThrows(Exception.class, () -> verifier.isValid(bag, false));
        }
    }

    @Test
    void gpgVerifiesTheTagManifestSignatureWithTheEnclosedCertificate(@TempDir Path dir) {
        try (GnuPG gpg = new GnuPG(dir)) {
            assertEquals(homes.documenterFingerprint, gpg.importKey(bagDir.resolve("keys/documenter.asc")));
            GnuPG.Result verify = gpg.run("--verify", bagDir.resolve("signature/tagmanifest-sha512.txt.asc").toString(),
                    bagDir.resolve("tagmanifest-sha512.txt").toString()).ok();
            assertEquals(homes.documenterFingerprint, verify.require("VALIDSIG").get(10));
        }
    }

    @Test
    void gpgVerifiesACustodyEntryCheckedByHandAsTheFormatSays(@TempDir Path dir) throws Exception {
        List<String> lines = Files.readAllLines(bagDir.resolve("custody/log.jsonl"));
        String line = lines.get(lines.size() - 1);
        String signature = line.replaceAll(".*,\"signature\":\"([^\"]*)\".*", "$1");
        Path entry = GnuPG.write(dir.resolve("entry.json"),
                line.replace(",\"signature\":\"" + signature + "\"", "").getBytes(StandardCharsets.US_ASCII));
        Path sig = GnuPG.write(dir.resolve("entry.json.sig"), Base64.getDecoder().decode(signature));
        assertEquals(Entry.parseLine(line).entry().sha256(), Digests.sha256(Files.readAllBytes(entry)));
        try (GnuPG gpg = new GnuPG(dir.resolve("g"))) {
            gpg.importKey(bagDir.resolve("keys/documenter.asc"));
            gpg.run("--verify", sig.toString(), entry.toString()).ok().require("GOODSIG");
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
            assertTrue(output.contains(": OK"), output);
        }
    }
}
