package org.gawah.vault;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Creates the vault file readable by its owner only, where the file system knows owners. */
final class FilePermissions {
    private FilePermissions() {
    }

    static void createPrivateFile(Path file) throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            // Windows: the file inherits the ACL of the user's profile folder, which is private.
            Files.createFile(file);
        }
    }
}
