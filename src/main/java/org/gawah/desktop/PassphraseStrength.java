package org.gawah.desktop;

import org.gawah.app.OwnKeyGeneration;

/**
 * How hard a new passphrase is to guess, as the first run's meter shows it while it is typed.
 * Counted in code points over the alphabets the characters come from, Persian script among them:
 * a passphrase of Dari or Pashto words draws on some forty letters (Pashto's ټ ډ ړ ږ ښ ګ ڼ ې ۍ
 * too), as many as Latin's two cases together, and is no weaker for not being Latin. Repeated
 * characters and runs of one character count little. No dictionary: the estimate is an upper
 * bound for words, which is why the meter asks for several.
 *
 * <p>It also knows a Persian-script trap: the Arabic and the Persian keyboard write ی and ک as
 * different characters (ي U+064A, ك U+0643), so a passphrase typed on one layout does not unlock
 * on the other. A passphrase holding any of them is flagged, so the documenter knows to type it
 * on the same layout every time.
 */
record PassphraseStrength(Level level, int bits, boolean layoutSensitive) {
    /** The meter's steps; TOO_SHORT is refused, as {@code gawah keys generate} refuses it. */
    enum Level { EMPTY, TOO_SHORT, WEAK, FAIR, STRONG }

    /** Below this many bits a passphrase is weak, below {@link #STRONG_BITS} fair. */
    static final int FAIR_BITS = 45;
    static final int STRONG_BITS = 65;

    private static final int LATIN_LOWER = 26;
    private static final int LATIN_UPPER = 26;
    private static final int DIGITS = 10;
    /** Dari's 32 letters and Pashto's own, with the Arabic forms keyboards also type. */
    private static final int ARABIC_SCRIPT_LETTERS = 45;
    private static final int SPACE = 1;
    private static final int SYMBOLS = 33;
    private static final int OTHER = 100;

    /** Measures {@code passphrase} without keeping or copying it. */
    static PassphraseStrength of(char[] passphrase) {
        int length = Character.codePointCount(passphrase, 0, passphrase.length);
        if (length == 0) {
            return new PassphraseStrength(Level.EMPTY, 0, false);
        }
        boolean lower = false;
        boolean upper = false;
        boolean digit = false;
        boolean arabic = false;
        boolean space = false;
        boolean symbol = false;
        boolean other = false;
        boolean layoutSensitive = false;
        int effective = 0;
        int previous = -1;
        for (int i = 0; i < passphrase.length; ) {
            int c = Character.codePointAt(passphrase, i);
            i += Character.charCount(c);
            if (c == 0x064A || c == 0x0643 || c == 0x06CC || c == 0x06A9) {
                layoutSensitive = true;
            }
            if (c >= 'a' && c <= 'z') {
                lower = true;
            } else if (c >= 'A' && c <= 'Z') {
                upper = true;
            } else if (Character.isDigit(c)) {
                // Latin, Persian (۰-۹) or Arabic-Indic (٠-٩): ten choices each, whichever is typed.
                digit = true;
            } else if (isArabicScript(c)) {
                arabic = true;
            } else if (c == ' ' || c == 0x200C) {
                // A space between words, or the zero-width non-joiner inside a Dari word.
                space = true;
            } else if (c < 0x80) {
                symbol = true;
            } else {
                other = true;
            }
            // A character repeated, or one step on from the one before (abc, 123), adds little.
            effective += (previous >= 0 && Math.abs(c - previous) <= 1) ? 0 : 1;
            previous = c;
        }
        int pool = (lower ? LATIN_LOWER : 0) + (upper ? LATIN_UPPER : 0) + (digit ? DIGITS : 0)
                + (arabic ? ARABIC_SCRIPT_LETTERS : 0) + (space ? SPACE : 0) + (symbol ? SYMBOLS : 0) + (other ? OTHER : 0);
        int bits = (int) Math.floor(Math.max(1, effective) * Math.log(Math.max(2, pool)) / Math.log(2));
        Level level = length < OwnKeyGeneration.SHORTEST_PASSPHRASE ? Level.TOO_SHORT
                : bits < FAIR_BITS ? Level.WEAK : bits < STRONG_BITS ? Level.FAIR : Level.STRONG;
        return new PassphraseStrength(level, bits, layoutSensitive);
    }

    /** Whether a key can be made with it (the meter says why not). */
    boolean acceptable() {
        return level != Level.EMPTY && level != Level.TOO_SHORT;
    }

    private static boolean isArabicScript(int c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC && Character.isLetter(c);
    }
}
