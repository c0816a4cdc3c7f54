package org.gawah.desktop;

import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;

import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JTextArea;

import org.gawah.GawahException;
import org.gawah.Message;

/**
 * A report's lines in the window, as {@code gawah verify} prints them on a terminal: a label in a
 * column as wide as the longest, its value beside it (a paragraph that wraps), and lines that go
 * on under the value. Lays out with LINE_START only, so it turns around with the window.
 */
final class Details extends JPanel {
    private static final long serialVersionUID = 1L;

    private final String name;
    private int y;

    Details(String name) {
        super(new GridBagLayout());
        this.name = name;
        setName(name);
        setOpaque(false);
    }

    /** A line: its label, and its value; {@code id} names the value for the tests that read it. */
    Details line(String id, Message label, Message value) {
        JLabel words = Words.text(new JLabel(), label);
        words.setName(name + "." + id + ".label");
        words.putClientProperty("FlatLaf.style", "foreground: $Label.disabledForeground");
        GridBagConstraints at = new GridBagConstraints();
        at.gridx = 0;
        at.gridy = y;
        at.anchor = GridBagConstraints.FIRST_LINE_START;
        at.insets = new Insets(0, 0, 6, 16);
        add(words, at);
        return more(id, value);
    }

    /** A line under the value column, without a label. */
    Details more(String id, Message value) {
        JTextArea text = Words.text(Paragraph.of(name + "." + id), value);
        GridBagConstraints at = new GridBagConstraints();
        at.gridx = 1;
        at.gridy = y++;
        at.weightx = 1;
        at.fill = GridBagConstraints.HORIZONTAL;
        at.anchor = GridBagConstraints.FIRST_LINE_START;
        at.insets = new Insets(0, 0, 6, 0);
        add(text, at);
        return this;
    }

    /** What went wrong, in the error colour, and under it what to do: two paragraphs in a panel. */
    static JPanel problem(String name, GawahException problem) {
        JPanel panel = new JPanel(new GridBagLayout());
        panel.setName(name);
        panel.setOpaque(false);
        JTextArea said = Words.text(Paragraph.of(name + ".message"), problem.message());
        said.putClientProperty("FlatLaf.style", "foreground: $Component.error.focusedBorderColor");
        GridBagConstraints at = new GridBagConstraints();
        at.gridx = 0;
        at.gridy = 0;
        at.weightx = 1;
        at.fill = GridBagConstraints.HORIZONTAL;
        at.insets = new Insets(0, 0, 4, 0);
        panel.add(said, at);
        if (problem.hintMessage() != null) {
            at.gridy = 1;
            panel.add(Words.text(Paragraph.of(name + ".hint"), problem.hintMessage()), at);
        }
        return panel;
    }
}
