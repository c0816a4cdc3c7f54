package org.gawah.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import org.gawah.vault.FilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Private files and folders where the file system has POSIX modes, and no failure where it has
 * neither modes nor access lists (a zip file system stands in for a FAT USB stick here; the
 * Windows access-list branch needs NTFS and is not run on this machine).
 */
class FilePermissionsTest {
    @TempDir
    Path dir;

    @Test
    void givesOwnerOnlyModesAtCreationOnPosix() throws Exception {
        Path file = dir.resolve("vault.db");
        Path folder = dir.resolve("new/home");
        assertTrue(FilePermissions.createPrivateFile(file));
        assertTrue(FilePermissions.createPrivateDirectory(folder));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)));
    }

    @Test
    void createsAndSaysSoWhereNothingCanBeRestricted() throws Exception {
        try (FileSystem zip = FileSystems.newFileSystem(dir.resolve("stick.zip"), Map.of("create", "true"))) {
            assertFalse(zip.supportedFileAttributeViews().contains("posix"));
            assertFalse(zip.supportedFileAttributeViews().contains("acl"));
            Path folder = zip.getPath("/gawah home");
            assertFalse(FilePermissions.createPrivateDirectory(folder));
            assertFalse(FilePermissions.createPrivateFile(folder.resolve("vault.db")));
            assertTrue(Files.isDirectory(folder));
            assertTrue(Files.isRegularFile(folder.resolve("vault.db")));
        }
    }

    @Test
    void refusesAnExistingFile() throws Exception {
        Path file = Files.writeString(dir.resolve("vault.db"), "kept");
        assertThrows(FileAlreadyExistsException.class, () -> FilePermissions.createPrivateFile(file));
        assertEquals("kept", Files.readString(file));
    }
}
