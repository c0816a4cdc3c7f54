package org.gawah.desktop;

import static org.gawah.desktop.Screen.onEdt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.font.TextAttribute;
import java.awt.font.TextLayout;
import java.text.AttributedString;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.swing.JLabel;
import javax.swing.JTextArea;
import javax.swing.text.BadLocationException;

import org.gawah.Language;
import org.gawah.Message;
import org.gawah.testsupport.VisualOrder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The window's words reach a label or a paragraph through {@link Words}, in a Dari or Pashto page
 * turned right to left by {@link LanguageStyle}; a date in them reads 2025-08-15 as Swing lays it
 * out (docs/i18n.md, "Numbers in right-to-left text"). Checked on the text a control holds with
 * the JDK's bidirectional algorithm, and on Swing's own layout of it: in a paragraph, where the
 * text area puts the caret between each two characters of the date; in a label, where the
 * bundled font's text layout puts each character. Without the display path's isolates the
 * event-day question would show {@code 15-08-2025}.
 */
class DatesReadAsWrittenInTheWindowTest {
    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}(?:-[0-9]{2})?(?:T[0-9:+]+Z?)?");

    @AfterEach
    void english() {
        Language.use(Language.ENGLISH);
    }

    /** The question for the day of an event (dates in its words) and a date shown as given in the review (dates in its values). */
    private static List<Message> words() {
        return List.of(Message.of("org.gawah.interview.messages", "interview.q.event-day"),
                Message.of("org.gawah.interview.messages", "interview.q.event-month"),
                Message.of("org.gawah.interview.messages", "interview.date-shown", "2026-12-07T20:07+04:30", "1405-09-16 لمریز 20:07",
                        "لمریز"));
    }

    @Test
    void aLabelAndAParagraphShowEachDateLeftToRightInDariAndPashto() {
        for (Locale language : List.of(Language.PASHTO, Language.DARI)) {
            Language.use(language);
            LanguageStyle style = LanguageStyle.of(language);
            for (Message message : words()) {
                String shown = onEdt(() -> {
                    JLabel label = Words.text(new JLabel(), message);
                    label.applyComponentOrientation(style.orientation());
                    return label.getText();
                });
                assertEquals(message.render(language), shown, "the label holds the display path's text");
                assertNull(VisualOrder.outOfOrder(shown, java.text.Bidi.DIRECTION_DEFAULT_LEFT_TO_RIGHT), shown);
                assertNull(VisualOrder.outOfOrder(shown, java.text.Bidi.DIRECTION_RIGHT_TO_LEFT), shown);
                assertInOrderInTheLabel(shown, BundledFonts.regular().deriveFont((float) style.fontSize()));
                assertInOrderInTheParagraph(message, style);
            }
        }
    }

    @Test
    void theCheckCanFailTheQuestionWithoutIsolatesShowsTheDateReversed() {
        String bare = Message.of("org.gawah.interview.messages", "interview.q.event-day").render(Language.PASHTO)
                .replaceAll("[\u2066\u2069]", "");
        assertTrue(VisualOrder.visual(bare, java.text.Bidi.DIRECTION_RIGHT_TO_LEFT).contains("15-08-2025"), bare);
        assertTrue(!datesInOrder(labelPositions(bare, BundledFonts.regular().deriveFont(15f)), bare), bare);
    }

    /** Each date's characters, as the bundled font's text layout puts them (a label), from left to right. */
    private static void assertInOrderInTheLabel(String text, Font font) {
        assertTrue(datesInOrder(labelPositions(text, font), text), "a date out of order in the label: " + text);
    }

    private static double[] labelPositions(String text, Font font) {
        TextLayout layout = new TextLayout(text, font, new FontRenderContext(null, true, true));
        double[] x = new double[text.length()];
        for (int i = 0; i < text.length(); i++) {
            x[i] = layout.getLogicalHighlightShape(i, i + 1).getBounds2D().getCenterX();
        }
        return x;
    }

    /** In a paragraph of a right-to-left page, the caret between each two characters of a date moves right as the date goes on. */
    private static void assertInOrderInTheParagraph(Message message, LanguageStyle style) {
        List<String> problems = onEdt(() -> {
            JTextArea paragraph = Words.text(Paragraph.of("test"), message);
            paragraph.setFont(BundledFonts.regular().deriveFont((float) style.fontSize()));
            paragraph.applyComponentOrientation(style.orientation());
            paragraph.setSize(2000, 200);
            String text = paragraph.getText();
            List<String> found = new ArrayList<>();
            Matcher date = DATE.matcher(text);
            while (date.find()) {
                try {
                    for (int i = date.start() + 1; i < date.end() - 1; i++) {
                        double here = paragraph.modelToView2D(i).getX();
                        double next = paragraph.modelToView2D(i + 1).getX();
                        if (!(next > here)) {
                            found.add(date.group() + " at " + i + ": " + here + " then " + next + " in " + text);
                            break;
                        }
                    }
                } catch (BadLocationException e) {
                    throw new AssertionError(e);
                }
            }
            return found;
        });
        assertEquals(List.of(), problems);
    }

    private static boolean datesInOrder(double[] x, String text) {
        Matcher date = DATE.matcher(text);
        while (date.find()) {
            for (int i = date.start() + 1; i < date.end(); i++) {
                if (!(x[i] > x[i - 1])) {
                    return false;
                }
            }
        }
        return true;
    }
}
