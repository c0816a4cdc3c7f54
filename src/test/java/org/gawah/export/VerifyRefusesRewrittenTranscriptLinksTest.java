package org.gawah.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Map;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.gawah.keys.Keyring;
import org.gawah.openpgp.SigningKey;
import org.gawah.testsupport.Bags;
import org.gawah.testsupport.Gawah;
import org.gawah.testsupport.Homes;
import org.gawah.testsupport.Media;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A custodian gone bad rewrites the links that keep a recording with its transcript and
 * translation (sidecars' transcript_of, translation_of, group; index.csv's group and relation)
 * and signs the package anew: gawah verify holds them to the signed testimony's attachment
 * entries and refuses each rewriting with its own line, exit code 41 like every other tampering.
 */
class VerifyRefusesRewrittenTranscriptLinksTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ABSENT = "GWA-0000-0000-0000-0000";

    @TempDir
    static Path base;
    static Homes homes;
    static Path good;
    static SigningKey custodianKey;
    static String recording;
    static String photo;
    static String transcript;
    static String translation;

    @BeforeAll
    static void recordAndExport() throws Exception {
        homes = Homes.copied(base);
        Path sound = Media.m4a(base, "interview.m4a");
        Path scan = Files.write(base.resolve("scan.jpg"), org.gawah.testsupport.Photos.jpeg(2));
        Path text = Files.writeString(base.resolve("transcript.txt"), "W-0193: they came at night.");
        Path english = Files.writeString(base.resolve("translation-en.txt"), "They came at night.");
        ObjectNode input = (ObjectNode) JSON.readTree(Homes.sampleInput());
        ((ObjectNode) input.get("consent")).put("audio_video", true).put("anonymity", false);
        String record = homes.gawah.inWithInput(homes.documenter, JSON.writeValueAsBytes(input), "record", "--from", "-",
                "--self-readable", "--attach", sound.toString(), "--attach", scan.toString(), "--attach", text.toString(),
                "--transcript-of", "1", "--attach", english.toString(), "--translation-of", "3").ok().out().strip();
        JsonNode entries = JSON.readTree(homes.gawah.in(homes.documenter, "open", record).ok().stdout()).get("attachments");
        recording = entries.get(0).get("id").asText();
        photo = entries.get(1).get("id").asText();
        transcript = entries.get(2).get("id").asText();
        translation = entries.get(3).get("id").asText();

        Path bag = base.resolve("bag.zip");
        homes.gawah.in(homes.documenter, "submit", "--out", bag.toString()).ok();
        homes.gawah.in(homes.legal, "import", bag.toString()).ok();
        String caseId = homes.gawah.caseCreate(homes.legal, "Herat 2025").ok().out().strip();
        homes.gawah.in(homes.legal, "case", "add", caseId, record).ok();
        good = base.resolve("good.zip");
        homes.gawah.in(homes.legal, "export", "--case", caseId, "--for", "icc", "--include-identities",
                "--out", good.toString()).ok();
        custodianKey = new Keyring(homes.legal.resolve("keys")).requireOwnKey()
                .unlockForSigning(Homes.PASSPHRASE.toCharArray(), Instant.now());
    }

    @Test
    void theGoodPackageWithItsLinksVerifies() {
        homes.gawah.in(homes.legal, "verify", good.toString()).ok();
    }

    @Test
    void aTranscriptOfPointingAtAnotherItemIsRefused() throws Exception {
        refused("transcript_of", sidecar(transcript, "\"transcript_of\": \"" + recording + "\"", "\"transcript_of\": \"" + photo + "\""),
                "package: metadata/items/" + transcript + ".json gives transcript_of \"" + photo
                        + "\"; the signed testimony it belongs to gives \"" + recording + "\"");
    }

    @Test
    void aRelationChangedInIndexCsvOnlyIsRefused() throws Exception {
        refused("relation", index(transcript + ",", "," + recording + ",transcript\r\n", "," + recording + ",translation\r\n"),
                "package: metadata/index.csv, row " + transcript + ": relation \"translation\"; its sidecar gives transcript");
    }

    @Test
    void aGroupChangedInASidecarOnlyIsRefused() throws Exception {
        refused("group", sidecar(translation, "\"group\": \"" + recording + "\"", "\"group\": \"" + transcript + "\""),
                "package: metadata/items/" + translation + ".json gives group \"" + transcript
                        + "\"; the signed testimonies make it \"" + recording + "\"");
    }

    @Test
    void aGroupChangedInIndexCsvOnlyIsRefused() throws Exception {
        refused("index group", index(recording + ",", "," + recording + ",\r\n", ",,\r\n"),
                "package: metadata/index.csv, row " + recording + ": group none; its sidecar gives \"" + recording + "\"");
    }

    @Test
    void aLinkToAnItemNotInThePackageIsRefused() throws Exception {
        refused("absent", sidecar(translation, "\"translation_of\": \"" + transcript + "\"", "\"translation_of\": \"" + ABSENT + "\""),
                "package: metadata/items/" + translation + ".json gives translation_of \"" + ABSENT
                        + "\", which is no attachment in this package");
    }

    @Test
    void aLinkOnAnItemThatIsNoAttachmentIsRefused() throws Exception {
        String id = photo;
        String testimony = "metadata/items/" + sidecarOf(id).path("testimony").asText() + ".json";
        refused("testimony group", items -> {
            String file = Bags.root(items) + "/" + testimony;
            Bags.put(items, file, items.get(file).text().replaceFirst("\n}", ",\n  \"group\": \"" + recording + "\"\n}"));
        }, "package: " + testimony + " gives group, which only an attachment's sidecar has");
    }

    // ------------------------------------------------------------------ tampering as the custodian

    private static JsonNode sidecarOf(String id) throws Exception {
        Map<String, Bags.Item> items = Bags.read(good);
        return JSON.readTree(items.get(Bags.root(items) + "/metadata/items/" + id + ".json").data());
    }

    /** The item's sidecar with {@code from} replaced by {@code to} (which must be there). */
    private static Consumer<Map<String, Bags.Item>> sidecar(String id, String from, String to) {
        return items -> {
            String file = Bags.root(items) + "/metadata/items/" + id + ".json";
            String text = items.get(file).text();
            assertTrue(text.contains(from), text);
            Bags.put(items, file, text.replace(from, to));
        };
    }

    /** index.csv with the end {@code from} of the row starting {@code row} replaced by {@code to}. */
    private static Consumer<Map<String, Bags.Item>> index(String row, String from, String to) {
        return items -> {
            String file = Bags.root(items) + "/metadata/index.csv";
            String text = items.get(file).text();
            int start = text.indexOf("\r\n" + row) + 2;
            int end = text.indexOf("\r\n", start) + 2;
            String line = text.substring(start, end);
            assertTrue(start > 1 && line.endsWith(from), line);
            Bags.put(items, file, text.substring(0, start) + line.substring(0, line.length() - from.length()) + to
                    + text.substring(end));
        };
    }

    private static void refused(String name, Consumer<Map<String, Bags.Item>> change, String line) throws Exception {
        Map<String, Bags.Item> items = Bags.read(good);
        change.accept(items);
        Bags.resealPackage(items, custodianKey);
        Path tampered = base.resolve(name.replace(' ', '-') + ".zip");
        Bags.write(tampered, new ArrayList<>(items.values()));
        Gawah.Result result = homes.gawah.in(homes.legal, "verify", tampered.toString());
        assertEquals(41, result.code(), result.stderr());
        assertEquals("gawah: error: " + line, result.stderr().lines().findFirst().orElse(""), result.stderr());
    }
}
