package org.gawah.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.gawah.Failure;
import org.gawah.GawahException;
import org.gawah.app.CertificateImport;
import org.gawah.app.Home;
import org.gawah.app.InputFile;
import org.gawah.keys.Role;
import org.gawah.openpgp.Certificate;
import org.gawah.openpgp.SigningKey;

/**
 * {@code keys import --role ROLE FILE}: pins each certificate of the file under the role, each
 * shown with its fingerprint and held to the role's checks before anything is pinned; all of
 * them or none. A certificate already pinned is updated: merged with the pinned version (a
 * revocation or subkey once pinned is never lost) and rewritten under every role it holds. Each
 * pin is logged, signed, as {@code key_imported FPR/ROLE} (docs/format/custody-log.md).
 */
final class PinImport {
    private PinImport() {
    }

    static int run(Terminal terminal, Home home, Role role, Path file, List<String> expected, PassphraseOptions passphrase) {
        List<Certificate> found = Certificate.parseAll(InputFile.read(file, InputFile.Kind.CERTIFICATE));
        List<Certificate> chosen = chosen(terminal, file, found, expected);
        CertificateImport.Plan plan = CertificateImport.plan(home, role, chosen);
        if (chosen.size() > 1) {
            terminal.info(Messages.of("keys.import.several", file, chosen.size(), role.label()));
        }
        plan.pins().forEach(pin -> show(terminal, role, pin, plan.at()));
        if (plan.changesNothing()) {
            terminal.info(Messages.of("keys.import.unchanged", role.label()));
            plan.pins().forEach(pin -> terminal.line(pin.certificate().fingerprint()));
            return 0;
        }
        // Passphrase first (a typo pins nothing), then the files, then their entries in one transaction.
        SigningKey key = passphrase.unlockForSigning(terminal, plan.own(), plan.at());
        CertificateImport.commit(home, plan, key);
        plan.pins().forEach(pin -> terminal.line(pin.certificate().fingerprint()));
        return 0;
    }

    /**
     * The certificates to pin: all of the file's, or, with {@code --fingerprint}, exactly those
     * named (each must be in the file); the others are left out, and said so. A fingerprint
     * checked by another channel vouches for that certificate only, never for the others.
     */
    private static List<Certificate> chosen(Terminal terminal, Path file, List<Certificate> found, List<String> expected) {
        if (expected.isEmpty()) {
            return found;
        }
        List<Certificate> chosen = new ArrayList<>();
        for (String given : expected) {
            String want = given.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
            Certificate match = found.stream().filter(c -> c.fingerprint().equals(want)).findFirst().orElseThrow(() ->
                    found.size() == 1
                            ? new GawahException(Failure.CERTIFICATE_REFUSED,
                                    Messages.of("keys.import.fingerprint-mismatch", found.get(0).fingerprint(), want),
                                    Messages.of("keys.import.fingerprint-mismatch.hint"))
                            : new GawahException(Failure.CERTIFICATE_REFUSED,
                                    Messages.of("keys.import.fingerprint-absent", file, want, found.size()),
                                    Messages.of("keys.import.fingerprint-mismatch.hint")));
            if (!chosen.contains(match)) {
                chosen.add(match);
            }
        }
        if (chosen.size() < found.size()) {
            terminal.info(Messages.of("keys.import.left-out", found.size() - chosen.size(), file));
        }
        return chosen;
    }

    /** Who it is, its fingerprint on a line of its own, and how it stands: shown before it is pinned. */
    private static void show(Terminal terminal, Role role, CertificateImport.Pin pin, Instant now) {
        Certificate certificate = pin.certificate();
        terminal.info(!pin.wasPinnedHere() ? Messages.of("keys.import.pinned", role.label(), certificate.userId())
                : pin.unchanged() ? Messages.of("keys.import.already", role.label(), certificate.userId())
                : Messages.of("keys.import.updated", role.label(), certificate.userId()));
        terminal.info(Messages.of("keys.import.fingerprint", Display.fingerprint(certificate.fingerprint())));
        if (role == Role.DOCUMENTER || role == Role.CUSTODIAN) {
            var standing = certificate.standing(now);
            if (standing.isPresent()) {
                terminal.info(Messages.of("keys.import.standing", standing.get()));
            } else {
                certificate.signsUntil(now).ifPresent(at -> terminal.info(Messages.of("keys.import.expires", at)));
            }
            return;
        }
        try {
            certificate.checkCanEncrypt(now);
            certificate.encryptsUntil(now).ifPresent(at -> terminal.info(Messages.of("keys.import.expires", at)));
        } catch (GawahException e) {
            // An update that ends it (revoked, expired) is still pinned: sealing to it must stop, not go on unknowing.
            terminal.info(Messages.of("keys.import.no-longer-sealed-to", e.message(), role.label()));
        }
    }
}
