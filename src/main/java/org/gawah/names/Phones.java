package org.gawah.names;

import java.util.ArrayList;
import java.util.List;

/**
 * Telephone numbers in folded text: groups of digits with at most three characters of
 * {@code + - . / ( )} or spaces between them ("+93 (0)700-123 456", "۰۷۰۰ ۱۲۳ ۴۵۶" once folded).
 */
final class Phones {
    private static final String BETWEEN = " -./()+\u00A0";

    private Phones() {
    }

    /** Indices {@code [first, last]} into {@code words} of each maximal run of grouped digits. */
    static List<int[]> runs(String folded, List<Words.Word> words) {
        List<int[]> runs = new ArrayList<>();
        int i = 0;
        while (i < words.size()) {
            if (!words.get(i).digits()) {
                i++;
                continue;
            }
            int first = i;
            while (i + 1 < words.size() && words.get(i + 1).digits() && joined(folded, words.get(i), words.get(i + 1))) {
                i++;
            }
            runs.add(new int[] {first, i});
            i++;
        }
        return runs;
    }

    /** The digits of each maximal run. */
    static List<String> numbers(String folded, List<Words.Word> words) {
        List<String> numbers = new ArrayList<>();
        for (int[] run : runs(folded, words)) {
            StringBuilder digits = new StringBuilder();
            for (int k = run[0]; k <= run[1]; k++) {
                digits.append(words.get(k).text());
            }
            numbers.add(digits.toString());
        }
        return numbers;
    }

    private static boolean joined(String folded, Words.Word a, Words.Word b) {
        if (b.start() - a.end() > 3) {
            return false;
        }
        for (int k = a.end(); k < b.start(); k++) {
            if (BETWEEN.indexOf(folded.charAt(k)) < 0) {
                return false;
            }
        }
        return true;
    }
}
