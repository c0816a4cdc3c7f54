package org.gawah.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.gawah.Digests;

/**
 * The computer and home a file being written belongs to, as the vault's {@code outputs} rows name
 * it (docs/format/vault.md, version 9): on a team vault several computers register files, and a
 * command may settle only those of its own home, whose {@code outputs.lock} tells whether their
 * command still runs. A digest, so a shared vault learns no host name nor folder, only which
 * rows come from the same home.
 */
final class Machine {
    /** Where Linux (systemd, D-Bus) keeps the computer's random id, made once at installation. */
    private static final List<Path> MACHINE_ID = List.of(Path.of("/etc/machine-id"), Path.of("/var/lib/dbus/machine-id"));

    private Machine() {
    }

    /** 32 hex digits: the first 128 bits of SHA-256 over the computer's id and the home's folder. */
    static String of(Home home) {
        byte[] what = ("gawah.outputs.machine/1\n" + computer() + "\n" + folder(home)).getBytes(StandardCharsets.UTF_8);
        return Digests.sha256(what).substring(0, 32);
    }

    /** The home's folder as the system resolves it: the same home reached through a link is the same home. */
    private static Path folder(Home home) {
        try {
            return home.dir().toRealPath();
        } catch (IOException | SecurityException e) {
            return home.dir();
        }
    }

    /**
     * The computer's own id where the system keeps one; else its name (Windows says it in
     * {@code COMPUTERNAME}, Unix in {@code /etc/hostname}); else nothing, and the home's folder
     * alone tells homes apart.
     */
    private static String computer() {
        for (Path file : MACHINE_ID) {
            try {
                String id = Files.readString(file, StandardCharsets.US_ASCII).strip();
                if (!id.isEmpty()) {
                    return id;
                }
            } catch (IOException | SecurityException e) {
                // Not Linux, or not readable: the next way.
            }
        }
        String windows = System.getenv("COMPUTERNAME");
        if (windows != null && !windows.isBlank()) {
            return windows.strip();
        }
        try {
            return Files.readString(Path.of("/etc/hostname"), StandardCharsets.UTF_8).strip();
        } catch (IOException | SecurityException e) {
            return "";
        }
    }
}
