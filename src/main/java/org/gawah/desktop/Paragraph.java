package org.gawah.desktop;

import java.awt.Insets;

import javax.swing.JTextArea;

/** A read-only paragraph of the window's own words that wraps at the page's width. */
final class Paragraph {
    private Paragraph() {
    }

    static JTextArea of(String name) {
        JTextArea text = new JTextArea();
        text.setName(name);
        text.setEditable(false);
        text.setFocusable(false);
        text.setLineWrap(true);
        text.setWrapStyleWord(true);
        text.setOpaque(false);
        text.setBorder(null);
        text.setMargin(new Insets(0, 0, 0, 0)); // flush with the labels above and below it, either way round
        return text;
    }
}
