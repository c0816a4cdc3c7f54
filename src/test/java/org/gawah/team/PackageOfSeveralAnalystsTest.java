package org.gawah.team;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.gawah.custody.Action;
import org.gawah.custody.Entry;
import org.gawah.interop.Clerk;
import org.gawah.keys.Keyring;
import org.gawah.openpgp.SigningKey;
import org.gawah.testsupport.Bags;
import org.gawah.testsupport.Gawah;
import org.gawah.testsupport.Homes;
import org.gawah.testsupport.TestEngine;
import org.gawah.testsupport.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Two analysts' homes on one team vault (a PostgreSQL database, or one SQLite file both homes
 * name): analyst A imports a documenter's bag and makes a case with one of its records, sealed to
 * every analyst the signed log admits (docs/format/case.md, "Who a case is sealed to"), though
 * neither analyst pins the other; analyst B tags that record in A's case and exports it. The
 * package carries A's entries in A's folder, the admissions back to
 * entry 1 and A's certificate (docs/format/evidence-package.md, "Several analysts of one team
 * vault"); gawah verify and a clerk following VERIFY.txt with GnuPG both pass it, and both catch
 * B's entry changed, A's certificate dropped, and B's admission left out.
 */
@ExtendWith(TestPostgres.class)
@ParameterizedClass
@EnumSource(TestEngine.class)
class PackageOfSeveralAnalystsTest {
    @Parameter
    TestEngine engine;

    @TempDir
    static Path root;
    static Path base;
    static Homes homes;
    static Gawah gawah;
    static Path a;
    static Path b;
    static String aKey;
    static String bKey;
    /** The record B exported, and the one A imported with it that stays in the vault. */
    static String exported;
    static String other;
    static Path pkg;
    static String caseId;
    static final String TAG = "rome:7(1)(e)";

    @BeforeParameterizedClassInvocation
    static void analystAImportsAndAnalystBExports(TestEngine engine) throws Exception {
        base = Files.createDirectories(root.resolve(engine.name()));
        String vault = engine == TestEngine.SQLITE ? base.resolve("team.db").toAbsolutePath().toString()
                : TestPostgres.server().analyst(TestPostgres.freshVault().database()).display();
        homes = new Homes(base, vault);
        gawah = homes.gawah;
        a = homes.legal;
        aKey = homes.legalFingerprint;
        b = base.resolve("analyst-b");
        gawah.in(b, "init", "--vault", vault).ok();
        bKey = gawah.in(b, "keys", "generate", "--name", "Nadia").ok().out().strip();
        Path bCertificate = base.resolve("b.asc");
        gawah.in(b, "keys", "export", "--out", bCertificate.toString()).ok();
        gawah.in(a, "vault", "admit", bCertificate.toString(), "--fingerprint", bKey, "--passphrase-env", Gawah.PASSPHRASE_VAR).ok();
        // The documenter seals to both analysts; B checks the documenter's log that A's import brings.
        gawah.in(homes.documenter, "keys", "import", "--role", "legal", bCertificate.toString()).ok();
        gawah.in(b, "keys", "import", "--role", "documenter", base.resolve("documenter.asc").toString()).ok();
        exported = homes.record();
        other = homes.record();
        Path bag = base.resolve("bag.zip");
        gawah.in(homes.documenter, "submit", "--out", bag.toString()).ok();
        gawah.in(a, "import", bag.toString()).ok();
        caseId = gawah.caseCreate(a, "Detentions at the checkpoint").ok().out().strip();
        gawah.inWithInput(a, "note".getBytes(StandardCharsets.UTF_8), "case", "add", caseId, exported, "--note-file", "-").ok();
        gawah.in(b, "case", "add", caseId, exported, "--tag", TAG).ok();
        pkg = base.resolve("case.zip");
        gawah.in(b, "export", "--case", caseId, "--for", "icc", "--out", pkg.toString()).ok();
    }

    @Test
    void thePackageCarriesEachAnalystsEntriesAndTheirAdmissionAndBothCheckersPassIt(@TempDir Path dir) throws Exception {
        Map<String, Bags.Item> items = Bags.read(pkg);
        String root = Bags.root(items) + "/";
        String aFolder = root + "custody/" + aKey + "/";
        String bFolder = root + "custody/" + bKey + "/";
        List<Entry> aEntries = entries(items, aFolder);
        assertTrue(aEntries.stream().allMatch(e -> e.actor().equals(aKey)), "A's folder holds A's entries only");
        assertEquals(1, aEntries.get(0).seq(), "entry 1, the first analyst's");
        assertTrue(aEntries.stream().anyMatch(e -> e.action() == Action.ANALYST_ADDED && e.subject().equals(bKey)), "B's admission");
        assertTrue(aEntries.stream().anyMatch(e -> e.action() == Action.IMPORTED && e.subject().equals(exported)), "A's import");
        assertTrue(entries(items, bFolder).stream().allMatch(e -> e.actor().equals(bKey)));
        assertTrue(items.containsKey(root + "keys/" + aKey + ".asc"), "A's certificate");
        String aChain = items.get(aFolder + "chain-sha256.txt").text();
        assertTrue(items.get(bFolder + "chain-sha256.txt").text().startsWith(aChain), "one log: A's list is the first lines of B's");
        // Nothing names the record that stayed in the vault, nor what was done to it.
        for (Bags.Item item : items.values()) {
            assertFalse(new String(item.data(), StandardCharsets.ISO_8859_1).contains(other), item.name() + " names " + other);
        }
        assertTrue(items.get(root + "metadata/case.json").text().contains(TAG), "B's analysis of A's case");
        gawah.in(b, "verify", pkg.toString()).ok();
        // And A, who pins B no more than B pins A, opens B's analysis: it was sealed to the team the log admits.
        assertTrue(gawah.in(a, "case", "show", caseId).ok().out().contains(TAG));
        Clerk.Outcome outcome = clerk().follow(dir, yours(pkg), false, null);
        assertEquals(0, outcome.failedAt(), outcome.all());
        assertTrue(outcome.printed().get(11).contains(aKey) && outcome.printed().get(11).contains(bKey), outcome.all());
    }

    @Test
    void bsEntryChangedAsCertificateDroppedOrBsAdmissionLeftOutIsCaughtByGawahAndByTheClerk(@TempDir Path dir)
            throws Exception {
        SigningKey bSigning = new Keyring(b.resolve("keys")).requireOwnKey()
                .unlockForSigning(Homes.PASSPHRASE.toCharArray(), Instant.now());
        Map<String, String> expected = new LinkedHashMap<>();
        Map<String, Path> tampered = new LinkedHashMap<>();
        tampered.put("B's entry changed", resealed(dir, "changed", bSigning, items -> {
            String name = firstEntry(items, bKey);
            String text = items.get(name).text();
            Bags.put(items, name, text.replace("\"exported\"", "\"opened\""));
        }));
        expected.put("B's entry changed", "bad signature");
        tampered.put("A's certificate dropped", resealed(dir, "dropped", bSigning,
                items -> items.remove(Bags.root(items) + "/keys/" + aKey + ".asc")));
        expected.put("A's certificate dropped", "that key is not in keys/");
        tampered.put("B's admission left out", resealed(dir, "unadmitted", bSigning, items -> {
            String folder = Bags.root(items) + "/custody/" + aKey + "/";
            String admission = items.keySet().stream().filter(n -> n.startsWith(folder) && n.endsWith(".json"))
                    .filter(n -> Entry.parse(items.get(n).data()).subject().equals(bKey)).findFirst().orElseThrow();
            items.remove(admission);
            items.remove(admission + ".sig");
        }));
        expected.put("B's admission left out", "whom no custody entry here admits");
        Clerk clerk = clerk();
        for (Map.Entry<String, Path> one : tampered.entrySet()) {
            Gawah.Result verify = gawah.in(b, "verify", one.getValue().toString());
            assertNotEquals(0, verify.code(), one.getKey());
            assertTrue(verify.stderr().contains(expected.get(one.getKey())), one.getKey() + ": " + verify.stderr());
            if (engine != TestEngine.SQLITE) {
                continue; // the package is the same whatever the engine: the clerk's three runs once are enough
            }
            Clerk.Outcome outcome = clerk.follow(Files.createDirectories(dir.resolve("clerk-" + one.getValue().getFileName())),
                    yours(one.getValue()), false, null);
            assertEquals(11, outcome.failedAt(), one.getKey() + "\n" + outcome.all());
        }
    }

    private static Path resealed(Path dir, String name, SigningKey key, Consumer<Map<String, Bags.Item>> change) throws Exception {
        Map<String, Bags.Item> items = Bags.read(pkg);
        change.accept(items);
        Bags.resealPackage(items, key);
        Path out = dir.resolve(name + ".zip");
        Bags.write(out, items);
        return out;
    }

    private static String firstEntry(Map<String, Bags.Item> items, String actor) {
        String folder = Bags.root(items) + "/custody/" + actor + "/";
        return new java.util.TreeSet<>(items.keySet()).stream().filter(n -> n.startsWith(folder) && n.endsWith(".json"))
                .findFirst().orElseThrow();
    }

    private static List<Entry> entries(Map<String, Bags.Item> items, String folder) {
        return new java.util.TreeSet<>(items.keySet()).stream().filter(n -> n.startsWith(folder) && n.endsWith(".json"))
                .map(n -> Entry.parse(items.get(n).data())).toList();
    }

    private static Clerk clerk() throws Exception {
        return new Clerk(Files.readString(Path.of("src/main/resources/org/gawah/export/verify-guide.txt")));
    }

    private static Map<String, String> yours(Path zip) {
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < bKey.length(); i += 4) {
            grouped.append(i == 0 ? "" : i == bKey.length() / 2 ? "  " : " ").append(bKey, i, i + 4);
        }
        return Map.of("PACKAGE", zip.toString(), "TOLD", grouped.toString());
    }
}
