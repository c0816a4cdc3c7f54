package org.gawah.app;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.gawah.Failure;
import org.gawah.GawahException;
import org.gawah.vault.FilePermissions;

/** Files the user asked for: created new (never overwritten), readable by the owner only. */
public final class OutputFile {
    private OutputFile() {
    }

    /** Creates an empty file readable by its owner only; refuses an existing one. */
    public static void createPrivate(Path file) {
        try {
            // Owner-only where the file system can say so (POSIX modes, NTFS access lists); a FAT stick cannot.
            FilePermissions.createPrivateFile(file);
        } catch (FileAlreadyExistsException e) {
            throw new GawahException(Failure.OUTPUT_EXISTS, Messages.of("output.exists", file),
                    Messages.of("output.exists.hint"));
        } catch (IOException e) {
            throw new GawahException(Failure.MISSING_INPUT, Messages.of("output.cannot-create", file, e.getMessage()));
        }
    }

    public static void writeNew(Path file, byte[] data) {
        createPrivate(file);
        try (OutputStream stream = Files.newOutputStream(file, StandardOpenOption.WRITE)) {
            stream.write(data);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // The write failure below is the one to report.
            }
            throw new GawahException(Failure.MISSING_INPUT, Messages.of("output.cannot-write", file, e.getMessage()));
        }
    }
}
