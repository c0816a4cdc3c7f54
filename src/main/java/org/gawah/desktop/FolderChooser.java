package org.gawah.desktop;

import java.awt.Component;
import java.io.File;
import java.nio.file.Path;
import java.util.Locale;

import javax.swing.JFileChooser;
import javax.swing.UIManager;
/**
 * Asks for the folder an attachment is saved into: Swing's own file chooser, folders only, in the
 * window's language and direction. Swing brings its chooser's words in English only, so each is
 * given here from the window's bundle (the keys Swing's chooser reads when it is made).
 */
final class FolderChooser {
    /** Swing's keys for its chooser's words, each with the window's key for them. */
    private static final Object[][] WORDS = {
        {"FileChooser.lookInLabelText", Messages.of("chooser.look-in")},
        {"FileChooser.saveInLabelText", Messages.of("chooser.look-in")},
        {"FileChooser.fileNameLabelText", Messages.of("chooser.folder-name")},
        {"FileChooser.folderNameLabelText", Messages.of("chooser.folder-name")},
        {"FileChooser.filesOfTypeLabelText", Messages.of("chooser.files-of-type")},
        {"FileChooser.acceptAllFileFilterText", Messages.of("chooser.all-files")},
        {"FileChooser.cancelButtonText", Messages.of("chooser.cancel")},
        {"FileChooser.cancelButtonToolTipText", Messages.of("chooser.cancel")},
        {"FileChooser.openButtonText", Messages.of("chooser.open")},
        {"FileChooser.directoryOpenButtonText", Messages.of("chooser.open")},
        {"FileChooser.directoryOpenButtonToolTipText", Messages.of("chooser.open")},
        {"FileChooser.upFolderToolTipText", Messages.of("chooser.up")},
        {"FileChooser.homeFolderToolTipText", Messages.of("chooser.home")},
        {"FileChooser.newFolderToolTipText", Messages.of("chooser.new-folder")},
        {"FileChooser.newFolderErrorText", Messages.of("chooser.new-folder-error")},
        {"FileChooser.listViewButtonToolTipText", Messages.of("chooser.list")},
        {"FileChooser.detailsViewButtonToolTipText", Messages.of("chooser.details")},
        {"FileChooser.fileNameHeaderText", Messages.of("chooser.name")},
        {"FileChooser.fileSizeHeaderText", Messages.of("chooser.size")},
        {"FileChooser.fileDateHeaderText", Messages.of("chooser.modified")},
    };

    private FolderChooser() {
    }

    /** The folder chosen, or null when the chooser was cancelled. */
    static Path choose(Component parent, Locale language) {
        for (Object[] word : WORDS) {
            UIManager.put(word[0], ((org.gawah.Message) word[1]).render());
        }
        JFileChooser chooser = new JFileChooser();
        chooser.setName("reader.chooser");
        chooser.setFileSelectionMode(JFileChooser.DIRECTORIES_ONLY);
        chooser.setDialogTitle(Messages.of("reader.choose-folder").render());
        chooser.setApproveButtonText(Messages.of("reader.choose").render());
        chooser.setLocale(language);
        chooser.applyComponentOrientation(LanguageStyle.of(language).orientation());
        // A path reads left to right in every language: its field is turned back (else /home/x shows as home/x/).
        for (java.awt.Component c : all(chooser)) {
            if (c instanceof javax.swing.JTextField) {
                c.setComponentOrientation(java.awt.ComponentOrientation.LEFT_TO_RIGHT);
            }
        }
        if (chooser.showDialog(parent, null) != JFileChooser.APPROVE_OPTION) {
            return null;
        }
        File folder = chooser.getSelectedFile();
        return folder == null ? null : folder.toPath();
    }

    private static java.util.List<java.awt.Component> all(java.awt.Container root) {
        java.util.List<java.awt.Component> found = new java.util.ArrayList<>();
        for (java.awt.Component child : root.getComponents()) {
            found.add(child);
            if (child instanceof java.awt.Container) {
                found.addAll(all((java.awt.Container) child));
            }
        }
        return found;
    }
}
