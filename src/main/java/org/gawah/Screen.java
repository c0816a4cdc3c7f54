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
 * In right-to-left text, a number written with separators (a date, a time, a version, a
 * fingerprint, a size) is put between LEFT-TO-RIGHT ISOLATE and POP DIRECTIONAL ISOLATE
 * (U+2066, U+2069), so that it reads as written ({@link #numbersAsWritten}).
 *
 * <p>{@link Message} puts every value through {@link #value} and every sentence it makes through
 * {@link #numbersAsWritten}; the terminal puts every line it writes through {@link #line}, which
 * also catches what was not built as a message value.
 */
public final class Screen {
    public static final char FIRST_STRONG_ISOLATE = '\u2068';
    public static final char POP_DIRECTIONAL_ISOLATE = '\u2069';
    public static final char LEFT_TO_RIGHT_ISOLATE = '\u2066';
    private static final char RIGHT_TO_LEFT_ISOLATE = '\u2067';
    /** A fingerprint as {@link Fingerprints#grouped} writes it: groups of four, one or two spaces apart. */
    private static final java.util.regex.Pattern FINGERPRINT =
            java.util.regex.Pattern.compile("[0-9A-F]{4}(?: {1,2}[0-9A-F]{4})+(?![0-9A-Za-z])");
    private static final int ZWNJ = 0x200c;
    private static final int ZWJ = 0x200d;

    private Screen() {
    }

    /** A value from outside as it may be shown inside a line of words: escaped, and isolated if right-to-left. */
    public static String value(String text) {
        if (text == null) {
            return "";
        }
        return value(text, false);
    }

    /**
     * As {@link #value}, for a value put into a right-to-left sentence when {@code amongRightToLeft}:
     * then a left-to-right value that begins or ends with a neutral (the slash of {@code /home/…},
     * the dashes of {@code --from}) is isolated too, or the neutral would take the sentence's
     * direction and be drawn at the value's other end.
     */
    public static String value(String text, boolean amongRightToLeft) {
        if (text == null) {
            return "";
        }
        String shown = numbersAsWritten(escaped(text, false));
        boolean isolate = needsIsolating(shown) || amongRightToLeft && neutralAtAnEdge(shown);
        return isolate ? FIRST_STRONG_ISOLATE + shown + POP_DIRECTIONAL_ISOLATE : shown;
    }

    /**
     * Whether {@code shown} holds a strong letter and begins or ends with a neutral: not a letter,
     * and not a digit either ({@link #numbersAsWritten} already places numbers).
     */
    private static boolean neutralAtAnEdge(String shown) {
        if (shown.isEmpty() || shown.codePoints().noneMatch(Screen::strong)) {
            return false;
        }
        return neutral(shown.codePointAt(0)) || neutral(shown.codePointBefore(shown.length()));
    }

    private static boolean neutral(int c) {
        byte direction = Character.getDirectionality(c);
        return direction == Character.DIRECTIONALITY_OTHER_NEUTRALS
                || direction == Character.DIRECTIONALITY_WHITESPACE
                || direction == Character.DIRECTIONALITY_COMMON_NUMBER_SEPARATOR
                || direction == Character.DIRECTIONALITY_EUROPEAN_NUMBER_SEPARATOR
                || direction == Character.DIRECTIONALITY_EUROPEAN_NUMBER_TERMINATOR;
    }

    private static boolean strong(int c) {
        byte direction = Character.getDirectionality(c);
        return direction == Character.DIRECTIONALITY_LEFT_TO_RIGHT
                || direction == Character.DIRECTIONALITY_RIGHT_TO_LEFT
                || direction == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC;
    }

    /**
     * A line about to be written (or several, split at line feeds): the last guard. Like
     * {@link #value}, but tabs and line feeds stay, and so do the isolates this class puts in
     * (each FIRST STRONG ISOLATE closed by its POP DIRECTIONAL ISOLATE on the same line, and each
     * LEFT-TO-RIGHT ISOLATE around nothing but a number); any other isolate is escaped. Then
     * numbers are isolated as {@link #numbersAsWritten} says. Idempotent: a line it made passes
     * unchanged.
     */
    public static String line(String text) {
        return numbersAsWritten(escaped(text, true));
    }

    /**
     * As {@link #line}, but numbers are not isolated, and the isolates {@link Message} put around
     * numbers are left out: for a terminal that applies no bidirectional algorithm (Windows),
     * which would not understand them; its messages were reordered into visual order before
     * ({@code cli.Bidi}), where an isolate added now would mean nothing.
     */
    public static String lineWithoutIsolating(String text) {
        String guarded = escaped(text, true);
        int open = guarded.indexOf(LEFT_TO_RIGHT_ISOLATE);
        if (open < 0) {
            return guarded;
        }
        // Every LEFT-TO-RIGHT ISOLATE left after escaping is one around a number, closed by the next POP DIRECTIONAL ISOLATE.
        StringBuilder out = new StringBuilder(guarded.length());
        int from = 0;
        while (open >= 0) {
            int close = guarded.indexOf(POP_DIRECTIONAL_ISOLATE, open);
            out.append(guarded, from, open).append(guarded, open + 1, close);
            from = close + 1;
            open = guarded.indexOf(LEFT_TO_RIGHT_ISOLATE, from);
        }
        return out.append(guarded, from, guarded.length()).toString();
    }

    /**
     * {@code text} with each number that the Unicode bidirectional algorithm would not lay out as
     * written put between LEFT-TO-RIGHT ISOLATE and POP DIRECTIONAL ISOLATE (docs/i18n.md,
     * "Numbers in right-to-left text"). A number is a run that starts with a digit (0-9, Persian
     * or Arabic-Indic) not inside a Latin word (after a letter or digit, or after a separator after
     * one: {@code GWH-7K3M}, {@code v1.2}, which read left to right anyway), and goes on over digits,
     * Latin letters, and single separators between them ({@code - / : . , +}):
     * {@code 2025-08-15}, {@code 20:07}, {@code 2026-12-07T20:07Z}, {@code 10:00+04:30},
     * {@code 1.2}; or a fingerprint in groups of four ({@link Fingerprints#grouped}). It is
     * isolated when it holds a hyphen, a plus sign or spaces and the text around it (its line,
     * or the isolate it sits in) holds right-to-left letters: there, the algorithm turns digits
     * after an Arabic letter into Arabic numbers, which a hyphen does not join (rule W2), and
     * gives the spaces between a fingerprint's groups to the right-to-left sentence, so
     * {@code 2025-08-15} would show as {@code 15-08-2025}; one colon, full stop, comma or slash
     * does join them ({@code 20:07}, {@code 1.2} need nothing). Numbers apart (a date, then a time) follow the sentence's
     * direction, as words do. Text without right-to-left letters is returned as it is; so is a
     * number already isolated. These isolates are the display path's own, added after
     * escaping, like the FIRST STRONG ISOLATE around a value.
     */
    public static String numbersAsWritten(String text) {
        if (text == null || text.codePoints().noneMatch(Screen::rightToLeftLetter)) {
            return text;
        }
        StringBuilder out = null;
        int copied = 0;
        for (int i = 0; i < text.length(); ) {
            char c = text.charAt(i);
            if (!digit(c) || insideLatinWord(text, i)) {
                i++;
                continue;
            }
            int end = numberEnd(text, i);
            if (breaksApart(text, i, end) && !isolatedAlready(text, i, end) && rightToLeftAround(text, i)) {
                if (out == null) {
                    out = new StringBuilder(text.length() + 16);
                }
                out.append(text, copied, i).append(LEFT_TO_RIGHT_ISOLATE).append(text, i, end).append(POP_DIRECTIONAL_ISOLATE);
                copied = end;
            }
            i = end;
        }
        return out == null ? text : out.append(text, copied, text.length()).toString();
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

    /** A decimal digit Gawah writes or reads: 0-9, Persian (U+06F0-U+06F9), Arabic-Indic (U+0660-U+0669). */
    private static boolean digit(char c) {
        return (c >= '0' && c <= '9') || (c >= '\u06f0' && c <= '\u06f9') || (c >= '\u0660' && c <= '\u0669');
    }

    /** What a number is made of between its separators: digits and Latin letters. */
    private static boolean numberLetter(char c) {
        return digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** A character a number may hold: a digit, a Latin letter, a separator or a space (all of them left to right or neutral). */
    private static boolean numberPart(char c) {
        return numberLetter(c) || separator(c) || c == ' ';
    }

    private static boolean separator(char c) {
        return c == '-' || c == '/' || c == ':' || c == '.' || c == ',' || c == '+';
    }

    /**
     * Where the number that starts at {@code start} ends: after its last digit or letter. Only a
     * fingerprint goes on over spaces: in a sentence, numbers apart follow its direction.
     */
    private static int numberEnd(String text, int start) {
        java.util.regex.Matcher fingerprint = FINGERPRINT.matcher(text).region(start, text.length());
        if (fingerprint.lookingAt()) {
            return fingerprint.end();
        }
        int end = start;
        while (end < text.length()) {
            if (numberLetter(text.charAt(end))) {
                end++;
            } else if (separator(text.charAt(end)) && end + 1 < text.length() && numberLetter(text.charAt(end + 1))) {
                end += 2;
            } else {
                break;
            }
        }
        return end;
    }

    /** Whether {@code at} is inside a run of Latin letters and digits that began before it ({@code GWH-7K3M}, {@code x-2025}). */
    private static boolean insideLatinWord(String text, int at) {
        return at > 0 && (numberLetter(text.charAt(at - 1))
                || (separator(text.charAt(at - 1)) && at > 1 && numberLetter(text.charAt(at - 2))));
    }

    /**
     * Whether the algorithm would break the number apart: it holds a hyphen or a plus sign (which
     * join no Arabic numbers), or spaces (a fingerprint's). One colon, full stop, comma or slash
     * between digits joins them (rule W4): {@code 20:07}, {@code 1.2}, {@code 1404/05/24} read as
     * written as they are.
     */
    private static boolean breaksApart(String text, int start, int end) {
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c == '-' || c == '+' || c == ' ') {
                return true;
            }
        }
        return false;
    }

    /** Whether the number is already the whole of a LEFT-TO-RIGHT ISOLATE (this method ran before). */
    private static boolean isolatedAlready(String text, int start, int end) {
        return start > 0 && text.charAt(start - 1) == LEFT_TO_RIGHT_ISOLATE
                && end < text.length() && text.charAt(end) == POP_DIRECTIONAL_ISOLATE;
    }

    /**
     * Whether the text around {@code at} holds right-to-left letters: its line, or the innermost
     * isolate {@code at} sits in, leaving out what is isolated inside it.
     */
    private static boolean rightToLeftAround(String text, int at) {
        int start = 0;
        int depth = 0;
        for (int i = at - 1; i >= 0; i--) {
            char c = text.charAt(i);
            if (c == '\n') {
                start = i + 1;
                break;
            } else if (c == POP_DIRECTIONAL_ISOLATE) {
                depth++;
            } else if (isolateInitiator(c)) {
                if (depth == 0) {
                    start = i + 1;
                    break;
                }
                depth--;
            }
        }
        int end = text.length();
        depth = 0;
        for (int i = at; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                end = i;
                break;
            } else if (isolateInitiator(c)) {
                depth++;
            } else if (c == POP_DIRECTIONAL_ISOLATE) {
                if (depth == 0) {
                    end = i;
                    break;
                }
                depth--;
            }
        }
        return holdsRightToLeft(text, start, end);
    }

    private static boolean rightToLeftLetter(int c) {
        byte direction = Character.getDirectionality(c);
        return direction == Character.DIRECTIONALITY_RIGHT_TO_LEFT || direction == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC;
    }

    private static boolean isolateInitiator(char c) {
        return c == FIRST_STRONG_ISOLATE || c == LEFT_TO_RIGHT_ISOLATE || c == RIGHT_TO_LEFT_ISOLATE;
    }

    /** Whether {@code text} between {@code start} and {@code end}, outside the isolates inside it, holds a right-to-left letter. */
    private static boolean holdsRightToLeft(String text, int start, int end) {
        int depth = 0;
        for (int i = start; i < end; ) {
            int c = text.codePointAt(i);
            if (c < 0x10000 && isolateInitiator((char) c)) {
                depth++;
            } else if (c == POP_DIRECTIONAL_ISOLATE) {
                depth = Math.max(0, depth - 1);
            } else if (depth == 0 && rightToLeftLetter(c)) {
                return true;
            }
            i += Character.charCount(c);
        }
        return false;
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

    /**
     * Which isolates of a line are the display path's own: a LEFT-TO-RIGHT ISOLATE closed by the
     * next POP DIRECTIONAL ISOLATE with nothing but a number between them, and FIRST STRONG
     * ISOLATEs and POP DIRECTIONAL ISOLATEs that close each other on one line.
     */
    private static boolean[] pairedIsolates(int[] points) {
        boolean[] paired = new boolean[points.length];
        for (int i = 0; i < points.length; i++) {
            if (points[i] == LEFT_TO_RIGHT_ISOLATE) {
                int close = i + 1;
                while (close < points.length && points[close] < 0x10000 && numberPart((char) points[close])) {
                    close++;
                }
                if (close > i + 1 && close < points.length && points[close] == POP_DIRECTIONAL_ISOLATE) {
                    paired[i] = true;
                    paired[close] = true;
                }
            }
        }
        int[] open = new int[points.length];
        int depth = 0;
        for (int i = 0; i < points.length; i++) {
            if (points[i] == '\n') {
                depth = 0;
            } else if (points[i] == FIRST_STRONG_ISOLATE) {
                open[depth++] = i;
            } else if (points[i] == POP_DIRECTIONAL_ISOLATE && depth > 0 && !paired[i]) {
                paired[open[--depth]] = true;
                paired[i] = true;
            }
        }
        return paired;
    }
}
