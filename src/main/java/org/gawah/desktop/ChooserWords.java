package org.gawah.desktop;

import java.util.LinkedHashMap;
import java.util.Map;

import javax.swing.UIManager;

import org.gawah.Message;

/**
 * The words of Java's file chooser in the window's language. The JDK carries them in English (and
 * a few European and East Asian languages), not in Dari or Pashto: each label, button, tip and
 * column heading the chooser reads from {@code UIManager} ("FileChooser.*") is given here from
 * the window's bundle, and given again when the language changes ({@link LanguageStyle}). The
 * chooser reads them when it is made, so every chooser made after a switch speaks the new language.
 */
final class ChooserWords {
    private ChooserWords() {
    }

    /** Each UIManager key the file chooser reads, with its words; the JDK's mnemonics are left as they are. */
    static Map<String, Message> all() {
        Map<String, Message> words = new LinkedHashMap<>();
        words.put("FileChooser.lookInLabelText", Messages.of("chooser.look-in"));
        words.put("FileChooser.saveInLabelText", Messages.of("chooser.save-in"));
        words.put("FileChooser.fileNameLabelText", Messages.of("chooser.file-name"));
        words.put("FileChooser.folderNameLabelText", Messages.of("chooser.folder-name"));
        words.put("FileChooser.filesOfTypeLabelText", Messages.of("chooser.files-of-type"));
        words.put("FileChooser.upFolderToolTipText", Messages.of("chooser.up"));
        words.put("FileChooser.upFolderAccessibleName", Messages.of("chooser.up.name"));
        words.put("FileChooser.homeFolderToolTipText", Messages.of("chooser.own-folder"));
        words.put("FileChooser.homeFolderAccessibleName", Messages.of("chooser.own-folder.name"));
        words.put("FileChooser.newFolderToolTipText", Messages.of("chooser.new-folder"));
        words.put("FileChooser.newFolderAccessibleName", Messages.of("chooser.new-folder.name"));
        words.put("FileChooser.newFolderActionLabelText", Messages.of("chooser.new-folder.name"));
        words.put("FileChooser.other.newFolder", Messages.of("chooser.new-folder.name"));
        words.put("FileChooser.other.newFolder.subsequent", Messages.of("chooser.new-folder.next"));
        words.put("FileChooser.win32.newFolder", Messages.of("chooser.new-folder.name"));
        words.put("FileChooser.win32.newFolder.subsequent", Messages.of("chooser.new-folder.next"));
        words.put("FileChooser.listViewButtonToolTipText", Messages.of("chooser.list"));
        words.put("FileChooser.listViewButtonAccessibleName", Messages.of("chooser.list"));
        words.put("FileChooser.listViewActionLabelText", Messages.of("chooser.list"));
        words.put("FileChooser.detailsViewButtonToolTipText", Messages.of("chooser.details"));
        words.put("FileChooser.detailsViewButtonAccessibleName", Messages.of("chooser.details"));
        words.put("FileChooser.detailsViewActionLabelText", Messages.of("chooser.details"));
        words.put("FileChooser.viewMenuLabelText", Messages.of("chooser.view"));
        words.put("FileChooser.refreshActionLabelText", Messages.of("chooser.refresh"));
        words.put("FileChooser.fileNameHeaderText", Messages.of("chooser.name"));
        words.put("FileChooser.fileSizeHeaderText", Messages.of("chooser.size"));
        words.put("FileChooser.fileTypeHeaderText", Messages.of("chooser.type"));
        words.put("FileChooser.fileDateHeaderText", Messages.of("chooser.modified"));
        words.put("FileChooser.fileAttrHeaderText", Messages.of("chooser.attributes"));
        words.put("FileChooser.fileSizeKiloBytes", Messages.of("chooser.kilobytes"));
        words.put("FileChooser.fileSizeMegaBytes", Messages.of("chooser.megabytes"));
        words.put("FileChooser.fileSizeGigaBytes", Messages.of("chooser.gigabytes"));
        words.put("FileChooser.openButtonText", Messages.of("chooser.open"));
        words.put("FileChooser.openButtonToolTipText", Messages.of("chooser.open.tip"));
        words.put("FileChooser.directoryOpenButtonText", Messages.of("chooser.open-folder"));
        words.put("FileChooser.directoryOpenButtonToolTipText", Messages.of("chooser.open-folder.tip"));
        words.put("FileChooser.saveButtonText", Messages.of("chooser.save"));
        words.put("FileChooser.saveButtonToolTipText", Messages.of("chooser.save.tip"));
        words.put("FileChooser.cancelButtonText", Messages.of("chooser.cancel"));
        words.put("FileChooser.cancelButtonToolTipText", Messages.of("chooser.cancel.tip"));
        words.put("FileChooser.updateButtonText", Messages.of("chooser.update"));
        words.put("FileChooser.updateButtonToolTipText", Messages.of("chooser.update.tip"));
        words.put("FileChooser.helpButtonText", Messages.of("chooser.help"));
        words.put("FileChooser.helpButtonToolTipText", Messages.of("chooser.help.tip"));
        words.put("FileChooser.openDialogTitleText", Messages.of("chooser.open.title"));
        words.put("FileChooser.saveDialogTitleText", Messages.of("chooser.save.title"));
        words.put("FileChooser.acceptAllFileFilterText", Messages.of("chooser.all-files"));
        words.put("FileChooser.fileDescriptionText", Messages.of("chooser.file"));
        words.put("FileChooser.directoryDescriptionText", Messages.of("chooser.folder"));
        words.put("FileChooser.newFolderErrorText", Messages.of("chooser.new-folder.error"));
        words.put("FileChooser.newFolderParentDoesntExistTitleText", Messages.of("chooser.no-parent.title"));
        words.put("FileChooser.newFolderParentDoesntExistText", Messages.of("chooser.no-parent"));
        words.put("FileChooser.renameErrorTitleText", Messages.of("chooser.rename-error.title"));
        words.put("FileChooser.renameErrorText", Messages.of("chooser.rename-error"));
        words.put("FileChooser.renameErrorFileExistsText", Messages.of("chooser.rename-exists"));
        words.put("FileChooser.filesListAccessibleName", Messages.of("chooser.files"));
        words.put("FileChooser.filesDetailsAccessibleName", Messages.of("chooser.files-details"));
        return words;
    }

    /**
     * Puts every word in the current language into UIManager's defaults, which come before the
     * JDK's bundles whatever the chooser's locale. A word with {@code {0}} is a
     * {@link java.text.MessageFormat} pattern there: the bundle writes no apostrophe in those.
     */
    static void put() {
        all().forEach((key, words) -> UIManager.put(key, words.render()));
    }
}
