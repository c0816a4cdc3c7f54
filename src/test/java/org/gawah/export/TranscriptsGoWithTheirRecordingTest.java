package org.gawah.export;

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
 * The Leiden Guidelines' one item: a recording, its transcript and the transcript's translation
 * (one declared later, in an addendum) are recorded as such, kept together in the package
 * (sidecars link them, index.csv lists them as one group) and left out together when the
 * recording may not go.
 */
class TranscriptsGoWithTheirRecordingTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path base;
    static Homes homes;
    static String withConsent;
    static String withoutConsent;
    static String addendum;
    static JsonNode sealed;
    static Path icc;
    static Map<String, byte[]> files;

    @BeforeAll
    static void recordAndExport() throws Exception {
        homes = Homes.copied(base);
        Path sound = Media.m4a(base, "interview.m4a");
        Path photo = Files.write(base.resolve("scan.jpg"), org.gawah.testsupport.Photos.jpeg(2));
        Path transcript = Files.writeString(base.resolve("transcript.txt"), "W-0193: they came at night.");
        Path translation = Files.writeString(base.resolve("translation-en.txt"), "They came at night.");
        withConsent = record(true, "--attach", sound.toString(), "--attach", photo.toString(), "--attach",
                transcript.toString(), "--transcript-of", "interview.m4a");
        withoutConsent = record(false, "--attach", sound.toString(), "--attach", transcript.toString(), "--transcript-of", "1",
                "--attach", translation.toString(), "--translation-of", "transcript.txt");
        sealed = JSON.readTree(homes.gawah.in(homes.documenter, "open", withConsent).ok().stdout());
        String recording = sealed.get("attachments").get(0).get("id").asText();
        addendum = homes.gawah.in(homes.documenter, "attach", withConsent, translation.toString(), "--translation-of",
                sealed.get("attachments").get(2).get("id").asText()).ok().out().strip();
        assertTrue(recording.startsWith("GWA-"));

        Path bag = base.resolve("bag.zip");
        homes.gawah.in(homes.documenter, "submit", "--out", bag.toString()).ok();
        homes.gawah.in(homes.legal, "import", bag.toString()).ok();
        String caseId = homes.gawah.caseCreate(homes.legal, "Herat 2025").ok().out().strip();
        homes.gawah.in(homes.legal, "case", "add", caseId, withConsent, withoutConsent, addendum).ok();
        icc = base.resolve("icc.zip");
        // An addendum carries no identity of its own, so its text files go only once someone has read them.
        String translationId = JSON.readTree(homes.gawah.in(homes.documenter, "open", addendum).ok().stdout())
                .get("attachments").get(0).get("id").asText();
        homes.gawah.in(homes.legal, "export", "--case", caseId, "--for", "icc", "--include-identities",
                "--reviewed", translationId, "--out", icc.toString()).ok();
        files = CaseFixture.files(icc);
    }

    private static String record(boolean audioVideo, String... attach) throws Exception {
        ObjectNode input = (ObjectNode) JSON.readTree(Homes.sampleInput());
        ((ObjectNode) input.get("consent")).put("audio_video", audioVideo).put("anonymity", false);
        List<String> args = new ArrayList<>(List.of("record", "--from", "-", "--self-readable"));
        args.addAll(List.of(attach));
        return homes.gawah.inWithInput(homes.documenter, JSON.writeValueAsBytes(input), args.toArray(new String[0]))
                .ok().out().strip();
    }

    @Test
    void theTestimonyRecordsWhatEachFileIsATranscriptOrTranslationOf() throws Exception {
        JsonNode entries = sealed.get("attachments");
        assertEquals(entries.get(0).get("id").asText(), entries.get(2).get("transcript_of").asText());
        assertFalse(entries.get(1).has("transcript_of") || entries.get(1).has("translation_of"));
        JsonNode other = JSON.readTree(homes.gawah.in(homes.documenter, "open", withoutConsent).ok().stdout()).get("attachments");
        assertEquals(other.get(0).get("id").asText(), other.get(1).get("transcript_of").asText());
        assertEquals(other.get(1).get("id").asText(), other.get(2).get("translation_of").asText());
        JsonNode added = JSON.readTree(homes.gawah.in(homes.documenter, "open", addendum).ok().stdout()).get("attachments");
        assertEquals(entries.get(2).get("id").asText(), added.get(0).get("translation_of").asText());
    }

    @Test
    void aRecordingThatMayNotGoTakesItsTranscriptAndTranslationWithIt() throws Exception {
        JsonNode other = JSON.readTree(homes.gawah.in(homes.documenter, "open", withoutConsent).ok().stdout()).get("attachments");
        String report = Files.readString(Path.of(icc + ".report.txt"));
        for (JsonNode entry : other) {
            assertFalse(files.containsKey("metadata/items/" + entry.get("id").asText() + ".json"), entry.toString());
        }
        assertTrue(report.contains("a transcript or translation goes only with its recording, and "
                + other.get(0).get("id").asText() + " is not in this package"), report);
        assertTrue(report.contains("a transcript or translation goes only with its recording, and "
                + other.get(1).get("id").asText() + " is not in this package"), report);
    }

    @Test
    void thePackageKeepsTheRecordingItsTranscriptAndTheLaterTranslationTogether() throws Exception {
        JsonNode entries = sealed.get("attachments");
        String recording = entries.get(0).get("id").asText();
        String scan = entries.get(1).get("id").asText();
        String transcript = entries.get(2).get("id").asText();
        String translation = JSON.readTree(homes.gawah.in(homes.documenter, "open", addendum).ok().stdout())
                .get("attachments").get(0).get("id").asText();
        JsonNode transcriptSidecar = JSON.readTree(files.get("metadata/items/" + transcript + ".json"));
        assertEquals(recording, transcriptSidecar.get("transcript_of").asText());
        assertEquals(recording, transcriptSidecar.get("group").asText());
        JsonNode translationSidecar = JSON.readTree(files.get("metadata/items/" + translation + ".json"));
        assertEquals(transcript, translationSidecar.get("translation_of").asText());
        assertEquals(recording, translationSidecar.get("group").asText());
        assertEquals(recording, JSON.readTree(files.get("metadata/items/" + recording + ".json")).get("group").asText());
        assertFalse(JSON.readTree(files.get("metadata/items/" + scan + ".json")).has("group"));
        assertEquals(3.0, JSON.readTree(files.get("metadata/items/" + recording + ".json")).get("metadata")
                .get("duration_seconds").asDouble(), 0.05);

        List<String> rows = List.of(new String(files.get("metadata/index.csv"), StandardCharsets.UTF_8).split("\r\n"));
        assertTrue(rows.get(0).endsWith(",signature,group,relation"), rows.get(0));
        List<String> ids = rows.stream().map(r -> r.substring(0, r.indexOf(','))).toList();
        int at = ids.indexOf(recording);
        assertEquals(List.of(recording, transcript, translation), ids.subList(at, at + 3), rows.toString());
        assertTrue(rows.get(at).endsWith("," + recording + ","), rows.get(at));
        assertTrue(rows.get(at + 1).endsWith("," + recording + ",transcript"), rows.get(at + 1));
        assertTrue(rows.get(at + 2).endsWith("," + recording + ",translation"), rows.get(at + 2));
        homes.gawah.in(homes.legal, "verify", icc.toString()).ok();
    }
}
