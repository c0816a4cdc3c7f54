package org.gawah.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.gawah.Language;
import org.gawah.Message;
import org.gawah.Screen;
import org.gawah.testsupport.Gawah;
import org.gawah.testsupport.Homes;
import org.gawah.testsupport.Pty;
import org.gawah.testsupport.Tmux;
import org.gawah.testsupport.VisualOrder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tables of {@code list} and {@code log} and the reports of {@code verify} and
 * {@code doctor}, in Dari and Pashto, with Dari and Pashto names in them (a vowel mark, a
 * zero-width non-joiner), keep their columns on a screen. Two checks, because no one terminal
 * emulator shows both:
 * <ul>
 * <li>in a real terminal emulator, tmux ({@link Tmux}: no bidirectional algorithm; each character
 *     in the cell the program's order puts it in, as wide as wcwidth says), every column of every
 *     row starts in the same cell as its heading: widths are counted as a terminal counts them;
 * <li>on the same lines, the Unicode bidirectional algorithm with isolates (the JDK's, as a
 *     terminal that implements it applies it to each line: VTE, Konsole, mlterm) finds each
 *     line left to right and moves no character out of the isolated cell it belongs to: so such
 *     a terminal shows the cells in the same columns, each right-to-left cell reading in its
 *     own direction inside its column. Without the isolates the Dari heading line would be taken
 *     as right to left and mirrored, and its columns would no longer stand over the rows.
 * </ul>
 */
class TablesOnARightToLeftScreenTest {
    private static final String DOCUMENTER = "مُستند\u200cساز هرات";
    private static final String LEGAL = "تیم حقوقی کابل";

    @TempDir
    static Path base;
    static Path documenter;
    static Path legal;
    static Path bag;
    static Gawah gawah = new Gawah(Homes.PASSPHRASE);

    @BeforeAll
    static void aDocumenterAndALegalTeamWithDariNames() {
        documenter = base.resolve("documenter");
        legal = base.resolve("legal");
        gawah.in(documenter, "init").ok();
        gawah.in(documenter, "keys", "generate", "--name", DOCUMENTER).ok();
        gawah.in(legal, "init").ok();
        gawah.in(legal, "keys", "generate", "--name", LEGAL).ok();
        Path legalCert = base.resolve("legal.asc");
        Path documenterCert = base.resolve("documenter.asc");
        gawah.in(legal, "keys", "export", "--out", legalCert.toString()).ok();
        gawah.in(documenter, "keys", "export", "--out", documenterCert.toString()).ok();
        gawah.in(documenter, "keys", "import", "--role", "legal", legalCert.toString()).ok();
        gawah.in(documenter, "keys", "import", "--role", "protection", legalCert.toString()).ok();
        gawah.in(legal, "keys", "import", "--role", "documenter", documenterCert.toString()).ok();
        gawah.inWithInput(documenter, Homes.sampleInput(), "record", "--from", "-").ok();
        bag = base.resolve("bag.zip");
        gawah.in(documenter, "submit", "--out", bag.toString()).ok();
        gawah.in(legal, "import", bag.toString()).ok();
    }

    @Test
    void theCustodyLogKeepsItsColumnsInDariAndPashto() {
        for (Locale language : List.of(Language.DARI, Language.PASHTO)) {
            List<String> screen = table(language, "log", "--home", legal.toString());
            assertTrue(screen.get(1).contains(LEGAL), "the actor's name: " + screen);
            columnsLineUp(screen, headings(language, "log.heading.time", "log.heading.action", "log.heading.subject",
                    "log.heading.actor", "log.heading.name", "log.heading.subject-sha256"));
        }
    }

    @Test
    void theListKeepsItsColumnsInDariAndPashto() {
        for (Locale language : List.of(Language.DARI, Language.PASHTO)) {
            List<String> screen = table(language, "list", "--home", legal.toString());
            assertTrue(screen.get(1).contains(DOCUMENTER), "the signer's name: " + screen);
            columnsLineUp(screen, headings(language, "list.heading.sealed", "list.heading.signer", "list.heading.name",
                    "list.heading.identity", "list.heading.attachments", "list.heading.recipients"));
        }
    }

    @Test
    void theReportsOfVerifyAndDoctorKeepTheirColumnsInDariAndPashto() {
        for (Locale language : List.of(Language.DARI, Language.PASHTO)) {
            List<String> verify = table(language, "verify", bag.toString(), "--home", legal.toString());
            valuesLineUp(verify.subList(1, verify.size()));
            List<String> doctor = table(language, "doctor", "--home", legal.toString());
            valuesLineUp(doctor.subList(1, doctor.size() - 1));
        }
    }

    @Test
    void withoutTheIsolatesTheDariHeadingWouldBeRightToLeft() {
        String heading = gawah.run("--lang", "fa-AF", "log", "--home", legal.toString()).ok().out().lines().findFirst().orElseThrow();
        String bare = heading.replace(String.valueOf(Screen.FIRST_STRONG_ISOLATE), "")
                .replace(String.valueOf(Screen.POP_DIRECTIONAL_ISOLATE), "");
        assertFalse(new java.text.Bidi(bare, java.text.Bidi.DIRECTION_DEFAULT_LEFT_TO_RIGHT).baseIsLeftToRight(),
                "the check below can fail: " + bare);
        staysLeftToRight(heading);
    }

    /**
     * Runs the command in tmux and in process: the process's exact lines must pass the
     * bidirectional check; tmux's screen, which the alignment checks read, must show them.
     */
    private static List<String> table(Locale language, String... args) {
        List<String> full = new ArrayList<>(List.of("--lang", language.toLanguageTag()));
        full.addAll(List.of(args));
        String out = gawah.run(full.toArray(new String[0])).out();
        List<String> lines = out.lines().toList();
        for (String line : lines) {
            // A line of a table or report holds isolated cells; a sentence (the verdict above a report,
            // which may hold an isolated path) begins with its words and has no columns: it reads in its own direction.
            boolean sentence = VisualOrder.rightToLeftWords(line.substring(0, 1)) && !line.contains("  ");
            if (!sentence && (line.indexOf(Screen.FIRST_STRONG_ISOLATE) >= 0 || line.startsWith("  "))) {
                staysLeftToRight(line);
            }
        }
        try (Tmux tmux = Tmux.run(Pty.gawah(List.of(), full.toArray(new String[0])), Map.of(), 320, 60)) {
            List<String> screen = tmux.screen();
            assertEquals(lines.size(), screen.size(), "tmux shows every line, unwrapped:\n" + String.join("\n", screen));
            for (int i = 0; i < lines.size(); i++) {
                // Digits aside: the free disk space doctor reports moves between the two runs.
                assertEquals(strip(lines.get(i)).replaceAll("[0-9]", "0"), strip(screen.get(i)).replaceAll("[0-9]", "0"),
                        "tmux shows line " + i + " as it was written");
            }
            return screen;
        }
    }

    /**
     * As a terminal applying the bidirectional algorithm to the line: the paragraph is left to
     * right, and every character it would reorder (level above 0) lies inside an isolate, which
     * the algorithm lays out within the isolate's own span.
     */
    static void staysLeftToRight(String line) {
        java.text.Bidi bidi = new java.text.Bidi(line, java.text.Bidi.DIRECTION_DEFAULT_LEFT_TO_RIGHT);
        assertTrue(bidi.baseIsLeftToRight(), "taken as right to left: " + line);
        int depth = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == Screen.FIRST_STRONG_ISOLATE || c == Screen.LEFT_TO_RIGHT_ISOLATE) {
                depth++;
            } else if (c == Screen.POP_DIRECTIONAL_ISOLATE) {
                depth--;
            } else if (bidi.getLevelAt(i) > 0) {
                assertTrue(depth > 0, "'" + c + "' at " + i + " would move out of its cell: " + line);
            }
        }
    }

    /** Every row has a cell starting under each heading: the column before it ends in two spaces. */
    private static void columnsLineUp(List<String> screen, List<String> headings) {
        List<String> heading = cells(screen.get(0));
        List<Integer> starts = new ArrayList<>();
        for (String word : headings) {
            int at = indexOfCells(heading, cells(word));
            assertTrue(at >= 2, "heading '" + word + "' in " + screen.get(0));
            starts.add(at);
        }
        for (String row : screen.subList(1, screen.size())) {
            List<String> cells = cells(row);
            for (int start : starts) {
                assertTrue(cells.size() > start && !blank(cells.get(start)) && blank(cells.get(start - 1))
                        && blank(cells.get(start - 2)), "no column starts in cell " + start + " of\n" + row + "\nunder\n" + screen.get(0));
            }
        }
    }

    /** In a report, every value starts in the same cell, labelled or not. */
    private static void valuesLineUp(List<String> report) {
        int column = -1;
        for (String line : report) {
            if (!line.startsWith("  ")) {
                continue;
            }
            List<String> cells = cells(line);
            int value = 2;
            if (!blank(cells.get(2))) {
                // The label ends at two blank cells (a label may hold one space: دفتر زنجیرهٔ نگهداری).
                while (value + 1 < cells.size() && !(blank(cells.get(value)) && blank(cells.get(value + 1)))) {
                    value++;
                }
            }
            while (value < cells.size() && blank(cells.get(value))) {
                value++;
            }
            assertTrue(column < 0 || column == value, "the value starts in cell " + value + ", not " + column + ": " + line
                    + "\nin\n" + String.join("\n", report));
            column = value;
        }
        assertTrue(column > 2, "a report: " + report);
    }

    /** The line as a terminal's cells: a wide character takes two (the second empty), a mark or format character none. */
    static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < line.length(); ) {
            int c = line.codePointAt(i);
            String text = new String(Character.toChars(c));
            int width = Columns.width(c);
            if (width == 0 && !cells.isEmpty()) {
                cells.set(cells.size() - 1, cells.get(cells.size() - 1) + text);
            } else if (width > 0) {
                cells.add(text);
                if (width == 2) {
                    cells.add("");
                }
            }
            i += Character.charCount(c);
        }
        return cells;
    }

    private static int indexOfCells(List<String> line, List<String> word) {
        for (int i = 0; i + word.size() <= line.size(); i++) {
            boolean match = true;
            for (int k = 0; k < word.size() && match; k++) {
                match = strip(line.get(i + k)).equals(strip(word.get(k)));
            }
            if (match) {
                return i;
            }
        }
        return -1;
    }

    /** A cell that shows nothing: spaces, and the isolates (around values, around numbers) a terminal keeps with the cell before them. */
    private static boolean blank(String cell) {
        return strip(cell).isBlank();
    }

    private static String strip(String text) {
        return text.replace(String.valueOf(Screen.FIRST_STRONG_ISOLATE), "").replace(String.valueOf(Screen.LEFT_TO_RIGHT_ISOLATE), "")
                .replace(String.valueOf(Screen.POP_DIRECTIONAL_ISOLATE), "").stripTrailing();
    }

    private static List<String> headings(Locale language, String... keys) {
        List<String> words = new ArrayList<>();
        for (String key : keys) {
            words.add(Message.of("org.gawah.cli.messages", key).render(language));
        }
        return words;
    }
}
