package org.gawah.desktop;

import java.awt.Component;
import java.awt.Container;

import javax.swing.AbstractButton;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.text.JTextComponent;

import org.gawah.Message;

/**
 * Puts the window's words on its controls, and puts them there again in another language: each
 * control keeps its {@link Message} (a key and its values), never a sentence, so switching the
 * language re-renders every page without a page having to know. Every control given words here
 * has Swing's HTML rendering turned off: a label shows text, never markup, whatever the text is.
 */
final class Words {
    private static final String TEXT = "gawah.words.text";
    private static final String TIP = "gawah.words.tip";
    private static final String HTML_DISABLE = "html.disable";

    private Words() {
    }

    /** Gives {@code component} (a label, a button, a read-only text) these words, now and after a language switch. */
    static <T extends JComponent> T text(T component, Message words) {
        component.putClientProperty(HTML_DISABLE, Boolean.TRUE);
        component.putClientProperty(TEXT, words);
        show(component);
        return component;
    }

    static <T extends JComponent> T tip(T component, Message words) {
        component.putClientProperty(TIP, words);
        show(component);
        return component;
    }

    /** Renders the words of every control under {@code root} in the program's current language. */
    static void showAll(Component root) {
        if (root instanceof JComponent) {
            show((JComponent) root);
        }
        if (root instanceof Container) {
            for (Component child : ((Container) root).getComponents()) {
                showAll(child);
            }
        }
    }

    private static void show(JComponent component) {
        Object text = component.getClientProperty(TEXT);
        if (text instanceof Message) {
            String rendered = ((Message) text).render();
            if (component instanceof JLabel) {
                ((JLabel) component).setText(rendered);
            } else if (component instanceof AbstractButton) {
                ((AbstractButton) component).setText(rendered);
            } else if (component instanceof JTextComponent) {
                ((JTextComponent) component).setText(rendered);
            }
        }
        Object tip = component.getClientProperty(TIP);
        if (tip instanceof Message) {
            component.setToolTipText(((Message) tip).render());
        }
    }
}
