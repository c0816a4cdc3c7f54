package org.gawah.desktop;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Component;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.RenderingHints;

import javax.swing.Icon;
import javax.swing.UIManager;

/**
 * The mark before a line of status: a green disc (ready), an amber triangle (a warning), a red
 * ring (missing). Drawn, not a character of a font, and told apart by shape as well as colour;
 * symmetric, so it needs no mirroring right to left.
 */
final class MarkIcon implements Icon {
    private static final int SIZE = 14;

    private final WelcomeModel.Mark mark;

    MarkIcon(WelcomeModel.Mark mark) {
        this.mark = mark;
    }

    @Override
    public void paintIcon(Component c, Graphics g, int x, int y) {
        Graphics2D g2 = (Graphics2D) g.create();
        try {
            g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            switch (mark) {
                case READY:
                    g2.setColor(color("Actions.Green", new Color(0x59A869)));
                    g2.fillOval(x + 1, y + 1, SIZE - 2, SIZE - 2);
                    break;
                case WARNING:
                    g2.setColor(color("Actions.Yellow", new Color(0xEDA200)));
                    g2.fillPolygon(new Polygon(new int[] {x + SIZE / 2, x + SIZE, x}, new int[] {y, y + SIZE, y + SIZE}, 3));
                    break;
                default:
                    g2.setColor(color("Actions.Red", new Color(0xDB5860)));
                    g2.setStroke(new BasicStroke(2.5f));
                    g2.drawOval(x + 2, y + 2, SIZE - 4, SIZE - 4);
                    break;
            }
        } finally {
            g2.dispose();
        }
    }

    private static Color color(String key, Color fallback) {
        Color color = UIManager.getColor(key);
        return color != null ? color : fallback;
    }

    @Override
    public int getIconWidth() {
        return SIZE;
    }

    @Override
    public int getIconHeight() {
        return SIZE;
    }
}
