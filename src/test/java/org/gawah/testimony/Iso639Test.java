package org.gawah.testimony;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
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
}
