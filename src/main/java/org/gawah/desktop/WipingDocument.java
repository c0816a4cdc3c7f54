package org.gawah.desktop;

import java.awt.Component;
import java.awt.Container;
import java.util.Arrays;

import javax.swing.text.BadLocationException;
import javax.swing.text.GapContent;
import javax.swing.text.JTextComponent;
import javax.swing.text.PlainDocument;
import javax.swing.undo.UndoableEdit;

/**
 * The document of every field a person types into in the window. Swing keeps typed text in a gap
 * buffer: characters moved out of the way, or left behind in the gap when text is deleted or the
 * buffer grows, stay in memory until collected. This document's buffer zeroes its gap after every
 * change and every array it outgrows, so what is deleted is gone, and {@link #wipe} leaves nothing
 * of what was typed in it. (Copies Swing makes elsewhere, to paint a line or to hand text to an
 * input method, are the JVM's: see SECURITY.md.)
 */
final class WipingDocument extends PlainDocument {
    private static final long serialVersionUID = 1L;

    WipingDocument() {
        super(new ZeroingContent());
    }

    /** Removes all text and overwrites it. On the event thread, like any change to a document. */
    void wipe() {
        try {
            remove(0, getLength());
        } catch (BadLocationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The live buffer, gap and all: what a test looks into to see that nothing typed is left. */
    char[] buffer() {
        return ((ZeroingContent) getContent()).buffer();
    }

    /** Wipes every field under {@code root} whose document is a wiping one. */
    static void wipeAll(Component root) {
        if (root instanceof JTextComponent && ((JTextComponent) root).getDocument() instanceof WipingDocument) {
            ((WipingDocument) ((JTextComponent) root).getDocument()).wipe();
        }
        if (root instanceof Container) {
            for (Component child : ((Container) root).getComponents()) {
                wipeAll(child);
            }
        }
    }

    /** A gap buffer that keeps zeros, not old characters, in its gap and in the arrays it drops. */
    private static final class ZeroingContent extends GapContent {
        private static final long serialVersionUID = 1L;

        char[] buffer() {
            return (char[]) getArray();
        }

        /**
         * As GapContent's, without the undo record, which would keep the removed text as a String
         * (a field of the window keeps no undo history anyway).
         */
        @Override
        public UndoableEdit remove(int where, int count) throws BadLocationException {
            if (where < 0 || count < 0 || where + count >= length()) {
                throw new BadLocationException("invalid remove", length() + 1);
            }
            replace(where, count, null, 0);
            return null;
        }

        @Override
        protected void replace(int position, int removeSize, Object addItems, int addSize) {
            super.replace(position, removeSize, addItems, addSize);
            Arrays.fill((char[]) getArray(), getGapStart(), getGapEnd(), '\0');
        }

        /** Where the buffer grows into a new array: the old one is zeroed, not left to the collector. */
        @Override
        protected void shiftEnd(int newSize) {
            char[] before = (char[]) getArray();
            super.shiftEnd(newSize);
            if (before != getArray()) {
                Arrays.fill(before, '\0');
            }
        }
    }
}
