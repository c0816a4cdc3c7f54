package org.gawah.vault;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryFlag;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Creates files and folders that only their owner can open, with what the file system offers:
 * POSIX modes (Linux, macOS: 0600 and 0700, given at creation, so others never could open them);
 * else an access list (Windows NTFS: set right after creation, before anything is written: one
 * entry, the owner with full control, in place of those inherited from the parent folder); else
 * nothing (FAT and exFAT USB sticks, some network shares), and likewise where the access list
 * cannot be changed: the item is created all the same and the method returns false, so the caller
 * can say that it could not be made private. An existing item is refused
 * ({@link java.nio.file.FileAlreadyExistsException}).
 */
public final class FilePermissions {
    private FilePermissions() {
    }

    /** Creates an empty file only its owner can open; true when the file system could restrict it. */
    public static boolean createPrivateFile(Path file) throws IOException {
        if (posix(file)) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            return true;
        }
        Files.createFile(file);
        return ownerOnly(file, Set.of());
    }

    /**
     * Creates a folder (its parents as they come) only its owner can open, whose access list, where
     * there is one, is inherited by what is created inside; true when it could be restricted.
     */
    public static boolean createPrivateDirectory(Path dir) throws IOException {
        if (dir.getParent() != null) {
            Files.createDirectories(dir.getParent());
        }
        if (posix(dir)) {
            Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            return true;
        }
        Files.createDirectory(dir);
        return ownerOnly(dir, EnumSet.of(AclEntryFlag.FILE_INHERIT, AclEntryFlag.DIRECTORY_INHERIT));
    }

    /**
     * The item's POSIX mode ({@code rwxr-xr-x}) when its group or others have any permission on
     * it; empty when only its owner has, or where the file system has no POSIX modes (Windows
     * access lists are set at creation and not checked here). Follows a link to its target.
     */
    public static Optional<String> openToOthers(Path path) throws IOException {
        if (!posix(path)) {
            return Optional.empty();
        }
        Set<PosixFilePermission> mode = Files.getPosixFilePermissions(path);
        return mode.stream().anyMatch(OTHERS::contains) ? Optional.of(PosixFilePermissions.toString(mode)) : Optional.empty();
    }

    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    /** Makes sure a folder is there; one made now is made as {@link #createPrivateDirectory} does. */
    public static void ensurePrivateDirectory(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            try {
                createPrivateDirectory(dir);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                // Made meanwhile by another command: there it is.
            }
        }
    }

    private static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    /** Replaces the item's access list by one entry for its owner; false where that cannot be done. */
    private static boolean ownerOnly(Path path, Set<AclEntryFlag> inheritance) {
        try {
            AclFileAttributeView view = Files.getFileAttributeView(path, AclFileAttributeView.class);
            if (view == null || !Files.getFileStore(path).supportsFileAttributeView(AclFileAttributeView.class)) {
                return false;
            }
            // The owner is whoever just created it: this user (or the Administrators group, when an
            // elevated administrator created it, as Windows does).
            view.setAcl(ownerOnlyAcl(view.getOwner(), inheritance));
            return true;
        } catch (IOException | UnsupportedOperationException e) {
            // Created, but only as private as its folder makes it: the caller is told so.
            return false;
        }
    }

    /** The access list that lets {@code owner} do everything and nobody else anything. */
    private static List<AclEntry> ownerOnlyAcl(UserPrincipal owner, Set<AclEntryFlag> inheritance) {
        return List.of(AclEntry.newBuilder()
                .setType(AclEntryType.ALLOW)
                .setPrincipal(owner)
                .setPermissions(EnumSet.allOf(AclEntryPermission.class))
                .setFlags(inheritance)
                .build());
    }
}
