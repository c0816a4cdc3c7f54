package org.gawah.keys;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.gawah.Failure;
import org.gawah.GawahException;
import org.gawah.tsp.TsaCertificate;
import org.gawah.tsp.TsaConnection;
import org.gawah.vault.FilePermissions;

/**
 * The time-stamping authorities a home trusts (docs/format/home.md, "Time-stamping
 * authorities"): {@code HOME/tsa/FPR.pem}, each an X.509 certificate named by the SHA-256 of its
 * DER encoding, and {@code HOME/tsa/urls.txt}, where to ask. A pin counts only with its
 * {@code tsa_pinned} custody entry (the keyring's check reads and holds every file here to it);
 * a URL is where to ask, never whom to trust, and is not signed.
 */
public final class TsaPins {
    public static final String URLS = "urls.txt";

    private final Path dir;

    public TsaPins(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    /** Pins a certificate; pinning the same one again changes nothing. */
    public void pin(TsaCertificate certificate) {
        write(certificate.fingerprint() + ".pem", certificate.pem());
    }

    /** Where to ask, in the order added. */
    public List<URI> urls() {
        Path file = dir.resolve(URLS);
        List<URI> urls = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            return urls;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    urls.add(TsaConnection.parse(line));
                }
            }
        } catch (IOException e) {
            throw new GawahException(Failure.MISSING_INPUT, Messages.of("keys.file.unreadable", file, e.getMessage()));
        }
        return urls;
    }

    /** Adds a URL to ask (once). */
    public void addUrl(URI url) {
        Set<String> lines = new LinkedHashSet<>();
        urls().forEach(u -> lines.add(u.toString()));
        lines.add(url.toString());
        write(URLS, String.join("\n", lines) + "\n");
    }

    private void write(String name, String text) {
        try {
            FilePermissions.ensurePrivateDirectory(dir);
            Path target = dir.resolve(name);
            Path temporary = dir.resolve("." + name + ".tmp");
            Files.deleteIfExists(temporary);
            FilePermissions.createPrivateFile(temporary);
            Files.write(temporary, text.getBytes(StandardCharsets.UTF_8));
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new GawahException(Failure.INTERNAL, Messages.of("keys.file.unwritable", dir, e.getMessage()), null, e);
        }
    }
}
