package org.gawah;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.gawah.testsupport.VisualOrder;
import org.junit.jupiter.api.Test;

/**
 * A date, a time, a version or a fingerprint reads in the order it is written wherever it is
 * shown, in Dari and Pashto too (docs/i18n.md, "Numbers in right-to-left text"). Left to the
 * Unicode bidirectional algorithm, {@code 2025-08-15} after a Dari or Pashto word is laid out as
 * {@code 15-08-2025}: the digits after an Arabic letter become Arabic numbers (rule W2), which a
 * hyphen does not join; a fingerprint's groups would come out in the sentence's order. Numbers
 * apart (a date and a time, two coordinates) follow the sentence, as its words do.
 *
 * <p>Every message and help text of every bundle, in fa-AF and ps, with values of every such
 * kind put into its placeholders, goes through the display path (the window's:
 * {@link Message#render}; a terminal's: {@link Screen#line} after it) and then through the JDK's
 * implementation of the algorithm, the paragraph taken as a terminal or a label takes it (its
 * first strong character) and, where it holds right-to-left words, as right to left (a text area
 * on a Dari or Pashto page); each number's characters must come out side by side, left to right.
 */
class NumbersReadAsWrittenTest {
    static final String FINGERPRINT = "1234 5678 9012 ABCD EF01  2345 6789 0ABC DEF0 1234";
    static final String COORDINATES = "34.5281, 69.1723";

    /** Values as the program puts them into messages: dates and times as given, ids, sizes, a fingerprint; and a Dari value holding one. */
    static final List<String> SAMPLES = List.of("2025-08-15", "1404-05-24", "2025-08", "20:07", "2026-12-07T20:07Z",
            "2026-12-07 20:07", "1.2", "۱۴۰۴-۰۵-۲۴", "12.5 MiB", FINGERPRINT, COORDINATES, "سند 1404-05-24 لمریز",
            "GWH-7K3M-9QXA-2D4F-8ZZP", "ملګری");

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
        assertEquals("15-08-2025", VisualOrder.visual("یا 2025-08-15:", java.text.Bidi.DIRECTION_DEFAULT_LEFT_TO_RIGHT).substring(1, 11));
        reversed.clear();
        check("through the display path", Screen.numbersAsWritten("یا 2025-08-15:"), reversed);
        assertEquals(List.of(), reversed);
    }

    /** Adds to {@code reversed} each number of {@code shown} that the algorithm does not lay out as written, either paragraph direction. */
    static void check(String where, String shown, List<String> reversed) {
        for (String line : shown.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            // As a terminal or a label takes a line (the first strong character decides), and for a
            // line with right-to-left words also as a Dari or Pashto page's text area does (right to left).
            for (int direction : VisualOrder.rightToLeftWords(line)
                    ? new int[] {java.text.Bidi.DIRECTION_DEFAULT_LEFT_TO_RIGHT, java.text.Bidi.DIRECTION_RIGHT_TO_LEFT}
                    : new int[] {java.text.Bidi.DIRECTION_DEFAULT_LEFT_TO_RIGHT}) {
                String problem = VisualOrder.outOfOrder(line, direction);
                if (problem != null) {
                    String found = where + ": " + problem + " in " + visible(line);
                    reversed.add(found.length() > 400 ? found.substring(0, 400) + "…" : found);
                }
            }
        }
    }

    private static String visible(String line) {
        return line.replace("\u2066", "<LRI>").replace("\u2068", "<FSI>").replace("\u2069", "<PDI>").replace("\u200e", "<LRM>");
    }
}
