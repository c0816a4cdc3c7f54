package org.gawah.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import javax.swing.text.BadLocationException;

import org.junit.jupiter.api.Test;

/**
 * The document of a field typed into (no display needed): what is deleted is overwritten at once,
 * an array the buffer outgrows is overwritten before it is dropped, and wiping leaves only zeros.
 * (Swing's own gap buffer keeps all of these until the collector frees them.)
 */
class TypedTextLeavesNoCopyInTheFieldTest {
    private static final String TYPED = "شاهد گفت که ساعت ۹ صبح آمدند";

    @Test
    void deletedTextIsOverwrittenAtOnce() throws BadLocationException {
        WipingDocument document = new WipingDocument();
        document.insertString(0, TYPED, null);
        document.remove(0, 5);
        document.insertString(document.getLength(), " و رفتند", null);
        document.remove(3, 4);
        assertEquals(document.getLength() + 1, count(document.buffer()), "only the text and the final newline are in the buffer");
    }

    @Test
    void aBufferOutgrownIsOverwrittenBeforeItIsDropped() throws BadLocationException {
        WipingDocument document = new WipingDocument();
        document.insertString(0, TYPED, null);
        char[] before = document.buffer();
        document.insertString(document.getLength(), TYPED.repeat(40), null);
        assertNotSame(before, document.buffer(), "the buffer grew");
        assertEquals(0, count(before), "the outgrown buffer still holds typed text");
    }

    @Test
    void wipingLeavesOnlyZeros() throws BadLocationException {
        WipingDocument document = new WipingDocument();
        document.insertString(0, TYPED.repeat(5), null);
        document.wipe();
        assertEquals(0, document.getLength());
        assertEquals(1, count(document.buffer()), "only the document's final newline is left");
    }

    /** Characters other than zero in {@code buffer}. */
    private static int count(char[] buffer) {
        int n = 0;
        for (char c : buffer) {
            if (c != '\0') {
                n++;
            }
        }
        return n;
    }
}
