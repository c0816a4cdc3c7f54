package org.gawah.bag;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.gawah.Failure;
import org.gawah.keys.Keyring;
import org.gawah.testsupport.Bags;
import org.gawah.testsupport.Bags.Item;
import org.gawah.testsupport.Gawah.Result;
import org.gawah.testsupport.Homes;
import org.gawah.testsupport.TestEngine;
import org.gawah.vault.VaultTamper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Bags made to hurt: each is refused by {@code gawah import} with a message naming the problem,
 * and the legal team's vault is left byte for byte (on PostgreSQL: row for row) as it was. Bags
 * refused by their shape, before any vault is read, are tried on SQLite; those refused by what the
 * vault holds (its pins, the documenter's signed log, the records here) on both engines.
 */
class HostileBagsTest {
    @TempDir
    static Path base;
    /** Each engine's vaults, made when its first test asks. */
    static final Map<TestEngine, Vaults> VAULTS = new EnumMap<>(TestEngine.class);
    /** SQLite's, for the bags refused by their shape. */
    static Homes homes;
    static Path good;
    static String root;
    static String record;

    /** A documenter and a legal team on one engine, a good bag of the sample record, and an earlier bag imported. */
    record Vaults(TestEngine engine, Homes homes, Path good, String root, String record) {
    }

    @BeforeAll
    static void aGoodBagAndAVaultToProtect() throws IOException {
        Vaults sqlite = vaults(TestEngine.SQLITE);
        homes = sqlite.homes();
        good = sqlite.good();
        root = sqlite.root();
        record = sqlite.record();
    }

    static synchronized Vaults vaults(TestEngine engine) throws IOException {
        if (!VAULTS.containsKey(engine)) {
            Path dir = Files.createDirectories(base.resolve(engine.name()));
            Homes homes = engine.homes(dir);
            String record = homes.record();
            Path good = dir.resolve("good.zip");
            homes.gawah.in(homes.documenter, "submit", "--out", good.toString()).ok();
            // The legal vault already holds something worth losing: an earlier bag from the same documenter.
            Path earlier = dir.resolve("earlier.zip");
            homes.gawah.in(homes.documenter, "submit", "--out", earlier.toString()).ok();
            homes.gawah.in(homes.legal, "import", earlier.toString()).ok();
            VAULTS.put(engine, new Vaults(engine, homes, good, Bags.root(Bags.read(good)), record));
        }
        return VAULTS.get(engine);
    }

    @Test
    void refusesPathTraversal(@TempDir Path dir) throws IOException {
        assertRefused(withExtra(dir, root + "/../evil.sh"), Failure.BAD_DATA, "..");
    }

    @Test
    void refusesAbsolutePaths(@TempDir Path dir) throws IOException {
        assertRefused(withExtra(dir, "/etc/cron.d/evil"), Failure.BAD_DATA, "/etc/cron.d/evil");
    }

    @Test
    void refusesDriveLetters(@TempDir Path dir) throws IOException {
        assertRefused(withExtra(dir, "C:/Windows/evil.bat"), Failure.BAD_DATA, "C:/Windows/evil.bat");
    }

    @Test
    void refusesSymbolicLinks(@TempDir Path dir) throws IOException {
        Map<String, Item> items = Bags.read(good);
        String name = root + "/data/" + record + ".pgp";
        items.put(name, new Item(name, "/home/legal/.gawah/keys/secret".getBytes(StandardCharsets.UTF_8), 0120777));
        Path bag = dir.resolve("bag.zip");
        Bags.write(bag, items);
        assertRefused(bag, Failure.BAD_DATA, "symbolic link");
    }

    @Test
    void refusesDuplicateEntries(@TempDir Path dir) throws IOException {
        List<Item> items = new ArrayList<>(Bags.read(good).values());
        String name = root + "/data/" + record + ".pgp";
        items.add(new Item(name, "another content".getBytes(StandardCharsets.UTF_8)));
        Path bag = dir.resolve("bag.zip");
        Bags.write(bag, items);
        assertRefused(bag, Failure.BAD_DATA, "twice");
    }

    @Test
    void refusesFilesNotInTheManifest(@TempDir Path dir) throws IOException {
        assertRefused(withExtra(dir, root + "/data/GWH-AAAA-AAAA-AAAA-AAAA.pgp"), Failure.BAD_DATA,
                "not in manifest-sha256.txt");
    }

    @Test
    void refusesManifestLinesForMissingFiles(@TempDir Path dir) throws IOException {
        Map<String, Item> items = Bags.read(good);
        items.remove(root + "/data/" + record + ".identity.pgp");
        Path bag = dir.resolve("bag.zip");
        Bags.write(bag, items);
        assertRefused(bag, Failure.BAD_DATA, "which is not in the bag");
    }

    @Test
    void refusesWrongChecksums(@TempDir Path dir) throws IOException {
        Map<String, Item> items = Bags.read(good);
        String name = root + "/data/" + record + ".pgp";
        byte[] data = items.get(name).data().clone();
        data[data.length / 2] ^= 0x01;
        items.put(name, new Item(name, data));
        Path bag = dir.resolve("bag.zip");
        Bags.write(bag, items);
        assertRefused(bag, Failure.BAD_DATA, "does not match its SHA-256");
    }

    @Test
    void refusesAnEditedTagFile(@TempDir Path dir) throws IOException {
        Map<String, Item> items = Bags.read(good);
        Bags.put(items, root + "/bag-info.txt", items.get(root + "/bag-info.txt").text()
                .replace("Bag-Count: 1 of 1", "Bag-Count: 1 of 2"));
        Path bag = dir.resolve("bag.zip");
        Bags.write(bag, items);
        assertRefused(bag, Failure.BAD_DATA, "\"bag-info.txt\" does not match its SHA-512");
    }

    @Test
    void refusesAZipBomb(@TempDir Path dir) throws IOException {
        // 256 MiB of zeros deflate to about 250 KiB: far past any honest ratio for ciphertext.
        Path bag = dir.resolve("bag.zip");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(bag))) {
            for (Item item : Bags.read(good).values()) {
                zip.putNextEntry(new ZipEntry(item.name()));
                zip.write(item.data());
                zip.closeEntry();
            }
            zip.putNextEntry(new ZipEntry(root + "/data/GWA-BBBB-BBBB-BBBB-BBBB.pgp"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 256; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        assertRefused(bag, Failure.BAD_DATA, "GWA-BBBB-BBBB-BBBB-BBBB");
    }

    @ParameterizedTest
    @EnumSource(TestEngine.class)
    void refusesABagSignedByAnUnknownKey(TestEngine engine, @TempDir Path dir) throws Exception {
        Vaults vaults = vaults(engine);
        Map<String, Item> items = Bags.read(vaults.good());
        Bags.reseal(items, new Keyring(vaults.homes().legal.resolve("keys")).requireOwnKey()
                .unlockForSigning(Homes.PASSPHRASE.toCharArray(), Instant.now()));
        Path bag = dir.resolve("bag.zip");
        Bags.write(bag, items);
        // The legal team's own key is not pinned as a documenter in its home.
        assertRefused(vaults, bag, Failure.UNKNOWN_SIGNER, "not pinned");
    }

    @ParameterizedTest
    @EnumSource(TestEngine.class)
    void refusesARecordWithoutTheIdentityEnvelopeItsLogSaysWasSealed(TestEngine engine, @TempDir Path dir) throws Exception {
        Vaults vaults = vaults(engine);
        Homes homes = vaults.homes();
        Path good = vaults.good();
        String root = vaults.root();
        String record = vaults.record();
        // Re-signed with the documenter's own key: records.jsonl names no identity and the envelope is gone,
        // so the legal team's vault would hold the record as if it had no witness to protect.
        Map<String, Item> items = Bags.read(good);
        assertTrue(items.containsKey(root + "/data/" + record + ".identity.pgp"), "the sample record has an identity");
        items.remove(root + "/data/" + record + ".identity.pgp");
        String records = root + "/metadata/records.jsonl";
        Bags.put(items, records, items.get(records).text().replaceAll("\"identity_recipients\":\\[[^\\]]*\\]",
                "\"identity_recipients\":[]"));
        Bags.reseal(items, new Keyring(homes.documenter.resolve("keys")).requireOwnKey()
                .unlockForSigning(Homes.PASSPHRASE.toCharArray(), Instant.now()));
        Path bag = dir.resolve("bag.zip");
        Bags.write(bag, items);
        assertRefused(vaults, bag, Failure.BAD_DATA, record + ": the documenter's custody log says its identity envelope was sealed");
    }

    @ParameterizedTest
    @EnumSource(TestEngine.class)
    void refusesACiphertextSwappedForAnotherDocumentersRecord(TestEngine engine, @TempDir Path dir) throws Exception {
        // A second documenter, trusted by the legal team, re-signs its own bag with the first
        // documenter's record put in place of its own: every manifest and signature is "good".
        Vaults vaults = vaults(engine);
        Homes homes = vaults.homes();
        Path good = vaults.good();
        String root = vaults.root();
        String record = vaults.record();
        Path second = secondDocumenter(vaults, dir);
        Path legal = legalTrusting(vaults, dir, second);
        String own = homes.gawah.inWithInput(second, Homes.sampleInput(), "record", "--from", "-").ok().out().strip();
        Path secondBag = dir.resolve("second.zip");
        homes.gawah.in(second, "submit", "--out", secondBag.toString()).ok();

        Map<String, Item> items = Bags.read(secondBag);
        String secondRoot = Bags.root(items);
        String target = secondRoot + "/data/" + own + ".pgp";
        items.put(target, new Item(target, Bags.read(good).get(root + "/data/" + record + ".pgp").data()));
        Bags.reseal(items, new Keyring(second.resolve("keys")).requireOwnKey()
                .unlockForSigning(Homes.PASSPHRASE.toCharArray(), Instant.now()));
        Path bag = dir.resolve("bag.zip");
        Bags.write(bag, items);
        String before = VaultTamper.snapshot(legal);
        Result result = homes.gawah.in(legal, "import", bag.toString());
        assertEquals(Failure.BAD_DATA.exitCode(), result.code(), result.stderr());
        assertTrue(result.stderr().contains("is not the ciphertext the documenter's log recorded for " + own), result.stderr());
        assertEquals(before, VaultTamper.snapshot(legal));
        // The untouched bag of the second documenter imports: the refusal was about the swap.
        homes.gawah.in(legal, "import", secondBag.toString()).ok();
    }

    @ParameterizedTest
    @EnumSource(TestEngine.class)
    void refusesARecordThatClaimsTheIdOfOneAlreadyHere(TestEngine engine, @TempDir Path dir) throws Exception {
        // A trusted second documenter forges its history so that its own record carries the id of
        // a record the legal team already holds: the import must not skip it as "already here",
        // nor let it replace the one here. That record is refused by name; the rest of the bag (its
        // documenter's log) comes in, so that one documenter's ids can never stop another's bag.
        Vaults vaults = vaults(engine);
        Homes homes = vaults.homes();
        String record = vaults.record();
        Path second = secondDocumenter(vaults, dir);
        Path legal = legalTrusting(vaults, dir, second);
        String own = homes.gawah.inWithInput(second, Homes.sampleInput(), "record", "--from", "-").ok().out().strip();
        Path secondBag = dir.resolve("second.zip");
        homes.gawah.in(second, "submit", "--out", secondBag.toString()).ok();
        Map<String, Item> items = Bags.read(secondBag);
        Map<String, Item> renamed = new java.util.LinkedHashMap<>();
        for (Item item : items.values()) {
            String name = item.name().replace(own, record);
            byte[] data = item.name().endsWith("records.jsonl") ? item.text().replace(own, record).getBytes(StandardCharsets.UTF_8)
                    : item.data();
            renamed.put(name, new Item(name, data));
        }
        var key = new Keyring(second.resolve("keys")).requireOwnKey().unlockForSigning(Homes.PASSPHRASE.toCharArray(), Instant.now());
        Bags.rewriteLog(renamed, key, Map.of(own, record, own + "/identity", record + "/identity"));
        Bags.reseal(renamed, key);
        Path bag = dir.resolve("bag.zip");
        Bags.write(bag, renamed);
        String listed = homes.gawah.in(legal, "list").ok().out();
        byte[] opened = homes.gawah.in(legal, "open", record).ok().stdout();
        Result result = homes.gawah.in(legal, "import", bag.toString()).ok();
        assertTrue(result.stderr().contains("record " + record + " in bag ") && result.stderr().contains(
                "was not imported: a different record with that id is already here, brought by documenter "
                        + homes.documenterFingerprint.substring(0, 4) + " "), result.stderr());
        assertTrue(result.stderr().contains("0 new record(s), 0 already here"), result.stderr());
        assertEquals(listed, homes.gawah.in(legal, "list").ok().out(), "the record here is untouched");
        assertArrayEquals(opened, homes.gawah.in(legal, "open", record).ok().stdout());
        homes.gawah.in(legal, "verify", "--vault", "--no-entry").ok();
    }

    private static Path secondDocumenter(Vaults vaults, Path dir) {
        Homes homes = vaults.homes();
        Path legalCert = homes.legal.resolveSibling("legal.asc");
        Path second = dir.resolve("second");
        homes.gawah.in(second, vaults.engine().initCommand()).ok();
        homes.gawah.in(second, "keys", "generate", "--name", "Documenter D-15").ok();
        homes.gawah.in(second, "keys", "import", "--role", "legal", legalCert.toString()).ok();
        homes.gawah.in(second, "keys", "import", "--role", "protection", legalCert.toString()).ok();
        return second;
    }

    /** A copy of the legal home that also pins {@code documenter}. */
    private static Path legalTrusting(Vaults vaults, Path dir, Path documenter) {
        Homes homes = vaults.homes();
        Path cert = dir.resolve("second.asc");
        homes.gawah.in(documenter, "keys", "export", "--out", cert.toString()).ok();
        Path legal = dir.resolve("legal");
        Homes.copy(homes.legal, legal);
        homes.gawah.in(legal, "keys", "import", "--role", "documenter", cert.toString()).ok();
        return legal;
    }

    @Test
    void refusesATruncatedZip(@TempDir Path dir) throws IOException {
        byte[] whole = Files.readAllBytes(good);
        Path bag = dir.resolve("bag.zip");
        Files.write(bag, java.util.Arrays.copyOf(whole, whole.length / 2));
        assertRefused(bag, Failure.BAD_DATA, "zip");
    }

    private static Path withExtra(Path dir, String name) throws IOException {
        Map<String, Item> items = Bags.read(good);
        items.put(name, new Item(name, "#!/bin/sh\n".getBytes(StandardCharsets.UTF_8)));
        Path bag = dir.resolve("bag.zip");
        Bags.write(bag, items);
        return bag;
    }

    /** Refused with this failure and a message holding {@code reason}; the SQLite vault unchanged. */
    private static void assertRefused(Path bag, Failure failure, String reason) throws IOException {
        try {
            assertRefused(vaults(TestEngine.SQLITE), bag, failure, reason);
        } catch (IOException | RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The same on the vaults of either engine. */
    private static void assertRefused(Vaults vaults, Path bag, Failure failure, String reason) throws Exception {
        Homes homes = vaults.homes();
        String before = VaultTamper.snapshot(homes.legal);
        Result result = homes.gawah.in(homes.legal, "import", bag.toString());
        assertEquals(failure.exitCode(), result.code(), result.stderr());
        assertTrue(result.stderr().contains(reason), result.stderr());
        assertEquals(1, result.stderr().lines().filter(l -> l.startsWith("gawah: error:")).count(), result.stderr());
        assertEquals(before, VaultTamper.snapshot(homes.legal));
        Result verify = homes.gawah.in(homes.legal, "verify", bag.toString());
        assertEquals(failure.exitCode(), verify.code(), verify.stderr());
    }

}
