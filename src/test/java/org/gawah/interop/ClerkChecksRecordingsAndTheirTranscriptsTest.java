package org.gawah.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.gawah.testsupport.CaseFixture;
import org.gawah.testsupport.Homes;
import org.gawah.testsupport.Media;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a package says of its attachments since they carry their own metadata and may be a
 * transcript or translation of a recording (sidecars with group, transcript_of, translation_of and
 * metadata; index.csv with group and relation; a redacted copy withholding a film's GPS) is still
 * checked by a clerk following VERIFY.txt literally, and passes every step: the attachment
 * entries with a nested metadata object are found by their id (step 9), the fifteen-column
 * index.csv is read (step 10), and the redacted copy is tied to its record's seal (step 12).
 */
class ClerkChecksRecordingsAndTheirTranscriptsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path base;
    static Homes homes;
    /** With identities: a recording, its transcript, the transcript's later translation, a film. */
    static Path whole;
    /** Without identities: the same, the testimony as a redacted copy withholding the film's GPS. */
    static Path withheld;

    @BeforeAll
    static void recordAndExport() throws Exception {
        homes = Homes.copied(base);
        Path sound = Media.m4a(base, "interview.m4a");
        Path transcript = Files.writeString(base.resolve("transcript.txt"), "W-0193: they came at night.");
        Path translation = Files.writeString(base.resolve("translation-en.txt"), "They came at night.");
        Path film = Media.phoneMov(base, "phone.mov");
        ObjectNode input = (ObjectNode) JSON.readTree(Homes.sampleInput());
        ((ObjectNode) input.get("consent")).put("audio_video", true).put("anonymity", false);
        String record = homes.gawah.inWithInput(homes.documenter, JSON.writeValueAsBytes(input), "record", "--from", "-",
                "--self-readable", "--attach", sound.toString(), "--attach", transcript.toString(), "--transcript-of",
                "interview.m4a", "--attach", film.toString()).ok().out().strip();
        JsonNode sealed = JSON.readTree(homes.gawah.in(homes.documenter, "open", record).ok().stdout()).get("attachments");
        String addendum = homes.gawah.in(homes.documenter, "attach", record, translation.toString(), "--translation-of",
                sealed.get(1).get("id").asText()).ok().out().strip();
        String translationId = JSON.readTree(homes.gawah.in(homes.documenter, "open", addendum).ok().stdout())
                .get("attachments").get(0).get("id").asText();

        Path bag = base.resolve("bag.zip");
        homes.gawah.in(homes.documenter, "submit", "--out", bag.toString()).ok();
        homes.gawah.in(homes.legal, "import", bag.toString()).ok();
        String caseId = homes.gawah.caseCreate(homes.legal, "Herat 2025").ok().out().strip();
        homes.gawah.in(homes.legal, "case", "add", caseId, record, addendum).ok();
        whole = base.resolve("whole.zip");
        homes.gawah.in(homes.legal, "export", "--case", caseId, "--for", "icc", "--include-identities",
                "--reviewed", translationId, "--out", whole.toString()).ok();
        List<String> reviewed = new ArrayList<>(List.of("export", "--case", caseId, "--for", "icc"));
        for (String id : List.of(sealed.get(1).get("id").asText(), sealed.get(2).get("id").asText(), translationId)) {
            reviewed.addAll(List.of("--reviewed", id));
        }
        withheld = base.resolve("withheld.zip");
        reviewed.addAll(List.of("--out", withheld.toString()));
        homes.gawah.in(homes.legal, reviewed.toArray(new String[0])).ok();
    }

    @Test
    void bothPackagesHoldWhatTheStepsMustReadAndPassEveryStep(@TempDir Path dir) throws Exception {
        for (Path pkg : List.of(whole, withheld)) {
            Map<String, byte[]> files = CaseFixture.files(pkg);
            String index = new String(files.get("metadata/index.csv"), StandardCharsets.UTF_8);
            assertTrue(index.startsWith(org.gawah.export.Item.CSV_HEADER + "\r\n"), index);
            assertTrue(index.contains(",transcript\r\n") && index.contains(",translation\r\n"), index);
            assertTrue(files.entrySet().stream().anyMatch(f -> f.getKey().startsWith("metadata/items/GWA-")
                    && new String(f.getValue(), StandardCharsets.UTF_8).contains("\n  \"metadata\": {")), pkg.toString());
            homes.gawah.in(homes.legal, "verify", pkg.toString()).ok();

            Clerk.Outcome outcome = ClerkFollowsVerifyTxtTest.clerk().follow(dir.resolve(pkg.getFileName().toString()),
                    Map.of("PACKAGE", pkg.toString(), "TOLD", ClerkFollowsVerifyTxtTest.grouped(homes.legalFingerprint)),
                    false, null);
            assertEquals(0, outcome.failedAt(), outcome.all());
            assertEquals(List.of(1, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14), List.copyOf(outcome.printed().keySet()), outcome.all());
        }
    }

    /**
     * The links rewritten by the custodian and signed anew: each refused by gawah verify and
     * caught by the clerk at step 9 (against the testimony's entries) or 10 (groups, index.csv).
     */
    @Test
    void linksRewrittenByTheCustodianAreCaughtByTheClerk(@TempDir Path dir) throws Exception {
        org.gawah.openpgp.SigningKey key = new org.gawah.keys.Keyring(homes.legal.resolve("keys")).requireOwnKey()
                .unlockForSigning(Homes.PASSPHRASE.toCharArray(), java.time.Instant.now());
        Map<String, org.gawah.testsupport.Bags.Item> good = org.gawah.testsupport.Bags.read(whole);
        String root = org.gawah.testsupport.Bags.root(good) + "/";
        String transcript = null;
        String recording = null;
        for (String name : good.keySet()) {
            String text = new String(good.get(name).data(), StandardCharsets.UTF_8);
            java.util.regex.Matcher of = java.util.regex.Pattern.compile("\"transcript_of\": \"(GWA-[^\"]*)\"").matcher(text);
            if (name.startsWith(root + "metadata/items/") && of.find()) {
                transcript = name;
                recording = of.group(1);
            }
        }
        String photoLike = "GWA-0000-0000-0000-0000";
        String rec = recording;
        String index = root + "metadata/index.csv";
        Map<String, Map<String, String>> tampered = new java.util.LinkedHashMap<>();
        tampered.put("transcript_of naming an attachment not in the package", Map.of(transcript,
                "\"transcript_of\": \"" + rec + "\"=>\"transcript_of\": \"" + photoLike + "\""));
        tampered.put("transcript_of turned into translation_of", Map.of(transcript, "\"transcript_of\"=>\"translation_of\""));
        tampered.put("a group changed in a sidecar only", Map.of(transcript,
                "\"group\": \"" + rec + "\"=>\"group\": \"" + photoLike + "\""));
        tampered.put("a relation changed in index.csv only", Map.of(index, "," + rec + ",transcript\r\n=>," + rec + ",translation\r\n"));
        tampered.put("a group left out of index.csv only", Map.of(index, "," + rec + ",transcript\r\n=>,,transcript\r\n"));
        int run = 0;
        for (Map.Entry<String, Map<String, String>> one : tampered.entrySet()) {
            Map<String, org.gawah.testsupport.Bags.Item> items = org.gawah.testsupport.Bags.read(whole);
            for (Map.Entry<String, String> change : one.getValue().entrySet()) {
                String[] fromTo = change.getValue().split("=>");
                String text = new String(items.get(change.getKey()).data(), StandardCharsets.UTF_8);
                assertTrue(text.contains(fromTo[0]), one.getKey() + ": " + text);
                org.gawah.testsupport.Bags.put(items, change.getKey(), text.replace(fromTo[0], fromTo[1]));
            }
            org.gawah.testsupport.Bags.resealPackage(items, key);
            Path zip = dir.resolve("tampered-" + (++run) + ".zip");
            org.gawah.testsupport.Bags.write(zip, new ArrayList<>(items.values()));
            org.gawah.testsupport.Gawah.Result verify = homes.gawah.in(homes.legal, "verify", zip.toString());
            assertEquals(41, verify.code(), one.getKey() + ": " + verify.stderr());
            Clerk.Outcome outcome = ClerkFollowsVerifyTxtTest.clerk().follow(Files.createDirectories(dir.resolve("clerk-" + run)),
                    Map.of("PACKAGE", zip.toString(), "TOLD", ClerkFollowsVerifyTxtTest.grouped(homes.legalFingerprint)), false, null);
            assertTrue(outcome.failedAt() == 9 || outcome.failedAt() == 10, one.getKey() + " (gawah: "
                    + verify.stderr().lines().findFirst().orElse("") + ") caught at step " + outcome.failedAt() + "\n" + outcome.all());
        }
    }

    @Test
    void theRedactedCopyTheClerkChecksWithholdsTheFilmsPosition() throws Exception {
        Map<String, byte[]> files = CaseFixture.files(withheld);
        String copy = files.entrySet().stream().filter(f -> f.getKey().endsWith("/testimony-redacted.json")).findFirst()
                .map(f -> new String(f.getValue(), StandardCharsets.UTF_8)).orElseThrow();
        assertTrue(copy.contains("\"attachments[2].metadata.gps\""), copy);
        JsonNode metadata = JSON.readTree(copy).get("testimony").get("attachments").get(2).get("metadata");
        assertFalse(metadata.has("gps"), copy);
        assertTrue(metadata.size() > 1, copy);
    }
}
