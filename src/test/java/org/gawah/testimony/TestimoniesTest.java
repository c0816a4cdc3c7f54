package org.gawah.testimony;

import static org.gawah.testimony.Fixtures.RECORD_ID;
import static org.gawah.testimony.Fixtures.at;
import static org.gawah.testimony.Fixtures.build;
import static org.gawah.testimony.Fixtures.fullInput;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestimoniesTest {
    private static final String ZWNJ = "\u200c";

    @Test
    void buildsFullExampleAndReadsItBack() {
        ObjectNode input = fullInput();
        SealableTestimony sealed = Testimonies.build(Fixtures.fullInputBytes(), RECORD_ID, Fixtures.RECORDED_AT);
        JsonNode t = Testimonies.read(sealed.testimony());

        assertEquals("gawah.testimony/1", t.get("schema").asText());
        assertEquals(RECORD_ID, t.get("record_id").asText());
        assertEquals("2026-11-20T08:30:12Z", t.get("recorded_at").asText());
        input.remove("schema");
        input.remove("identity");
        for (String section : List.of("interview", "acknowledgement", "consent", "witness", "source", "account",
                "documenter_notes", "events")) {
            assertEquals(input.get(section), t.get(section), section);
        }
        assertEquals(0, t.get("attachments").size());
    }

    @Test
    void writesFieldsInTheSpecifiedOrder() {
        JsonNode t = Testimonies.read(build(fullInput()).testimony());
        assertEquals(List.of("schema", "record_id", "recorded_at", "interview", "acknowledgement", "consent", "witness",
                "source", "account", "documenter_notes", "events", "attachments"), names(t));
        assertEquals(List.of("started_at", "ended_at", "place", "present", "languages"), names(t.get("interview")));
        assertEquals(List.of("purpose_explained", "recipients", "audio_video", "anonymity", "withdrawal_explained"),
                names(t.get("consent")));
        assertEquals(List.of("date", "place", "act_type", "method", "consequences", "perpetrator_type"),
                names(t.get("events").get(0)));
    }

    @Test
    void writesTwoSpaceIndentedUtf8WithRawNonAsciiAndFinalNewline() {
        String text = new String(build(fullInput()).testimony(), StandardCharsets.UTF_8);
        assertTrue(text.startsWith("{\n  \"schema\": \"gawah.testimony/1\",\n  \"record_id\": \"GWH-"), text);
        assertTrue(text.endsWith("  \"attachments\": []\n}\n"), text);
        assertTrue(text.contains("\n    \"languages\": {\n      \"interview\": [\n        \"prs\",\n"), text);
        assertFalse(text.contains("\r"));
        assertFalse(text.contains("\\u"), "non-ASCII must be written raw");
        assertTrue(text.contains("شاهد گفت که"));
    }

    @Test
    void sameInputIdAndTimeGiveIdenticalBytes() {
        SealableTestimony first = build(fullInput());
        SealableTestimony second = Testimonies.build(Fixtures.fullInputBytes(), RECORD_ID, Fixtures.RECORDED_AT);
        assertArrayEquals(first.testimony(), second.testimony());
        assertArrayEquals(first.identity(), second.identity());
    }

    @Test
    void keepsDariPashtoEmojiAndZwnjExactly() {
        String account = "شاهد گفت که آن" + ZWNJ + "ها می" + ZWNJ + "خواستند 🙏🏽\n\tزه په کابل کې وم. 👩‍👧‍👦";
        ObjectNode input = fullInput();
        at(input, "account").put("text", account);
        at(input, "interview").put("place", "کندهار، ښار");
        JsonNode t = Testimonies.read(build(input).testimony());
        byte[] expected = Normalizer.normalize(account, Normalizer.Form.NFC).getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(expected, t.get("account").get("text").asText().getBytes(StandardCharsets.UTF_8));
        assertEquals("کندهار، ښار", t.get("interview").get("place").asText());
    }

    @Test
    void normalisesTextToNfc() {
        ObjectNode input = fullInput();
        at(input, "witness").put("pseudonym", "Rene\u0301e"); // e + combining acute
        JsonNode t = Testimonies.read(build(input).testimony());
        assertEquals("Ren\u00e9e", t.get("witness").get("pseudonym").asText());
    }

    @Test
    void splitsIdentityIntoItsOwnDocument() {
        SealableTestimony sealed = build(fullInput());
        String testimony = new String(sealed.testimony(), StandardCharsets.UTF_8);
        String identity = new String(sealed.identity(), StandardCharsets.UTF_8);
        for (String secret : List.of("مریم نمونه", "case 17", "weekdays", "identity")) {
            assertFalse(testimony.contains(secret), secret);
        }
        assertEquals("{\n  \"schema\": \"gawah.identity/1\",\n  \"record_id\": \"" + RECORD_ID + "\",\n"
                + "  \"name\": \"مریم نمونه\",\n  \"contact\": \"through the partner organisation, case 17\",\n"
                + "  \"notes\": \"prefers contact on weekdays\"\n}\n", identity);
    }

    @Test
    void hasNoIdentityDocumentWhenNoIdentityIsGiven() {
        ObjectNode input = fullInput();
        input.remove("identity");
        assertNull(build(input).identity());
    }

    @Test
    void writesEmptyEventsWhenNoneAreGivenAndLeavesOutOptionalFields() {
        ObjectNode input = fullInput();
        input.remove(List.of("events", "documenter_notes"));
        at(input, "interview").remove("ended_at");
        at(input, "witness").remove(List.of("vulnerability", "referrals_offered", "earlier_interviews"));
        at(input, "source").remove(List.of("reliability", "note"));
        JsonNode t = Testimonies.read(build(input).testimony());
        assertTrue(t.get("events").isArray() && t.get("events").isEmpty());
        assertFalse(t.has("documenter_notes"));
        assertFalse(t.get("interview").has("ended_at"));
        assertEquals(List.of("pseudonym", "confidentiality"), names(t.get("witness")));
        assertEquals(List.of("connection"), names(t.get("source")));
    }

    @Test
    void keepsAnEmptyListApartFromAnAbsentOne() {
        ObjectNode input = fullInput();
        at(input, "witness").putArray("vulnerability");
        at(input, "witness").remove("referrals_offered");
        JsonNode w = Testimonies.read(build(input).testimony()).get("witness");
        assertTrue(w.get("vulnerability").isEmpty());
        assertFalse(w.has("referrals_offered"));
    }

    @Test
    void acceptsInputWithoutSchemaAndCanonicalisesTimes() {
        ObjectNode input = fullInput();
        input.remove("schema");
        at(input, "interview").put("started_at", "2026-11-20T10:00:00+04:30").put("ended_at", "2026-11-20T06:30:00Z");
        JsonNode i = Testimonies.read(build(input).testimony()).get("interview");
        assertEquals("2026-11-20T10:00+04:30", i.get("started_at").asText());
        assertEquals("2026-11-20T06:30Z", i.get("ended_at").asText());
    }

    @Test
    void recordsWhyTheWitnessDidNotAcknowledge() {
        ObjectNode input = fullInput();
        at(input, "acknowledgement").put("witness_acknowledged", false).put("reason_if_not", "left before the reading");
        JsonNode a = Testimonies.read(build(input).testimony()).get("acknowledgement");
        assertEquals("{\"witness_acknowledged\":false,\"reason_if_not\":\"left before the reading\"}", a.toString());
    }

    @Test
    void wipeZeroFillsBothDocuments() {
        SealableTestimony sealed = build(fullInput());
        sealed.wipe();
        assertArrayEquals(new byte[sealed.testimony().length], sealed.testimony());
        assertArrayEquals(new byte[sealed.identity().length], sealed.identity());
        assertFalse(sealed.toString().contains("W-0193"));
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
