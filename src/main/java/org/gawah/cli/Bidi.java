package org.gawah.cli;

import java.util.Locale;

/**
 * Right-to-left words on terminals. Terminals that implement the Unicode bidirectional
 * algorithm (GNOME's VTE, Konsole, mlterm, macOS Terminal) show Dari and Pashto correctly when
 * given characters in logical order, as everything is stored. Windows Terminal and the Windows
 * console do not: for them each line is reordered into visual order before it is printed.
 * {@code GAWAH_BIDI=logical} or {@code visual} overrides the guess. Only messages and prompts
 * are reordered, never data on stdout (testimony must come out byte for byte). A value from
 * outside is isolated ({@link org.gawah.Screen#value}), and so is a number in right-to-left
 * words ({@link org.gawah.Screen#numbersAsWritten}), in logical order, for terminals that apply
 * the bidirectional algorithm themselves; reordering here applies the isolates and drops them.
 */
final class Bidi {
    private Bidi() {
    }

    static boolean visualOrderWanted(String setting, String osName) {
        if (setting != null && !setting.isEmpty()) {
            return setting.strip().toLowerCase(Locale.ROOT).equals("visual");
        }
        return osName.startsWith("Windows");
    }

    /**
     * The line as this terminal should get it: as it is, or reordered left to right for display.
     * Reordered, the isolates around values ({@link org.gawah.Screen#value}) have done their work
     * and are left out: a terminal that needs visual order would not understand them.
     */
    static String forTerminal(String line, boolean visualOrder) {
        if (!visualOrder) {
            return line;
        }
        if (!java.text.Bidi.requiresBidi(line.toCharArray(), 0, line.length())) {
            return withoutIsolates(line);
        }
        java.text.Bidi bidi = new java.text.Bidi(line, java.text.Bidi.DIRECTION_DEFAULT_LEFT_TO_RIGHT);
        int runs = bidi.getRunCount();
        byte[] levels = new byte[runs];
        Object[] texts = new Object[runs];
        for (int i = 0; i < runs; i++) {
            levels[i] = (byte) bidi.getRunLevel(i);
            String run = line.substring(bidi.getRunStart(i), bidi.getRunLimit(i));
            // A right-to-left run is shown reversed; its mirrored brackets are swapped back.
            texts[i] = (levels[i] & 1) == 1 ? mirror(new StringBuilder(run).reverse().toString()) : run;
        }
        java.text.Bidi.reorderVisually(levels, 0, texts, 0, runs);
        StringBuilder out = new StringBuilder(line.length());
        for (Object text : texts) {
            out.append(text);
        }
        return withoutIsolates(out.toString());
    }

    /** The line without the display path's isolates (around values and numbers), which have done their work. */
    private static String withoutIsolates(String line) {
        if (line.indexOf(org.gawah.Screen.POP_DIRECTIONAL_ISOLATE) < 0) {
            return line;
        }
        StringBuilder out = new StringBuilder(line.length());
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c != org.gawah.Screen.FIRST_STRONG_ISOLATE && c != org.gawah.Screen.LEFT_TO_RIGHT_ISOLATE
                    && c != org.gawah.Screen.POP_DIRECTIONAL_ISOLATE) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String mirror(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '(': out.append(')'); break;
                case ')': out.append('('); break;
                case '[': out.append(']'); break;
                case ']': out.append('['); break;
                case '«': out.append('»'); break;
                case '»': out.append('«'); break;
                default: out.append(c);
            }
        }
        return out.toString();
    }
}
