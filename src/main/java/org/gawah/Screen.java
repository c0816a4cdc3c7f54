package org.gawah;

/**
 * The one display path for text from outside: a certificate's user ID, a bag's fields, a file
 * name, a case title or note, testimony, a value quoted in an error. A terminal obeys what it is
 * sent (an escape sequence can set the window title, clear the screen, hide or write over what was
 * shown) and a bidirectional control reorders it; an invisible character makes two different
 * things look the same. Such characters are shown as the escapes JSON uses (<code>&#92;u001b</code>,
 * <code>&#92;u202e</code>; a supplementary character as its two surrogates), never sent as they are:
 * <ul>
 * <li>C0 controls, DEL and C1 controls;
 * <li>every format character (Unicode category Cf): the bidi marks, embeddings, overrides and
 *     isolates (U+200E, U+200F, U+061C, U+202A to U+202E, U+2066 to U+2069), zero-width space,
 *     word joiner, byte order mark, soft hyphen, invisible operators, tag characters; except the
 *     zero-width non-joiner and joiner (U+200C, U+200D) between two letters, marks or symbols
 *     beyond ASCII, where Dari and Pashto words (and emoji) need them;
 * <li>the line and paragraph separators (U+2028, U+2029);
 * <li>other characters that show as nothing: the combining grapheme joiner, Hangul fillers,
 *     Mongolian and Khmer invisible marks, and variation selectors but after a letter or symbol
 *     beyond ASCII;
 * <li>private-use and unassigned code points (whatever a font or a newer terminal makes of them),
 *     and unpaired surrogates.
 * </ul>
 * Everything else, Dari and Pashto included, passes as it is; a backslash stays a backslash.
 * A value holding right-to-left text is also put between FIRST STRONG ISOLATE and POP
 * DIRECTIONAL ISOLATE (U+2068, U+2069), so that on terminals that apply the Unicode
 * bidirectional algorithm it cannot reorder what follows it on the line (docs/i18n.md).
 *
 * <p>{@link Message} puts every value through {@link #value}; the terminal puts every line it
 * writes through {@link #line}, which also catches what was not built as a message value.
 */
public final class Screen {
    public static final char FIRST_STRONG_ISOLATE = '\u2068';
    public static final char POP_DIRECTIONAL_ISOLATE = '\u2069';
    private static final int ZWNJ = 0x200c;
    private static final int ZWJ = 0x200d;

    private Screen() {
    }

    /** A value from outside as it may be shown inside a line of words: escaped, and isolated if right-to-left. */
    public static String value(String text) {
        if (text == null) {
            return "";
        }
        String shown = escaped(text, false);
        return needsIsolating(shown) ? FIRST_STRONG_ISOLATE + shown + POP_DIRECTIONAL_ISOLATE : shown;
    }

    /**
     * A line about to be written (or several, split at line feeds): the last guard. Like
     * {@link #value}, but tabs and line feeds stay, and so do the isolates {@link #value} put
     * around a value (each FIRST STRONG ISOLATE closed by its POP DIRECTIONAL ISOLATE on the same
     * line); any other isolate is escaped. Idempotent: a line it made passes unchanged.
     */
    public static String line(String text) {
        return escaped(text, true);
    }

    /**
     * Whether {@code c} would be obeyed or would disguise rather than be seen, between
     * {@code before} and {@code after} (-1 at either end).
     */
    public static boolean disguises(int c, int before, int after) {
        if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
            return true;
        }
        if (c == ZWNJ || c == ZWJ) {
            return !(joins(before) && joins(after));
        }
        switch (Character.getType(c)) {
            case Character.FORMAT:
            case Character.LINE_SEPARATOR:
            case Character.PARAGRAPH_SEPARATOR:
            case Character.PRIVATE_USE:
            case Character.UNASSIGNED:
            case Character.SURROGATE:
                return true;
            default:
                break;
        }
        if ((c >= 0xfe00 && c <= 0xfe0f) || (c >= 0xe0100 && c <= 0xe01ef)) {
            return !joins(before); // a variation selector chooses how the character before it looks
        }
        return c == 0x034f || c == 0x115f || c == 0x1160 || c == 0x17b4 || c == 0x17b5
                || (c >= 0x180b && c <= 0x180f) || c == 0x3164 || c == 0xffa0;
    }

    /**
     * Where the first character of {@code text} that {@link #value} would escape is (tab and line
     * feed included), or -1: for input that is refused rather than shown, such as a new key's name.
     */
    public static int disguisingAt(String text) {
        int before = -1;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            int next = i + Character.charCount(c);
            if (disguises(c, before, next < text.length() ? text.codePointAt(next) : -1)) {
                return i;
            }
            before = c;
            i = next;
        }
        return -1;
    }

    /** {@code c} as JSON writes it inside a string: one <code>&#92;uXXXX</code>, or two for a supplementary character. */
    public static void escape(int c, StringBuilder out) {
        for (char unit : Character.toChars(c)) {
            out.append("\\u").append(Character.forDigit(unit >> 12, 16)).append(Character.forDigit((unit >> 8) & 0xf, 16))
                    .append(Character.forDigit((unit >> 4) & 0xf, 16)).append(Character.forDigit(unit & 0xf, 16));
        }
    }

    /** A letter, mark or symbol beyond ASCII: what a joiner or a variation selector may stand beside. */
    private static boolean joins(int c) {
        if (c < 0x80) {
            return false;
        }
        switch (Character.getType(c)) {
            case Character.NON_SPACING_MARK:
            case Character.COMBINING_SPACING_MARK:
            case Character.ENCLOSING_MARK:
            case Character.OTHER_SYMBOL:
            case Character.MODIFIER_SYMBOL:
                return true;
            default:
                return Character.isLetter(c);
        }
    }

    private static boolean needsIsolating(String shown) {
        return java.text.Bidi.requiresBidi(shown.toCharArray(), 0, shown.length());
    }

    private static String escaped(String text, boolean wholeLine) {
        int[] points = text.codePoints().toArray();
        boolean[] keptIsolate = wholeLine ? pairedIsolates(points) : new boolean[points.length];
        StringBuilder out = null;
        for (int i = 0; i < points.length; i++) {
            int c = points[i];
            boolean kept = keptIsolate[i] || (wholeLine && (c == '\n' || c == '\t'))
                    || !disguises(c, i > 0 ? points[i - 1] : -1, i + 1 < points.length ? points[i + 1] : -1);
            if (!kept && out == null) {
                out = new StringBuilder(text.length() + 16);
                out.append(text, 0, text.offsetByCodePoints(0, i));
            }
            if (out != null) {
                if (kept) {
                    out.appendCodePoint(c);
                } else {
                    escape(c, out);
                }
            }
        }
        return out == null ? text : out.toString();
    }

    /** Which FIRST STRONG ISOLATEs and POP DIRECTIONAL ISOLATEs close each other on one line. */
    private static boolean[] pairedIsolates(int[] points) {
        boolean[] paired = new boolean[points.length];
        int[] open = new int[points.length];
        int depth = 0;
        for (int i = 0; i < points.length; i++) {
            if (points[i] == '\n') {
                depth = 0;
            } else if (points[i] == FIRST_STRONG_ISOLATE) {
                open[depth++] = i;
            } else if (points[i] == POP_DIRECTIONAL_ISOLATE && depth > 0) {
                paired[open[--depth]] = true;
                paired[i] = true;
            }
        }
        return paired;
    }
}
