package org.gawah.desktop;

import java.awt.Component;

import javax.swing.JFileChooser;
import javax.swing.UIManager;

/**
 * The file and folder choosers of the window's pages, in the window's language: Swing words its
 * chooser in the JDK's languages only, from UI defaults read when a chooser is made, so the
 * window's own words are put there first; and the chooser turns around with the page.
 */
final class FileChoosers {
    private FileChoosers() {
    }

    static JFileChooser make(Component page) {
        UIManager.put("FileChooser.lookInLabelText", Messages.of("chooser.look-in").render());
        UIManager.put("FileChooser.fileNameLabelText", Messages.of("chooser.file-name").render());
        UIManager.put("FileChooser.folderNameLabelText", Messages.of("chooser.folder-name").render());
        UIManager.put("FileChooser.filesOfTypeLabelText", Messages.of("chooser.files-of-type").render());
        UIManager.put("FileChooser.acceptAllFileFilterText", Messages.of("chooser.all-files").render());
        UIManager.put("FileChooser.cancelButtonText", Messages.of("chooser.cancel").render());
        UIManager.put("FileChooser.openButtonText", Messages.of("chooser.open").render());
        UIManager.put("FileChooser.upFolderToolTipText", Messages.of("chooser.up").render());
        UIManager.put("FileChooser.homeFolderToolTipText", Messages.of("chooser.own-folder").render());
        UIManager.put("FileChooser.newFolderToolTipText", Messages.of("chooser.new-folder").render());
        UIManager.put("FileChooser.listViewButtonToolTipText", Messages.of("chooser.list").render());
        UIManager.put("FileChooser.detailsViewButtonToolTipText", Messages.of("chooser.details").render());
        JFileChooser chooser = new JFileChooser();
        chooser.setComponentOrientation(page.getComponentOrientation());
        return chooser;
    }
}
