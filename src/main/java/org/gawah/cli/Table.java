package org.gawah.cli;

import org.gawah.Message;
import org.gawah.Screen;

/**
 * Rows of a table on stdout ({@code list}, {@code log}, {@code keys list}) whose columns stay
 * put in every language, on a terminal that applies the Unicode bidirectional algorithm too:
 * <ul>
 * <li>every cell that holds right-to-left text (a Dari heading, a translated action, a Pashto
 *     user ID) is put between FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE: such a terminal
 *     then takes the line as left to right (the isolated cells do not count when it decides) and
 *     lays each cell out on its own, so that the columns keep their order and places;
 * <li>cells are padded to their width in the columns a terminal gives them ({@link Columns}), not in
 *     characters: the isolates, the zero-width non-joiner and vowel marks take none;
 * <li>a cell wider than its column is cut, an ellipsis marking the cut; the last column is not.
 * </ul>
 * Text from outside passes {@link Screen#value} (escaped, isolated); words of the program
 * ({@link Message}) are isolated as they are.
 */
final class Table {
    private final int[] widths;

    /** One width a column (negative: aligned right, as numbers are); the last column takes what it needs. */
    Table(int... widths) {
        this.widths = widths.clone();
    }

    /** The same table with each column at least as wide as its heading (a Pashto heading may be longer than its values). */
    Table fitting(Object... headings) {
        int[] wider = widths.clone();
        for (int i = 0; i < wider.length - 1 && i < headings.length; i++) {
            int heading = Columns.width(cell(headings[i]));
            if (heading > Math.abs(wider[i])) {
                wider[i] = wider[i] < 0 ? -heading : heading;
            }
        }
        return new Table(wider);
    }

    /** The line for one row, its cells in the columns' order. */
    String row(Object... cells) {
        if (cells.length != widths.length) {
            throw new IllegalArgumentException(widths.length + " columns, " + cells.length + " cells");
        }
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            String cell = cell(cells[i]);
            int width = Math.abs(widths[i]);
            if (i > 0) {
                line.append("  ");
            }
            if (i == cells.length - 1) {
                line.append(widths[i] < 0 ? Columns.padLeft(cell, width) : cell);
            } else {
                String fitted = Columns.fit(cell, width);
                line.append(widths[i] < 0 ? Columns.padLeft(fitted, width) : Columns.pad(fitted, width));
            }
        }
        return line.toString();
    }

    /** A cell's text: words of the program isolated when right to left, anything else shown through the display path. */
    static String cell(Object value) {
        if (value instanceof Message) {
            return isolated(((Message) value).render());
        }
        if (value instanceof CharSequence) {
            return Screen.value(value.toString());
        }
        return String.valueOf(value);
    }

    private static String isolated(String words) {
        return java.text.Bidi.requiresBidi(words.toCharArray(), 0, words.length())
                ? Screen.FIRST_STRONG_ISOLATE + words + Screen.POP_DIRECTIONAL_ISOLATE : words;
    }
}
