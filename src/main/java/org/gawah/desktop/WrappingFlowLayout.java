package org.gawah.desktop;

import java.awt.Component;
import java.awt.Container;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.Insets;

import javax.swing.JComponent;
import javax.swing.SwingUtilities;

/**
 * A flow of controls that goes on a second line when the window is too narrow for one, and says
 * so in its preferred height: a plain FlowLayout lays the extra controls out on a line its
 * container never makes room for, so they are cut off. The header's buttons need it: three
 * languages, the pages of both teams and Lock are wider than the window at its narrowest, and
 * wider still in Dari and Pashto.
 */
final class WrappingFlowLayout extends FlowLayout {
    private static final long serialVersionUID = 1L;

    /** The height the controls took at the last layout: when the width changes it, the header is laid out again. */
    private int lastHeight;

    WrappingFlowLayout(int align, int hgap, int vgap) {
        super(align, hgap, vgap);
    }

    @Override
    public Dimension preferredLayoutSize(Container target) {
        return size(target, true);
    }

    @Override
    public Dimension minimumLayoutSize(Container target) {
        Dimension minimum = size(target, false);
        minimum.width -= getHgap() + 1;
        return minimum;
    }

    /**
     * Lays the controls out at the width the container was given, then, when that takes another
     * height than at the last layout (the window was made narrower or wider), asks for the layout
     * again so that the header grows or shrinks to it.
     */
    @Override
    public void layoutContainer(Container target) {
        super.layoutContainer(target);
        int height = target.getWidth() > 0 ? size(target, true).height : lastHeight;
        if (height != lastHeight) {
            lastHeight = height;
            SwingUtilities.invokeLater(() -> {
                if (target instanceof JComponent) {
                    ((JComponent) target).revalidate();
                }
            });
        }
    }

    /** The lines the controls take at the container's width (or, before it has one, on one line). */
    private Dimension size(Container target, boolean preferred) {
        synchronized (target.getTreeLock()) {
            int width = target.getSize().width;
            if (width == 0) {
                width = Integer.MAX_VALUE;
            }
            Insets insets = target.getInsets();
            int room = width - insets.left - insets.right - getHgap() * 2;
            int widest = 0;
            int height = 0;
            int lineWidth = 0;
            int lineHeight = 0;
            for (Component c : target.getComponents()) {
                if (!c.isVisible()) {
                    continue;
                }
                Dimension d = preferred ? c.getPreferredSize() : c.getMinimumSize();
                if (lineWidth > 0 && lineWidth + getHgap() + d.width > room) {
                    widest = Math.max(widest, lineWidth);
                    height += lineHeight + getVgap();
                    lineWidth = 0;
                    lineHeight = 0;
                }
                lineWidth += (lineWidth > 0 ? getHgap() : 0) + d.width;
                lineHeight = Math.max(lineHeight, d.height);
            }
            widest = Math.max(widest, lineWidth);
            height += lineHeight;
            return new Dimension(widest + insets.left + insets.right + getHgap() * 2,
                    height + insets.top + insets.bottom + getVgap() * 2);
        }
    }
}
