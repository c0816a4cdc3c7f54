package org.gawah.keys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.gawah.Failure;
import org.gawah.GawahException;
import org.gawah.openpgp.Certificate;
import org.gawah.openpgp.SecretKey;
import org.gawah.vault.FilePermissions;

/**
 * The keys of one home, as armoured files under {@code keys/}: the home's own secret key in
 * {@code secret/}, pinned certificates in one folder per role. A file is named by its
 * fingerprint, and that is the pin: every load recomputes the fingerprint and refuses a file
 * whose content no longer matches its name.
 */
public final class Keyring {
    private static final Pattern FINGERPRINT = Pattern.compile("[0-9A-F]{40}|[0-9A-F]{64}");

    private final Path dir;

    public Keyring(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    /** The home's own secret key, if one was generated. */
    public Optional<SecretKey> ownKey() {
        List<Path> files = files(dir.resolve("secret"));
        if (files.size() > 1) {
            throw new GawahException(Failure.NOT_READY, Messages.of("keys.secret.several", dir.resolve("secret")),
                    Messages.of("keys.secret.several.hint"));
        }
        if (files.isEmpty()) {
            return Optional.empty();
        }
        SecretKey key = SecretKey.parse(read(files.get(0)));
        checkPin(files.get(0), key.fingerprint());
        return Optional.of(key);
    }

    public SecretKey requireOwnKey() {
        return ownKey().orElseThrow(() -> new GawahException(Failure.NOT_READY, Messages.of("keys.own.none"),
                Messages.of("keys.own.none.hint")));
    }

    public void saveOwnKey(SecretKey key) {
        if (ownKey().isPresent()) {
            throw new GawahException(Failure.NOT_READY, Messages.of("keys.own.exists"),
                    Messages.of("keys.own.exists.hint"));
        }
        write(dir.resolve("secret"), key.fingerprint(), key.armored());
    }

    /** Pins a certificate under a role. Pinning the same one again changes nothing. */
    public void pin(Role role, Certificate certificate) {
        write(dir.resolve(role.label()), certificate.fingerprint(), certificate.armored());
    }

    /** The certificates pinned under a role, each checked against its pin. */
    public List<Certificate> pinned(Role role) {
        List<Certificate> certificates = new ArrayList<>();
        for (Path file : files(dir.resolve(role.label()))) {
            Certificate certificate = Certificate.parse(read(file));
            checkPin(file, certificate.fingerprint());
            certificates.add(certificate);
        }
        return certificates;
    }

    private static void checkPin(Path file, String fingerprint) {
        String pinned = file.getFileName().toString().replaceFirst("\\.asc$", "");
        if (!pinned.equals(fingerprint)) {
            throw new GawahException(Failure.BAD_DATA, Messages.of("keys.pin.altered", file, pinned, fingerprint),
                    Messages.of("keys.pin.altered.hint"));
        }
    }

    private static List<Path> files(Path folder) {
        List<Path> files = new ArrayList<>();
        refuseLink(folder);
        if (!Files.isDirectory(folder)) {
            return files;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder, "*.asc")) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString().replaceFirst("\\.asc$", "");
                if (FINGERPRINT.matcher(name).matches()) {
                    files.add(entry);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        files.sort(null);
        return files;
    }

    /**
     * A key file or folder that is a symbolic link is refused: what it points to can be changed
     * (or read) outside the home's owner-only folder, and the pin would vouch for it.
     */
    private static void refuseLink(Path path) {
        if (Files.isSymbolicLink(path) || Files.isSymbolicLink(path.getParent())) {
            throw new GawahException(Failure.NOT_READY, Messages.of("keys.link", path), Messages.of("keys.link.hint"));
        }
    }

    private static byte[] read(Path file) {
        refuseLink(file);
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
