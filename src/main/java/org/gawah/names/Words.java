package org.gawah.names;

import java.util.ArrayList;
import java.util.List;

/**
 * Folded text cut into words: runs of letters of one script, and runs of digits. Everything
 * else (spaces, punctuation, underscores, symbols) separates words; zero-width and bidi marks
 * were dropped by {@link Folding}, so they never cut a word in two.
 */
public final class Words {
    /** One word of the folded text, {@code [start, end)}. */
    public record Word(String text, int start, int end, boolean digits) {
    }

    private Words() {
    }

    public static List<Word> of(String folded) {
        List<Word> words = new ArrayList<>();
        int i = 0;
        while (i < folded.length()) {
            int cp = folded.codePointAt(i);
            if (!Character.isLetterOrDigit(cp)) {
                i += Character.charCount(cp);
                continue;
            }
            boolean digits = isAsciiDigit(cp);
            Character.UnicodeScript script = Character.UnicodeScript.of(cp);
            int start = i;
            i += Character.charCount(cp);
            while (i < folded.length()) {
                int next = folded.codePointAt(i);
                if (!Character.isLetterOrDigit(next) || isAsciiDigit(next) != digits
                        || !digits && !sameScript(script, Character.UnicodeScript.of(next))) {
                    break;
                }
                i += Character.charCount(next);
            }
            words.add(new Word(folded.substring(start, i), start, i, digits));
        }
        return words;
    }

    private static boolean isAsciiDigit(int cp) {
        return cp >= '0' && cp <= '9';
    }

    private static boolean sameScript(Character.UnicodeScript a, Character.UnicodeScript b) {
        return a == b || a == Character.UnicodeScript.COMMON || b == Character.UnicodeScript.COMMON
                || a == Character.UnicodeScript.INHERITED || b == Character.UnicodeScript.INHERITED;
    }
}
