package org.gawah.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.gawah.testsupport.Bags;
import org.gawah.testsupport.CaseFixture;
import org.gawah.testsupport.Gawah;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gawah verify} on an evidence package: valid as made, and any changed byte of any file is named. */
class VerifyEvidencePackageTest {
    @TempDir
    static Path base;
    static CaseFixture fixture;
    static Path zip;

    @BeforeAll
    static void export() {
        fixture = new CaseFixture(base);
        zip = fixture.export("icc", "--include-identities");
    }

    @Test
    void theCustodiansOwnHomeFindsThePackageValid() {
        Gawah.Result result = fixture.homes.gawah.in(fixture.homes.legal, "verify", zip.toString()).ok();
        assertTrue(result.out().contains(": VALID"), result.out());
        assertTrue(result.out().contains("4 with the documenter's own signature"), result.out());
    }

    @Test
    void aHomeThatDoesNotTrustTheCustodianSaysSoAndFails(@TempDir Path dir) {
        Path stranger = dir.resolve("stranger");
        fixture.homes.gawah.in(stranger, "init").ok();
        Gawah.Result result = fixture.homes.gawah.in(stranger, "verify", zip.toString());
        assertEquals(4, result.code(), result.stderr());
        assertTrue(result.out().contains("NOT TRUSTED HERE (otherwise intact)"), result.out());
    }

    @Test
    void oneChangedByteInAnyFileIsReportedAndTheFileNamed(@TempDir Path dir) throws Exception {
        Map<String, Bags.Item> items = Bags.read(zip);
        List<String> unnamed = new ArrayList<>();
        int run = 0;
        for (String name : items.keySet()) {
            Map<String, Bags.Item> copy = new java.util.LinkedHashMap<>(items);
            byte[] data = items.get(name).data().clone();
            data[data.length / 2] ^= 0x01;
            copy.put(name, new Bags.Item(name, data));
            Path damaged = dir.resolve("damaged-" + (++run) + ".zip");
            Bags.write(damaged, copy);
            Gawah.Result result = fixture.homes.gawah.in(fixture.homes.legal, "verify", damaged.toString());
            assertNotEquals(0, result.code(), name + " changed, yet: " + result.out());
            String path = name.substring(name.indexOf('/') + 1);
            String expected = path.startsWith("signature/") ? "tagmanifest-sha512.txt" : path;
            if (!result.stderr().contains(expected)) {
                unnamed.add(path + " -> " + result.stderr().lines().findFirst().orElse(""));
            }
        }
        assertEquals(List.of(), unnamed);
    }

    @Test
    void aChangedByteAnywhereInTheZipIsRefused() throws Exception {
        byte[] good = Files.readAllBytes(zip);
        org.gawah.testsupport.ZipMap map = new org.gawah.testsupport.ZipMap(good);
        List<org.gawah.openpgp.Certificate> trusted = List.of(org.gawah.openpgp.Certificate.parse(
                Files.readAllBytes(Path.of(fixture.exportedCertificate()))));
        List<String> undetected = new ArrayList<>();
        int sameContent = 0;
        for (int i = 0; i < good.length; i += stride(map, i)) {
            byte[] changed = good.clone();
            changed[i] ^= 0x01;
            try (org.gawah.bag.BagReader bag = org.gawah.bag.BagReader.open(new org.gawah.bag.MemoryChannel(changed), "x.zip")) {
                PackageCheck.read(bag, trusted, org.gawah.bag.BagReader.ProgressListener.NONE);
                if (map.inflatesTheSame(good, changed, i)) {
                    sameContent++;
                } else {
                    undetected.add("byte " + i + ", " + map.at(i));
                }
            } catch (org.gawah.GawahException e) {
                assertTrue(java.util.Set.of(org.gawah.Failure.BAD_DATA, org.gawah.Failure.BAD_SIGNATURE).contains(e.failure()),
                        "byte " + i + ": " + e.failure() + " " + e.getMessage());
            }
        }
        assertEquals(List.of(), undetected);
        assertTrue(sameContent <= 3, "deflate's other encodings of the same bytes are rare: " + sameContent);
    }

    /** Every fifth byte, but only every 4099th inside the photo's 150 kB: the same checks, a tenth of the time. */
    private static int stride(org.gawah.testsupport.ZipMap map, int offset) {
        String entry = map.at(offset).entry();
        org.gawah.testsupport.ZipMap.Data data = entry == null ? null : map.data().get(entry);
        return data != null && data.length() > 65_536 && map.at(offset).part().endsWith("data") ? 4099 : 5;
    }

    @Test
    void aCustodianCannotPassOffAnEditedTestimonyAsUnsigned(@TempDir Path dir) throws Exception {
        org.gawah.openpgp.SigningKey custodian = new org.gawah.keys.Keyring(fixture.homes.legal.resolve("keys"))
                .requireOwnKey().unlockForSigning(org.gawah.testsupport.Homes.PASSPHRASE.toCharArray(), java.time.Instant.now());
        Map<String, Bags.Item> items = Bags.read(zip);
        String root = Bags.root(items) + "/";
        Path resealed = dir.resolve("resealed.zip");
        Bags.resealPackage(items, custodian);
        Bags.write(resealed, new java.util.ArrayList<>(items.values()));
        fixture.homes.gawah.in(fixture.homes.legal, "verify", resealed.toString()).ok(); // the tool itself is sound

        String testimony = root + "data/" + fixture.anonymous + "/testimony.json";
        byte[] edited = new String(items.get(testimony).data(), java.nio.charset.StandardCharsets.UTF_8)
                .replace("\"witness_acknowledged\": true", "\"witness_acknowledged\": false").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        items.put(testimony, new Bags.Item(testimony, edited));
        items.remove(testimony + ".sig");
        String sidecarName = root + "metadata/items/" + fixture.anonymous + ".testimony.json";
        com.fasterxml.jackson.databind.node.ObjectNode sidecar = (com.fasterxml.jackson.databind.node.ObjectNode)
                new com.fasterxml.jackson.databind.ObjectMapper().readTree(items.get(sidecarName).data());
        sidecar.remove("signature");
        sidecar.put("sha256", org.gawah.Digests.sha256(edited));
        java.security.MessageDigest sha512 = java.security.MessageDigest.getInstance("SHA-512");
        sidecar.put("sha512", java.util.HexFormat.of().formatHex(sha512.digest(edited)));
        sidecar.put("size", edited.length);
        items.put(sidecarName, new Bags.Item(sidecarName, sidecar.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        Bags.resealPackage(items, custodian);
        Bags.write(resealed, new java.util.ArrayList<>(items.values()));
        Gawah.Result result = fixture.homes.gawah.in(fixture.homes.legal, "verify", resealed.toString());
        assertEquals(41, result.code(), result.stderr());
        assertTrue(result.stderr().contains("a testimony must carry its documenter's signature beside it"), result.stderr());
    }

    @Test
    void encryptedToTheReceivingBodyItVerifiesWithItsKeyOnly(@TempDir Path dir) throws Exception {
        Gawah gawah = fixture.homes.gawah;
        Path receiver = dir.resolve("icc-otp");
        gawah.in(receiver, "init").ok();
        String receiverFingerprint = gawah.in(receiver, "keys", "generate", "--name", "ICC OTP evidence unit").ok().out().strip();
        Path receiverCert = dir.resolve("icc.asc");
        gawah.in(receiver, "keys", "export", "--out", receiverCert.toString()).ok();
        Path custodianCert = dir.resolve("custodian.asc");
        gawah.in(fixture.homes.legal, "keys", "export", "--out", custodianCert.toString()).ok();
        gawah.in(receiver, "keys", "import", "--role", "custodian", custodianCert.toString()).ok();

        Path encrypted = base.resolve("to-icc.zip.pgp");
        gawah.in(fixture.homes.legal, "export", "--case", fixture.caseId, "--for", "icc", "--to", receiverCert.toString(),
                "--to-fingerprint", receiverFingerprint, "--out", encrypted.toString()).ok();
        assertNotEquals('P', Files.readAllBytes(encrypted)[0], "not a zip in clear");
        assertTrue(gawah.in(receiver, "verify", encrypted.toString()).ok().out().contains(": VALID"));

        // The legal team's own key is not a recipient: it cannot read what it sent.
        Gawah.Result own = gawah.in(fixture.homes.legal, "verify", encrypted.toString());
        assertEquals(29, own.code(), own.stderr());

        byte[] flipped = Files.readAllBytes(encrypted);
        flipped[flipped.length / 2] ^= 0x01;
        Path damaged = Files.write(dir.resolve("damaged.zip.pgp"), flipped);
        Gawah.Result refused = gawah.in(receiver, "verify", damaged.toString());
        assertEquals(41, refused.code(), refused.stderr());
    }

    @Test
    void badRequestsWriteNothing(@TempDir Path dir) throws Exception {
        Gawah gawah = fixture.homes.gawah;
        String log = gawah.in(fixture.homes.legal, "log", "--jsonl").ok().out();
        Path out = dir.resolve("p.zip");
        assertEquals(2, gawah.in(fixture.homes.legal, "export", "--case", fixture.caseId, "--for", "tribunal",
                "--out", out.toString()).code());
        assertEquals(66, gawah.in(fixture.homes.legal, "export", "--case", "GWC-0000-0000-0000-0000", "--for", "icc",
                "--out", out.toString()).code());
        Files.writeString(out, "kept");
        assertEquals(59, gawah.in(fixture.homes.legal, "export", "--case", fixture.caseId, "--for", "icc",
                "--out", out.toString()).code());
        assertEquals("kept", Files.readString(out));
        Path custodianCert = dir.resolve("other.asc");
        gawah.in(fixture.homes.legal, "keys", "export", "--out", custodianCert.toString()).ok();
        assertEquals(17, gawah.in(fixture.homes.legal, "export", "--case", fixture.caseId, "--for", "icc",
                "--to", custodianCert.toString(), "--to-fingerprint", "0A1B 2C3D", "--out", dir.resolve("s.zip").toString()).code());
        Files.delete(custodianCert);
        Path notACertificate = Files.writeString(dir.resolve("icc.asc"), "not a key");
        assertNotEquals(0, gawah.in(fixture.homes.legal, "export", "--case", fixture.caseId, "--for", "icc",
                "--to", notACertificate.toString(), "--out", dir.resolve("q.zip").toString()).code());
        assertEquals(67, new Gawah("wrong passphrase").in(fixture.homes.legal, "export", "--case", fixture.caseId,
                "--for", "icc", "--out", dir.resolve("r.zip").toString()).code());
        try (var files = Files.list(dir)) {
            assertEquals(java.util.Set.of("p.zip", "icc.asc"),
                    files.map(f -> f.getFileName().toString()).collect(java.util.stream.Collectors.toSet()));
        }
        assertEquals(log, gawah.in(fixture.homes.legal, "log", "--jsonl").ok().out());
    }
}
