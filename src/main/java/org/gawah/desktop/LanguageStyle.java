package org.gawah.desktop;

import java.awt.ComponentOrientation;
import java.awt.Font;
import java.awt.Window;
import java.util.Locale;

import javax.swing.JComponent;
import javax.swing.UIManager;
import javax.swing.plaf.FontUIResource;

import com.formdev.flatlaf.FlatLaf;
import com.formdev.flatlaf.util.FontUtils;

import org.gawah.Language;

/**
 * The one place that decides how the window looks in a language: which way it runs and which
 * font it uses. Views never ask which language is shown; they lay out with LEADING and TRAILING
 * (never LEFT and RIGHT), and this class turns the whole window around.
 */
final class LanguageStyle {
    /** Arabic script at the size of Latin text reads small: the same font, a step larger. */
    private static final int LATIN_SIZE = 14;
    private static final int ARABIC_SCRIPT_SIZE = 15;

    private final Locale locale;

    private LanguageStyle(Locale locale) {
        this.locale = locale;
    }

    static LanguageStyle of(Locale locale) {
        return new LanguageStyle(locale);
    }

    ComponentOrientation orientation() {
        return Language.rightToLeft(locale) ? ComponentOrientation.RIGHT_TO_LEFT : ComponentOrientation.LEFT_TO_RIGHT;
    }

    int fontSize() {
        return Language.rightToLeft(locale) ? ARABIC_SCRIPT_SIZE : LATIN_SIZE;
    }

    /**
     * The bundled font at this language's size, as a composite that falls back to the computer's
     * fonts for a character it lacks (a witness's name in another script), never a box.
     */
    Font font() {
        return new FontUIResource(FontUtils.getCompositeFont(BundledFonts.FAMILY, Font.PLAIN, fontSize()));
    }

    /**
     * Sets the default font for every control made from now on (FlatLaf derives headings and small
     * text from it) and for those already made, gives the file chooser its words in this language,
     * and turns every container of the window to this language's direction.
     */
    void applyTo(Window window) {
        UIManager.put("defaultFont", font());
        ChooserWords.put();
        JComponent.setDefaultLocale(locale);
        window.setLocale(locale);
        FlatLaf.updateUI();
        window.applyComponentOrientation(orientation());
        window.validate();
        window.repaint();
    }
}
