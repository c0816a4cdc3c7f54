package org.gawah.cli;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.gawah.Failure;
import org.gawah.GawahException;
import org.gawah.keys.Keyring;
import org.gawah.vault.FilePermissions;
import org.gawah.vault.Vault;

/** A Gawah home: {@code vault.db} and {@code keys/}, in a folder only its owner can read. */
final class Home {
    private final Path dir;
    private Keyring keyring;

    Home(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    Path dir() {
        return dir;
    }

    Path vaultFile() {
        return dir.resolve("vault.db");
    }

    boolean exists() {
        return Files.isRegularFile(vaultFile());
    }

    /** Creates the folder (0700) and the vault. Returns false when it was already there. */
    boolean create() {
        boolean existed = exists();
        try {
            if (!Files.isDirectory(dir)) {
                // 0700 on POSIX, an owner-only access list inherited by everything inside on NTFS.
                FilePermissions.createPrivateDirectory(dir);
            } else if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            }
            Files.createDirectories(dir.resolve("keys"));
        } catch (IOException e) {
            throw new GawahException(Failure.NOT_READY, Messages.of("home.cannot-create", dir, e.getMessage()));
        }
        Vault.open(vaultFile()).close();
        return !existed;
    }

    private void requireExists() {
        if (!exists()) {
            throw new GawahException(Failure.NOT_READY, Messages.of("home.missing", dir),
                    Messages.of("home.missing.hint", dir));
        }
    }

    /** The home's keyring, checked against the vault's custody log once per command (docs/format/home.md). */
    Keyring keyring() {
        requireExists();
        if (keyring == null) {
            keyring = new Keyring(dir.resolve("keys"));
        }
        return keyring;
    }

    /**
     * The keyring with the pins of these fingerprints left out of its check, used for the rest of
     * this command: {@code keys import} replaces them with a certificate it checked and logs.
     */
    Keyring keyringReplacing(java.util.Set<String> fingerprints) {
        keyring = keyring().ignoring(fingerprints);
        return keyring;
    }

    /**
     * The vault. When this command uses keys and the keyring was made before key roles were
     * logged, the first entry the command signs is preceded by the entries that bind them.
     */
    Vault vault() {
        requireExists();
        Vault vault = Vault.open(vaultFile());
        if (keyring != null && keyring.problems().isEmpty()) {
            vault.precedeNextEntry(keyring.unbound());
        }
        return vault;
    }
}
