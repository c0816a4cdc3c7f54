package org.gawah.cli;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

import org.gawah.Failure;
import org.gawah.GawahException;
import org.gawah.keys.Keyring;
import org.gawah.keys.Role;
import org.gawah.openpgp.Certificate;
import org.gawah.openpgp.SecretKey;
import org.gawah.vault.Vault;
import org.gawah.vault.VaultAudit;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

@Command(name = "doctor",
        description = {
            "Check this home and say what to fix: folder and file permissions, your key and the pinned certificates (present, not expired, not expiring within 30 days), at least two legal-team keys to seal to, the vault and its custody log, free disk space.",
            "Reads only; asks no passphrase. Exit code 0 when nothing must be fixed (warnings allowed), 78 otherwise.",
        },
        footer = {"", "Example:", "  gawah doctor --home ~/.gawah"})
final class DoctorCommand implements Callable<Integer> {
    static final Duration SOON = Duration.ofDays(30);
    private static final long LOW_DISK = 1L << 30;
    private static final long NO_DISK = 100L << 20;

    @ParentCommand
    GawahCommand root;

    @Mixin
    HomeOptions homeOptions;

    private Terminal terminal;
    private int failures;
    private int warnings;

    @Override
    public Integer call() {
        terminal = root.terminal;
        Home home = homeOptions.resolve(terminal);
        terminal.out().println("checking " + home.dir());
        if (!home.exists()) {
            fail("there is no Gawah home here", "create it: gawah init --home " + home.dir());
            return summary();
        }
        permissions(home);
        Keyring keyring = home.keyring();
        Instant now = Instant.now();
        Optional<SecretKey> own = keyring.ownKey();
        if (own.isEmpty()) {
            fail("this home has no key of its own", "make one: gawah keys generate --name \"YOUR WORK NAME\"");
        } else {
            expiry("your key", own.get().certificate(), now, "make a new key and give its certificate to the team");
        }
        recipients(keyring, now);
        vault(home, keyring, own);
        disk(home);
        return summary();
    }

    private void permissions(Home home) {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            ok("permissions: not checked here (Windows): the home inherits your profile folder's private access list");
            return;
        }
        mode(home.dir(), "rwx------", "chmod 700 " + home.dir());
        mode(home.vaultFile(), "rw-------", "chmod 600 " + home.vaultFile());
        try (var keys = Files.list(home.dir().resolve("keys").resolve("secret"))) {
            for (Path key : keys.toList()) {
                mode(key, "rw-------", "chmod 600 " + key);
            }
        } catch (IOException e) {
            // No secret folder yet: the key check below says what to do.
        }
    }

    private void mode(Path path, String expected, String fix) {
        try {
            Set<PosixFilePermission> actual = Files.getPosixFilePermissions(path);
            if (actual.equals(PosixFilePermissions.fromString(expected))) {
                ok(path.getFileName() + " is private (" + expected + ")");
            } else {
                fail(path + " is " + PosixFilePermissions.toString(actual) + ": others can read it", fix);
            }
        } catch (IOException e) {
            fail("cannot read the permissions of " + path + ": " + e.getMessage(), "check the folder exists and is yours");
        }
    }

    private void recipients(Keyring keyring, Instant now) {
        List<Certificate> legal = keyring.pinned(Role.LEGAL);
        // A legal team's or a receiving body's workstation receives records; it need not seal any.
        boolean workstation = !keyring.pinned(Role.DOCUMENTER).isEmpty() || !keyring.pinned(Role.CUSTODIAN).isEmpty();
        if (legal.isEmpty() && !workstation) {
            fail("no legal-team key is pinned: nothing can be sealed", "gawah keys import --role legal legal-team.asc");
        } else if (legal.size() == 1 && !workstation) {
            warn("records are sealed to a single legal-team key: if it is lost, every record is lost",
                    "pin a second one (another team member, or an escrow key kept offline): gawah keys import --role legal FILE");
        } else if (!legal.isEmpty()) {
            ok(legal.size() + " legal-team keys pinned");
        }
        if (keyring.pinned(Role.PROTECTION).isEmpty() && !workstation) {
            warn("no protection officer's key is pinned: witness identities cannot be sealed",
                    "gawah keys import --role protection protection-officer.asc");
        }
        for (Role role : Role.values()) {
            for (Certificate certificate : keyring.pinned(role)) {
                expiry(role.label() + " key " + certificate.userId(), certificate, now,
                        "ask its owner for an extended certificate, then: gawah keys import --role " + role.label() + " FILE");
            }
        }
    }

    private void expiry(String what, Certificate certificate, Instant now, String fix) {
        Optional<Instant> expires = certificate.expires();
        String fingerprint = Display.fingerprint(certificate.fingerprint());
        if (expires.isEmpty()) {
            ok(what + " (" + fingerprint + ") does not expire");
        } else if (!expires.get().isAfter(now)) {
            fail(what + " (" + fingerprint + ") expired on " + expires.get(), fix);
        } else if (expires.get().isBefore(now.plus(SOON))) {
            warn(what + " (" + fingerprint + ") expires on " + expires.get() + ", within 30 days", fix);
        } else {
            ok(what + " (" + fingerprint + ") valid until " + expires.get());
        }
    }

    private void vault(Home home, Keyring keyring, Optional<SecretKey> own) {
        try (Vault vault = home.vault()) {
            String check = vault.integrityCheck();
            if (!check.equals("ok")) {
                fail("the vault file is damaged (SQLite says: " + check + ")", "restore vault.db from a backup");
                return;
            }
            if (own.isEmpty()) {
                return;
            }
            VaultAudit.Report report = VaultAudit.run(vault, List.of(own.get().certificate()), keyring.pinned(Role.DOCUMENTER));
            ok("vault intact: " + report.records() + " records, " + report.entries() + " custody entries, chain unbroken");
        } catch (GawahException e) {
            fail("vault: " + e.getMessage(), e.hint() != null ? e.hint() : "run gawah verify --vault for details");
        }
    }

    private void disk(Home home) {
        try {
            long free = Files.getFileStore(home.dir()).getUsableSpace();
            if (free < NO_DISK) {
                fail("only " + Display.size(free) + " free on the disk of the home: sealing may fail", "free some space");
            } else if (free < LOW_DISK) {
                warn(Display.size(free) + " free on the disk of the home", "free some space before sealing large attachments");
            } else {
                ok(Display.size(free) + " free on the disk");
            }
        } catch (IOException e) {
            warn("cannot tell the free disk space: " + e.getMessage(), "check the disk");
        }
    }

    private void ok(String message) {
        terminal.out().println("  ok    " + message);
    }

    private void warn(String message, String fix) {
        warnings++;
        terminal.out().println("  WARN  " + message);
        terminal.out().println("        fix: " + fix);
    }

    private void fail(String message, String fix) {
        failures++;
        terminal.out().println("  FAIL  " + message);
        terminal.out().println("        fix: " + fix);
    }

    private int summary() {
        terminal.out().println(failures == 0 && warnings == 0 ? "all good"
                : failures + " thing(s) to fix, " + warnings + " warning(s)");
        return failures == 0 ? 0 : Failure.NOT_READY.exitCode();
    }
}
