package org.gawah.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.gawah.Language;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The reader's fields without a window: every member of a testimony that holds every field the
 * format knows (dates as given in three calendars, every role present, an acknowledgement
 * refused, earlier interviews, events, attachments with their metadata) is shown under words in
 * the window's language, never under the format's key; fixed values (yes, no, levels) in words
 * too; and a member this version does not know is still shown, under its key, so that nothing
 * signed is hidden.
 */
class EveryTestimonyFieldHasItsWordsTest {
    private static final Pattern ARABIC_SCRIPT = Pattern.compile("\\p{IsArabic}");
    private static final ObjectMapper JSON = new ObjectMapper();

    static List<Locale> languages() {
        return Language.SUPPORTED;
    }

    @AfterEach
    void english() {
        Language.use(Language.ENGLISH);
    }

    @ParameterizedTest(name = "in {0}")
    @MethodSource("languages")
    void everyKnownFieldIsShownUnderWordsOfTheWindowsLanguage(Locale language) throws Exception {
        Language.use(language);
        JsonNode testimony = everyField();
        List<TestimonyFields.Field> all = new ArrayList<>();
        for (String section : ReaderView.SECTIONS) {
            all.addAll(TestimonyFields.of(testimony, section));
        }
        assertTrue(all.size() > 60, "every member walked: " + all.size());
        for (TestimonyFields.Field field : all) {
            assertTrue(!field.label().key().equals("reader.raw"), field.path() + " is shown under its key");
            String label = field.label().render();
            if (!language.equals(Language.ENGLISH)) {
                assertTrue(ARABIC_SCRIPT.matcher(label).find(), field.path() + " is not in words of the language: " + label);
            }
            if (field.kind() == TestimonyFields.Kind.WORDS) {
                String words = field.words().render();
                assertTrue(!words.isBlank(), field.path());
                assertTrue(!words.contains("true") && !words.contains("false"), field.path() + ": " + words);
            }
        }
        assertEquals("W-0193", value(all, "witness.pseudonym").text(), "the testimony's own text, as written");
        assertEquals(TestimonyFields.Kind.WORDS, value(all, "consent.anonymity").kind());
        assertTrue(value(all, "interview.started_at").words().render().contains("۲۹ عقرب ۱۴۰۵"), "the date as given, beside the value");
        assertTrue(value(all, "witness.earlier_interviews.0.date").words().render().contains("2026-03-02"));
        assertEquals(TestimonyFields.Kind.HEADING, value(all, "events.1").kind());
        assertTrue(value(all, "attachments.0.metadata.gps").words().render().contains("34.3482361"));
    }

    @Test
    void aMemberThisVersionDoesNotKnowIsShownUnderItsKey() throws Exception {
        ObjectNode testimony = (ObjectNode) everyField();
        ((ObjectNode) testimony.get("interview")).put("weather", "snow");
        ((ObjectNode) testimony.get("events").get(0)).putObject("witnesses").put("count", 3);
        List<TestimonyFields.Field> interview = TestimonyFields.of(testimony, "interview");
        TestimonyFields.Field weather = value(interview, "interview.weather");
        assertEquals("reader.raw", weather.label().key());
        assertEquals("interview.weather", weather.label().render());
        assertEquals("snow", weather.text());
        assertEquals("3", value(TestimonyFields.of(testimony, "events"), "events.0.witnesses.count").text());
    }

    private static TestimonyFields.Field value(List<TestimonyFields.Field> fields, String path) {
        return fields.stream().filter(f -> f.path().equals(path)).findFirst()
                .orElseThrow(() -> new AssertionError("no field " + path));
    }

    /** The calendars' golden testimony, with every role, an acknowledgement refused, and the attachments' golden entries. */
    private static JsonNode everyField() throws Exception {
        ObjectNode testimony = (ObjectNode) read("calendars-golden.json");
        ArrayNode present = (ArrayNode) testimony.at("/interview/present");
        present.addObject().put("role", "legal_representative").put("name", "Lawyer L-2");
        present.addObject().put("role", "other").put("name", "Driver");
        ((ObjectNode) testimony.get("acknowledgement")).put("witness_acknowledged", false).put("reason_if_not", "She had to leave.");
        ((ObjectNode) testimony.get("source")).put("reliability", "medium").put("note", "Seen from the roof.");
        testimony.put("documenter_notes", "Notes.");
        testimony.set("attachments", read("attachments-golden.json").get("attachments"));
        return testimony;
    }

    private static JsonNode read(String name) throws Exception {
        try (InputStream in = EveryTestimonyFieldHasItsWordsTest.class.getResourceAsStream("/org/gawah/testimony/" + name)) {
            return JSON.readTree(in);
        }
    }
}
