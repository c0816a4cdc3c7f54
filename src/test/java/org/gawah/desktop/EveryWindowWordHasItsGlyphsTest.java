package org.gawah.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.ComponentOrientation;
import java.awt.Font;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

import org.gawah.Language;
import org.gawah.Message;
import org.junit.jupiter.api.Test;

/**
 * The bundled font draws every word the window says (its own, the interview's, the application
 * layer's), in English, Dari and Pashto, so a computer
 * without a Persian font shows no box: each bundle string and each language's own name, checked
 * with {@link Font#canDisplayUpTo} against the font alone (no fallback to this machine's fonts),
 * in both faces, with the zero-width non-joiner of می‌شود and the left-to-right marks {@link Ltr}
 * puts around paths and commands. And the one class that decides direction says right to left
 * for Dari and Pashto only.
 */
class EveryWindowWordHasItsGlyphsTest {
    /** Every Pashto letter Dari lacks, and the Persian letters and digits, whatever the bundles say today. */
    private static final String LETTERS = "ټډړږښګڼېۍئ پچژگ ی ک ۰۱۲۳۴۵۶۷۸۹ «» ، ؛ ؟";

    @Test
    void theBundledFontDrawsEveryWordOfTheWindow() {
        List<String> missing = new ArrayList<>();
        for (Font font : List.of(BundledFonts.regular(), BundledFonts.bold())) {
            for (Locale language : Language.SUPPORTED) {
                // The window's own words, and the interview's, which its pages show as the terminal does.
                for (String bundle : List.of(Messages.BUNDLE, "org.gawah.interview.messages", "org.gawah.app.messages")) {
                    ResourceBundle words = Message.bundle(bundle, language);
                    for (String key : words.keySet()) {
                        check(font, language + " " + bundle + " " + key, words.getString(key), missing);
                    }
                }
            }
            for (String name : MainWindow.AUTONYMS.values()) {
                check(font, "autonym " + name, name, missing);
            }
            check(font, "letters", LETTERS, missing);
        }
        assertEquals(List.of(), missing);
    }

    private static void check(Font font, String what, String text, List<String> missing) {
        String drawn = text + Ltr.of("");
        int at = font.canDisplayUpTo(drawn);
        if (at >= 0) {
            missing.add(font.getFontName() + ": " + what + ": U+" + Integer.toHexString(drawn.codePointAt(at)).toUpperCase(Locale.ROOT)
                    + " in \"" + drawn + "\"");
        }
    }

    @Test
    void dariAndPashtoRunRightToLeftInTheBundledFontALittleLarger() {
        assertEquals(ComponentOrientation.LEFT_TO_RIGHT, LanguageStyle.of(Language.ENGLISH).orientation());
        assertEquals(ComponentOrientation.RIGHT_TO_LEFT, LanguageStyle.of(Language.DARI).orientation());
        assertEquals(ComponentOrientation.RIGHT_TO_LEFT, LanguageStyle.of(Language.PASHTO).orientation());
        BundledFonts.register();
        for (Locale language : Language.SUPPORTED) {
            assertEquals(BundledFonts.FAMILY, LanguageStyle.of(language).font().getFamily());
            assertEquals(LanguageStyle.of(language).fontSize(), LanguageStyle.of(language).font().getSize());
        }
        assertTrue(LanguageStyle.of(Language.DARI).fontSize() > LanguageStyle.of(Language.ENGLISH).fontSize());
        assertEquals("Vazirmatn", BundledFonts.regular().getFamily());
        assertEquals("Vazirmatn Bold", BundledFonts.bold().getFontName());
    }
}
