package org.gawah.desktop;

import java.awt.Component;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.swing.JFileChooser;

import org.gawah.Message;

/**
 * Java's file chooser as the window's pages open it: in the window's language ({@link
 * ChooserWords}) and direction, its dates written with the digits 0-9 as everywhere in Gawah
 * (docs/i18n.md, "Digits"), files only. Modal: it returns what was chosen, or nothing.
 */
final class FileChoice {
    private FileChoice() {
    }

    /** A chooser titled {@code title}, laid out like {@code page}; {@code many}: several files at once. */
    static JFileChooser chooser(Component page, Message title, boolean many) {
        JFileChooser chooser = new JFileChooser();
        chooser.setName("chooser");
        chooser.setDialogTitle(title.render());
        chooser.setFileSelectionMode(JFileChooser.FILES_ONLY);
        chooser.setMultiSelectionEnabled(many);
        // The chooser shows its files' dates in its own locale: Latin digits, as Gawah writes every number.
        chooser.setLocale(new Locale.Builder().setLocale(page.getLocale()).setUnicodeLocaleKeyword("nu", "latn").build());
        chooser.applyComponentOrientation(page.getComponentOrientation());
        return chooser;
    }

    /** Shows {@code chooser} over {@code page} and returns the files chosen (none when cancelled). */
    static List<Path> choose(Component page, JFileChooser chooser) {
        List<Path> chosen = new ArrayList<>();
        if (chooser.showOpenDialog(page) != JFileChooser.APPROVE_OPTION) {
            return chosen;
        }
        File[] several = chooser.getSelectedFiles();
        if (several.length == 0 && chooser.getSelectedFile() != null) {
            several = new File[] {chooser.getSelectedFile()};
        }
        for (File file : several) {
            chosen.add(file.toPath());
        }
        return chosen;
    }
}
