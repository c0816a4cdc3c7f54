package org.gawah.desktop;

import java.awt.datatransfer.DataFlavor;
import java.awt.datatransfer.UnsupportedFlavorException;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import javax.swing.TransferHandler;

/**
 * A file dropped on the window from a file manager (a submission bag, an evidence package): its
 * path is handed on, on the event thread, for a page to check off it. One file at a time: of
 * several dropped together, the first is taken. Nothing is dragged out of the window.
 */
final class FileDrop extends TransferHandler {
    private static final long serialVersionUID = 1L;

    private final transient Consumer<Path> dropped;

    FileDrop(Consumer<Path> dropped) {
        this.dropped = dropped;
    }

    @Override
    public boolean canImport(TransferSupport support) {
        return support.isDataFlavorSupported(DataFlavor.javaFileListFlavor);
    }

    @Override
    public boolean importData(TransferSupport support) {
        if (!canImport(support)) {
            return false;
        }
        List<?> files;
        try {
            files = (List<?>) support.getTransferable().getTransferData(DataFlavor.javaFileListFlavor);
        } catch (UnsupportedFlavorException | IOException e) {
            return false;
        }
        if (files.isEmpty() || !(files.get(0) instanceof File)) {
            return false;
        }
        dropped.accept(((File) files.get(0)).toPath());
        return true;
    }
}
