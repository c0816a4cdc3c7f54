package org.gawah.cli;

/**
 * How many columns of a terminal text takes, as terminals count them (wcwidth): none for a
 * combining mark (Dari and Pashto vowel signs), a format character (the isolates around a value,
 * the zero-width non-joiner inside a Dari word), two for an East Asian wide character or an emoji,
 * one for everything else. String.format counts characters instead, so a column after an isolated
 * Dari name would start two places early.
 */
final class Columns {
    private static final char ELLIPSIS = '\u2026';

    private Columns() {
    }

    static int width(String text) {
        int columns = 0;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            columns += width(c);
            i += Character.charCount(c);
        }
        return columns;
    }

    static int width(int c) {
        switch (Character.getType(c)) {
            case Character.NON_SPACING_MARK:
            case Character.ENCLOSING_MARK:
            case Character.FORMAT:
                return 0;
            default:
                break;
        }
        if (c == 0x200b || (c >= 0x1160 && c <= 0x11ff)) {
            return 0;
        }
        return wide(c) ? 2 : 1;
    }

    private static boolean wide(int c) {
        return (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0x303e) || (c >= 0x3041 && c <= 0x33ff)
                || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xa000 && c <= 0xa4cf)
                || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f)
                || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) || (c >= 0x1f300 && c <= 0x1f64f)
                || (c >= 0x1f900 && c <= 0x1f9ff) || (c >= 0x20000 && c <= 0x3fffd);
    }

    /** {@code text} followed by spaces to fill {@code columns} (nothing added when it is as wide or wider). */
    static String pad(String text, int columns) {
        int missing = columns - width(text);
        return missing <= 0 ? text : text + " ".repeat(missing);
    }

    /** Spaces, then {@code text}, to fill {@code columns}: numbers line up on the right. */
    static String padLeft(String text, int columns) {
        int missing = columns - width(text);
        return missing <= 0 ? text : " ".repeat(missing) + text;
    }

    /**
     * {@code text} cut to at most {@code columns}, an ellipsis marking the cut. Cuts between
     * characters (never inside a surrogate pair, never leaving a mark without its letter) and
     * keeps a closing isolate that the cut would drop, so what follows on the line stays outside
     * (a number's isolate is closed where the cut falls, before the ellipsis).
     */
    static String fit(String text, int columns) {
        if (width(text) <= columns) {
            return text;
        }
        boolean isolated = !text.isEmpty() && text.charAt(0) == org.gawah.Screen.FIRST_STRONG_ISOLATE;
        StringBuilder out = new StringBuilder();
        int used = 0;
        boolean inNumber = false; // inside a number's LEFT-TO-RIGHT ISOLATE (Screen.numbersAsWritten)
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            int w = width(c);
            if (c == org.gawah.Screen.POP_DIRECTIONAL_ISOLATE && !inNumber) {
                break;
            }
            if (used + w > columns - 1) {
                break;
            }
            out.appendCodePoint(c);
            inNumber = c == org.gawah.Screen.LEFT_TO_RIGHT_ISOLATE || (inNumber && c != org.gawah.Screen.POP_DIRECTIONAL_ISOLATE);
            used += w;
            i += Character.charCount(c);
        }
        // A mark or joiner left at the end would belong to nothing: drop it with its letter's cut.
        while (out.length() > 0 && width(out.codePointBefore(out.length())) == 0
                && out.codePointBefore(out.length()) != org.gawah.Screen.FIRST_STRONG_ISOLATE
                && out.codePointBefore(out.length()) != org.gawah.Screen.POP_DIRECTIONAL_ISOLATE) {
            inNumber &= out.codePointBefore(out.length()) != org.gawah.Screen.LEFT_TO_RIGHT_ISOLATE;
            out.setLength(out.length() - Character.charCount(out.codePointBefore(out.length())));
        }
        if (inNumber) {
            out.append(org.gawah.Screen.POP_DIRECTIONAL_ISOLATE); // a number cut short is still closed before the ellipsis
        }
        out.append(ELLIPSIS);
        if (isolated) {
            out.append(org.gawah.Screen.POP_DIRECTIONAL_ISOLATE);
        }
        return out.toString();
    }
}
