package org.gawah.names;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * {@link Folding#fold} (without positions, which the legal team's search runs over thousands of
 * testimonies) gives exactly the text {@link Folding#of} gives: over every code point of the
 * Arabic, Latin and general-punctuation blocks a witness's text may hold, and over mixed samples.
 */
class FoldIsTheTextOfTest {
    @Test
    void foldGivesTheTextOfOfForEveryCodePointAndSample() {
        StringBuilder every = new StringBuilder();
        for (int[] range : new int[][] {{0x20, 0x24F}, {0x600, 0x6FF}, {0x750, 0x77F}, {0x8A0, 0x8FF}, {0x1E00, 0x1EFF},
                {0x2000, 0x206F}, {0xFB50, 0xFDFF}, {0xFE70, 0xFEFF}, {0xFF00, 0xFFEF}}) {
            for (int c = range[0]; c <= range[1]; c++) {
                every.appendCodePoint(c);
                assertEquals(Folding.of(new String(Character.toChars(c))).text(), Folding.fold(new String(Character.toChars(c))),
                        "U+" + Integer.toHexString(c));
            }
        }
        for (String sample : List.of(every.toString(), "خانه\u200cی ما در مكتب ۱۴۰۴", "Zarmina's ID-1404 \u0627\u064E\u0644\u0652",
                "\u200c\u200dشاهد\u0640\u0640 گفت", "", "😀 emoji \uD83D\uDE00 and ﻻ ligature")) {
            assertEquals(Folding.of(sample).text(), Folding.fold(sample));
        }
    }
}
