package org.gawah.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the Unicode bidirectional algorithm (the JDK's, isolates included, as terminals that
 * apply it and Swing lay out a line) puts each character of a line, and whether the numbers of
 * the line come out as written: a date, a time, a version, a fingerprint, each character beside
 * the next, left to right (docs/i18n.md, "Numbers in right-to-left text").
 */
public final class VisualOrder {
    /** What must read as written: digits joined by separators, an ISO time after its date included. */
    static final Pattern NUMBER = Pattern.compile(
            "(?<![0-9A-Za-z۰-۹٠-٩])[0-9۰-۹٠-٩]+(?:[-/:.][0-9۰-۹٠-٩]+)+(?:T[0-9]+(?::[0-9]+)*Z?)?");
    /** A fingerprint as Gawah groups it, and so as it must read. */
    static final Pattern FINGERPRINT = Pattern.compile("[0-9A-F]{4}(?: {1,2}[0-9A-F]{4}){9}");

    private VisualOrder() {
    }

    /**
     * The first number of {@code line} whose characters the algorithm does not put side by side
     * left to right, described with how the line is shown; null when every number reads as written.
     */
    public static String outOfOrder(String line, int direction) {
        int[] position = positions(line, direction);
        List<int[]> numbers = new ArrayList<>();
        for (Pattern pattern : List.of(NUMBER, FINGERPRINT)) {
            Matcher m = pattern.matcher(line);
            while (m.find()) {
                numbers.add(new int[] {m.start(), m.end()});
            }
        }
        for (int[] number : numbers) {
            for (int i = number[0] + 1; i < number[1]; i++) {
                if (position[i] != position[number[0]] + (i - number[0])) {
                    return "'" + line.substring(number[0], number[1]) + "' shown as '" + visual(line, direction).strip() + "'";
                }
            }
        }
        return null;
    }

    /** Where each character of {@code line} lands, counted from the left, as the algorithm lays it out. */
    public static int[] positions(String line, int direction) {
        java.text.Bidi bidi = new java.text.Bidi(line, direction);
        byte[] levels = new byte[line.length()];
        Integer[] order = new Integer[line.length()];
        for (int i = 0; i < line.length(); i++) {
            levels[i] = (byte) bidi.getLevelAt(i);
            order[i] = i;
        }
        java.text.Bidi.reorderVisually(levels, 0, order, 0, order.length);
        int[] position = new int[line.length()];
        for (int v = 0; v < order.length; v++) {
            position[order[v]] = v;
        }
        return position;
    }

    /** {@code line} in the order the algorithm lays it out, isolates and marks left out. */
    public static String visual(String line, int direction) {
        int[] position = positions(line, direction);
        char[] shown = new char[line.length()];
        for (int i = 0; i < line.length(); i++) {
            shown[position[i]] = line.charAt(i);
        }
        return new String(shown).replaceAll("[\u2066-\u2069\u200e\u200f]", "");
    }

    /** Whether {@code text} holds a right-to-left letter (Arabic script, Hebrew). */
    public static boolean rightToLeftWords(String text) {
        return text.codePoints().anyMatch(c -> Character.getDirectionality(c) == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC
                || Character.getDirectionality(c) == Character.DIRECTIONALITY_RIGHT_TO_LEFT);
    }
}
