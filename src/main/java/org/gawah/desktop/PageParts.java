package org.gawah.desktop;

import java.awt.Component;
import java.awt.FlowLayout;
import java.nio.file.Path;
import java.util.List;

import javax.swing.BorderFactory;
import javax.swing.Box;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JFileChooser;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JProgressBar;
import javax.swing.JTable;
import javax.swing.UIManager;

import org.gawah.Message;

/** Parts the pages that take a file from outside share: the place to drop it, the chooser, a row of buttons, progress. */
final class PageParts {
    private PageParts() {
    }

    /** Buttons side by side from the line's start, a gap between each. */
    static JPanel buttons(JButton... buttons) {
        JPanel panel = new JPanel(new FlowLayout(FlowLayout.LEADING, 0, 0));
        panel.setOpaque(false);
        for (int i = 0; i < buttons.length; i++) {
            if (i > 0) {
                panel.add(Box.createHorizontalStrut(10));
            }
            panel.add(buttons[i]);
        }
        return panel;
    }

    /** A dashed area that says what to drop on the page. */
    static JComponent dropZone(String name, Message words) {
        JLabel drop = Words.text(new JLabel(), words);
        drop.setName(name);
        drop.setHorizontalAlignment(JLabel.CENTER);
        drop.setBorder(BorderFactory.createCompoundBorder(
                BorderFactory.createDashedBorder(UIManager.getColor("Component.borderColor"), 2, 6, 4, true),
                BorderFactory.createEmptyBorder(36, 16, 36, 16)));
        return drop;
    }

    /** The file a person chose, or null; the chooser speaks the window's language and runs its way ({@link FileChoice}). */
    static Path choose(Component page, String name, Message title) {
        JFileChooser chooser = FileChoice.chooser(page, title, false);
        chooser.setName(name);
        List<Path> chosen = FileChoice.choose(page, chooser);
        return chosen.isEmpty() ? null : chosen.get(0);
    }

    /**
     * Turns a table's cells with the table: Swing's renderer stays outside the window's components,
     * so the page's turn to right to left misses it, and its cells stay aligned to the left.
     */
    static void turnCells(JTable table) {
        Component renderer = (Component) table.getDefaultRenderer(Object.class);
        renderer.setComponentOrientation(table.getComponentOrientation());
    }

    /** How far long work has come, {@code done} of {@code of} bytes. */
    static JProgressBar bar(String name, long done, long of) {
        JProgressBar bar = new JProgressBar(0, 1000);
        bar.setName(name);
        bar.setValue(of <= 0 ? 0 : (int) Math.min(1000, done * 1000 / of));
        return bar;
    }
}
