package org.gawah.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
            Clerk.Outcome outcome = clerk(good).follow(dir.resolve(good.getFileName().toString()), yours(good), false, null);
            assertEquals(0, outcome.failedAt(), outcome.all());
            assertEquals(List.of(1, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14), List.copyOf(outcome.printed().keySet()), outcome.all());
        }
    }

    @Test
    void theFingerprintsGpgPrintsAreTheOnesVerifyTxtStates(@TempDir Path dir) throws Exception {
        String guide = verifyTxt(whole);
        Clerk.Outcome outcome = clerk(whole).follow(dir, yours(whole), false, null);
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
            Clerk clerk = clerk(unchecked);
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

            // Another certificate beside the package, in a home that never held the custodian's: the signature is not checked.
            Path documenterCertificate = dir.resolve("documenter.asc");
            fixture.homes.gawah.in(fixture.homes.documenter, "keys", "export", "--out", documenterCertificate.toString()).ok();
            Map<String, String> otherCertificate = new java.util.HashMap<>(yours);
            otherCertificate.put("CERT", documenterCertificate.toString());
            otherCertificate.put("PACKAGE", dir.resolve("other.zip").toString());
            assertEquals(2, clerk.follow(dir.resolve("clerk-other"), otherCertificate, true, secretOnly(receiver, icc, dir)).failedAt());
        }
    }

    /** A GnuPG home holding only the receiver's secret key (the clerk's own, before any certificate was imported). */
    private static Path secretOnly(GnuPG receiver, String fingerprint, Path dir) {
        Path secret = GnuPG.write(dir.resolve("secret.key"), receiver.run("--export-secret-keys", fingerprint).ok().stdout());
        GnuPG own = new GnuPG(dir.resolve("own"));
        own.run("--import", secret.toString()).ok();
        own.close();
        return own.home;
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
                photoImport.subject(), ZEROS, photoImport.prevSha256());
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
                    last.subjectSha256(), last.prevSha256());
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
        tampered.put("the named record's sealed entry left out", resealed(redacted, items -> {
            String sealed = entryFile(items, documenter, Action.SEALED, fixture.named);
            items.remove(root + sealed);
            items.remove(root + sealed + ".sig");
        }));
        assertMissed(dir, redacted, tampered, List.of());
    }

    // ------------------------------------------------------------------ running the clerk and gawah

    /**
     * Each tampered package must be refused by gawah verify (in the custodian's own home, where
     * it is trusted) and caught by the clerk at some step; fails listing those missed. The clerks
     * work two at a time: each is mostly waiting for the processes it starts.
     */
    private void assertMissed(Path dir, Path good, Map<String, byte[]> tampered, List<String> expectedMisses) throws Exception {
        Clerk clerk = clerk(good);
        List<String> missed = new ArrayList<>();
        Map<String, java.util.concurrent.Future<Clerk.Outcome>> outcomes = new LinkedHashMap<>();
        java.util.concurrent.ExecutorService clerks = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            int run = 0;
            for (Map.Entry<String, byte[]> one : tampered.entrySet()) {
                Path zip = Files.write(dir.resolve("tampered-" + (++run) + ".zip"), one.getValue());
                Gawah.Result verify = fixture.homes.gawah.in(fixture.homes.legal, "verify", zip.toString());
                if (verify.code() == 0) {
                    missed.add(one.getKey() + ": gawah verify accepts it (not a tampering it refuses)");
                    continue;
                }
                Path home = dir.resolve("clerk-" + run);
                outcomes.put(one.getKey() + " (gawah: " + verify.stderr().lines().findFirst().orElse("") + ")", clerks.submit(() ->
                        clerk.follow(home, Map.of("PACKAGE", zip.toString(), "TOLD", grouped(custodian)), false, null)));
            }
            for (Map.Entry<String, java.util.concurrent.Future<Clerk.Outcome>> outcome : outcomes.entrySet()) {
                if (outcome.getValue().get().failedAt() == 0) {
                    missed.add(outcome.getKey());
                }
            }
        } finally {
            clerks.shutdownNow();
        }
        assertEquals(expectedMisses, missed);
    }

    private static Clerk clerk(Path pkg) throws Exception {
        return new Clerk(verifyTxt(pkg));
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
