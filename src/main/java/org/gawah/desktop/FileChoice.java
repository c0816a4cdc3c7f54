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

    /**
     * One folder chosen (where the reader saves an attachment), titled {@code title}, its button
     * saying {@code approve}; null when cancelled. The folder's path reads left to right in every
     * language: its field is turned back (else {@code /home/x} would show as {@code home/x/}).
     */
    static Path folder(Component page, Message title, Message approve) {
        JFileChooser chooser = chooser(page, title, false);
        chooser.setFileSelectionMode(JFileChooser.DIRECTORIES_ONLY);
        chooser.setApproveButtonText(approve.render());
        for (Component c : all(chooser)) {
            if (c instanceof javax.swing.JTextField) {
                c.setComponentOrientation(java.awt.ComponentOrientation.LEFT_TO_RIGHT);
            }
        }
        if (chooser.showDialog(page, null) != JFileChooser.APPROVE_OPTION || chooser.getSelectedFile() == null) {
            return null;
        }
        return chooser.getSelectedFile().toPath();
    }

    private static List<Component> all(java.awt.Container root) {
        List<Component> found = new ArrayList<>();
        for (Component child : root.getComponents()) {
            found.add(child);
            if (child instanceof java.awt.Container) {
                found.addAll(all((java.awt.Container) child));
            }
        }
        return found;
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
