package org.gawah.cli;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.gawah.Failure;
import org.gawah.GawahException;
import org.gawah.Message;
import org.gawah.app.Home;
import org.gawah.app.PartialFiles;
import org.gawah.keys.Keyring;
import org.gawah.keys.Role;
import org.gawah.openpgp.Certificate;
import org.gawah.openpgp.SecretKey;
import org.gawah.vault.FilePermissions;
import org.gawah.vault.OutputInProgress;
import org.gawah.vault.Vault;
import org.gawah.vault.VaultAudit;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

@Command(name = "doctor")
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
    private ReportLines lines;
    private int warnings;

    @Override
    public Integer call() {
        terminal = root.terminal;
        Home home = homeOptions.resolve(terminal);
        terminal.line(Messages.of("doctor.checking", home.dir()).render());
        if (!home.exists()) {
            fail(Messages.of("doctor.no-home"), Messages.of("doctor.no-home.fix", home.dir()));
            return summary();
        }
        permissions(home);
        Keyring keyring = home.keyring();
        Instant now = Instant.now();
        // Each file the signed record does not vouch for, named; the rest is checked as usual.
        for (GawahException problem : keyring.problems()) {
            fail(problem.message(), problem.hintMessage() != null ? problem.hintMessage() : Messages.of("doctor.vault-failed.fix"));
        }
        Optional<SecretKey> own = keyring.ownKeyDespiteProblems();
        if (own.isEmpty() && keyring.problems().isEmpty()) {
            fail(Messages.of("doctor.no-key"), Messages.of("doctor.no-key.fix"));
        } else if (own.isPresent()) {
            ownKey(own.get().certificate(), now);
        }
        recipients(keyring, now);
        vault(home, keyring, own);
        disk(home);
        return summary();
    }

    /**
     * Every folder and file of the home: none may be open to others, none may be a link (the
     * commands refuse a linked vault or key; a link elsewhere leads out of the private folder).
     * The home folder itself may be a link to where it really is.
     */
    private void permissions(Home home) {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            ok(Messages.of("doctor.permissions-not-checked"));
            return;
        }
        int checked = 0;
        int before = failures;
        try (Stream<Path> items = Files.walk(home.dir().toRealPath())) {
            for (Path item : (Iterable<Path>) items::iterator) {
                checked++;
                if (Files.isSymbolicLink(item)) {
                    fail(Messages.of("doctor.link", item), Messages.of("doctor.link.fix"));
                    continue;
                }
                Optional<String> open = FilePermissions.openToOthers(item);
                if (open.isPresent()) {
                    fail(Messages.of("doctor.others-can-read", item, open.get()),
                            Messages.of("doctor.chmod", Files.isDirectory(item) ? "700" : "600", item));
                }
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            fail(Messages.of("doctor.cannot-read-permissions", home.dir(), e.getMessage()),
                    Messages.of("doctor.cannot-read-permissions.fix"));
            return;
        }
        if (failures == before) {
            ok(Messages.of("doctor.all-private", checked));
        }
    }

    private void recipients(Keyring keyring, Instant now) {
        List<Certificate> legal = keyring.pinnedDespiteProblems(Role.LEGAL);
        // A legal team's or a receiving body's workstation receives records; it need not seal any.
        boolean workstation = !keyring.pinnedDespiteProblems(Role.DOCUMENTER).isEmpty()
                || !keyring.pinnedDespiteProblems(Role.CUSTODIAN).isEmpty();
        if (legal.isEmpty() && !workstation) {
            fail(Messages.of("doctor.no-legal"), Messages.of("doctor.no-legal.fix"));
        } else if (legal.size() == 1 && !workstation) {
            warn(Messages.of("doctor.single-legal"), Messages.of("doctor.single-legal.fix"));
        } else if (!legal.isEmpty()) {
            ok(Messages.of("doctor.legal-pinned", legal.size()));
        }
        if (keyring.pinnedDespiteProblems(Role.PROTECTION).isEmpty() && !workstation) {
            warn(Messages.of("doctor.no-protection"), Messages.of("doctor.no-protection.fix"));
        }
        for (Role role : Role.values()) {
            for (Certificate certificate : keyring.pinnedDespiteProblems(role)) {
                Message what = pinnedKey(role, certificate.userId());
                Message fix = Messages.of("doctor.pinned-key.fix", role.label());
                if (role == Role.DOCUMENTER || role == Role.CUSTODIAN) {
                    verifier(what, certificate, now, fix);
                } else {
                    recipient(what, certificate, now, fix);
                }
            }
        }
    }

    /** The own key signs and receives: it lasts as long as the shorter of the two. */
    private void ownKey(Certificate certificate, Instant now) {
        Message what = Messages.of("doctor.own-key");
        Message fix = Messages.of("doctor.own-key.fix");
        try {
            certificate.checkCanSign(now);
            certificate.checkCanEncrypt(now);
        } catch (GawahException e) {
            fail(Messages.of("doctor.key-unusable", what, Display.fingerprint(certificate.fingerprint()), e.message()), fix);
            return;
        }
        Optional<Instant> signs = certificate.signsUntil(now);
        Optional<Instant> encrypts = certificate.encryptsUntil(now);
        expiry(what, certificate, signs.isEmpty() ? encrypts
                : encrypts.isEmpty() || signs.get().isBefore(encrypts.get()) ? signs : encrypts, now, fix);
    }

    /** A legal or protection key lasts as long as it can receive: its encryption subkeys' expiry counts, not only the primary's. */
    private void recipient(Message what, Certificate certificate, Instant now, Message fix) {
        try {
            certificate.checkCanEncrypt(now);
        } catch (GawahException e) {
            fail(Messages.of("doctor.key-unusable", what, Display.fingerprint(certificate.fingerprint()), e.message()), fix);
            return;
        }
        expiry(what, certificate, certificate.encryptsUntil(now), now, fix);
    }

    /**
     * A documenter's or custodian's key is pinned to check signatures: one that expired or was
     * retired still vouches for what it signed before, and is shown so; one revoked as
     * compromised vouches for nothing, a warning.
     */
    private void verifier(Message what, Certificate certificate, Instant now, Message fix) {
        Optional<Message> standing = certificate.standing(now);
        String fingerprint = Display.fingerprint(certificate.fingerprint());
        if (standing.isEmpty()) {
            expiry(what, certificate, certificate.signsUntil(now), now, fix);
            return;
        }
        try {
            certificate.checkCanVouch(now);
            ok(Messages.of("doctor.key-standing", what, fingerprint, standing.get()));
        } catch (GawahException e) {
            warn(Messages.of("doctor.key-standing", what, fingerprint, standing.get()), Messages.of("doctor.key-compromised.fix"));
        }
    }

    /** "legal key NAME" and the like: the role in words of the run's language. */
    private static Message pinnedKey(Role role, String userId) {
        switch (role) {
            case LEGAL: return Messages.of("doctor.key.legal", userId);
            case PROTECTION: return Messages.of("doctor.key.protection", userId);
            case DOCUMENTER: return Messages.of("doctor.key.documenter", userId);
            case CUSTODIAN: return Messages.of("doctor.key.custodian", userId);
            default: throw new IllegalStateException("no words for role " + role);
        }
    }

    private void expiry(Message what, Certificate certificate, Optional<Instant> expires, Instant now, Message fix) {
        String fingerprint = Display.fingerprint(certificate.fingerprint());
        if (expires.isEmpty()) {
            ok(Messages.of("doctor.no-expiry", what, fingerprint));
        } else if (!expires.get().isAfter(now)) {
            fail(Messages.of("doctor.expired", what, fingerprint, expires.get()), fix);
        } else if (expires.get().isBefore(now.plus(SOON))) {
            warn(Messages.of("doctor.expires-soon", what, fingerprint, expires.get()), fix);
        } else {
            ok(Messages.of("doctor.valid-until", what, fingerprint, expires.get()));
        }
    }

    private void vault(Home home, Keyring keyring, Optional<SecretKey> own) {
        try (Vault vault = home.vault()) {
            String check = vault.integrityCheck();
            if (!check.equals("ok")) {
                fail(Messages.of("doctor.vault-damaged", check), Messages.of("doctor.vault-damaged.fix"));
                return;
            }
            // Opening the vault settled what it could of them; what is left could not be removed.
            for (OutputInProgress left : PartialFiles.left(home, vault)) {
                fail(Messages.of("doctor.partial-left", left.path(), left.command(),
                        left.startedAt()), Messages.of("doctor.partial-left.fix"));
            }
            if (own.isEmpty()) {
                return;
            }
            VaultAudit.Report report = VaultAudit.run(vault, List.of(own.get().certificate()),
                    keyring.pinnedDespiteProblems(Role.DOCUMENTER));
            ok(Messages.of("doctor.vault-intact", report.records(), report.entries()));
        } catch (GawahException e) {
            fail(Messages.of("doctor.vault-failed", e.message()),
                    e.hintMessage() != null ? e.hintMessage() : Messages.of("doctor.vault-failed.fix"));
        }
    }

    private void disk(Home home) {
        try {
            long free = Files.getFileStore(home.dir()).getUsableSpace();
            if (free < NO_DISK) {
                fail(Messages.of("doctor.disk-full", Display.size(free)), Messages.of("doctor.disk-full.fix"));
            } else if (free < LOW_DISK) {
                warn(Messages.of("doctor.disk-low", Display.size(free)), Messages.of("doctor.disk-low.fix"));
            } else {
                ok(Messages.of("doctor.disk-free", Display.size(free)));
            }
        } catch (IOException e) {
            warn(Messages.of("doctor.disk-unknown", e.getMessage()), Messages.of("doctor.disk-unknown.fix"));
        }
    }

    private void ok(Message message) {
        report().line(Messages.of("doctor.status.ok"), message);
    }

    private void warn(Message message, Message fix) {
        warnings++;
        report().line(Messages.of("doctor.status.warn"), message);
        report().more(Messages.of("doctor.fix", fix));
    }

    private void fail(Message message, Message fix) {
        failures++;
        report().line(Messages.of("doctor.status.fail"), message);
        report().more(Messages.of("doctor.fix", fix));
    }

    /** The report's lines: ok, WARN or FAIL in a column of their own, the finding beside it. */
    private ReportLines report() {
        if (lines == null) {
            lines = new ReportLines(terminal, 2, Messages.of("doctor.status.ok"), Messages.of("doctor.status.warn"),
                    Messages.of("doctor.status.fail"));
        }
        return lines;
    }

    private int summary() {
        terminal.line((failures == 0 && warnings == 0 ? Messages.of("doctor.all-good")
                : Messages.of("doctor.summary", failures, warnings)).render());
        return failures == 0 ? 0 : Failure.NOT_READY.exitCode();
    }
}
