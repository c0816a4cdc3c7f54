package org.gawah.cases;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.gawah.Failure;
import org.gawah.GawahException;
import org.junit.jupiter.api.Test;

class LegalTagsTest {
    private static final String[] ROMAN = {"i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x",
        "xi", "xii", "xiii", "xiv", "xv", "xvi", "xvii", "xviii", "xix", "xx",
        "xxi", "xxii", "xxiii", "xxiv", "xxv", "xxvi", "xxvii", "xxviii", "xxix"};

    private static final LegalTags TAGS = LegalTags.shipped();

    @Test
    void everyArticleGroupHasExactlyItsSubParagraphsInOrder() {
        List<String> expected = new ArrayList<>();
        letters(expected, "rome:6", 'e');
        letters(expected, "rome:7(1)", 'k');
        numerals(expected, "rome:8(2)(a)", 8);
        // (xxvii)-(xxix): 2017 amendment, in force for the States that accepted it.
        numerals(expected, "rome:8(2)(b)", 29);
        numerals(expected, "rome:8(2)(c)", 4);
        // (xiii)-(xv) Kampala 2010, (xvi)-(xviii) 2017, (xix) 2019: all in force for accepting States.
        numerals(expected, "rome:8(2)(e)", 19);
        assertEquals(expected, TAGS.tags());
    }

    @Test
    void persecutionNamesGenderAmongItsGrounds() {
        String label = TAGS.label("rome:7(1)(h)");
        assertTrue(label.toLowerCase().contains("persecution"), label);
        assertTrue(label.contains("gender"), label);
    }

    @Test
    void knownTagsHaveTheirLabels() {
        assertTrue(TAGS.isKnown("rome:8(2)(b)(xxii)"));
        assertTrue(TAGS.label("rome:8(2)(b)(xxii)").contains("rape"));
        assertTrue(TAGS.label("rome:6(a)").contains("killing members of the group"));
        assertDoesNotThrow(() -> LegalTags.requireKnown("rome:8(2)(e)(vi)"));
    }

    @Test
    void refusesUnknownTagsNamingOnlyShortAsciiOnes() {
        for (String tag : List.of("rome:8(2)(b)(xxx)", "rome:7(1)(l)", "rome:7(h)", "ROME:6(a)", " rome:6(a)", "")) {
            assertFalse(TAGS.isKnown(tag), tag);
            assertNull(TAGS.label(tag), tag);
        }
        assertFalse(TAGS.isKnown(null));

        GawahException typo = assertThrows(GawahException.class, () -> LegalTags.requireKnown("rome:7(1)(l)"));
        assertEquals(Failure.USAGE, typo.failure());
        assertEquals("unknown legal-qualification tag 'rome:7(1)(l)'", typo.getMessage());
        assertEquals("see the shipped list: gawah case tags", typo.hint());

        for (String hostile : List.of("مریم نمونه", "rome:6(a)\u001b[2J", "x".repeat(500), "rome:6(a)\n")) {
            GawahException e = assertThrows(GawahException.class, () -> LegalTags.requireKnown(hostile));
            assertEquals(Failure.USAGE, e.failure());
            assertTrue(e.getMessage().contains("an unknown tag"), e.getMessage());
            assertFalse(e.getMessage().contains(hostile), e.getMessage());
        }
        assertThrows(GawahException.class, () -> LegalTags.requireKnown(null));
    }

    @Test
    void shippedFileIsStrictlyTagTabLabel() throws IOException {
        byte[] bytes;
        try (InputStream in = LegalTags.class.getResourceAsStream("rome-statute.tsv")) {
            bytes = in.readAllBytes();
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("#"), "starts with a header comment");
        assertTrue(text.endsWith("\n"));
        assertFalse(text.contains("\r"));
        Set<String> seen = new HashSet<>();
        boolean header = true;
        for (String line : text.substring(0, text.length() - 1).split("\n", -1)) {
            if (header && line.startsWith("#")) {
                continue;
            }
            header = false;
            String[] parts = line.split("\t", -1);
            assertEquals(2, parts.length, line);
            assertTrue(parts[0].matches("rome:[678](\\([0-9]+\\))?(\\([a-z]+\\))+"), line);
            assertFalse(parts[1].isBlank(), line);
            assertEquals(parts[1].strip(), parts[1], line);
            assertTrue(seen.add(parts[0]), "repeated: " + parts[0]);
        }
        assertEquals(seen.size(), TAGS.tags().size());
    }

    @Test
    void parserRefusesDamagedLists() {
        assertDoesNotThrow(() -> parse("# header\nrome:6(a)\tKilling\n"));
        for (String bad : List.of(
                "rome:6(a)\tKilling\nrome:6(a)\tAgain\n",   // repeated
                "rome:6(a) Killing\n",                       // no tab
                "rome:6(a)\tKilling\tmore\n",                // two tabs
                "rome:6(a)\t \n",                            // blank label
                "rome:6(a)\tKilling\n\n",                    // blank line
                "rome:6(a)\tKilling",                        // no final line break
                "rome:6(a)\tKilling\r\n",                    // CRLF
                "genocide\tKilling\n")) {                    // not a tag
            assertThrows(IllegalStateException.class, () -> parse(bad), bad);
        }
        assertThrows(IllegalStateException.class,
                () -> LegalTags.parse(new byte[] {'r', 'o', 'm', 'e', ':', '6', '(', 'a', ')', '\t', (byte) 0xC3, '\n'}));
    }

    private static LegalTags parse(String text) {
        return LegalTags.parse(text.getBytes(StandardCharsets.UTF_8));
    }

    private static void letters(List<String> into, String prefix, char last) {
        for (char c = 'a'; c <= last; c++) {
            into.add(prefix + "(" + c + ")");
        }
    }

    private static void numerals(List<String> into, String prefix, int count) {
        for (int i = 0; i < count; i++) {
            into.add(prefix + "(" + ROMAN[i] + ")");
        }
    }

    @Test
    void everyLabelIsInDariAndPashtoWithOneWordForEachKindOfCrime() {
        java.util.Map<String, String[]> kinds = new java.util.LinkedHashMap<>();
        kinds.put("rome:6(", new String[] {"Genocide: ", "نسل‌کشی: ", "نسل وژنه: "});
        kinds.put("rome:7(1)(", new String[] {"Crime against humanity: ", "جنایت علیه بشریت: ", "د بشریت پر ضد جنایت: "});
        kinds.put("rome:8(2)(", new String[] {"War crime (", "جنایت جنگی (", "جنګي جنایت ("});
        java.util.regex.Pattern arabic = java.util.regex.Pattern.compile("\\p{IsArabic}");
        for (String tag : TAGS.tags()) {
            String english = TAGS.label(tag, org.gawah.Language.ENGLISH);
            String dari = TAGS.label(tag, org.gawah.Language.DARI);
            String pashto = TAGS.label(tag, org.gawah.Language.PASHTO);
            assertTrue(arabic.matcher(dari).find() && arabic.matcher(pashto).find(), tag + " is translated");
            assertFalse(dari.equals(pashto), tag + ": Dari and Pashto are two languages");
            assertFalse(java.util.regex.Pattern.compile("[\\u06f0-\\u06f9\\u0660-\\u0669]").matcher(dari + pashto).find(),
                    tag + ": ASCII digits, as everywhere (docs/i18n.md)");
            String[] kind = kinds.entrySet().stream().filter(k -> tag.startsWith(k.getKey())).findFirst().orElseThrow().getValue();
            assertTrue(english.startsWith(kind[0]) && dari.startsWith(kind[1]) && pashto.startsWith(kind[2]), tag + ": " + dari + " / " + pashto);
        }
        assertEquals(TAGS.label("rome:7(1)(h)", org.gawah.Language.ENGLISH), TAGS.label("rome:7(1)(h)", java.util.Locale.GERMAN),
                "English where there is no translation");
    }

    @Test
    void aTranslationWithOtherTagsIsABuildError() {
        byte[] english = "rome:6(a)\tGenocide: killing\n".getBytes(StandardCharsets.UTF_8);
        byte[] other = "rome:6(b)\tنسل‌کشی\n".getBytes(StandardCharsets.UTF_8);
        assertThrows(IllegalStateException.class,
                () -> LegalTags.parse(english, java.util.Map.of(org.gawah.Language.DARI, other)));
    }
}
