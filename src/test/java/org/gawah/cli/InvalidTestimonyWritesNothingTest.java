package org.gawah.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.gawah.Failure;
import org.gawah.testsupport.Gawah.Result;
import org.gawah.testsupport.Homes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A testimony that does not validate: one line naming the field, exit 65, nothing stored, no free
 * text echoed. (Consent, unknown fields and invalid UTF-8 are in org.gawah.crash.BadInputWritesNothingTest.)
 */
class InvalidTestimonyWritesNothingTest {
    @TempDir
    static Path base;
    static Homes homes;

    @BeforeAll
    static void setUp() {
        homes = Homes.copied(base);
        homes.record();
    }

    private static String listing() {
        return homes.gawah.in(homes.documenter, "list").ok().out();
    }

    private static void assertRefusedNamingField(byte[] input, String field) {
        String listingBefore = listing();
        Result result = homes.gawah.inWithInput(homes.documenter, input, "record", "--from", "-");
        assertEquals(Failure.INVALID_TESTIMONY.exitCode(), result.code(), result.stderr());
        assertEquals(0, result.stdout().length);
        assertTrue(result.stderr().startsWith("gawah: error: "), result.stderr());
        assertTrue(result.stderr().contains(field), result.stderr());
        assertFalse(result.stderr().contains("شاهد"), "no account text in the message");
        assertEquals(listingBefore, homes.gawah.in(homes.documenter, "list").ok().out(), "the vault is unchanged");
    }

    private static byte[] sampleWith(String pointer, Object value) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode input = (ObjectNode) mapper.readTree(Homes.sampleInput());
        int slash = pointer.lastIndexOf('/');
        ObjectNode parent = (ObjectNode) input.at(pointer.substring(0, slash));
        parent.set(pointer.substring(slash + 1), mapper.valueToTree(value));
        return mapper.writeValueAsBytes(input);
    }

    @Test
    void unknownLanguageCode() throws Exception {
        assertRefusedNamingField(sampleWith("/account/language", "xx-dari"), "account.language");
    }

    @Test
    void impossibleDate() throws Exception {
        assertRefusedNamingField(sampleWith("/interview/started_at", "2026-02-30T10:00+04:30"), "interview.started_at");
    }

    @Test
    void solarHijriDateTypedAsGregorianIsRefusedWithTheHintTheInterviewGives() throws Exception {
        byte[] input = sampleWith("/events/1/date", java.util.Map.of("precision", "exact", "value", "1404-06-19"));
        assertRefusedNamingField(input, "events[1].date.value");
        String stderr = homes.gawah.inWithInput(homes.documenter, input, "record", "--from", "-").stderr();
        assertTrue(stderr.contains("gawah: hint: did you mean Solar Hijri 1404 = 2025"), stderr);
        assertTrue(stderr.contains("1404-06-19 SH"), stderr);
    }

    @Test
    void solarHijriDatesInPersianDigitsAreSealedWithTheirGregorianValue() throws Exception {
        byte[] input = sampleWith("/events/1/date", java.util.Map.of("precision", "exact", "value", "۲۴ اسد ۱۴۰۴"));
        String id = homes.gawah.inWithInput(homes.documenter, input, "record", "--from", "-", "--self-readable")
                .ok().out().strip();
        var testimony = new ObjectMapper().readTree(homes.gawah.in(homes.documenter, "open", id).ok().stdout());
        assertEquals("2025-08-15", testimony.at("/events/1/date/value").asText());
        assertEquals("۲۴ اسد ۱۴۰۴", testimony.at("/events/1/date/given/text").asText());
    }

    @Test
    void sqlMetacharactersAreJustText() throws Exception {
        byte[] input = sampleWith("/interview/place", "Herat'); DROP TABLE records; --");
        String id = homes.gawah.inWithInput(homes.documenter, input, "record", "--from", "-", "--self-readable")
                .ok().out().strip();
        assertTrue(homes.gawah.in(homes.documenter, "open", id).ok().out().contains("DROP TABLE records"));
        assertTrue(homes.gawah.in(homes.documenter, "list").ok().out().contains(id));
    }
}
