package org.gawah.bag;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.gawah.Failure;
import org.gawah.custody.EntrySigner;
import org.gawah.keys.Keyring;
import org.gawah.openpgp.SigningKey;
import org.gawah.testsupport.Bags;
import org.gawah.testsupport.Bags.Item;
import org.gawah.testsupport.Gawah;
import org.gawah.testsupport.Gawah.Result;
import org.gawah.testsupport.Homes;
import org.gawah.testsupport.TestEngine;
import org.gawah.vault.VaultTamper;
import org.gawah.testsupport.ImportWithoutOpening;
import org.gawah.vault.RecordWrite;
import org.gawah.vault.SealedRecord;
import org.gawah.vault.Vault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Two real documenter homes, A and B, both pinned by one legal team. B copies A's sealed record
 * into its own vault under a custody entry of its own, and submits it; or takes the id of A's
 * record, or of A's bag, for one of its own. None of it gets B's name on A's record, and none of it
 * keeps A's bag out.
 */
@ParameterizedClass
@EnumSource(TestEngine.class)
class OneDocumenterCannotClaimAnothersRecordTest {
    @Parameter
    TestEngine engine;

    @TempDir
    static Path root;
    /** This engine's folder under root. */
    static Path base;
    static Homes homes;
    static Gawah gawah;
    static Path b;
    static String a;
    static String bFingerprint;
    /** A's two records, and A's bag of both (not yet imported anywhere). */
    static String x;
    static String y;
    static Path bagA;
    static String bagAId;
    /** B's own record, in a bag of its own. */
    static String z;
    static Path bagZ;
    /** B's bag holding its own record and the copy of A's record x that it logged as its own. */
    static Path bagB;

    @BeforeParameterizedClassInvocation
    static void twoDocumentersAndALegalTeam(TestEngine engine) throws Exception {
        base = Files.createDirectories(root.resolve(engine.name()));
        homes = engine.homes(base);
        gawah = homes.gawah;
        a = homes.documenterFingerprint;
        b = base.resolve("documenter-b");
        gawah.in(b, engine.initCommand()).ok();
        bFingerprint = gawah.in(b, "keys", "generate", "--name", "Documenter D-15").ok().out().strip();
        gawah.in(b, "keys", "import", "--role", "legal", base.resolve("legal.asc").toString()).ok();
        gawah.in(b, "keys", "import", "--role", "protection", base.resolve("legal.asc").toString()).ok();
        Path bCertificate = base.resolve("documenter-b.asc");
        gawah.in(b, "keys", "export", "--out", bCertificate.toString()).ok();
        gawah.in(homes.legal, "keys", "import", "--role", "documenter", bCertificate.toString()).ok();

        x = homes.record();
        y = homes.record();
        bagA = base.resolve("a.zip");
        bagAId = gawah.in(homes.documenter, "submit", "--out", bagA.toString()).ok().out().strip();

        z = gawah.inWithInput(b, Homes.sampleInput(), "record", "--from", "-").ok().out().strip();
        bagZ = base.resolve("z.zip");
        gawah.in(b, "submit", "--out", bagZ.toString()).ok();
        // What B can do with a copy of A's vault file: put A's sealed record in its own, logged as sealed by B.
        SealedRecord copied;
        try (Vault vault = Vault.openHome(homes.documenter)) {
            copied = vault.get(x).orElseThrow();
        }
        try (Vault vault = Vault.openHome(b); RecordWrite write = vault.beginRecord(x)) {
            write.commit(new SealedRecord(x, copied.sealedAt(), bFingerprint, copied.testimony(),
                    copied.testimonyRecipients(), copied.identity(), copied.identityRecipients()), new EntrySigner(bKey()));
        }
        bagB = base.resolve("b.zip");
        gawah.in(b, "submit", "--out", bagB.toString()).ok();
    }

    @Test
    void aBagWrappingAnothersRecordIsRefusedAtImportWhereItCanBeOpened(@TempDir Path dir) throws Exception {
        Path legal = legal(dir);
        String before = VaultTamper.snapshot(legal);
        Result result = gawah.in(legal, "import", bagB.toString());
        assertEquals(Failure.BAD_SIGNATURE.exitCode(), result.code(), result.stderr());
        assertTrue(result.stderr().contains("record " + x + " in bag ") && result.stderr().contains(" is signed by "
                + group(a)) && result.stderr().contains("not by the bag's documenter " + group(bFingerprint)), result.stderr());
        assertEquals(before, VaultTamper.snapshot(legal), "nothing written");

        gawah.in(legal, "import", bagA.toString()).ok();
        String list = gawah.in(legal, "list").ok().out();
        assertTrue(line(list, x).contains(tail(a)) && line(list, y).contains(tail(a)), list);
    }

    @Test
    void aRecordBroughtByAnotherDocumenterIsRefusedWhenOpenedAndExported(@TempDir Path dir) throws Exception {
        // Imported where it could not be opened (or by a Gawah that did not open records at import).
        Path legal = legal(dir);
        ImportWithoutOpening.into(legal, bagB);
        String list = gawah.in(legal, "list").ok().out();
        assertTrue(line(list, x).contains(tail(bFingerprint)), list);

        for (String[] open : new String[][] {{"open", x}, {"open", x, "--identity"}}) {
            Result refused = gawah.in(legal, open);
            assertEquals(Failure.BAD_SIGNATURE.exitCode(), refused.code(), refused.stderr());
            assertTrue(refused.stderr().contains(" is signed by " + group(a)) && refused.stderr().contains(
                    ", but the custody entry that brought it here is documenter " + group(bFingerprint)), refused.stderr());
            assertEquals(0, refused.stdout().length, "nothing shown");
        }
        String caseId = gawah.caseCreate(legal, "Copied").ok().out().strip();
        gawah.in(legal, "case", "add", caseId, x, "--tag", "rome:7(1)(e)").ok();
        Path out = dir.resolve("package.zip");
        Result export = gawah.in(legal, "export", "--case", caseId, "--for", "icc", "--out", out.toString());
        assertEquals(Failure.BAD_SIGNATURE.exitCode(), export.code(), export.stderr());
        assertTrue(export.stderr().contains(group(bFingerprint)), export.stderr());
        assertFalse(Files.exists(out));

        // A's own bag then comes in whole; the record is A's, and B's claim to it is named as false.
        gawah.in(legal, "import", bagA.toString()).ok();
        list = gawah.in(legal, "list").ok().out();
        assertTrue(line(list, x).contains("2 claim it") && line(list, y).contains(tail(a)), list);
        Result opened = gawah.in(legal, "open", x).ok();
        assertTrue(new String(opened.stdout(), StandardCharsets.UTF_8).contains(x));
        assertTrue(opened.stderr().contains("record " + x + " was also claimed by documenter " + group(bFingerprint)),
                opened.stderr());
        gawah.in(legal, "verify", "--vault", "--no-entry").ok();
    }

    @Test
    void anotherDocumentersRecordUnderATakenIdLeavesOutThatRecordNotTheBag(@TempDir Path dir) throws Exception {
        // B's own record, relabelled with the id of A's record y and logged so in B's rewritten history, arrives first.
        Map<String, Item> items = Bags.read(bagZ);
        Map<String, Item> renamed = new LinkedHashMap<>();
        for (Item item : items.values()) {
            String name = item.name().replace(z, y);
            renamed.put(name, new Item(name, item.name().endsWith("records.jsonl")
                    ? item.text().replace(z, y).getBytes(StandardCharsets.UTF_8) : item.data()));
        }
        Bags.rewriteLog(renamed, bKey(), Map.of(z, y, z + "/identity", y + "/identity"));
        Bags.reseal(renamed, bKey());
        Path squatting = dir.resolve("squatting.zip");
        Bags.write(squatting, renamed);
        Path legal = legal(dir);
        gawah.in(legal, "import", squatting.toString()).ok();

        Result result = gawah.in(legal, "import", bagA.toString()).ok();
        assertTrue(result.stderr().contains("record " + y + " in bag " + bagAId + " was not imported: a different record"
                + " with that id is already here, brought by documenter " + group(bFingerprint)), result.stderr());
        assertTrue(result.stderr().contains("1 new record(s), 0 already here"), result.stderr());
        String list = gawah.in(legal, "list").ok().out();
        assertTrue(line(list, x).contains(tail(a)) && line(list, y).contains(tail(bFingerprint)), list);
        gawah.in(legal, "open", x).ok();
        gawah.in(legal, "verify", "--vault", "--no-entry").ok();
    }

    @Test
    void anotherDocumentersBagIdDoesNotStopABag(@TempDir Path dir) throws Exception {
        // B's bag, its id (folder, bag-info, its own 'submitted' entry) changed to the id of A's bag, arrives first.
        Map<String, Item> items = Bags.read(bagZ);
        String bagZId = Bags.root(items);
        Map<String, Item> relabelled = new LinkedHashMap<>();
        for (Item item : items.values()) {
            String name = bagAId + item.name().substring(bagZId.length());
            relabelled.put(name, new Item(name, item.name().endsWith("bag-info.txt")
                    ? item.text().replace(bagZId, bagAId).getBytes(StandardCharsets.UTF_8) : item.data()));
        }
        Bags.rewriteLog(relabelled, bKey(), Map.of(bagZId, bagAId));
        Bags.reseal(relabelled, bKey());
        Path taken = dir.resolve("taken.zip");
        Bags.write(taken, relabelled);
        Path legal = legal(dir);
        assertEquals(bagAId, gawah.in(legal, "import", taken.toString()).ok().out().strip());

        Result result = gawah.in(legal, "import", bagA.toString()).ok();
        assertTrue(result.stderr().contains("2 new record(s)"), result.stderr());
        assertTrue(gawah.in(legal, "import", bagA.toString()).ok().stderr().contains("already imported"));
        String list = gawah.in(legal, "list").ok().out();
        assertTrue(line(list, x).contains(tail(a)) && line(list, z).contains(tail(bFingerprint)), list);
        gawah.in(legal, "verify", "--vault", "--no-entry").ok();
    }

    /** A copy of the legal home (pinning A and B), to import into. */
    private static Path legal(Path dir) {
        Path legal = dir.resolve("legal");
        Homes.copy(homes.legal, legal);
        return legal;
    }

    private static SigningKey bKey() {
        return new Keyring(b.resolve("keys")).requireOwnKey().unlockForSigning(Homes.PASSPHRASE.toCharArray(), Instant.now());
    }

    /** The line of {@code list} about a record. */
    private static String line(String list, String id) {
        return list.lines().filter(l -> l.startsWith(id)).findFirst().orElse("(no line for " + id + ")");
    }

    /** What {@code list} shows of a signer: the fingerprint's last 16 digits. */
    private static String tail(String fingerprint) {
        return fingerprint.substring(fingerprint.length() - 16);
    }

    /** A fingerprint's first group, as messages show it. */
    private static String group(String fingerprint) {
        return fingerprint.substring(0, 4) + " " + fingerprint.substring(4, 8);
    }
}
