package org.gawah.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The first run's meter (no display needed): a passphrase of Dari or Pashto words is as strong as
 * one of English words of the same length, the rule {@code gawah keys generate} refuses by is the
 * meter's too (counted in characters as typed), runs and repeats count little, and a passphrase
 * with ی or ک is flagged: an Arabic keyboard layout types those letters differently.
 */
class PassphraseStrengthTest {
    @Test
    void dariAndPashtoWordsAreAsStrongAsEnglishOnes() {
        PassphraseStrength dari = PassphraseStrength.of("باغ سیب کنار دریا ستاره".toCharArray());
        PassphraseStrength pashto = PassphraseStrength.of("ښځه ګلونه ډوډۍ ږمنځ ټوپک".toCharArray());
        PassphraseStrength english = PassphraseStrength.of("apple garden river star".toCharArray());
        assertEquals(PassphraseStrength.Level.STRONG, dari.level(), "bits " + dari.bits());
        assertEquals(PassphraseStrength.Level.STRONG, pashto.level(), "bits " + pashto.bits());
        assertTrue(dari.bits() >= english.bits() - 10, dari.bits() + " vs " + english.bits());
    }

    @Test
    void tooShortIsCountedInCharactersAsTyped() {
        // Seven Persian letters are fourteen bytes in UTF-8, and still seven characters: refused.
        assertEquals(PassphraseStrength.Level.TOO_SHORT, PassphraseStrength.of("خانهٔ ما".substring(0, 7).toCharArray()).level());
        assertFalse(PassphraseStrength.of("abc1234".toCharArray()).acceptable());
        assertEquals(PassphraseStrength.Level.EMPTY, PassphraseStrength.of(new char[0]).level());
        assertTrue(PassphraseStrength.of("تشناب۱۲".concat("ز").toCharArray()).acceptable());
    }

    @Test
    void runsAndRepeatsCountLittle() {
        assertEquals(PassphraseStrength.Level.WEAK, PassphraseStrength.of("aaaaaaaaaaaaaaaa".toCharArray()).level());
        assertEquals(PassphraseStrength.Level.WEAK, PassphraseStrength.of("abcdefghijklmnop".toCharArray()).level());
        assertEquals(PassphraseStrength.Level.WEAK, PassphraseStrength.of("۱۲۳۴۵۶۷۸۹".toCharArray()).level());
    }

    @Test
    void yehAndKafAreFlaggedForTheKeyboardLayout() {
        assertTrue(PassphraseStrength.of("کابل زیبا است".toCharArray()).layoutSensitive());
        assertTrue(PassphraseStrength.of("كابل".toCharArray()).layoutSensitive(), "Arabic kaf");
        assertFalse(PassphraseStrength.of("هرات باغ ماه".toCharArray()).layoutSensitive());
    }
}
