package org.gawah.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reading keeps every value of the record exactly, and copes with any part of it. */
class ReadingTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** The example in the format's spec, which DocumentedExampleTest pins to what gawah writes. */
    private static final Path SPEC = Path.of("docs/format/testimony.md");

    @Test
    void everyStringOfTheDocumentedExampleAppearsVerbatim() throws IOException {
        ObjectNode testimony = example();
        ((ArrayNode) testimony.get("attachments")).add(attachment());
        String reading = Reading.render(testimony);

        List<String> strings = new ArrayList<>();
        strings(testimony, strings);
        assertTrue(strings.size() > 40, "the walk found the strings");
        for (String s : strings) {
            assertTrue(reading.contains(s), "missing from the reading: " + s);
        }
        assertTrue(reading.startsWith("Testimony GWH-7K3M-9QXA-2D4F-8ZZP\n"), reading);
        for (String heading : List.of("Interview", "Acknowledgement", "Consent", "Witness", "Source",
                "Account (the witness's own words)", "Events", "Attachments")) {
            assertTrue(reading.contains("\n" + heading + "\n"), heading);
        }
        assertTrue(reading.contains("Size (bytes): 48213"), reading);
        assertTrue(reading.contains("Witness acknowledged the record: yes"), reading);
        assertTrue(reading.contains("Audio or video of the witness may be used: no"), reading);
    }

    @Test
    void accountIsOneExactContiguousBlockApartFromTheNotes() throws IOException {
        ObjectNode testimony = example();
        String text = testimony.get("account").get("text").asText();
        String notes = testimony.get("documenter_notes").asText();
        assertTrue(text.contains("\u200c") && text.contains("\n"), "the example has ZWNJ and line breaks");
        String reading = Reading.render(testimony);

        String account = "\n~~~~~~~~\n" + text + "\n~~~~~~~~\n";
        assertEquals(reading.indexOf(account), reading.lastIndexOf(account));
        assertTrue(reading.contains(account), reading);
        assertTrue(reading.contains("Language: prs"), reading);

        String notesBlock = "\n~~~~~~~~\n" + notes + "\n~~~~~~~~\n";
        int notesAt = reading.indexOf(notesBlock);
        assertTrue(notesAt > reading.indexOf(account) + account.length() - 1, "notes come after, not inside, the account");
        assertTrue(reading.lastIndexOf("the documenter's words", notesAt) > reading.indexOf(account),
                "the notes are labelled as the documenter's words");
    }

    @Test
    void showsEachDateInBothCalendars() throws IOException {
        JsonNode testimony;
        try (var in = ReadingTest.class.getResourceAsStream("/org/gawah/testimony/calendars-golden.json")) {
            testimony = MAPPER.readTree(in);
        }
        String reading = Reading.render(testimony);
        assertTrue(reading.contains("  Started: 2026-11-20T10:00+04:30\n  Started, as given:\n    Calendar: solar_hijri\n"
                + "    Written: ۲۹ عقرب ۱۴۰۵ ساعت ۱۰:۰۰ +04:30\n"), reading);
        assertTrue(reading.contains("Date: 2026-03-02\n      Date, as given:\n        Calendar: solar_hijri\n"
                + "        Written: ۱۱ حوت ۱۴۰۴\n"), reading);
        assertTrue(reading.contains("Gregorian (ISO 8601): 2025-07-23/2025-08-22\n      As given:\n"
                + "        Calendar: solar_hijri\n        Written: ماه اسد ۱۴۰۴\n"), reading);
        assertTrue(reading.contains("Gregorian (ISO 8601): 2025-03-01\n      As given:\n        Calendar: lunar_hijri\n"
                + "        Written: 1 Ramadan 1446\n"), reading);
    }

    @Test
    void addsNoBidiControlsAndEndsEveryLine() throws IOException {
        ObjectNode testimony = example();
        String reading = Reading.render(testimony);
        assertEquals(bidiControls(testimony.toString()), bidiControls(reading));
        assertTrue(reading.endsWith("\n"));
        assertFalse(reading.contains("\r"));
    }

    @Test
    void markerNeverOccursInsideTheText() {
        String text = "line one\n~~~~~~~~\nstill the witness speaking\n~~~~~~~~~\n";
        ObjectNode testimony = MAPPER.createObjectNode();
        testimony.putObject("account").put("language", "en").put("text", text);
        String reading = Reading.render(testimony);
        String marker = "~~~~~~~~~~";
        assertTrue(reading.contains("\n" + marker + "\n" + text + "\n" + marker + "\n"), reading);
    }

    @Test
    void aCopyMissingMostFieldsStillRenders() throws IOException {
        JsonNode redacted = MAPPER.readTree("""
                {"schema": "gawah.testimony/1",
                 "account": {"text": "آن‌ها رفتند."},
                 "withheld": ["interview.place", "witness", "events[0].place"]}""");
        String reading = Reading.render(redacted);
        assertTrue(reading.startsWith("Testimony (record id not in this copy)\n"), reading);
        assertTrue(reading.contains("Withheld from this copy\n"), reading);
        for (String path : List.of("interview.place", "witness", "events[0].place")) {
            assertTrue(reading.contains("- " + path + "\n"), reading);
        }
        assertTrue(reading.contains("\n~~~~~~~~\nآن‌ها رفتند.\n~~~~~~~~\n"), reading);

        for (JsonNode odd : List.of(MAPPER.createObjectNode(), MissingNode.getInstance(), new TextNode("x"),
                MAPPER.createArrayNode())) {
            assertTrue(Reading.render(odd).startsWith("Record (record id not in this copy)\n"));
        }
        assertTrue(Reading.render(null).startsWith("Record "));
    }

    @Test
    void fieldsOfUnexpectedShapeAreShownNotDropped() throws IOException {
        JsonNode damaged = MAPPER.readTree("""
                {"schema": "gawah.testimony/1", "record_id": 7,
                 "interview": "just a string", "consent": {"recipients": "icc", "extra": null},
                 "witness": {"vulnerability": ["one\\ntwo", 3, {"k": "v"}], "pseudonym": ["W-1"]},
                 "events": {"odd": [1, null, true, "هرات"]},
                 "attachments": [1, "a\\u2028b", []],
                 "interview_notes": "unknown key",
                 "withheld": "not a list"}""");
        String reading = Reading.render(damaged);
        List<String> strings = new ArrayList<>();
        strings(damaged, strings);
        for (String s : strings) {
            assertTrue(reading.contains(s), "missing: " + s + "\n" + reading);
        }
        assertTrue(reading.contains("Record id: 7"), reading);
        assertTrue(reading.contains("Withheld from this copy: not a list"), reading);
    }

    @Test
    void rendersAnAddendum() throws IOException {
        ObjectNode addendum = MAPPER.createObjectNode()
                .put("schema", "gawah.addendum/1")
                .put("record_id", "GWH-8ZZP-7K3M-9QXA-2D4F")
                .put("recorded_at", "2026-11-28T05:55:22Z")
                .put("adds_to", "GWH-7K3M-9QXA-2D4F-8ZZP");
        addendum.putArray("attachments").add(attachment());
        String reading = Reading.render(addendum);
        assertTrue(reading.startsWith("Addendum GWH-8ZZP-7K3M-9QXA-2D4F\n"), reading);
        assertTrue(reading.contains("Adds files to record: GWH-7K3M-9QXA-2D4F-8ZZP\n"), reading);
        List<String> strings = new ArrayList<>();
        strings(addendum, strings);
        for (String s : strings) {
            assertTrue(reading.contains(s), "missing: " + s);
        }
    }

    private static ObjectNode example() throws IOException {
        String markdown = Files.readString(SPEC, StandardCharsets.UTF_8);
        int start = markdown.indexOf("```json\n") + "```json\n".length();
        return (ObjectNode) MAPPER.readTree(markdown.substring(start, markdown.indexOf("```", start)));
    }

    private static ObjectNode attachment() {
        return MAPPER.createObjectNode()
                .put("id", "GWA-3F9K-7QXM-2D4P-8ZZA")
                .put("file_name", "صدا-۱.m4a")
                .put("media_type", "audio/mp4")
                .put("size", 48213)
                .put("sha256", "a".repeat(64))
                .put("sha512", "b".repeat(128))
                .put("generation", "original");
    }

    private static void strings(JsonNode node, List<String> into) {
        if (node.isTextual()) {
            into.add(node.asText());
        }
        node.forEach(child -> strings(child, into));
    }

    private static long bidiControls(String s) {
        return s.chars().filter(c -> c == 0x061c || c == 0x200e || c == 0x200f
                || c >= 0x202a && c <= 0x202e || c >= 0x2066 && c <= 0x2069).count();
    }
}
