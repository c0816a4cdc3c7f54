package org.gawah.names;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;

/**
 * The one normalisation that searching for a person's name uses (redaction at export, and any
 * later search that must find what redaction finds): two spellings a reader takes for the same
 * word fold to the same string. Rules {@value #RULES} (docs/format/testimony.md, "Name keys"):
 * <ol>
 * <li>each code point is decomposed for compatibility (NFKD): Arabic presentation forms, ligatures
 * such as ﷲ, full-width and circled letters become their plain letters;</li>
 * <li>combining marks (harakat, shadda, superscript alef, hamza above and below, Latin accents),
 * format characters (ZWNJ, ZWJ, LRM, RLM, ALM, bidi embeddings and isolates, soft hyphen), other
 * default-ignorable code points, tatweel and the standalone hamza are dropped;</li>
 * <li>letter variants fold to one letter: yeh ي ى ې ۍ ێ ے → ی, kaf ك ڪ → ک, gaf ګ → گ,
 * heh ة ە ھ ہ ۃ → ه, waw ۄ ۅ ۆ ۇ ۈ ۉ ۊ ۋ ۏ → و, alef ٱ ٲ ٳ ٵ → ا (أ إ آ and ؤ ئ ۀ lose their
 * hamza or madda in step 2);</li>
 * <li>digits of every script become ASCII digits, and letters are lower-cased.</li>
 * </ol>
 * Each folded character remembers where it came from, so a match found in the folded text masks
 * exactly the original characters, the dropped ones between them included.
 *
 * <p>It is also the one normalisation of every other comparison of typed words: month, calendar
 * and language names ({@link #foldListWord}) and the pseudonym check (the name matcher itself).
 */
public final class Folding {
    /** Named in every keyed list of name keys: a change to these rules is a new version. */
    public static final String RULES = "gawah.names/2";

    /** Apostrophes that are part of a listed word (Sha'ban, Sha’ban, Ramaḍān with an ayn). */
    private static final String APOSTROPHES = "'\u2018\u2019\u02BC\u02BE\u02BF`";

    /** Folding is per code point: a text uses few of them, so each is folded once. */
    private static final java.util.concurrent.ConcurrentHashMap<Integer, String[]> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

    private final String text;
    private final int[] from;
    private final int[] to;

    private Folding(String text, int[] from, int[] to) {
        this.text = text;
        this.from = from;
        this.to = to;
    }

    /**
     * {@code original} folded: the same text as {@link #of}'s, without the way back (a search
     * over thousands of testimonies folds each whole and needs no positions).
     */
    public static String fold(String original) {
        StringBuilder out = new StringBuilder(original.length());
        for (int i = 0; i < original.length(); ) {
            int cp = original.codePointAt(i);
            i += Character.charCount(cp);
            for (String folded : CACHE.computeIfAbsent(cp, Folding::foldCodePoint)) {
                out.append(folded);
            }
        }
        return out.toString();
    }

    /**
     * A typed word to look up in a list of words (month, calendar and language names), folded as
     * above with apostrophes dropped first: in such a word an apostrophe stands for an ayn or a
     * hamza (Sha'ban is shaban), where in running text (Zarmina's) it separates words.
     */
    public static String foldListWord(String typed) {
        StringBuilder kept = new StringBuilder(typed.length());
        typed.codePoints().filter(c -> APOSTROPHES.indexOf(c) < 0).forEach(kept::appendCodePoint);
        return fold(kept.toString());
    }

    /** {@code original} folded, with the way back to it. */
    public static Folding of(String original) {
        StringBuilder out = new StringBuilder(original.length());
        int[] from = new int[original.length() + 1];
        int[] to = new int[original.length() + 1];
        int i = 0;
        int pending = -1;
        while (i < original.length()) {
            int cp = original.codePointAt(i);
            int next = i + Character.charCount(cp);
            String[] parts = CACHE.computeIfAbsent(cp, Folding::foldCodePoint);
            for (String folded : parts) {
                if (folded.isEmpty()) {
                    // A mark or a joiner belongs to the letter before it; one before a word, to the word.
                    if (out.length() > 0 && Character.isLetterOrDigit(out.charAt(out.length() - 1))) {
                        to[out.length() - 1] = next;
                    } else if (pending < 0) {
                        pending = i;
                    }
                }
                for (int f = 0; f < folded.length(); f++) {
                    if (out.length() == from.length) {
                        from = Arrays.copyOf(from, from.length * 2);
                        to = Arrays.copyOf(to, to.length * 2);
                    }
                    from[out.length()] = pending >= 0 ? pending : i;
                    to[out.length()] = next;
                    pending = -1;
                    out.append(folded.charAt(f));
                }
            }
            i = next;
        }
        return new Folding(out.toString(), from, to);
    }

    /** The folded text. */
    public String text() {
        return text;
    }

    /** Where the folded characters {@code [start, end)} came from in the original: its start. */
    public int originalStart(int start) {
        return from[start];
    }

    /** ... and its end (exclusive). */
    public int originalEnd(int end) {
        return to[end - 1];
    }

    /** The folded pieces of one code point's decomposition, each its own (possibly empty) string. */
    private static String[] foldCodePoint(int cp) {
        String decomposed = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKD);
        java.util.List<String> parts = new java.util.ArrayList<>();
        for (int k = 0; k < decomposed.length(); ) {
            int c = decomposed.codePointAt(k);
            k += Character.charCount(c);
            parts.add(foldOne(c));
        }
        return parts.toArray(new String[0]);
    }

    private static String foldOne(int c) {
        if (dropped(c)) {
            return "";
        }
        if (Character.isDigit(c)) {
            int value = Character.digit(c, 10);
            if (value >= 0) {
                return String.valueOf((char) ('0' + value));
            }
        }
        switch (c) {
            case 'ي', 'ى', 'ې', 'ۍ', 'ێ', 'ے', 'ٸ': return "ی";
            case 'ك', 'ڪ', 'ػ', 'ؼ': return "ک";
            case 'ګ': return "گ";
            case 'ة', 'ە', 'ھ', 'ہ', 'ۃ', 'ۀ': return "ه";
            case 'ۄ', 'ۅ', 'ۆ', 'ۇ', 'ۈ', 'ۉ', 'ۊ', 'ۋ', 'ۏ', 'ٶ', 'ٷ': return "و";
            case 'ٱ', 'ٲ', 'ٳ', 'ٵ': return "ا";
            default: return new String(Character.toChars(c)).toLowerCase(Locale.ROOT);
        }
    }

    private static boolean dropped(int c) {
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT
                || c == 0x0640 // tatweel
                || c == 0x0621 || c == 0x0674 // hamza on its own line, high hamza (what ٵ ٶ ٷ ٸ decompose to)
                || c == 0x034F || c >= 0xFE00 && c <= 0xFE0F || c >= 0xE0100 && c <= 0xE01EF // grapheme joiner, variation selectors
                || c == 0x115F || c == 0x1160 || c == 0x3164 || c == 0xFFA0 // Hangul fillers, default-ignorable
                || c == 0x180B || c == 0x180C || c == 0x180D || c == 0x180E || c == 0x180F;
    }
}
