package org.gawah.testimony;

import static org.gawah.testimony.Fixtures.assertRefused;
import static org.gawah.testimony.Fixtures.at;
import static org.gawah.testimony.Fixtures.fullInput;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.gawah.GawahException;
import org.gawah.Language;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class Iso639Test {

    @ParameterizedTest
    @ValueSource(strings = {"prs", "ps", "pus", "fa", "fas", "per", "fa-AF", "en", "eng", "haz", "uz-AF", "es-419",
        "qaa", "qtz"})
    void acceptsKnownCodesWithOptionalRegion(String code) {
        assertTrue(Iso639.isValid(code), code);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "xx", "dari", "PRS", "Fa", "fa-af", "fa-AFG", "fa-41", "fa_AF", "fa-", "-AF",
        "qzz", "fa-AF-x", " prs", "prs\n"})
    void refusesUnknownOrMisspeltCodes(String code) {
        assertFalse(Iso639.isValid(code), code);
    }

    /** Languages by name, as a documenter says them, in any spelling of one letter or case. */
    @ParameterizedTest
    @CsvSource({"Dari, prs", "dari, prs", "دری, prs", "دري, prs", "Pashto, ps", "پښتو, ps", "پشتو, ps", "pashtu, ps",
        "English, en", "انګلیسي, en", "Farsi, fa", "Uzbek, uz", "هزارگی, haz", "prs, prs", "fa-AF, fa-AF"})
    void readsALanguageByNameOrCode(String typed, String code) {
        assertEquals(code, Iso639.code(typed), typed);
    }

    @Test
    void namesAreShownInTheLanguageOfTheRun() {
        assertEquals("Dari", Iso639.name("prs", Language.ENGLISH));
        assertEquals("دری", Iso639.name("prs", Language.DARI));
        assertEquals("پښتو", Iso639.name("ps", Language.PASHTO));
        assertEquals("دري", Iso639.name("prs-AF", Language.PASHTO));
        assertNull(Iso639.name("qaa", Language.ENGLISH));
        assertNull(Iso639.code("Klingon"));
    }

    @Test
    void aFileThatNamesALanguageIsToldItsCode() {
        ObjectNode input = fullInput();
        at(input, "account").put("language", "Dari");
        GawahException e = assertRefused(input, "account.language");
        assertTrue(e.getMessage().contains("Dari is a language's name: write its code, prs"), e.getMessage());
        input = fullInput();
        at(input, "interview.languages").putArray("interview").add("prs").add("پښتو");
        e = assertRefused(input, "interview.languages.interview[1]");
        // The name from the list, isolated as any right-to-left value is on a screen.
        assertTrue(e.getMessage().contains("\u2068پښتو\u2069 is a language's name: write its code, ps"), e.getMessage());
        input = fullInput();
        at(input, "account").put("language", "Klingon");
        assertTrue(assertRefused(input, "account.language").getMessage().contains("ISO 639"));
    }
}
