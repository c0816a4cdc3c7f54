package org.gawah.desktop;

import java.awt.Dimension;
import java.awt.LayoutManager;
import java.awt.Rectangle;

import javax.swing.JButton;
import javax.swing.JPanel;
import javax.swing.Scrollable;

/**
 * A page of the window inside a scroll pane: as wide as the window, so that paragraphs wrap
 * rather than scroll sideways, and as tall as it needs, so that the window scrolls a long page.
 */
class PagePanel extends JPanel implements Scrollable {
    PagePanel(LayoutManager layout) {
        super(layout);
    }

    /** A button in the page's words, named for the tests that press it; {@code action} may be null. */
    static JButton button(String name, org.gawah.Message words, Runnable action) {
        JButton button = Words.text(new JButton(), words);
        button.setName(name);
        if (action != null) {
            button.addActionListener(e -> action.run());
        }
        return button;
    }

    /** Buttons in a row, at the line's start, a little apart. */
    static JPanel buttons(javax.swing.JComponent... buttons) {
        JPanel line = new JPanel(new java.awt.FlowLayout(java.awt.FlowLayout.LEADING, 0, 0));
        line.setOpaque(false);
        for (int i = 0; i < buttons.length; i++) {
            if (i > 0) {
                line.add(javax.swing.Box.createHorizontalStrut(10));
            }
            line.add(buttons[i]);
        }
        return line;
    }

    /**
     * Lets a field typed into run in the direction of what is typed (an English note left to
     * right in a Dari window, a Dari title right to left in an English one); empty, it keeps the
     * page's. Called again after the page turned ({@link #followTyped}).
     */
    static void typedDirection(javax.swing.text.JTextComponent field) {
        // After the change: a document cannot be touched while it tells of one.
        Runnable follow = () -> javax.swing.SwingUtilities.invokeLater(() -> followTyped(field));
        field.getDocument().addDocumentListener(new javax.swing.event.DocumentListener() {
            @Override
            public void insertUpdate(javax.swing.event.DocumentEvent e) {
                follow.run();
            }

            @Override
            public void removeUpdate(javax.swing.event.DocumentEvent e) {
                follow.run();
            }

            @Override
            public void changedUpdate(javax.swing.event.DocumentEvent e) {
            }
        });
    }

    /** The field's direction, as its text's first strong letter says; left as it is while empty. */
    static void followTyped(javax.swing.text.JTextComponent field) {
        String text = field.getText();
        if (!text.isBlank() && !ReaderView.direction(text).equals(field.getComponentOrientation())) {
            field.setComponentOrientation(ReaderView.direction(text));
        }
    }

    @Override
    public Dimension getPreferredScrollableViewportSize() {
        return getPreferredSize();
    }

    @Override
    public int getScrollableUnitIncrement(Rectangle visible, int orientation, int direction) {
        return 16;
    }

    @Override
    public int getScrollableBlockIncrement(Rectangle visible, int orientation, int direction) {
        return Math.max(16, visible.height - 32);
    }

    @Override
    public boolean getScrollableTracksViewportWidth() {
        return true;
    }

    @Override
    public boolean getScrollableTracksViewportHeight() {
        return getParent() != null && getParent().getHeight() > getPreferredSize().height;
    }
}
