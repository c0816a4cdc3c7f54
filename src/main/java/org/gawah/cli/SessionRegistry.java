package org.gawah.cli;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

import org.gawah.vault.FilePermissions;

/**
 * This user's list of running interviews, whatever their home, so that {@code gawah lock} finds
 * them all (docs/format/home.md, "Running interviews"): {@code $XDG_RUNTIME_DIR/gawah/} where the
 * session has a runtime folder (Linux: memory only, this user's, gone at power-off), else
 * {@code gawah-USER/} in the temporary folder (per user on Windows and macOS; on Linux often
 * shared, hence the checks). It holds one file per interview, named by its process id, holding
 * only the process's start time: no home path, nothing typed.
 */
final class SessionRegistry {
    private SessionRegistry() {
    }

    /**
     * The folder, created owner-only if missing; empty when it cannot be trusted: not a folder, a
     * link, someone else's, or open to others (another user on a shared temporary folder could
     * otherwise list, or plant, sessions).
     */
    static Optional<Path> folder(Terminal terminal) {
        String runtime = terminal.env("XDG_RUNTIME_DIR");
        Path folder = runtime != null && !runtime.isBlank() && Files.isDirectory(Path.of(runtime))
                ? Path.of(runtime, "gawah")
                : Path.of(System.getProperty("java.io.tmpdir"), "gawah-" + System.getProperty("user.name"));
        try {
            FilePermissions.createPrivateDirectory(folder);
        } catch (FileAlreadyExistsException e) {
            // Made by an earlier run, or by someone else: checked below.
        } catch (IOException e) {
            return Optional.empty();
        }
        return trusted(folder) ? Optional.of(folder) : Optional.empty();
    }

    private static boolean trusted(Path folder) {
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        if (!folder.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return true; // Windows: the temporary folder is the user's own, and the folder got an owner-only list
        }
        try {
            return Files.getOwner(folder, LinkOption.NOFOLLOW_LINKS).getName().equals(System.getProperty("user.name"))
                    && FilePermissions.openToOthers(folder).isEmpty();
        } catch (IOException e) {
            return false;
        }
    }
}
