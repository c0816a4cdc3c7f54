package org.gawah;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * A date, a time, a version, a fingerprint or a size reads in the order it is written wherever it
 * is shown, in Dari and Pashto too (docs/i18n.md, "Numbers in right-to-left text"). Left to the
 * Unicode bidirectional algorithm, {@code 2025-08-15} after a Dari or Pashto word is laid out as
 * {@code 15-08-2025}: the digits after an Arabic letter become Arabic numbers (rule W2), which a
 * hyphen does not join; a fingerprint's groups would come out in the sentence's order. Numbers
 * apart (a date and a time, the two coordinates) follow the sentence, as its words do. Every message and help text of every bundle, in fa-AF and ps, with values
 * of every such kind put into its placeholders, goes through the display path (the window's:
 * {@link Message#render}; a terminal's: {@link Screen#line} after it) and then through the
 * JDK's implementation of the algorithm, the paragraph taken as a terminal or a label takes it
 * (its first strong character) and, where it holds right-to-left words, as right to left (a text
 * area on a Dari or Pashto page); each number's characters must come out side by side, left to
 * right.
 */
class NumbersReadAsWrittenTest {
    static final String FINGERPRINT = "1234 5678 9012 ABCD EF01  2345 6789 0ABC DEF0 1234";
    static final String COORDINATES = "34.5281, 69.1723";

    /** Values as the program puts them into messages: dates and times as given, ids, sizes, a fingerprint; and a Dari value holding one. */
    static final List<String> SAMPLES = List.of("2025-08-15", "1404-05-24", "2025-08", "20:07", "2026-12-07T20:07Z",
            "2026-12-07 20:07", "1.2", "۱۴۰۴-۰۵-۲۴", "12.5 MiB", FINGERPRINT, COORDINATES, "سند 1404-05-24 لمریز",
            "GWH-7K3M-9QXA-2D4F-8ZZP", "ملګری");

    /** What must read as written: digits joined by separators (an ISO time after its date included), and a fingerprint. */
    static final Pattern NUMBER = Pattern.compile(
            "(?<![0-9A-Za-z۰-۹٠-٩])[0-9۰-۹٠-٩]+(?:[-/:.][0-9۰-۹٠-٩]+)+(?:T[0-9]+(?::[0-9]+)*Z?)?");

    @Test
    void everyBundleStringReadsItsNumbersAsWrittenInDariAndPashto() throws IOException {
        List<String> reversed = new ArrayList<>();
        for (String suffix : List.of("_fa_AF", "_ps")) {
            Locale language = suffix.equals("_ps") ? Language.PASHTO : Language.DARI;
            for (Map.Entry<String, String> entry : GlossaryTest.messages(suffix).entrySet()) {
                String bundle = "org.gawah." + entry.getKey().substring(0, entry.getKey().indexOf(':')).replace('/', '.');
                String key = entry.getKey().substring(entry.getKey().indexOf(':') + 1);
                if (bundle.endsWith(".help")) {
                    // picocli's help: a String.format pattern, on a terminal only.
                    String help = entry.getValue().replace("%n", "\n").replace("%%", "%");
                    check(entry.getKey() + suffix, Screen.line(help), reversed);
                    continue;
                }
                for (String sample : SAMPLES) {
                    Object[] values = new Object[10];
                    java.util.Arrays.fill(values, sample);
                    String window = Message.of(bundle, key, values).render(language);
                    check(entry.getKey() + suffix + " [" + sample + "] in the window", window, reversed);
                    check(entry.getKey() + suffix + " [" + sample + "] on a terminal", Screen.line(window), reversed);
                }
            }
        }
        assertTrue(reversed.isEmpty(), reversed.size() + " numbers shown out of order, e.g.\n"
                + String.join("\n", reversed.subList(0, Math.min(40, reversed.size()))));
    }

    @Test
    void theRuleIsNeededTheAlgorithmAloneReversesADateAfterAPashtoWord() {
        List<String> reversed = new ArrayList<>();
        check("bare", "یا 2025-08-15:", reversed);
        assertEquals(2, reversed.size(), "the check can fail, whichever way the paragraph runs: " + reversed);
        assertEquals("15-08-2025", visual("یا 2025-08-15:", java.text.Bidi.DIRECTION_DEFAULT_LEFT_TO_RIGHT).substring(1, 11));
    }

    /** Adds to {@code reversed} each number of {@code shown} that the algorithm does not lay out as written, either paragraph direction. */
    static void check(String where, String shown, List<String> reversed) {
        for (String line : shown.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            // As a terminal or a label takes a line (the first strong character decides), and for a
            // line with right-to-left words also as a Dari or Pashto page's text area does (right to left).
            boolean rightToLeftWords = line.codePoints().anyMatch(c -> Character.getDirectionality(c) == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC
                    || Character.getDirectionality(c) == Character.DIRECTIONALITY_RIGHT_TO_LEFT);
            for (int direction : rightToLeftWords
                    ? new int[] {java.text.Bidi.DIRECTION_DEFAULT_LEFT_TO_RIGHT, java.text.Bidi.DIRECTION_RIGHT_TO_LEFT}
                    : new int[] {java.text.Bidi.DIRECTION_DEFAULT_LEFT_TO_RIGHT}) {
                String problem = outOfOrder(line, direction);
                if (problem != null) {
                    String found = where + ": " + problem + " in " + visible(line);
                    reversed.add(found.length() > 400 ? found.substring(0, 400) + "…" : found);
                }
            }
        }
    }

    /** The first number of {@code line} whose characters the algorithm does not put side by side left to right, or null. */
    static String outOfOrder(String line, int direction) {
        int[] position = positions(line, direction);
        List<int[]> numbers = new ArrayList<>();
        Matcher m = NUMBER.matcher(line);
        while (m.find()) {
            numbers.add(new int[] {m.start(), m.end()});
        }
        for (String whole : List.of(FINGERPRINT)) {
            for (int at = line.indexOf(whole); at >= 0; at = line.indexOf(whole, at + 1)) {
                numbers.add(new int[] {at, at + whole.length()});
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

    /** Where each character of {@code line} lands, counted from the left, as the bidirectional algorithm lays it out. */
    static int[] positions(String line, int direction) {
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
    static String visual(String line, int direction) {
        int[] position = positions(line, direction);
        char[] shown = new char[line.length()];
        for (int i = 0; i < line.length(); i++) {
            shown[position[i]] = line.charAt(i);
        }
        return new String(shown).replaceAll("[\u2066-\u2069\u200e\u200f]", "");
    }

    private static String visible(String line) {
        return line.replace("\u2066", "<LRI>").replace("\u2068", "<FSI>").replace("\u2069", "<PDI>").replace("\u200e", "<LRM>");
    }
}
