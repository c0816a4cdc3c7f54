package org.gawah.desktop;

import java.awt.datatransfer.DataFlavor;
import java.awt.datatransfer.UnsupportedFlavorException;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import javax.swing.TransferHandler;

/**
 * Files dropped on a page from a file manager (or pasted after a copy there): their paths, never
 * their contents, go to the page, which reads each file itself as it seals it. Anything else
 * dropped (text, an image's pixels) is refused, so nothing of it is held.
 */
final class FileDrop extends TransferHandler {
    private static final long serialVersionUID = 1L;

    private final transient Consumer<List<Path>> dropped;

    FileDrop(Consumer<List<Path>> dropped) {
        this.dropped = dropped;
    }

    @Override
    public boolean canImport(TransferSupport support) {
        boolean files = support.isDataFlavorSupported(DataFlavor.javaFileListFlavor);
        if (files && support.isDrop()) {
            support.setDropAction(COPY); // the file stays where it is; only its sealed copy goes into the vault
        }
        return files;
    }

    @Override
    public boolean importData(TransferSupport support) {
        if (!canImport(support)) {
            return false;
        }
        try {
            List<Path> paths = new ArrayList<>();
            for (Object file : (List<?>) support.getTransferable().getTransferData(DataFlavor.javaFileListFlavor)) {
                paths.add(((File) file).toPath());
            }
            if (paths.isEmpty()) {
                return false;
            }
            dropped.accept(paths);
            return true;
        } catch (UnsupportedFlavorException | IOException e) {
            return false; // the file manager took it back: nothing was dropped
        }
    }
}
