package org.gawah.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.gawah.Digests;
import org.gawah.custody.Action;
import org.gawah.custody.Entry;
import org.gawah.keys.Keyring;
import org.gawah.openpgp.Armor;
import org.gawah.openpgp.DetachedSignature;
import org.gawah.openpgp.SigningKey;
import org.gawah.testsupport.Bags;
import org.gawah.testsupport.CaseFixture;
import org.gawah.testsupport.Gawah;
import org.gawah.testsupport.Homes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A registry clerk who has gpg, unzip and the standard text tools, and no Gawah, follows the
 * VERIFY.txt inside the package literally ({@link Clerk}): a good package passes every step, and
 * every tampering that {@code gawah verify} refuses (each refusal of PackageCheck, and the
 * tamperings of VerifyEvidencePackageTest, StandardToolsCheckEvidencePackageTest and the hostile
 * corpus) is caught by some step. Tamperings by a third party leave the custodian's signature as
 * it was; those by the custodian itself are signed anew (Bags.resealPackage), as a custodian gone
 * bad could, and must still be caught where they contradict what the documenters signed.
 */
class ClerkFollowsVerifyTxtTest {
    private static final String ZEROS = "0".repeat(64);

    @TempDir
    static Path base;
    static CaseFixture fixture;
    /** With identities: two testimonies, an identity, a photo. */
    static Path whole;
    /** Without identities: the named witness's testimony goes as a redacted copy. */
    static Path redacted;
    static SigningKey custodianKey;
    static SigningKey documenterKey;
    static String custodian;
    static String documenter;

    @BeforeAll
    static void export() {
        fixture = new CaseFixture(base);
        whole = fixture.export("icc", "--include-identities");
        redacted = fixture.export("icc");
        custodian = fixture.homes.legalFingerprint;
        documenter = fixture.homes.documenterFingerprint;
        custodianKey = new Keyring(fixture.homes.legal.resolve("keys")).requireOwnKey()
                .unlockForSigning(Homes.PASSPHRASE.toCharArray(), Instant.now());
        documenterKey = new Keyring(fixture.homes.documenter.resolve("keys")).requireOwnKey()
                .unlockForSigning(Homes.PASSPHRASE.toCharArray(), Instant.now());
    }

    @Test
    void aGoodPackagePassesEveryStep(@TempDir Path dir) throws Exception {
        for (Path good : List.of(whole, redacted)) {
            Clerk.Outcome outcome = clerk().follow(dir.resolve(good.getFileName().toString()), yours(good), false, null);
            assertEquals(0, outcome.failedAt(), outcome.all());
            assertEquals(List.of(1, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14), List.copyOf(outcome.printed().keySet()), outcome.all());
        }
    }

    @Test
    void theFingerprintsGpgPrintsAreTheOnesVerifyTxtStates(@TempDir Path dir) throws Exception {
        String guide = verifyTxt(whole);
        Clerk.Outcome outcome = clerk().follow(dir, yours(whole), false, null);
        for (String fingerprint : List.of(custodian, documenter)) {
            String line = "      " + grouped(fingerprint) + "\n";
            assertTrue(guide.contains(line), guide);
            assertTrue(outcome.printed().get(4).contains(line), outcome.printed().get(4));
        }
    }

    @Test
    void anEncryptedPackageIsCheckedWithTheCertificateBesideIt(@TempDir Path dir) throws Exception {
        try (GnuPG receiver = new GnuPG(dir.resolve("receiver"))) {
            String icc = receiver.generate("ICC OTP evidence unit", "ed25519", "sign", "never");
            receiver.addSubkey(icc, "cv25519", "encr", "never");
            Path certificate = receiver.export(icc, dir.resolve("icc.asc"));
            Path sealed = dir.resolve("case-icc.zip.pgp");
            fixture.homes.gawah.in(fixture.homes.legal, "export", "--case", fixture.caseId, "--for", "icc",
                    "--include-identities", "--to", certificate.toString(), "--to-fingerprint", icc, "--out", sealed.toString()).ok();
            Path companion = dir.resolve("case-icc.zip.pgp.custodian.asc");
            assertTrue(Files.readString(companion).startsWith("-----BEGIN PGP PUBLIC KEY BLOCK-----"));

            // What the issue found: gpg alone writes the zip, but cannot check the signature without the certificate.
            Path unchecked = dir.resolve("unchecked.zip");
            assertEquals(2, receiver.run("--output", unchecked.toString(), "--decrypt", sealed.toString()).code());
            Clerk clerk = clerk();
            Map<String, String> yours = Map.of("PACKAGE", dir.resolve("case-icc.zip").toString(), "SEALED", sealed.toString(),
                    "CERT", companion.toString(), "TOLD", grouped(custodian));
            Clerk.Outcome outcome = clerk.follow(dir.resolve("clerk"), yours, true, receiver.home);
            assertEquals(0, outcome.failedAt(), outcome.all());
            assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14), List.copyOf(outcome.printed().keySet()), outcome.all());
            assertTrue(outcome.printed().get(2).contains("      " + grouped(custodian) + "\n"), outcome.printed().get(2));

            byte[] damaged = Files.readAllBytes(sealed);
            damaged[damaged.length / 2] ^= 0x01;
            Path flipped = Files.write(dir.resolve("damaged.zip.pgp"), damaged);
            Map<String, String> damagedYours = new java.util.HashMap<>(yours);
            damagedYours.put("SEALED", flipped.toString());
            damagedYours.put("PACKAGE", dir.resolve("damaged.zip").toString());
            assertEquals(2, clerk.follow(dir.resolve("clerk-damaged"), damagedYours, true, receiver.home).failedAt());

            // Nothing of the package entered the receiver's own GnuPG home: not even the custodian's certificate.
            assertNotEquals(0, receiver.run("--list-keys", custodian).code(), "the custodian's certificate was imported");

            // Another certificate beside the package, or the custodian's with another: refused before anything is imported.
            Path documenterCertificate = dir.resolve("documenter.asc");
            fixture.homes.gawah.in(fixture.homes.documenter, "keys", "export", "--out", documenterCertificate.toString()).ok();
            Path both = Files.writeString(dir.resolve("both.asc"), Files.readString(companion) + Files.readString(documenterCertificate));
            for (Path wrong : List.of(documenterCertificate, both)) {
                Map<String, String> otherCertificate = new java.util.HashMap<>(yours);
                otherCertificate.put("CERT", wrong.toString());
                otherCertificate.put("PACKAGE", dir.resolve("other.zip").toString());
                Clerk.Outcome refused = clerk.follow(dir.resolve("clerk-" + wrong.getFileName()), otherCertificate, true, receiver.home);
                assertEquals(2, refused.failedAt(), refused.all());
                assertTrue(refused.printed().get(2).contains("FAILED: " + wrong + " is not one certificate, the custodian's you were told"),
                        refused.all());
                for (String fingerprint : List.of(custodian, documenter)) {
                    assertNotEquals(0, receiver.run("--list-keys", fingerprint).code(), fingerprint + " was imported");
                }
            }
        }
    }

    @Test
    void anythingAddedOrTakenAwayByAThirdPartyIsCaught(@TempDir Path dir) throws Exception {
        Map<String, byte[]> tampered = new LinkedHashMap<>();
        String root = root(whole);
        String photo = photo(whole);
        for (String extra : List.of("metadata/extra.csv", "extra.txt", "data/" + fixture.named + "/extra.txt",
                "custody/" + custodian + "/extra.json", "keys/extra.asc", "signature/extra.asc", "data/extra.bin")) {
            tampered.put(extra + " added", zip(whole, items -> items.put(root + extra,
                    new Bags.Item(root + extra, "id,name\r\n1,x\r\n".getBytes(StandardCharsets.UTF_8)))));
        }
        tampered.put("a file beside the bag folder", zip(whole, items -> items.put("other/readme.txt",
                new Bags.Item("other/readme.txt", new byte[] {'x'}))));
        tampered.put("an entry climbing out of the bag folder", zip(whole, items -> items.put(root + "../evil.txt",
                new Bags.Item(root + "../evil.txt", new byte[] {'x'}))));
        tampered.put("the photo twice, the second with other bytes", zipList(whole, items -> {
            items.add(new Bags.Item(photo, Arrays.copyOf(find(items, photo).data(), 10)));
        }));
        tampered.put("an entry with an absolute path", zip(whole, items -> items.put("/tmp/evil.txt",
                new Bags.Item("/tmp/evil.txt", new byte[] {'x'}))));
        tampered.put("an entry with a backslash in its name", zip(whole, items -> items.put(root + "data\\evil.txt",
                new Bags.Item(root + "data\\evil.txt", new byte[] {'x'}))));
        String capitals = root + photo.substring(root.length()).toUpperCase(java.util.Locale.ROOT);
        tampered.put("the photo again under its name in capitals", zip(whole, items -> items.put(capitals,
                new Bags.Item(capitals, new byte[] {'x'}))));
        tampered.put("a link in place of the photo", zip(whole, items -> items.put(photo,
                new Bags.Item(photo, "testimony.json".getBytes(StandardCharsets.US_ASCII), 0120777))));
        for (String name : Bags.read(whole).keySet()) {
            tampered.put(name.substring(root.length()) + " removed", zip(whole, items -> items.remove(name)));
        }
        byte[] zip = Files.readAllBytes(whole);
        tampered.put("the zip cut in half", Arrays.copyOf(zip, zip.length / 2));
        byte[] crc = zip.clone();
        int at = indexOf(zip, fixture.photo, 0) + 1000;
        crc[at] ^= 0x01;
        tampered.put("a byte of the photo changed in the zip (its CRC-32 no longer fits)", crc);
        assertMissed(dir, whole, tampered, List.of());
    }

    @Test
    void aChangedByteInAnyFileIsCaught(@TempDir Path dir) throws Exception {
        Map<String, byte[]> tampered = new LinkedHashMap<>();
        String root = root(whole);
        for (Map.Entry<String, Bags.Item> item : Bags.read(whole).entrySet()) {
            byte[] data = item.getValue().data().clone();
            data[data.length / 2] ^= 0x01;
            tampered.put(item.getKey().substring(root.length()), zip(whole, items -> items.put(item.getKey(),
                    new Bags.Item(item.getKey(), data))));
        }
        assertMissed(dir, whole, tampered, List.of());
    }

    @Test
    void aPackageSignedByAnyoneButTheCustodianYouWereToldIsCaught(@TempDir Path dir) throws Exception {
        Map<String, byte[]> tampered = new LinkedHashMap<>();
        String root = root(whole);
        tampered.put("the tag manifest signed by the documenter (a key in keys/)", zip(whole, items -> {
            byte[] manifest = items.get(root + "tagmanifest-sha512.txt").data();
            Bags.put(items, root + "signature/tagmanifest-sha512.txt.asc",
                    Armor.armor(DetachedSignature.sign(documenterKey, manifest, Instant.now())));
        }));
        tampered.put("the package claiming the documenter as its custodian, signed by the documenter", zip(whole, items -> {
            Bags.put(items, root + "bag-info.txt", items.get(root + "bag-info.txt").text()
                    .replace("Internal-Sender-Identifier: " + custodian, "Internal-Sender-Identifier: " + documenter));
            retag(items, documenterKey);
        }));
        tampered.put("the custodian's certificate file holding the documenter's certificate", zip(whole, items -> {
            Bags.put(items, root + "keys/" + custodian + ".asc", items.get(root + "keys/" + documenter + ".asc").text());
            retag(items, custodianKey);
        }));
        assertMissed(dir, whole, tampered, List.of());
    }

    @Test
    void whatTheCustodianSignsAnewIsCaughtWhereGawahRefusesIt(@TempDir Path dir) throws Exception {
        Map<String, byte[]> tampered = new LinkedHashMap<>();
        String root = root(whole);
        String named = "data/" + fixture.named + "/";
        String anonymous = "data/" + fixture.anonymous + "/";
        String photo = photo(whole).substring(root.length());
        String photoId = photo.substring(named.length(), photo.lastIndexOf('.'));
        String photoSidecar = "metadata/items/" + photoId + ".json";
        String testimonySidecar = "metadata/items/" + fixture.anonymous + ".testimony.json";

        tampered.put("an edited testimony passed off as unsigned", resealed(whole, items -> {
            byte[] edited = text(items, anonymous + "testimony.json")
                    .replace("\"witness_acknowledged\": true", "\"witness_acknowledged\": false").getBytes(StandardCharsets.UTF_8);
            put(items, anonymous + "testimony.json", edited);
            items.remove(root + anonymous + "testimony.json.sig");
            sidecar(items, testimonySidecar, s -> s.replaceAll("\n  \"signature\": \"[^\"]*\",", "")
                    .replaceAll("\"sha256\": \"[0-9a-f]*\"", "\"sha256\": \"" + Digests.sha256(edited) + "\"")
                    .replaceAll("\"sha512\": \"[0-9a-f]*\"", "\"sha512\": \"" + sha512(edited) + "\"")
                    .replaceAll("\"size\": [0-9]*", "\"size\": " + edited.length));
        }));
        tampered.put("a sidecar cut to invalid JSON", resealed(whole, items -> put(items, testimonySidecar, "{\"record\": ")));
        tampered.put("a sidecar as 100,000 nested arrays", resealed(whole, items ->
                put(items, testimonySidecar, "[".repeat(100_000) + "]".repeat(100_000))));
        tampered.put("a sidecar with a byte 0xFF", resealed(whole, items -> {
            byte[] bytes = items.get(root + testimonySidecar).data();
            byte[] latin = new byte[bytes.length + 1];
            System.arraycopy(bytes, 0, latin, 0, 5);
            latin[5] = (byte) 0xFF;
            System.arraycopy(bytes, 5, latin, 6, bytes.length - 5);
            put(items, testimonySidecar, latin);
        }));
        tampered.put("a sidecar giving another SHA-256", resealed(whole, items -> sidecar(items, photoSidecar,
                s -> s.replaceAll("\"sha256\": \"[0-9a-f]*\"", "\"sha256\": \"" + ZEROS + "\""))));
        tampered.put("a sidecar giving another size", resealed(whole, items -> sidecar(items, photoSidecar,
                s -> s.replaceAll("\"size\": [0-9]*", "\"size\": 7"))));
        tampered.put("a sidecar giving another time of sealing", resealed(whole, items -> sidecar(items, photoSidecar,
                s -> s.replaceAll("\"sealed_at\": \"[^\"]*\"", "\"sealed_at\": \"2020-01-01T00:00:00Z\""))));
        tampered.put("a sidecar naming the custodian as documenter", resealed(whole, items -> sidecar(items, photoSidecar,
                s -> s.replace("\"documenter\": \"" + documenter + "\"", "\"documenter\": \"" + custodian + "\""))));
        tampered.put("a sidecar calling the photo a reading", resealed(whole, items -> sidecar(items, photoSidecar,
                s -> s.replace("\"kind\": \"attachment\"", "\"kind\": \"reading\""))));
        tampered.put("a sidecar naming another case", resealed(whole, items -> sidecar(items, photoSidecar,
                s -> s.replaceAll("\"case_id\": \"[^\"]*\"", "\"case_id\": \"GWC-0000-0000-0000-0000\""))));
        tampered.put("a sidecar under another item's name", resealed(whole, items -> {
            items.put(root + "metadata/items/GWA-0000-0000-0000-0000.json",
                    new Bags.Item(root + "metadata/items/GWA-0000-0000-0000-0000.json", items.remove(root + photoSidecar).data()));
            deleteIndexRow(items, photoId);
        }));
        tampered.put("the photo's sidecar and index row left out", resealed(whole, items -> {
            items.remove(root + photoSidecar);
            deleteIndexRow(items, photoId);
        }));
        tampered.put("an index row left out", resealed(whole, items -> deleteIndexRow(items, photoId)));
        tampered.put("an index row giving another SHA-256", resealed(whole, items -> put(items, "metadata/index.csv",
                text(items, "metadata/index.csv").replaceAll("(" + photoId + ",[^\r]*),[0-9a-f]{64},", "$1," + ZEROS + ","))));
        tampered.put("index.csv with another header", resealed(whole, items -> put(items, "metadata/index.csv",
                text(items, "metadata/index.csv").replaceFirst("item_id,", "id,"))));
        tampered.put("bag-info.txt without Bag-Count", resealed(whole, items -> put(items, "bag-info.txt",
                text(items, "bag-info.txt").replaceAll("Bag-Count: .*\n", ""))));
        tampered.put("bag-info.txt naming another package", resealed(whole, items -> put(items, "bag-info.txt",
                text(items, "bag-info.txt").replaceAll("External-Identifier: .*\n", "External-Identifier: GWE-0000-0000-0000-0000\n"))));
        tampered.put("bag-info.txt with a case id that is none", resealed(whole, items -> put(items, "bag-info.txt",
                text(items, "bag-info.txt").replaceAll("Case-Identifier: .*\n", "Case-Identifier: case 17\n"))));
        tampered.put("bag-info.txt with a line that is no label", resealed(whole, items -> put(items, "bag-info.txt",
                text(items, "bag-info.txt") + "just words\n")));
        tampered.put("bag-info.txt with the Payload-Oxum of another payload", zip(whole, items -> {
            put(items, "bag-info.txt", text(items, "bag-info.txt").replaceAll("Payload-Oxum: .*\n", "Payload-Oxum: 1.1\n"));
            retag(items, custodianKey);
        }));
        tampered.put("bagit.txt declaring BagIt 0.97", resealed(whole, items -> put(items, "bagit.txt",
                text(items, "bagit.txt").replace("1.0", "0.97"))));
        tampered.put("VERIFY.txt left out", resealed(whole, items -> items.remove(root + "VERIFY.txt")));
        tampered.put("metadata/case.json left out", resealed(whole, items -> items.remove(root + "metadata/case.json")));
        tampered.put("bag-info.txt giving Bag-Count twice", resealed(whole, items -> put(items, "bag-info.txt",
                text(items, "bag-info.txt") + "Bag-Count: 2 of 2\n")));
        tampered.put("bag-info.txt without its final line break", zip(whole, items -> {
            Bags.resealPackage(items, custodianKey);
            put(items, "bag-info.txt", text(items, "bag-info.txt").stripTrailing());
            retag(items, custodianKey);
        }));
        tampered.put("manifest-sha256.txt without its final line break", zip(whole, items -> {
            Bags.resealPackage(items, custodianKey);
            put(items, "manifest-sha256.txt", text(items, "manifest-sha256.txt").stripTrailing());
            retag(items, custodianKey);
        }));
        tampered.put("manifest-sha256.txt naming a file twice", zip(whole, items -> {
            Bags.resealPackage(items, custodianKey);
            String lines = text(items, "manifest-sha256.txt");
            put(items, "manifest-sha256.txt", lines + lines.substring(0, lines.indexOf('\n') + 1));
            retag(items, custodianKey);
        }));
        tampered.put("a sidecar naming no record", resealed(whole, items -> sidecar(items, photoSidecar,
                s -> s.replaceAll("\"record_id\": \"[^\"]*\"", "\"record_id\": \"x\""))));
        tampered.put("a sidecar giving an unknown kind", resealed(whole, items -> sidecar(items, photoSidecar,
                s -> s.replace("\"kind\": \"attachment\"", "\"kind\": \"photo\""))));
        tampered.put("the photo hung on the other record's testimony", resealed(whole, items -> sidecar(items, photoSidecar,
                s -> s.replace("\"testimony\": \"" + fixture.named + ".testimony\"", "\"testimony\": \"" + fixture.anonymous + ".testimony\""))));
        tampered.put("the photo's signature left out, its sidecar still naming it", resealed(whole, items -> items.remove(root + photo + ".sig")));
        tampered.put("the documenter's certificate left out", resealed(whole, items -> items.remove(root + "keys/" + documenter + ".asc")));
        tampered.put("the photo under another attachment id, its sidecar and index made to fit", resealed(whole, items -> {
            String other = "GWA-0000-0000-0000-0000";
            String moved = photo.replace(photoId, other);
            put(items, moved, items.remove(root + photo).data());
            put(items, moved + ".sig", items.remove(root + photo + ".sig").data());
            String card = text(items, photoSidecar).replace(photoId, other);
            items.remove(root + photoSidecar);
            put(items, "metadata/items/" + other + ".json", card);
            put(items, "metadata/index.csv", text(items, "metadata/index.csv").replace(photoId, other));
        }));
        tampered.put("a file this format does not know, in the tag manifest", resealed(whole, items ->
                put(items, "metadata/extra.csv", "id,name\r\n")));
        tampered.put("a payload file no sidecar describes", resealed(whole, items -> put(items, named + "notes.txt", "x")));
        tampered.put("the photo replaced by another file its documenter signed, its sidecar made to fit", resealed(whole, items -> {
            byte[] other = items.get(root + named + "identity.json").data();
            put(items, photo, other);
            put(items, photo + ".sig", items.get(root + named + "identity.json.sig").data());
            sidecar(items, photoSidecar, s -> s.replaceAll("\"sha256\": \"[0-9a-f]*\"", "\"sha256\": \"" + Digests.sha256(other) + "\"")
                    .replaceAll("\"sha512\": \"[0-9a-f]*\"", "\"sha512\": \"" + sha512(other) + "\"")
                    .replaceAll("\"size\": [0-9]*", "\"size\": " + other.length));
            put(items, "metadata/index.csv", text(items, "metadata/index.csv")
                    .replaceAll("(" + photoId + ",[^\r]*),150000,[0-9a-f]{64},", "$1," + other.length + "," + Digests.sha256(other) + ","));
        }));
        tampered.put("the photo without its documenter's signature", resealed(whole, items -> {
            items.remove(root + photo + ".sig");
            sidecar(items, photoSidecar, s -> s.replaceAll("\n  \"signature\": \"[^\"]*\",", ""));
            put(items, "metadata/index.csv", text(items, "metadata/index.csv").replace("," + photo + ".sig\r\n", ",\r\n"));
        }));
        tampered.put("a reading given the testimony's signature", resealed(whole, items ->
                put(items, anonymous + "testimony.txt.sig", items.get(root + anonymous + "testimony.json.sig").data())));
        tampered.put("the two testimonies swapped between their records", resealed(whole, items -> {
            byte[] a = items.get(root + anonymous + "testimony.json").data();
            byte[] aSig = items.get(root + anonymous + "testimony.json.sig").data();
            put(items, anonymous + "testimony.json", items.get(root + named + "testimony.json").data());
            put(items, anonymous + "testimony.json.sig", items.get(root + named + "testimony.json.sig").data());
            put(items, named + "testimony.json", a);
            put(items, named + "testimony.json.sig", aSig);
            String first = text(items, "metadata/items/" + fixture.anonymous + ".testimony.json");
            String second = text(items, "metadata/items/" + fixture.named + ".testimony.json");
            put(items, "metadata/items/" + fixture.anonymous + ".testimony.json", swapDigests(first, second));
            put(items, "metadata/items/" + fixture.named + ".testimony.json", swapDigests(second, first));
        }));
        custodyTamperings(tampered, root);
        assertMissed(dir, whole, tampered, List.of());
    }

    /** Custody entries and their chains, as only the custodian could sign them anew. */
    private void custodyTamperings(Map<String, byte[]> tampered, String root) throws Exception {
        Map<String, Bags.Item> good = Bags.read(whole);
        String photoId = photo(whole).substring(photo(whole).lastIndexOf('/') + 1).replaceAll("\\..*", "");
        String ours = "custody/" + custodian + "/";
        String theirs = "custody/" + documenter + "/";
        String importedPhoto = entryFile(good, custodian, Action.IMPORTED, photoId);
        String sealedTestimony = entryFile(good, documenter, Action.SEALED, fixture.anonymous);
        String exportedIdentity = entryFile(good, custodian, Action.EXPORTED, fixture.named + "/identity");
        for (String[] left : new String[][] {{importedPhoto, "the photo's imported entry"}, {sealedTestimony, "a testimony's sealed entry"},
                {exportedIdentity, "the identity's exported entry"}}) {
            tampered.put(left[1] + " left out", resealed(whole, items -> {
                items.remove(root + left[0]);
                items.remove(root + left[0] + ".sig");
            }));
        }
        tampered.put("an entry without its signature", resealed(whole, items -> items.remove(root + importedPhoto + ".sig")));
        tampered.put("a signature without its entry", resealed(whole, items -> put(items, ours + "00000001.json.sig",
                items.get(root + importedPhoto + ".sig").data())));
        tampered.put("an entry under another number", resealed(whole, items -> {
            String other = importedPhoto.replaceAll("[0-9]{8}\\.json$", "00000001.json");
            items.put(root + other, new Bags.Item(root + other, items.remove(root + importedPhoto).data()));
            items.put(root + other + ".sig", new Bags.Item(root + other + ".sig", items.remove(root + importedPhoto + ".sig").data()));
        }));
        tampered.put("the documenter's chain-sha256.txt left out", resealed(whole, items -> items.remove(root + theirs + "chain-sha256.txt")));
        tampered.put("a chain-sha256.txt for a key with no entries here", resealed(whole, items ->
                put(items, "custody/" + "0".repeat(40) + "/chain-sha256.txt", text(items, theirs + "chain-sha256.txt"))));
        Entry photoImport = Entry.parse(good.get(root + importedPhoto).data());
        tampered.put("the chain line of a carried entry changed", resealed(whole, items -> put(items, ours + "chain-sha256.txt",
                text(items, ours + "chain-sha256.txt").replace(photoImport.sha256(), ZEROS))));
        tampered.put("the chain line before a carried entry changed", resealed(whole, items -> put(items, ours + "chain-sha256.txt",
                text(items, ours + "chain-sha256.txt").replace(photoImport.prevSha256(), ZEROS))));
        tampered.put("the custodian's chain one line longer than its last entry", resealed(whole, items -> put(items,
                ours + "chain-sha256.txt", text(items, ours + "chain-sha256.txt")
                        + ZEROS + "  " + String.format("%08d", lastSeq(items, custodian) + 1) + ".json\n")));
        tampered.put("the custodian's chain ending before its last entry", zip(whole, items -> {
            Bags.resealPackage(items, custodianKey);
            String lines = text(items, ours + "chain-sha256.txt");
            put(items, ours + "chain-sha256.txt", lines.substring(0, lines.lastIndexOf('\n', lines.length() - 2) + 1));
            retag(items, custodianKey);
        }));
        tampered.put("a chain line out of form", resealed(whole, items -> put(items, theirs + "chain-sha256.txt",
                text(items, theirs + "chain-sha256.txt").replaceFirst("  00000001\\.json", " 00000001.json"))));
        tampered.put("a custodian's entry signed again at another time", resealed(whole, items ->
                put(items, importedPhoto + ".sig", DetachedSignature.sign(custodianKey, photoImport.canonical(),
                        photoImport.time().plusSeconds(3600)))));
        Entry edited = new Entry(photoImport.seq(), photoImport.time(), photoImport.actor(), photoImport.action(),
                photoImport.subject(), ZEROS, photoImport.prevSha256(), photoImport.nonce());
        tampered.put("a custodian's entry edited and signed again", resealed(whole, items -> {
            put(items, importedPhoto, edited.canonical());
            put(items, importedPhoto + ".sig", DetachedSignature.sign(custodianKey, edited.canonical(), edited.time()));
        }));
        tampered.put("a custodian's entry edited, signed again, and its chain line made to fit", resealed(whole, items -> {
            put(items, importedPhoto, edited.canonical());
            put(items, importedPhoto + ".sig", DetachedSignature.sign(custodianKey, edited.canonical(), edited.time()));
            put(items, ours + "chain-sha256.txt", text(items, ours + "chain-sha256.txt").replace(photoImport.sha256(), edited.sha256()));
        }));
        Entry sealed = Entry.parse(good.get(root + sealedTestimony).data());
        tampered.put("a documenter's entry signed by the custodian", resealed(whole, items ->
                put(items, sealedTestimony + ".sig", DetachedSignature.sign(custodianKey, sealed.canonical(), sealed.time()))));
        tampered.put("Gawah-Export-Entry naming an earlier entry", zip(whole, items -> {
            Bags.resealPackage(items, custodianKey);
            put(items, "bag-info.txt", text(items, "bag-info.txt").replaceAll("Gawah-Export-Entry: .*\n",
                    "Gawah-Export-Entry: " + photoImport.seq() + " " + photoImport.sha256() + "\n"));
            retag(items, custodianKey);
        }));
        tampered.put("a custodian's entry not in canonical form, signed again", resealed(whole, items -> {
            byte[] spaced = new String(photoImport.canonical(), StandardCharsets.US_ASCII).replace(",\"", ", \"")
                    .getBytes(StandardCharsets.US_ASCII);
            put(items, importedPhoto, spaced);
            put(items, importedPhoto + ".sig", DetachedSignature.sign(custodianKey, spaced, photoImport.time()));
        }));
        tampered.put("the last entry exporting another package", zip(whole, items -> {
            Bags.resealPackage(items, custodianKey);
            String lastName = ours + String.format("%08d", lastSeq(items, custodian)) + ".json";
            Entry last = Entry.parse(items.get(root + lastName).data());
            Entry other = new Entry(last.seq(), last.time(), last.actor(), last.action(), "GWE-0000-0000-0000-0000",
                    last.subjectSha256(), last.prevSha256(), last.nonce());
            put(items, lastName, other.canonical());
            put(items, lastName + ".sig", DetachedSignature.sign(custodianKey, other.canonical(), other.time()));
            put(items, ours + "chain-sha256.txt", text(items, ours + "chain-sha256.txt").replace(last.sha256(), other.sha256()));
            put(items, "bag-info.txt", text(items, "bag-info.txt").replace(last.sha256(), other.sha256()));
            retag(items, custodianKey);
        }));
        tampered.put("a key file named for another fingerprint", resealed(whole, items -> {
            items.put(root + "keys/" + "0".repeat(40) + ".asc", new Bags.Item(root + "keys/" + "0".repeat(40) + ".asc",
                    items.get(root + "keys/" + documenter + ".asc").data()));
        }));
    }

    @Test
    void aRedactedCopyIsTracedByItsOwnEntry(@TempDir Path dir) throws Exception {
        Map<String, byte[]> tampered = new LinkedHashMap<>();
        String root = root(redacted);
        Map<String, Bags.Item> good = Bags.read(redacted);
        String copy = "data/" + fixture.named + "/testimony-redacted.json";
        assertTrue(good.containsKey(root + copy), good.keySet().toString());
        String entry = entryFile(good, custodian, Action.REDACTED, fixture.named + "/redacted");
        tampered.put("the redacted entry left out", resealed(redacted, items -> {
            items.remove(root + entry);
            items.remove(root + entry + ".sig");
        }));
        tampered.put("the redacted copy edited, its sidecar made to fit", resealed(redacted, items -> {
            byte[] edited = text(items, copy).replace("[withheld]", "[kept back]").getBytes(StandardCharsets.UTF_8);
            put(items, copy, edited);
            sidecar(items, "metadata/items/" + fixture.named + ".redacted.json",
                    s -> s.replaceAll("\"sha256\": \"[0-9a-f]*\"", "\"sha256\": \"" + Digests.sha256(edited) + "\"")
                            .replaceAll("\"sha512\": \"[0-9a-f]*\"", "\"sha512\": \"" + sha512(edited) + "\"")
                            .replaceAll("\"size\": [0-9]*", "\"size\": " + edited.length));
            put(items, "metadata/index.csv", text(items, "metadata/index.csv").replaceAll(
                    "(" + fixture.named + "\\.redacted,[^\r]*),[0-9]+,[0-9a-f]{64},", "$1," + edited.length + "," + Digests.sha256(edited) + ","));
        }));
        tampered.put("the redacted copy naming another original, its sidecar, index row and redacted entry made to fit", resealed(redacted, items -> {
            byte[] edited = text(items, copy).replaceAll("\"original_sealed_sha256\": \"[0-9a-f]{64}\"",
                    "\"original_sealed_sha256\": \"" + ZEROS + "\"").getBytes(StandardCharsets.UTF_8);
            put(items, copy, edited);
            sidecar(items, "metadata/items/" + fixture.named + ".redacted.json",
                    s -> s.replaceAll("\"sha256\": \"[0-9a-f]*\"", "\"sha256\": \"" + Digests.sha256(edited) + "\"")
                            .replaceAll("\"sha512\": \"[0-9a-f]*\"", "\"sha512\": \"" + sha512(edited) + "\"")
                            .replaceAll("\"size\": [0-9]*", "\"size\": " + edited.length));
            put(items, "metadata/index.csv", text(items, "metadata/index.csv").replaceAll(
                    "(" + fixture.named + "\\.redacted,[^\r]*),[0-9]+,[0-9a-f]{64},", "$1," + edited.length + "," + Digests.sha256(edited) + ","));
            rewriteCustodianEntries(items, entry, e -> new Entry(e.seq(), e.time(), e.actor(), e.action(), e.subject(),
                    Digests.sha256(edited), e.prevSha256(), e.nonce()));
        }));
        tampered.put("the named record's sealed entry left out", resealed(redacted, items -> {
            String sealed = entryFile(items, documenter, Action.SEALED, fixture.named);
            items.remove(root + sealed);
            items.remove(root + sealed + ".sig");
        }));
        assertMissed(dir, redacted, tampered, List.of());
    }

    @Test
    void theStepsAreGawahsInEveryPackageAndHashToTheSha256GawahPublishes(@TempDir Path dir) throws Exception {
        String source = Files.readString(SOURCE);
        String published = Digests.sha256(steps(source).getBytes(StandardCharsets.UTF_8));
        assertTrue(Files.readString(Path.of("README.md")).contains(published),
                "README.md must publish the SHA-256 of VERIFY.txt's steps, now " + published);
        assertTrue(Files.readString(Path.of("SECURITY.md")).contains(published),
                "SECURITY.md must publish the SHA-256 of VERIFY.txt's steps, now " + published);
        assertFalse(java.util.regex.Pattern.compile("@[A-Z_]+@").matcher(steps(source)).find(), "the steps hold nothing filled in per package");
        Clerk clerk = clerk();
        for (Path pkg : List.of(whole, redacted)) {
            String guide = verifyTxt(pkg);
            assertEquals(steps(source), steps(guide), "the steps of " + pkg.getFileName() + " are Gawah's");
            assertTrue(guide.chars().noneMatch(c -> c < 0x20 && c != '\n' || c >= 0x7f && c < 0xa0), "no control character");
            // Step 0, as written, over the package's copy and over Gawah's source.
            Path copy = Files.createDirectories(dir.resolve(pkg.getFileName().toString()));
            Files.writeString(copy.resolve("verify-guide.txt"), guide);
            assertEquals(published + "  -\n", clerk.checkCopy(copy));
        }
        Path own = Files.createDirectories(dir.resolve("source"));
        Files.copy(SOURCE, own.resolve("verify-guide.txt"));
        assertEquals(published + "  -\n", clerk.checkCopy(own));
    }

    @Test
    void aZipThatCouldWriteThroughLinksOrHideFilesIsRefusedBeforeAnythingIsUnpacked(@TempDir Path dir) throws Exception {
        Map<String, byte[]> tampered = new LinkedHashMap<>();
        String root = root(whole);
        String folder = root + "data/" + fixture.named + "/";
        // What the review found: the clerk's work lists, written where unzip had put links.
        tampered.put("in-zip.txt beside the bag folder, a link to the clerk's .bashrc",
                zip(whole, items -> link(items, "in-zip.txt", "../../.bashrc")));
        tampered.put("in-zip.txt a link to named.txt, hiding a file beside the bag folder", zip(whole, items -> {
            link(items, "in-zip.txt", "named.txt");
            items.put("extra/readme.txt", new Bags.Item("extra/readme.txt", new byte[] {'x'}));
        }));
        for (String work : List.of("in-zip.txt", "named.txt", "payload.txt", "entries.txt", "shown.txt", "unpacked")) {
            tampered.put(work + " first in the zip, a link to the clerk's .bashrc", zipList(whole, items ->
                    items.add(0, new Bags.Item(work, "../../.bashrc".getBytes(StandardCharsets.US_ASCII), 0120777))));
            tampered.put(work + " beside the bag folder, a file", zip(whole, items ->
                    items.put(work, new Bags.Item(work, "x".getBytes(StandardCharsets.US_ASCII)))));
            tampered.put(work + " in the bag folder, a link to the clerk's .bashrc", zip(whole, items ->
                    link(items, root + work, "../../../../.bashrc")));
        }
        tampered.put("a link to a folder, and a file written through it", zip(whole, items -> {
            link(items, folder + "up", "../../../../../..");
            items.put(folder + "up/.bashrc", new Bags.Item(folder + "up/.bashrc", "touch pwned\n".getBytes(StandardCharsets.US_ASCII)));
        }));
        String photo = photo(whole);
        tampered.put("the photo a link to the testimony", zip(whole, items -> link(items, photo, "testimony.json")));
        tampered.put("a link as a VMS zip writes it, which zipinfo does not show as one", zip(whole, items -> items.put(folder + "vms",
                new Bags.Item(folder + "vms", "../../../../../.bashrc".getBytes(StandardCharsets.US_ASCII), 0120777, (2 << 8) | 20, 0x0800, 0))));
        tampered.put("an entry flagged encrypted (unzip would ask for a password)", zip(whole, items -> {
            Bags.Item item = items.get(photo);
            items.put(item.name(), new Bags.Item(item.name(), item.data(), 0, 20, 0x0801, 0));
        }));
        tampered.put("the testimony again, second as a link", zipList(whole, items ->
                items.add(new Bags.Item(folder + "testimony.json", "../../../../.bashrc".getBytes(StandardCharsets.US_ASCII), 0120777))));
        for (String twin : List.of(folder + "./testimony.json", folder + "/testimony.json", root + "data/../data/" + fixture.named + "/testimony.json",
                root + "./bagit.txt")) {
            tampered.put("the testimony or bagit.txt again as " + twin.substring(root.length()), zip(whole, items ->
                    items.put(twin, new Bags.Item(twin, "touch pwned\n".getBytes(StandardCharsets.US_ASCII)))));
        }
        for (String name : List.of("a b.txt", "*", "?", "[a-z]*", "$(touch pwned)", "`touch pwned`", ";touch pwned;", "x|touch pwned",
                "x&touch pwned", "a'b", "a\"b", "a\\b", "-rf", ".hidden", "~", "x\u001b]0;pwned\u0007", "x\u001b[2J", "\u009b2J",
                "x\r", "x\ny", "x\n" + root + "data/GWH-0000-0000-0000-0000/testimony.json", "\u202etxt.exe")) {
            tampered.put("a file named " + java.util.HexFormat.of().formatHex(name.getBytes(StandardCharsets.UTF_8)), zip(whole, items ->
                    items.put(folder + name, new Bags.Item(folder + name, "touch pwned\n".getBytes(StandardCharsets.US_ASCII)))));
        }
        List<String> accepted = new ArrayList<>();
        Map<String, Clerk.Outcome> outcomes = clerksFollow(dir, tampered, false, accepted);
        assertEquals(List.of(), accepted);
        List<String> notAtStep3 = new ArrayList<>();
        outcomes.forEach((name, outcome) -> {
            if (outcome.failedAt() != 3) {
                notAtStep3.add(name + ": first FAILED at step " + outcome.failedAt() + "\n" + outcome.printed().get(3));
            }
            assertPrintable(name, outcome);
        });
        assertEquals(List.of(), notAtStep3, "each caught before anything is unpacked");
    }

    @Test
    void aFileThatUnpacksToMoreThanTheZipSaysIsCutOffAndCaught(@TempDir Path dir) throws Exception {
        // Info-ZIP writes a deflated file out whole, whatever size the zip gives it: 64 MiB of zeros in 64 KiB, said to be 1,000 bytes.
        String name = root(whole) + "data/" + fixture.named + "/testimony.txt";
        byte[] bomb = declareSize(zipList(whole, items -> items.replaceAll(item -> item.name().equals(name)
                ? new Bags.Item(name, new byte[64 << 20], 0, 20, 0x0800, 8) : item)), name, 1000);
        assertTrue(bomb.length < Files.size(whole) + (1 << 20), "the crafted zip is small: " + bomb.length);
        Path zip = Files.write(dir.resolve("bomb.zip"), bomb);
        assertNotEquals(0, fixture.homes.gawah.in(fixture.homes.legal, "verify", zip.toString()).code());
        Clerk.Outcome outcome = clerk().follow(dir.resolve("clerk"), yours(zip), false, null);
        assertEquals(3, outcome.failedAt(), outcome.all());
        assertTrue(outcome.printed().get(3).contains("FAILED: " + name + " does not unpack to the size the zip gives it"), outcome.all());
        try (java.util.stream.Stream<Path> files = Files.walk(dir.resolve("clerk"))) {
            List<Path> all = files.filter(Files::isRegularFile).toList();
            List<Path> cut = all.stream().filter(f -> f.endsWith(name)).toList();
            assertEquals(1, cut.size(), all.toString());
            assertEquals(1001, Files.size(cut.get(0)), "cut off one byte past the size the zip gives");
            assertTrue(all.stream().mapToLong(f -> f.toFile().length()).sum() < Files.size(whole) * 4, "nothing else written large");
        }
    }

    /** The zip with the uncompressed size of entry {@code name} given as {@code size}, in its local header and its central directory. */
    private static byte[] declareSize(byte[] zip, String name, int size) {
        java.nio.ByteBuffer bytes = java.nio.ByteBuffer.wrap(zip).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        byte[] wanted = name.getBytes(StandardCharsets.UTF_8);
        for (int at = 0; at + 46 <= zip.length; at++) {
            if (bytes.getInt(at) == 0x02014b50 && bytes.getShort(at + 28) == wanted.length
                    && Arrays.equals(Arrays.copyOfRange(zip, at + 46, at + 46 + wanted.length), wanted)) {
                bytes.putInt(at + 24, size);
                bytes.putInt(bytes.getInt(at + 42) + 22, size);
                return zip;
            }
        }
        throw new AssertionError("no entry " + name);
    }

    @Test
    void textFromInsideThePackageIsNeverRunAndReachesTheScreenAsPrintableAsciiOnly(@TempDir Path dir) throws Exception {
        String evil = "$(touch pwned)`touch pwned`;touch pwned;|touch pwned&touch pwned \u001b]0;pwned\u0007\u001b[2J\u009b2J * ? ~ '\"\\ \u202e";
        String root = root(whole);
        String photoSidecar = "metadata/items/" + photo(whole).replaceAll(".*/(GWA-[^.]*)\\..*", "$1") + ".json";
        Map<String, byte[]> tampered = new LinkedHashMap<>();
        tampered.put("manifest-sha256.txt naming a file so", zip(whole, items -> {
            Bags.resealPackage(items, custodianKey);
            put(items, "manifest-sha256.txt", text(items, "manifest-sha256.txt") + ZEROS + "  data/" + evil + "\n");
            retag(items, custodianKey);
        }));
        tampered.put("tagmanifest-sha512.txt naming a file so", zip(whole, items -> {
            Bags.resealPackage(items, custodianKey);
            put(items, "tagmanifest-sha512.txt", text(items, "tagmanifest-sha512.txt") + ZEROS + ZEROS + "  " + evil + "\n");
            Bags.put(items, root + "signature/tagmanifest-sha512.txt.asc", Armor.armor(DetachedSignature.sign(custodianKey,
                    items.get(root + "tagmanifest-sha512.txt").data(), Instant.now())));
        }));
        tampered.put("bag-info.txt holding such a line", resealed(whole, items -> put(items, "bag-info.txt",
                text(items, "bag-info.txt") + evil + "\n" + "Source-Organization: " + evil + "\n")));
        tampered.put("a sidecar giving such values", resealed(whole, items -> sidecar(items, photoSidecar, s -> s
                .replaceAll("\"path\": \"[^\"]*\"", java.util.regex.Matcher.quoteReplacement("\"path\": \"data/" + evil + "\""))
                .replaceAll("\"record_id\": \"[^\"]*\"", java.util.regex.Matcher.quoteReplacement("\"record_id\": \"" + evil + "\""))
                .replaceAll("\"documenter\": \"[^\"]*\"", java.util.regex.Matcher.quoteReplacement("\"documenter\": \"" + evil + "\""))
                .replaceAll("\"case_id\": \"[^\"]*\"", java.util.regex.Matcher.quoteReplacement("\"case_id\": \"" + evil + "\""))
                .replaceAll("\"kind\": \"[^\"]*\"", java.util.regex.Matcher.quoteReplacement("\"kind\": \"" + evil + "\"")))));
        tampered.put("index.csv holding such a row", resealed(whole, items -> put(items, "metadata/index.csv",
                text(items, "metadata/index.csv") + evil + "\r\n")));
        tampered.put("a chain line so", resealed(whole, items -> put(items, "custody/" + documenter + "/chain-sha256.txt",
                text(items, "custody/" + documenter + "/chain-sha256.txt") + evil + "\n")));
        tampered.put("a custody entry so", resealed(whole, items -> put(items,
                entryFile(items, custodian, Action.IMPORTED, fixture.named), evil)));
        List<String> accepted = new ArrayList<>();
        Map<String, Clerk.Outcome> outcomes = clerksFollow(dir, tampered, false, accepted);
        assertEquals(List.of(), accepted);
        outcomes.forEach((name, outcome) -> {
            assertNotEquals(0, outcome.failedAt(), name + "\n" + outcome.all());
            assertPrintable(name, outcome);
        });
    }

    /** What the steps printed reached the terminal as printable ASCII, or as gpg and the shell's own words. */
    private static void assertPrintable(String name, Clerk.Outcome outcome) {
        String all = outcome.all();
        for (char c : new char[] {'\u001b', '\u009b', '\u0007', '\u202e'}) {
            assertTrue(all.indexOf(c) < 0, name + ": printed U+" + Integer.toHexString(c) + "\n" + all);
        }
    }

    // ------------------------------------------------------------------ running the clerk and gawah

    /**
     * Each tampered package must be refused by gawah verify (in the custodian's own home, where
     * it is trusted) and caught by the clerk at some step; fails listing those missed.
     */
    private void assertMissed(Path dir, Path good, Map<String, byte[]> tampered, List<String> expectedMisses) throws Exception {
        List<String> missed = new ArrayList<>();
        clerksFollow(dir, tampered, true, missed).forEach((name, outcome) -> {
            if (outcome.failedAt() == 0) {
                missed.add(name);
            }
        });
        assertEquals(expectedMisses, missed);
    }

    /**
     * The clerk follows the steps on each tampered package that gawah verify refuses (those it
     * accepts are added to {@code accepted}), in a home of its own holding a .bashrc that no step
     * may touch, and where no step may leave a file named "pwned" (what the hostile names and
     * texts try to make a shell run). Unless {@code stopAtFailure}, every step runs, as a clerk
     * might who reads on past a FAILED line. The clerks work two at a time: each is mostly
     * waiting for the processes it starts.
     */
    private Map<String, Clerk.Outcome> clerksFollow(Path dir, Map<String, byte[]> tampered, boolean stopAtFailure, List<String> accepted)
            throws Exception {
        Clerk clerk = clerk();
        Map<String, java.util.concurrent.Future<Clerk.Outcome>> running = new LinkedHashMap<>();
        Map<String, Path> homes = new LinkedHashMap<>();
        java.util.concurrent.ExecutorService clerks = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            int run = 0;
            for (Map.Entry<String, byte[]> one : tampered.entrySet()) {
                Path zip = Files.write(dir.resolve("tampered-" + (++run) + ".zip"), one.getValue());
                Gawah.Result verify = fixture.homes.gawah.in(fixture.homes.legal, "verify", zip.toString());
                if (verify.code() == 0) {
                    accepted.add(one.getKey() + ": gawah verify accepts it (not a tampering it refuses)");
                    continue;
                }
                Path home = Files.createDirectories(dir.resolve("clerk-" + run));
                Files.writeString(home.resolve(".bashrc"), BASHRC);
                String name = one.getKey() + " (gawah: " + verify.stderr().lines().findFirst().orElse("") + ")";
                homes.put(name, home);
                running.put(name, clerks.submit(() -> clerk.follow(home, Map.of("PACKAGE", zip.toString(), "TOLD", grouped(custodian)),
                        false, null, stopAtFailure)));
            }
            Map<String, Clerk.Outcome> outcomes = new LinkedHashMap<>();
            for (Map.Entry<String, java.util.concurrent.Future<Clerk.Outcome>> one : running.entrySet()) {
                Clerk.Outcome outcome = one.getValue().get();
                Path home = homes.get(one.getKey());
                assertEquals(BASHRC, Files.readString(home.resolve(".bashrc")), one.getKey() + ": the clerk's .bashrc changed\n" + outcome.all());
                try (java.util.stream.Stream<Path> files = Files.walk(home)) {
                    assertEquals(List.of(), files.filter(f -> f.getFileName().toString().equals("pwned")).toList(),
                            one.getKey() + ": a step ran a command from the package\n" + outcome.all());
                }
                outcomes.put(one.getKey(), outcome);
            }
            return outcomes;
        } finally {
            clerks.shutdownNow();
        }
    }

    private static final String BASHRC = "# the clerk's own .bashrc, which no step may touch\n";

    /** Gawah's source of the steps, which step 0 tells the clerk to take them from (never a package). */
    private static final Path SOURCE = Path.of("src/main/resources/org/gawah/export/verify-guide.txt");
    private static final String MARKER = "\nHOW TO FOLLOW THE STEPS\n";

    /** A clerk holding the steps as Gawah's source gives them. */
    static Clerk clerk() throws Exception {
        return new Clerk(Files.readString(SOURCE));
    }

    /** From the line "HOW TO FOLLOW THE STEPS" to the end: the part of VERIFY.txt whose SHA-256 Gawah publishes. */
    private static String steps(String guide) {
        int at = guide.indexOf(MARKER);
        assertTrue(at > 0 && guide.indexOf(MARKER, at + 1) < 0, "one line HOW TO FOLLOW THE STEPS");
        return guide.substring(at + 1);
    }

    private static String verifyTxt(Path pkg) throws Exception {
        Map<String, Bags.Item> items = Bags.read(pkg);
        return items.get(Bags.root(items) + "/VERIFY.txt").text();
    }

    private static Map<String, String> yours(Path pkg) {
        return Map.of("PACKAGE", pkg.toString(), "TOLD", grouped(custodian));
    }

    static String grouped(String fingerprint) {
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < fingerprint.length(); i += 4) {
            grouped.append(i == 0 ? "" : i == fingerprint.length() / 2 ? "  " : " ").append(fingerprint, i, i + 4);
        }
        return grouped.toString();
    }

    // ------------------------------------------------------------------ making tampered packages

    private static byte[] zip(Path pkg, Consumer<Map<String, Bags.Item>> change) throws Exception {
        Map<String, Bags.Item> items = Bags.read(pkg);
        change.accept(items);
        return bytes(new ArrayList<>(items.values()));
    }

    private static byte[] zipList(Path pkg, Consumer<List<Bags.Item>> change) throws Exception {
        List<Bags.Item> items = new ArrayList<>(Bags.read(pkg).values());
        change.accept(items);
        return bytes(items);
    }

    /** The package changed, then signed anew by its custodian (manifests, export entry, tag manifest). */
    private static byte[] resealed(Path pkg, Consumer<Map<String, Bags.Item>> change) throws Exception {
        return zip(pkg, items -> {
            change.accept(items);
            Bags.resealPackage(items, custodianKey);
        });
    }

    private static byte[] bytes(List<Bags.Item> items) throws Exception {
        Path temp = Files.createTempFile(base, "zip", ".zip");
        Bags.write(temp, items);
        byte[] bytes = Files.readAllBytes(temp);
        Files.delete(temp);
        return bytes;
    }

    /** The tag manifest and its signature made anew, nothing else (Bags.resealPackage also mends Payload-Oxum and the export entry). */
    private static void retag(Map<String, Bags.Item> items, SigningKey key) {
        String root = Bags.root(items) + "/";
        StringBuilder tags = new StringBuilder();
        for (String name : new java.util.TreeSet<>(items.keySet())) {
            String path = name.substring(root.length());
            if (!path.startsWith("data/") && !path.startsWith("signature/") && !path.equals("tagmanifest-sha512.txt")) {
                tags.append(sha512(items.get(name).data())).append("  ").append(path).append('\n');
            }
        }
        Bags.put(items, root + "tagmanifest-sha512.txt", tags.toString());
        Bags.put(items, root + "signature/tagmanifest-sha512.txt.asc", Armor.armor(DetachedSignature.sign(key,
                tags.toString().getBytes(StandardCharsets.UTF_8), Instant.now())));
    }

    /**
     * The custodian's entry {@code file} changed, and every later entry of its log in the package
     * made again to follow it, each signed anew and its chain line made to fit: what a custodian
     * gone bad could do to its own entries.
     */
    private static void rewriteCustodianEntries(Map<String, Bags.Item> items, String file, java.util.function.UnaryOperator<Entry> change) {
        String ours = "custody/" + custodian + "/";
        List<String> chain = new ArrayList<>(List.of(text(items, ours + "chain-sha256.txt").split("\n")));
        Entry entry = change.apply(Entry.parse(items.get(Bags.root(items) + "/" + file).data()));
        for (long seq = entry.seq(); seq <= lastSeq(items, custodian); seq++) {
            String name = ours + String.format("%08d", seq) + ".json";
            if (seq > entry.seq()) {
                Entry next = Entry.parse(items.get(Bags.root(items) + "/" + name).data());
                entry = new Entry(next.seq(), next.time(), next.actor(), next.action(), next.subject(), next.subjectSha256(),
                        entry.sha256(), next.nonce());
            }
            put(items, name, entry.canonical());
            put(items, name + ".sig", DetachedSignature.sign(custodianKey, entry.canonical(), entry.time()));
            chain.set((int) seq - 1, entry.sha256() + "  " + String.format("%08d", seq) + ".json");
        }
        put(items, ours + "chain-sha256.txt", String.join("\n", chain) + "\n");
    }

    /** A zip entry claiming to be a link (made on Unix, mode 0120777) to {@code target}. */
    private static void link(Map<String, Bags.Item> items, String name, String target) {
        items.put(name, new Bags.Item(name, target.getBytes(StandardCharsets.US_ASCII), 0120777));
    }

    private static void put(Map<String, Bags.Item> items, String path, String text) {
        put(items, path, text.getBytes(StandardCharsets.UTF_8));
    }

    private static void put(Map<String, Bags.Item> items, String path, byte[] data) {
        String name = Bags.root(items) + "/" + path;
        items.put(name, new Bags.Item(name, data));
    }

    private static String text(Map<String, Bags.Item> items, String path) {
        return items.get(Bags.root(items) + "/" + path).text();
    }

    private static void sidecar(Map<String, Bags.Item> items, String path, java.util.function.UnaryOperator<String> change) {
        String before = text(items, path);
        String after = change.apply(before);
        assertNotEquals(before, after, "the change to " + path + " changed nothing");
        put(items, path, after);
    }

    private static void deleteIndexRow(Map<String, Bags.Item> items, String id) {
        put(items, "metadata/index.csv", text(items, "metadata/index.csv").replaceAll(id + ",[^\r]*\r\n", ""));
    }

    /** The sidecar {@code mine} with the path-independent facts (digests, size, time) of {@code other}. */
    private static String swapDigests(String mine, String other) {
        for (String key : List.of("sha256", "sha512", "size", "sealed_at")) {
            java.util.regex.Matcher theirs = java.util.regex.Pattern.compile("\"" + key + "\": [^\n]*").matcher(other);
            theirs.find();
            mine = mine.replaceAll("\"" + key + "\": [^\n]*", java.util.regex.Matcher.quoteReplacement(theirs.group()));
        }
        return mine;
    }

    private static Bags.Item find(List<Bags.Item> items, String name) {
        return items.stream().filter(i -> i.name().equals(name)).findFirst().orElseThrow();
    }

    private static String root(Path pkg) throws Exception {
        return Bags.root(Bags.read(pkg)) + "/";
    }

    /** The photo's full name in the zip. */
    private static String photo(Path pkg) throws Exception {
        return Bags.read(pkg).keySet().stream().filter(n -> n.matches(".*/GWA-[^/]*\\.jpg")).findFirst().orElseThrow();
    }

    /** The custody file (from the bag's root) of {@code actor}'s entry with this action and subject. */
    private static String entryFile(Map<String, Bags.Item> items, String actor, Action action, String subject) {
        String root = Bags.root(items) + "/";
        for (Map.Entry<String, Bags.Item> item : items.entrySet()) {
            if (item.getKey().startsWith(root + "custody/" + actor + "/") && item.getKey().matches(".*/[0-9]{8}\\.json")) {
                Entry entry = Entry.parse(item.getValue().data());
                if (entry.action() == action && entry.subject().equals(subject)) {
                    return item.getKey().substring(root.length());
                }
            }
        }
        throw new AssertionError("no " + action + " entry of " + subject + " by " + actor);
    }

    private static long lastSeq(Map<String, Bags.Item> items, String actor) {
        String root = Bags.root(items) + "/";
        return items.keySet().stream().filter(n -> n.startsWith(root + "custody/" + actor + "/") && n.matches(".*/[0-9]{8}\\.json"))
                .mapToLong(n -> Long.parseLong(n.replaceAll(".*/([0-9]{8})\\.json", "$1"))).max().orElseThrow();
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < 64; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }

    private static String sha512(byte[] data) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-512").digest(data));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
