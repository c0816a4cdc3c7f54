package org.gawah;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.gawah.testsupport.VisualOrder;
import org.junit.jupiter.api.Test;

/**
 * What the one display path does to text from outside: whatever a terminal would obey, whatever
 * reorders a line, whatever shows as nothing becomes a visible escape; Dari and Pashto words,
 * their zero-width non-joiners included, pass as they are; a right-to-left value is isolated.
 */
class ScreenTest {
    private static final String FSI = "\u2068";
    private static final String PDI = "\u2069";
    private static final String DARI = "می\u200cخواهم شهادت بدهم";

    @Test
    void escapeSequencesThatHideRetitleOrClearBecomeVisible() {
        assertEquals("Legal team \\u001bE\\u001b[8m hidden \\u001b]0;owned\\u0007\\u001b[2J\\u009b31m",
                Screen.value("Legal team \u001bE\u001b[8m hidden \u001b]0;owned\u0007\u001b[2J\u009b31m"));
        assertEquals("a\\u000ab\\u000dc\\u0009d\\u007fe\\u0000", Screen.value("a\nb\rc\td\u007fe\u0000"),
                "inside a value even a line break or a tab is an escape: it could push text out of sight");
    }

    @Test
    void everyBidiControlBecomesAnEscape() {
        for (int c : new int[] {0x200e, 0x200f, 0x061c, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069}) {
            String shown = Screen.value("exe." + Character.toString(c) + "txt");
            assertEquals(String.format("exe.\\u%04xtxt", c), shown.replace(FSI, "").replace(PDI, ""));
            assertTrue(shown.chars().noneMatch(ch -> ch == c) || (c == 0x2068 && shown.startsWith(FSI)), shown);
        }
    }

    @Test
    void charactersThatShowAsNothingBecomeEscapes() {
        assertEquals("AB\\u200bCD\\u2060EF\\ufeffGH\\u00adIJ\\u2028KL\\u2029MN\\u034fOP\\u3164QR\\ufe0f",
                Screen.value("AB\u200bCD\u2060EF\ufeffGH\u00adIJ\u2028KL\u2029MN\u034fOP\u3164QR\ufe0f"));
        assertEquals("Le\\u200cgal t\\u200deam", Screen.value("Le\u200cgal t\u200deam"), "joiners between Latin letters only hide");
        assertEquals("\\u200c" + "ABCD", Screen.value("\u200cABCD"));
    }

    @Test
    void privateUseUnassignedTagsAndLoneSurrogatesBecomeEscapes() {
        assertEquals("x\\ue000y\\u0378z\\udb40\\udc41\\udb40\\udc7f\\ud800w",
                Screen.value("x\ue000y\u0378z\udb40\udc41\udb40\udc7f\ud800w"));
    }

    @Test
    void dariPashtoAndEmojiPassAsTheyAreAndRightToLeftIsIsolated() {
        assertEquals(FSI + DARI + PDI, Screen.value(DARI), "the ZWNJ inside the Dari word stays");
        String pashto = "زه غواړم ریښتیا ووایم";
        assertEquals(FSI + pashto + PDI, Screen.value(pashto));
        String latin = "Café Documenter D-14 <d14@example.org> 👩\u200d👧 ✌\ufe0f";
        assertSame(latin, Screen.value(latin), "nothing to change: the same string");
        assertEquals("", Screen.value(null));
    }

    @Test
    void aLineKeepsTabsLineBreaksAndTheIsolatesItsValuesGot() {
        String line = "pinned\t" + Screen.value(DARI) + " and " + Screen.value("Legal\u202e") + "\n" + Screen.value("علی");
        assertEquals(line, Screen.line(line));
        assertEquals("a\\u202eb", Screen.line("a\\u202eb"), "a backslash stays a backslash");
        assertEquals("a \\u2069b \\u2068c", Screen.line("a " + PDI + "b " + FSI + "c"), "isolates that close nothing are escaped");
        assertEquals("\\u2068a\nb\\u2069", Screen.line(FSI + "a\n" + "b" + PDI), "an isolate does not reach over a line break");
        assertEquals("\\u2067x" + FSI + "y" + PDI, Screen.line("\u2067x" + FSI + "y" + PDI), "only first-strong isolates are kept");
        assertEquals("a\\u001b[2Jb\\u000dc", Screen.line("a\u001b[2Jb\rc"));
    }

    @Test
    void theLineGuardChangesNothingTheValuePathMade() {
        for (String hostile : corpus()) {
            String value = Screen.value(hostile);
            assertEquals(value, Screen.line(value), hostile);
            assertEquals(-1, Screen.disguisingAt(value.replace(FSI, "").replace(PDI, "")), value);
        }
    }

    @Test
    void disguisingAtFindsTheFirstCharacterToRefuse() {
        assertEquals(-1, Screen.disguisingAt(DARI));
        assertEquals(-1, Screen.disguisingAt("Documenter D-14"));
        assertEquals(5, Screen.disguisingAt("Legal\u202eteam"));
        assertEquals(2, Screen.disguisingAt("ab\tc"));
        assertEquals(0, Screen.disguisingAt("\u001b[8m"));
    }

    @Test
    void everyMessageValueGoesThroughTheDisplayPathInEveryLanguage() {
        Message pinned = Message.of("org.gawah.cli.messages", "keys.import.pinned", "legal", "Legal team\u001b[8m\u202e");
        Message error = Message.of("org.gawah.cli.messages", "terminal.error", pinned);
        for (java.util.Locale language : Language.SUPPORTED) {
            String shown = error.render(language);
            assertTrue(shown.contains("Legal team\\u001b[8m\\u202e"), shown);
            assertTrue(shown.chars().noneMatch(c -> c == 0x1b || c == 0x202e), shown);
            assertEquals(shown, Screen.line(shown), "the words of the bundles themselves need no escape: " + shown);
        }
        assertTrue(error.render(Language.DARI).contains("به\u200cعنوان"), "a message inside a message keeps its ZWNJ");
        GawahException refused = new GawahException(Failure.BAD_DATA,
                Message.of("org.gawah.bag.messages", "bag.refused", Message.of("org.gawah.bag.messages", "bag.not-one-folder-top",
                        "\"evil\u001b]0;owned\u0007\"")));
        assertTrue(refused.getMessage().contains("evil\\u001b]0;owned\\u0007"), refused.getMessage());
    }

    @Test
    void aNumberInRightToLeftWordsIsIsolatedLeftToRight() {
        String lri = "\u2066";
        assertEquals("یا " + lri + "2025-08-15" + PDI + ":", Screen.numbersAsWritten("یا 2025-08-15:"), "the colon is the sentence's");
        assertEquals("لکه " + lri + "2026-11-20T10:00+04:30" + PDI + "، " + lri + "1405-08-29" + PDI + " لمریز 10:00"
                + " یا 24 زمری 1404", Screen.numbersAsWritten("لکه 2026-11-20T10:00+04:30، 1405-08-29 لمریز 10:00 یا 24 زمری 1404"),
                "numbers apart follow the sentence; one colon already joins digits");
        assertEquals("د ګوتې نښه " + lri + "1234 5678 9ABC  DEF0 1234" + PDI, Screen.numbersAsWritten("د ګوتې نښه 1234 5678 9ABC  DEF0 1234"),
                "a fingerprint's groups are one number");
        assertEquals("نسخه " + lri + "۱۴۰۴-۰۵-۲۴" + PDI, Screen.numbersAsWritten("نسخه ۱۴۰۴-۰۵-۲۴"), "Persian digits too");
        assertEquals("GWH-7K3M-9QXA x-2025-08 سند", Screen.numbersAsWritten("GWH-7K3M-9QXA x-2025-08 سند"),
                "a number glued to a letter before it is part of a Latin word, which reads left to right");
        String english = "sealed 2025-08-15 by " + Screen.value("مستندساز 1404-05-24");
        assertEquals("sealed 2025-08-15 by " + FSI + "مستندساز " + lri + "1404-05-24" + PDI + PDI, Screen.numbersAsWritten(english),
                "in a left-to-right line only the right-to-left value's numbers");
        String once = Screen.numbersAsWritten("یا 2025-08-15 یا 10:00+04:30");
        assertSame(once, Screen.numbersAsWritten(once), "a number already isolated is left alone");
    }

    @Test
    void theLineGuardKeepsOnlyTheIsolatesAroundNumbers() {
        String lri = "\u2066";
        String line = Screen.line("یا 2025-08-15: " + Screen.value("علی 1404-05-24") + " 1234 5678 9ABC DEF0");
        assertEquals("یا " + lri + "2025-08-15" + PDI + ": " + FSI + "علی " + lri + "1404-05-24" + PDI + PDI + " "
                + lri + "1234 5678 9ABC DEF0" + PDI, line);
        assertEquals(line, Screen.line(line), "idempotent");
        assertEquals("\\u2066علی\\u2069 a", Screen.line(lri + "علی" + PDI + " a"), "an isolate around words is not the display path's");
        assertEquals("x \\u20662025-08-15", Screen.line("x " + lri + "2025-08-15"), "nor one that closes nothing");
        assertEquals("\\u2066" + "2025-08-15" + "\\u2069", Screen.value(lri + "2025-08-15" + PDI), "from outside, always an escape");
        assertEquals("یا 2025-08-15: " + FSI + "علی 1404-05-24" + PDI + " \\u2066x", Screen.lineWithoutIsolating(line + " " + lri + "x")
                        .replace(" 1234 5678 9ABC DEF0", ""),
                "for a terminal without the algorithm: the numbers' isolates left out, nothing else changed");
    }

    @Test
    void aPathInRightToLeftWordsKeepsItsSlashAtItsStart() {
        String path = "/home/nadia/team.asc";
        String bare = "کلید " + path + " پذیرفته نشد";
        String visualBare = VisualOrder.visual(bare, java.text.Bidi.DIRECTION_RIGHT_TO_LEFT);
        assertFalse(visualBare.contains(path), "the check can fail: unisolated, the slash is drawn at the path's end: " + visualBare);

        String shown = "کلید " + Screen.value(path, true) + " پذیرفته نشد";
        assertTrue(VisualOrder.visual(shown, java.text.Bidi.DIRECTION_RIGHT_TO_LEFT).contains(path), shown);
        assertEquals(FSI + "--from" + PDI, Screen.value("--from", true));
        assertEquals("--from", Screen.value("--from", false), "among left-to-right words nothing is added");
        assertEquals("GWH-7K3M", Screen.value("GWH-7K3M", true), "strong at both ends: nothing to isolate");
        assertEquals("1234", Screen.value("1234", true), "no letter: numbers are isolated where they are shown");
    }

    /** Crafted values, each made to hide, reorder or rewrite what a screen shows. */
    static List<String> corpus() {
        return List.of("Legal team \u001bE\u001b[8m 3F2A 9C11 legal", "\u001b]0;owned\u0007\u001b[2J\u001b[H", "\u009b8m",
                "photo\u202egpj.exe", "\u2067علی\u2069 \u2066x", "\u200f1234\u200e", "A\u200bB\u2060C\ufeffD",
                "line\u2028break\u2029para", "\u202aembedded\u202c", "tag\udb40\udc41\udb40\udc7f", "pua\ue000",
                "unpaired\ud800", "Le\u200cgal", DARI, "\u2068" + "x", "y" + "\u2069", "a\\u202eb");
    }
}
