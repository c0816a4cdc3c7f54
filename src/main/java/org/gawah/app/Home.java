package org.gawah.app;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.gawah.Failure;
import org.gawah.GawahException;
import org.gawah.Message;
import org.gawah.keys.Keyring;
import org.gawah.keys.Role;
import org.gawah.openpgp.SecretKey;
import org.gawah.vault.FilePermissions;
import org.gawah.vault.SignedVault;
import org.gawah.vault.Vault;
import org.gawah.vault.VaultLocation;

/**
 * A Gawah home: {@code vault.db} (or {@code vault.url}, the address of a team vault on a
 * PostgreSQL server) and {@code keys/}, in a folder only its owner can read.
 */
public final class Home {
    private final Path dir;
    private Keyring keyring;
    private final Consumer<Message> warnings;

    /**
     * {@code warnings}: where the home says what it did to files a killed command left (see
     * {@link #vault()}): the terminal's warnings for a command, a line on the page for the window.
     */
    public Home(Path dir, Consumer<Message> warnings) {
        this.dir = dir.toAbsolutePath().normalize();
        this.warnings = warnings;
    }

    public Path dir() {
        return dir;
    }

    public Path vaultFile() {
        return dir.resolve("vault.db");
    }

    private Path urlFile() {
        return dir.resolve(VaultLocation.URL_FILE);
    }

    /** The vault: the team vault {@code vault.url} names, else {@code vault.db}. */
    public VaultLocation vaultLocation() {
        return VaultLocation.ofHome(dir);
    }

    /** What commands say the vault is: the file's path, or the team vault's address. */
    public String vaultName() {
        return vaultLocation().display();
    }

    /** Whether this home names a vault in {@code vault.url}, which other homes may share, rather than keeping its own {@code vault.db}. */
    public boolean sharesItsVault() {
        return Files.isRegularFile(urlFile());
    }

    public boolean exists() {
        return Files.isRegularFile(vaultFile()) || Files.isRegularFile(urlFile());
    }

    /**
     * Creates the folder (0700) and the vault; with {@code teamVault}, the home's vault is that
     * database (or vault file several homes share, made if it is not there yet), named in
     * {@code vault.url} (0600, no secret in it). Returns false when the home was
     * already there (with the same vault; another is refused).
     */
    public boolean create(VaultLocation teamVault) {
        boolean existed = exists();
        if (existed && teamVault != null && !teamVault.equals(vaultLocation())) {
            throw new GawahException(Failure.NOT_READY, Messages.of("home.other-vault", dir, vaultName()),
                    Messages.of("home.other-vault.hint"));
        }
        try {
            if (!Files.isDirectory(dir)) {
                // 0700 on POSIX, an owner-only access list inherited by everything inside on NTFS.
                FilePermissions.createPrivateDirectory(dir);
            } else if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            }
            FilePermissions.ensurePrivateDirectory(dir.resolve("keys"));
        } catch (IOException e) {
            throw new GawahException(Failure.NOT_READY, Messages.of("home.cannot-create", dir, e.getMessage()));
        }
        if (teamVault != null && !existed) {
            // The database first: an address that does not open leaves no home behind it.
            Vault.open(teamVault).close();
            try {
                FilePermissions.createPrivateFile(urlFile());
                Files.writeString(urlFile(), teamVault.display() + "\n", java.nio.charset.StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new GawahException(Failure.NOT_READY, Messages.of("home.cannot-create", dir, e.getMessage()));
            }
            return true;
        }
        Vault.open(vaultLocation()).close();
        return !existed;
    }

    private void requireExists() {
        if (!exists()) {
            throw new GawahException(Failure.NOT_READY, Messages.of("home.missing", dir),
                    Messages.of("home.missing.hint", dir));
        }
    }

    /** The home's keyring, checked against the vault's custody log once per command (docs/format/home.md). */
    public Keyring keyring() {
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
    public Keyring keyringReplacing(java.util.Set<String> fingerprints) {
        keyring = keyring().ignoring(fingerprints);
        return keyring;
    }

    /**
     * The vault, once what a killed command left outside it (a partial package, bag or attachment)
     * is settled: every command that opens the vault cleans up after the one before. When this
     * command uses keys and the keyring was made before key roles were logged, the first entry the
     * command signs is preceded by the entries that bind them.
     */
    public Vault vault() {
        requireExists();
        Vault vault = Vault.open(vaultLocation());
        PartialFiles.cleanUp(warnings, this, vault);
        if (keyring != null && keyring.problems().isEmpty()) {
            vault.precedeNextEntry(keyring.unbound());
        }
        return vault;
    }

    /** An item of this home that others on this computer could open, with its mode. */
    public record Exposed(Path path, String mode) {
    }

    /**
     * What holds the witness's secrets, or leads to them, and is open to others: the folder, the
     * vault and its journal, the secret key. Checked by every command, so it stays a few calls;
     * {@code gawah doctor} checks every folder and file in the home.
     */
    public List<Exposed> openToOthers() {
        List<Path> items = new ArrayList<>(List.of(dir, vaultFile(), journalFile(), urlFile()));
        try (var secret = Files.list(dir.resolve("keys").resolve("secret"))) {
            secret.forEach(items::add);
        } catch (IOException e) {
            // No secret key (yet): nothing to check there.
        }
        List<Exposed> open = new ArrayList<>();
        for (Path item : items) {
            try {
                FilePermissions.openToOthers(item).ifPresent(mode -> open.add(new Exposed(item, mode)));
            } catch (IOException e) {
                // Not there (no journal between writes, a home not made yet): nothing to expose.
            }
        }
        return open;
    }

    public Path journalFile() {
        return dir.resolve("vault.db-journal");
    }

    /**
     * The vault as its signed custody logs vouch for it: this home's own key signed every entry
     * of its log; the pinned documenter keys check the logs received in bags. Without an own key
     * nothing can have been logged, so only an empty vault passes.
     */
    public SignedVault signed(Vault vault) {
        Keyring keyring = keyring();
        return SignedVault.read(vault, keyring.ownKey().map(SecretKey::certificate).orElse(null),
                keyring.pinned(Role.DOCUMENTER));
    }
}
