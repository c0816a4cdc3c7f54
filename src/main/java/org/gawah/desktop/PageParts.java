package org.gawah.desktop;

import java.awt.Component;
import java.awt.FlowLayout;
import java.awt.GridBagConstraints;
import java.awt.event.MouseEvent;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.IntFunction;

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
import javax.swing.table.TableCellRenderer;
import javax.swing.table.TableModel;

import org.gawah.Message;

/** Parts the pages share: the place to drop a file and the chooser, a row of buttons, a table, progress. */
final class PageParts {
    private PageParts() {
    }

    /** Row {@code gridy} of a page's one column: the whole width, from the line's start, {@code below} pixels above the next. */
    static GridBagConstraints row(int gridy, int below) {
        GridBagConstraints at = new GridBagConstraints();
        at.gridx = 0;
        at.gridy = gridy;
        at.weightx = 1;
        at.fill = GridBagConstraints.HORIZONTAL;
        at.anchor = GridBagConstraints.FIRST_LINE_START;
        at.insets = new java.awt.Insets(0, 0, below, 0);
        return at;
    }

    /** Runs {@code action} on the event thread: at once when already on it, else queued there. */
    static void onEventThread(Runnable action) {
        if (javax.swing.SwingUtilities.isEventDispatchThread()) {
            action.run();
        } else {
            javax.swing.SwingUtilities.invokeLater(action);
        }
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

    /**
     * The start of a page that takes a file from outside: what it is for ({@code intro}), the place
     * to drop the file, and the buttons to choose it and to go back home; each part named
     * {@code name} and what it is ({@code import.drop}, {@code import.choose}, {@code import.chooser}, ...),
     * laid out in the page's rows ({@code row}: the constraints of the next row, given the gap under it).
     * The file chosen goes to {@code check}; a file dropped, to the page's own {@link FileDrop}.
     */
    static void fileToCheck(JComponent page, IntFunction<GridBagConstraints> row, String name, Message intro, Message drop,
                            Message choose, Message home, Runnable toHome, Consumer<Path> check) {
        page.add(Words.text(Paragraph.of(name + ".intro"), intro), row.apply(16));
        page.add(dropZone(name + ".drop", drop), row.apply(16));
        page.add(buttons(PagePanel.button(name + ".choose", choose, () -> {
            Path chosen = choose(page, name + ".chooser", choose);
            if (chosen != null) {
                check.accept(chosen);
            }
        }), PagePanel.button(name + ".home", home, toHome)), row.apply(0));
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

    /**
     * A table whose cells, cut short, show themselves whole under the pointer ({@code tip}: a
     * fuller text for a row and a column of the model, or null for the cell's own), each cell in the
     * table's direction (the shared renderer is in no container the page turns).
     */
    static JTable table(TableModel rows, BiFunction<Integer, Integer, String> tip) {
        JTable table = new JTable(rows) {
            private static final long serialVersionUID = 1L;

            @Override
            public String getToolTipText(MouseEvent e) {
                int r = rowAtPoint(e.getPoint());
                int c = columnAtPoint(e.getPoint());
                if (r < 0 || c < 0) {
                    return null;
                }
                String fuller = tip.apply(r, convertColumnIndexToModel(c));
                return fuller != null ? fuller : String.valueOf(getValueAt(r, c));
            }

            @Override
            public Component prepareRenderer(TableCellRenderer renderer, int r, int c) {
                Component cell = super.prepareRenderer(renderer, r, c);
                cell.setComponentOrientation(getComponentOrientation());
                return cell;
            }
        };
        table.setAutoCreateRowSorter(false);
        return table;
    }

    /** A table whose cells show themselves whole under the pointer. */
    static JTable table(TableModel rows) {
        return table(rows, (r, c) -> null);
    }

    /** How far long work has come, {@code done} of {@code of} bytes. */
    static JProgressBar bar(String name, long done, long of) {
        JProgressBar bar = new JProgressBar(0, 1000);
        bar.setName(name);
        bar.setValue(of <= 0 ? 0 : (int) Math.min(1000, done * 1000 / of));
        return bar;
    }
}
