package org.gawah.keys;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.gawah.Failure;
import org.gawah.GawahException;
import org.gawah.openpgp.Certificate;
import org.gawah.openpgp.SecretKey;
import org.gawah.tsp.TsaCertificate;
import org.gawah.vault.FilePermissions;
import org.gawah.vault.Vault;
import org.gawah.vault.VaultLocation;

/**
 * The keys of one home, as armoured files under {@code keys/}: the home's own secret key in
 * {@code secret/}, pinned certificates in one folder per role. A file is named by its
 * fingerprint, and every file is held to the signed record before any key is handed out
 * ({@link KeyringCheck}, docs/format/home.md): a certificate copied in by hand, altered, renamed,
 * moved to another role, or any other file there, stops every command that uses keys, named.
 */
public final class Keyring {
    private final Path dir;
    private final Set<String> ignoring;
    private KeyringCheck.Result checked;

    /** {@code dir} is the home's {@code keys/} folder; the vault beside it holds the log the keys are checked against. */
    public Keyring(Path dir) {
        this(dir, Set.of());
    }

    private Keyring(Path dir, Set<String> ignoring) {
        this.dir = dir;
        this.ignoring = Set.copyOf(ignoring);
    }

    public Path dir() {
        return dir;
    }

    /**
     * This keyring with the pins of these fingerprints left out of the check: for {@code keys
     * import}, which is about to replace them with a certificate it checked and logs.
     */
    public Keyring ignoring(Set<String> fingerprints) {
        return new Keyring(dir, fingerprints);
    }

    /** The home's own secret key, if one was generated or imported. */
    public Optional<SecretKey> ownKey() {
        return sound().own();
    }

    public SecretKey requireOwnKey() {
        return ownKey().orElseThrow(() -> new GawahException(Failure.NOT_READY, Messages.of("keys.own.none"),
                Messages.of("keys.own.none.hint")));
    }

    /** The certificates pinned under a role, each checked against its custody entry. */
    public List<Certificate> pinned(Role role) {
        return sound().pins().getOrDefault(role, List.of());
    }

    /** The time-stamping authorities' certificates pinned in the home's {@code tsa/}, each checked against its {@code tsa_pinned} entry. */
    public List<TsaCertificate> tsaPinned() {
        return sound().tsas();
    }

        /** The roles a fingerprint is pinned under, with the certificate pinned there. */
    public Map<Role, Certificate> pinsOf(String fingerprint) {
        Map<Role, Certificate> roles = new LinkedHashMap<>();
        sound().pins().forEach((role, certificates) -> certificates.stream()
                .filter(c -> c.fingerprint().equals(fingerprint)).findFirst().ifPresent(c -> roles.put(role, c)));
        return roles;
    }

    /** Everything wrong with this keyring, own key first, each naming its file; empty when it is sound. */
    public List<GawahException> problems() {
        return checked().problems();
    }

    /** The own key, if it passed its checks, whatever else is wrong (for {@code doctor}). */
    public Optional<SecretKey> ownKeyDespiteProblems() {
        return checked().own();
    }

    /**
     * The own key when its file is sound but the vault's log does not admit it: a new analyst's
     * on a team vault, waiting to be admitted, can still hand out its certificate (never sign).
     */
    public Optional<SecretKey> ownKeyAwaitingAdmission() {
        return checked().unadmitted();
    }

    /** The pins that passed their checks, whatever else is wrong (for {@code doctor}). */
    public List<Certificate> pinnedDespiteProblems(Role role) {
        return checked().pins().getOrDefault(role, List.of());
    }

    /**
     * The entries a home made before key roles were logged still owes: one per pin (and for the
     * own key), which the next signed transaction writes first (docs/format/home.md).
     */
    public List<Vault.PendingEntry> unbound() {
        return sound().unbound();
    }

    /** The subject of the custody entry that pins a certificate under a role. */
    public static String subject(String fingerprint, Role role) {
        return KeyEntry.subject(fingerprint, role.label());
    }

    /** The subject of the custody entry that makes a key this home's own. */
    public static String ownSubject(String fingerprint) {
        return KeyEntry.subject(fingerprint, KeyEntry.OWN);
    }

    /** The role with this label ({@code legal}, ...), if any. */
    public static Optional<Role> role(String label) {
        for (Role role : Role.values()) {
            if (role.label().equals(label)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }

    /**
     * Refuses a second own key, and an own key for a vault of its own ({@code vault.db}) whose log
     * another key already signs (a workstation's log has one actor for life). Returns whether the
     * new key's {@code FPR/own} entry can be logged now: on a vault several analysts share
     * ({@code vault.url}) whose log has entries, a new analyst's key is kept but not logged until an
     * analyst already admitted admits it ({@code gawah vault admit}); its first signature binds it.
     */
    public boolean checkCanTakeOwnKey() {
        if (hasSecretFile()) {
            throw new GawahException(Failure.NOT_READY, Messages.of("keys.own.exists"),
                    Messages.of("keys.own.exists.hint"));
        }
        VaultLocation vaultFile = VaultLocation.ofHome(dir.getParent());
        if (!vaultFile.exists()) {
            return true;
        }
        long entries;
        try (Vault vault = Vault.open(vaultFile)) {
            entries = vault.keyLogRows().count();
        }
        if (entries == 0) {
            return true;
        }
        if (VaultLocation.shared(dir.getParent())) {
            return false;
        }
        throw new GawahException(Failure.NOT_READY, Messages.of("keys.own.log-taken", entries),
                Messages.of("keys.own.log-taken.hint"));
    }

    /** Saves the own key; the caller logs it ({@link #ownSubject}). */
    public void saveOwnKey(SecretKey key) {
        checkCanTakeOwnKey();
        write(dir.resolve(KeyringCheck.SECRET), key.fingerprint(), key.armored());
        checked = null;
    }

    /** Pins a certificate under a role (replacing the file of an earlier version); the caller logs it ({@link #subject}). */
    public void pin(Role role, Certificate certificate) {
        write(dir.resolve(role.label()), certificate.fingerprint(), certificate.armored());
        checked = null;
    }

    private KeyringCheck.Result checked() {
        if (checked == null) {
            checked = KeyringCheck.run(dir, VaultLocation.ofHome(dir.getParent()), ignoring);
        }
        return checked;
    }

    private KeyringCheck.Result sound() {
        KeyringCheck.Result result = checked();
        if (!result.problems().isEmpty()) {
            throw result.problems().get(0);
        }
        return result;
    }

    private boolean hasSecretFile() {
        Path folder = dir.resolve(KeyringCheck.SECRET);
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder, "*.asc")) {
            return entries.iterator().hasNext();
        } catch (IOException e) {
            throw new GawahException(Failure.MISSING_INPUT, Messages.of("keys.file.unreadable", folder, e.getMessage()));
        }
    }

    /** Null when the file is named by this fingerprint, else the refusal naming both. */
    static GawahException altered(Path file, String fingerprint) {
        String pinned = file.getFileName().toString().replaceFirst("\\.(?:asc|pem)$", "");
        if (pinned.equals(fingerprint)) {
            return null;
        }
        return new GawahException(Failure.BAD_DATA, Messages.of("keys.pin.altered", file, pinned, fingerprint),
                Messages.of("keys.pin.altered.hint"));
    }

    static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new GawahException(Failure.MISSING_INPUT, Messages.of("keys.file.unreadable", file, e.getMessage()));
        }
    }

    /** Writes through a temporary file and a rename, so a crash never leaves half a key. */
    private static void write(Path folder, String fingerprint, String armored) {
        try {
            FilePermissions.ensurePrivateDirectory(folder);
            Path target = folder.resolve(fingerprint + ".asc");
            Path temporary = folder.resolve("." + fingerprint + ".tmp");
            Files.deleteIfExists(temporary);
            // 0600 on POSIX, an owner-only access list on NTFS, before a byte is written: a secret key
            // above all, and certificates too (their user IDs may name people, and who the team is).
            FilePermissions.createPrivateFile(temporary);
            Files.write(temporary, armored.getBytes(StandardCharsets.US_ASCII));
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new GawahException(Failure.INTERNAL, Messages.of("keys.file.unwritable", folder, e.getMessage()), null, e);
        }
    }
}
