package org.gawah.cli;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.gawah.Failure;
import org.gawah.GawahException;
import org.gawah.keys.Keyring;
import org.gawah.keys.Role;
import org.gawah.openpgp.SecretKey;
import org.gawah.vault.FilePermissions;
import org.gawah.vault.SignedVault;
import org.gawah.vault.Vault;

/** A Gawah home: {@code vault.db} and {@code keys/}, in a folder only its owner can read. */
final class Home {
    private final Path dir;

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

    Keyring keyring() {
        requireExists();
        return new Keyring(dir.resolve("keys"));
    }

    Vault vault() {
        requireExists();
        return Vault.open(vaultFile());
    }

    /**
     * The vault as its signed custody logs vouch for it: this home's own key signed every entry
     * of its log; the pinned documenter keys check the logs received in bags. Without an own key
     * nothing can have been logged, so only an empty vault passes.
     */
    SignedVault signed(Vault vault) {
        Keyring keyring = keyring();
        return SignedVault.read(vault, keyring.ownKey().map(SecretKey::certificate).orElse(null),
                keyring.pinned(Role.DOCUMENTER));
    }
}
