package org.gawah.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.gawah.export.Redaction;
import org.gawah.names.Finder;
import org.junit.jupiter.api.Test;

/**
 * The export preview's excerpts, without a screen: the name as found, with the words around it
 * cut at a space (never inside a word, nor between the two halves of a letter outside the basic
 * plane), "..." where the text goes on, line breaks as spaces.
 */
class ExcerptsShowTheNameInItsWordsTest {
    @Test
    void theNameIsShownWithWholeWordsAroundIt() {
        String before = "word ".repeat(20);
        String text = before + "Zarmina\nTestname said\tso and " + "more ".repeat(20);
        int start = before.length();
        Redaction.Match match = new Redaction.Match("account.text", text, List.of(new Finder.Span(start, start + 16)));
        ExportModel.Excerpt excerpt = ExportModel.excerpts(Map.of("GWH-7K3M-9QXA-2D4F-8ZZP", List.of(match))).get(0);
        assertEquals("GWH-7K3M-9QXA-2D4F-8ZZP", excerpt.recordId());
        assertEquals("account.text", excerpt.path());
        assertEquals("Zarmina Testname", excerpt.match(), "the line break as a space");
        assertTrue(excerpt.before().startsWith("...word "), excerpt.before());
        assertTrue(excerpt.before().endsWith("word "), excerpt.before());
        assertTrue(excerpt.after().startsWith(" said so and more"), excerpt.after());
        assertTrue(excerpt.after().endsWith("more..."), excerpt.after());
        assertTrue(excerpt.before().length() <= ExportModel.CONTEXT + 3 && excerpt.after().length() <= ExportModel.CONTEXT + 3);
    }

    @Test
    void aShortTextIsShownWholeAndNoLetterIsCutInTwo() {
        String text = "مریم said";
        Redaction.Match whole = new Redaction.Match("title", text, List.of(new Finder.Span(0, 4)));
        ExportModel.Excerpt excerpt = ExportModel.excerpts(Map.of("GWC-7K3M-9QXA-2D4F-8ZZP", List.of(whole))).get(0);
        assertEquals("", excerpt.before());
        assertEquals("مریم", excerpt.match());
        assertEquals(" said", excerpt.after());

        String emoji = "\uD83D\uDE00".repeat(40) + "Maryam" + "\uD83D\uDE00".repeat(40);
        Redaction.Match wide = new Redaction.Match("account.text", emoji, List.of(new Finder.Span(80, 86)));
        ExportModel.Excerpt cut = ExportModel.excerpts(Map.of("GWH-7K3M-9QXA-2D4F-8ZZP", List.of(wide))).get(0);
        for (String part : List.of(cut.before(), cut.after())) {
            String letters = part.replace("...", "");
            assertTrue(letters.codePoints().allMatch(c -> c == 0x1F600), "no half letter: " + part);
        }
    }
}
