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
 * Files dropped on the window from a file manager (a submission bag, an evidence package, files
 * to attach), or pasted after a copy there: their paths, never their contents, are handed on, on
 * the event thread, for a page to read off it. Anything else dropped (text, an image's pixels) is
 * refused, so nothing of it is held; the file stays where it was (a copy, never a move). Nothing
 * is dragged out of the window.
 */
final class FileDrop extends TransferHandler {
    private static final long serialVersionUID = 1L;

    private final transient Consumer<List<Path>> dropped;

    /** One file at a time: of several dropped together, the first is taken. */
    FileDrop(Consumer<Path> dropped) {
        this(paths -> dropped.accept(paths.get(0)), true);
    }

    private FileDrop(Consumer<List<Path>> dropped, boolean several) {
        this.dropped = dropped;
    }

    /** Every file dropped together, in the order the file manager gives them. */
    static FileDrop several(Consumer<List<Path>> dropped) {
        return new FileDrop(dropped, true);
    }

    @Override
    public boolean canImport(TransferSupport support) {
        boolean files = support.isDataFlavorSupported(DataFlavor.javaFileListFlavor);
        if (files && support.isDrop()) {
            support.setDropAction(COPY);
        }
        return files;
    }

    @Override
    public boolean importData(TransferSupport support) {
        if (!canImport(support)) {
            return false;
        }
        List<Path> paths = new ArrayList<>();
        try {
            for (Object file : (List<?>) support.getTransferable().getTransferData(DataFlavor.javaFileListFlavor)) {
                if (!(file instanceof File)) {
                    return false;
                }
                paths.add(((File) file).toPath());
            }
        } catch (UnsupportedFlavorException | IOException e) {
            return false; // the file manager took it back: nothing was dropped
        }
        if (paths.isEmpty()) {
            return false;
        }
        dropped.accept(paths);
        return true;
    }
}
