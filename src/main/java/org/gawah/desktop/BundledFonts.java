package org.gawah.desktop;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.GraphicsEnvironment;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;

/**
 * The window's font, shipped with Gawah (resources {@code org/gawah/desktop/fonts/}, see the
 * README there): Vazirmatn has every Dari and Pashto letter and Latin too, so a laptop without a
 * Persian font shows no boxes. Registered with Java once at start, so that it can be asked for
 * by name like an installed font.
 *
 * <p>Read from a file where there is one (the distribution's {@code fonts/} folder, named by the
 * launchers in {@code -Dgawah.fonts}; {@code target/classes} in development): Java copies a font
 * read from a stream, such as one inside a jar, into a temporary file first.
 */
final class BundledFonts {
    static final String FAMILY = "Vazirmatn";
    static final String REGULAR = "Vazirmatn-Regular.ttf";
    static final String BOLD = "Vazirmatn-Bold.ttf";
    /** The folder holding the font files, set by the distribution's launchers. */
    static final String FOLDER_PROPERTY = "gawah.fonts";

    private static Font regular;
    private static Font bold;
    private static boolean registered;

    private BundledFonts() {
    }

    /** The regular face, at size 1 (derive the size wanted). */
    static synchronized Font regular() {
        if (regular == null) {
            regular = load(REGULAR);
        }
        return regular;
    }

    static synchronized Font bold() {
        if (bold == null) {
            bold = load(BOLD);
        }
        return bold;
    }

    /** Makes the family known to Java by name (plain and bold); once. */
    static synchronized void register() {
        if (registered) {
            return;
        }
        GraphicsEnvironment screen = GraphicsEnvironment.getLocalGraphicsEnvironment();
        screen.registerFont(regular());
        screen.registerFont(bold());
        registered = true;
    }

    private static Font load(String name) {
        try {
            File file = file(name);
            if (file != null) {
                return Font.createFont(Font.TRUETYPE_FONT, file);
            }
            try (InputStream in = BundledFonts.class.getResourceAsStream("fonts/" + name)) {
                if (in == null) {
                    throw new IllegalStateException("the font " + name + " is missing from the build");
                }
                return Font.createFont(Font.TRUETYPE_FONT, in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (FontFormatException e) {
            throw new IllegalStateException("the font " + name + " is damaged", e);
        }
    }

    /** The font as a file: in the launchers' folder, else the resource itself when it is a file. */
    private static File file(String name) {
        String folder = System.getProperty(FOLDER_PROPERTY);
        if (folder != null && !folder.isBlank()) {
            File file = new File(folder, name);
            if (file.isFile()) {
                return file;
            }
        }
        URL resource = BundledFonts.class.getResource("fonts/" + name);
        if (resource != null && resource.getProtocol().equals("file")) {
            try {
                return new File(resource.toURI());
            } catch (URISyntaxException e) {
                return null;
            }
        }
        return null;
    }
}
