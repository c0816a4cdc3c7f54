package org.gawah.testimony;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Folds a word so that the spellings people type for one word compare equal: the Arabic-script
 * letters Dari, Pashto, Persian and Arabic keyboards write differently (ي and ی, ك and ک, ګ and
 * گ, ې and ۍ and ی, the forms of alef and heh), diacritics and tatweel dropped, and Latin in
 * lower case without accents. Only for matching month, calendar and language names; never for
 * text that is kept.
 */
final class Fold {
    private Fold() {
    }

    /** The folded form of {@code word}. */
    static String word(String word) {
        String decomposed = Normalizer.normalize(word, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        decomposed.codePoints().forEach(c -> {
            if (!ignored(c)) {
                out.appendCodePoint(letter(c));
            }
        });
        return out.toString().toLowerCase(Locale.ROOT);
    }

    /**
     * Characters that do not change a word: combining marks (harakat, Latin accents), tatweel,
     * the zero-width (non-)joiners and direction marks, and apostrophes (Sha'ban, Sha’ban).
     */
    static boolean ignored(int c) {
        return Character.getType(c) == Character.NON_SPACING_MARK || c == 0x0640
                || c == 0x200c || c == 0x200d || c == 0x200e || c == 0x200f || c == 0x061c
                || c == '\'' || c == 0x2019 || c == 0x2018 || c == 0x02bc || c == 0x02bf || c == 0x02be || c == '`';
    }

    private static int letter(int c) {
        switch (c) {
            case 0x064a: // ي Arabic yeh
            case 0x0649: // ى alef maksura
            case 0x06d0: // ې Pashto e
            case 0x06cd: // ۍ Pashto yeh with tail
            case 0x06d2: // ے yeh barree
                return 0x06cc; // ی
            case 0x0643: // ك Arabic kaf
            case 0x06aa: // ڪ swash kaf
                return 0x06a9; // ک
            case 0x06ab: // ګ Pashto gaf with ring
                return 0x06af; // گ
            case 0x0629: // ة teh marbuta
            case 0x06d5: // ە ae (what ۀ decomposes to)
            case 0x06be: // ھ heh doachashmee
            case 0x06c1: // ہ heh goal
                return 0x0647; // ه
            case 0x0671: // ٱ alef wasla
                return 0x0627; // ا
            default:
                return c;
        }
    }
}
