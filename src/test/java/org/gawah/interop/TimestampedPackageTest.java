package org.gawah.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.gawah.Failure;
import org.gawah.keys.Keyring;
import org.gawah.testsupport.Bags;
import org.gawah.testsupport.Gawah.Result;
import org.gawah.testsupport.Homes;
import org.gawah.testsupport.Photos;
import org.gawah.testsupport.TestTsa;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A record timestamped after sealing, through a bag and an import, into an evidence package: the
 * package carries the documenter's token, each sidecar of what it proves says the earliest proven
 * time, and the package verifies with gawah verify and, following VERIFY.txt, with gpg,
 * sha256sum and openssl ts -verify alone. A record sealed after the token has no proven time.
 */
class TimestampedPackageTest {
    @TempDir
    static Path base;
    static Homes homes;
    static TestTsa tsa;
    static String proven;
    static String attachment;
    static String unproven;
    static Path pkg;

    @BeforeAll
    static void export() throws Exception {
        homes = Homes.copied(base);
        tsa = new TestTsa(TestTsa.Fault.NONE, "Package TSA");
        Path ca = tsa.writeCa(base.resolve("tsa-ca.pem"));
        homes.gawah.in(homes.documenter, "keys", "import", "--role", "tsa", "--url", tsa.url(), ca.toString()).ok();
        Path photo = Files.write(base.resolve("photo.jpg"), Photos.jpeg(3));
        proven = homes.gawah.inWithInput(homes.documenter, Homes.sampleInput(), "record", "--from", "-",
                "--attach", photo.toString()).ok().out().strip();
        homes.gawah.in(homes.documenter, "timestamp").ok();
        unproven = homes.record();
        Path bag = base.resolve("bag.zip");
        homes.gawah.in(homes.documenter, "submit", "--out", bag.toString()).ok();
        homes.gawah.in(homes.legal, "keys", "import", "--role", "tsa", ca.toString()).ok();
        homes.gawah.in(homes.legal, "import", bag.toString()).ok();
        String caseId = homes.gawah.caseCreate(homes.legal, "Timestamped").ok().out().strip();
        homes.gawah.in(homes.legal, "case", "add", caseId, proven, unproven, "--reliability", "high").ok();
        pkg = base.resolve("package.zip");
        homes.gawah.in(homes.legal, "export", "--case", caseId, "--for", "icc", "--include-identities", "--out",
                pkg.toString()).ok();
        Map<String, Bags.Item> items = Bags.read(pkg);
        attachment = items.keySet().stream().filter(n -> n.matches(".*/metadata/items/GWA-.*\\.json")).findFirst().orElseThrow()
                .replaceAll(".*/(GWA-[^/]*)\\.json", "$1");
    }

    @AfterAll
    static void stop() {
        tsa.close();
    }

    @Test
    void eachSidecarSaysTheEarliestProvenTimeAndGawahVerifiesIt() throws Exception {
        Result verified = homes.gawah.in(homes.legal, "verify", pkg.toString()).ok();
        assertTrue(verified.out().contains("VALID"), verified.out());
        Map<String, Bags.Item> items = Bags.read(pkg);
        String root = Bags.root(items);
        JsonNode testimony = sidecar(items, root, proven + ".testimony");
        JsonNode photo = sidecar(items, root, attachment);
        JsonNode later = sidecar(items, root, unproven + ".testimony");
        assertTrue(testimony.has("timestamped_at") && testimony.path("timestamp_token").asText()
                .matches("custody/" + homes.documenterFingerprint + "/timestamps/GWT(-[0-9A-Z]{4}){4}\\.tsr"), testimony.toString());
        assertEquals(testimony.path("timestamped_at"), photo.path("timestamped_at"));
        assertTrue(Instant.parse(testimony.path("timestamped_at").asText()).isAfter(Instant.parse(testimony.path("sealed_at").asText())
                .minusSeconds(1)));
        assertFalse(later.has("timestamped_at"), later.toString());
        assertTrue(items.containsKey(root + "/" + testimony.path("timestamp_token").asText()));
        assertTrue(items.keySet().stream().anyMatch(n -> n.matches(".*/keys/tsa/[0-9A-F]{64}\\.pem")));
    }

    @Test
    void aClerkChecksItWithGpgSha256sumAndOpensslFollowingVerifyTxt(@TempDir Path dir) throws Exception {
        Clerk clerk = ClerkFollowsVerifyTxtTest.clerk(); // the steps as Gawah's source holds them (step 0)
        Clerk.Outcome outcome = clerk.follow(dir, Map.of("PACKAGE", pkg.toString(),
                "TOLD", ClerkFollowsVerifyTxtTest.grouped(homes.legalFingerprint)), false, null);
        assertEquals(0, outcome.failedAt(), outcome.all());
        String step13 = outcome.printed().get(13);
        assertTrue(step13.contains("existed at") && step13.contains(proven + ".testimony.json: proven to exist at"), outcome.all());
        assertFalse(step13.contains(unproven + ".testimony.json: proven"), outcome.all());
    }

    @Test
    void aProvenTimeTheTokenDoesNotGiveIsRefusedByGawahAndCaughtByTheClerk(@TempDir Path dir) throws Exception {
        Map<String, Bags.Item> items = Bags.read(pkg);
        String root = Bags.root(items);
        String later = root + "/metadata/items/" + unproven + ".testimony.json";
        String claimed = sidecar(items, root, proven + ".testimony").path("timestamp_token").asText();
        // The custodian claims for the record sealed after the token the time the token proves for the earlier one.
        String proof = sidecar(items, root, proven + ".testimony").path("timestamped_at").asText();
        String text = items.get(later).text().replace("  \"documenter\"", "  \"timestamped_at\": \"" + proof + "\",\n"
                + "  \"timestamp_token\": \"" + claimed + "\",\n  \"documenter\"");
        assertTrue(text.contains(claimed), text);
        items.put(later, new Bags.Item(later, text.getBytes(StandardCharsets.UTF_8)));
        Bags.resealPackage(items, new Keyring(homes.legal.resolve("keys")).requireOwnKey()
                .unlockForSigning(Homes.PASSPHRASE.toCharArray(), Instant.now()));
        Path forged = dir.resolve("forged.zip");
        Bags.write(forged, items);
        Result verified = homes.gawah.in(homes.legal, "verify", forged.toString());
        assertEquals(Failure.BAD_DATA.exitCode(), verified.code(), verified.out() + verified.stderr());
        assertTrue(verified.stderr().contains("gives a proven time"), verified.stderr());
        Clerk clerk = ClerkFollowsVerifyTxtTest.clerk();
        Clerk.Outcome outcome = clerk.follow(dir.resolve("clerk"), Map.of("PACKAGE", forged.toString(),
                "TOLD", ClerkFollowsVerifyTxtTest.grouped(homes.legalFingerprint)), false, null);
        assertEquals(13, outcome.failedAt(), outcome.all());
    }

    @Test
    void aReceivingBodyTrustsTheTokensOnlyOfATsaItPinnedItself(@TempDir Path dir) throws Exception {
        Path receiver = dir.resolve("receiver");
        homes.gawah.in(receiver, "init").ok();
        homes.gawah.in(receiver, "keys", "generate", "--name", "Receiving body").ok();
        Path custodian = dir.resolve("custodian.asc");
        homes.gawah.in(homes.legal, "keys", "export", "--out", custodian.toString()).ok();
        homes.gawah.in(receiver, "keys", "import", "--role", "custodian", custodian.toString()).ok();
        Result unpinned = homes.gawah.in(receiver, "verify", pkg.toString());
        assertEquals(Failure.UNKNOWN_SIGNER.exitCode(), unpinned.code(), unpinned.out() + unpinned.stderr());
        assertTrue(unpinned.stderr().contains("neither pinned here") && unpinned.stderr().contains("gawah keys import --role tsa"),
                unpinned.stderr());
        homes.gawah.in(receiver, "keys", "import", "--role", "tsa", base.resolve("tsa-ca.pem").toString()).ok();
        assertTrue(homes.gawah.in(receiver, "verify", pkg.toString()).ok().out().contains("VALID"));
    }

    private static JsonNode sidecar(Map<String, Bags.Item> items, String root, String id) throws Exception {
        return new ObjectMapper().readTree(items.get(root + "/metadata/items/" + id + ".json").data());
    }
}
