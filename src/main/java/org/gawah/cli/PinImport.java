package org.gawah.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.gawah.Digests;
import org.gawah.Failure;
import org.gawah.GawahException;
import org.gawah.app.Home;
import org.gawah.custody.Action;
import org.gawah.keys.Keyring;
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
    /** One certificate to pin: merged with what was pinned, the roles it will hold, whether anything changes. */
    private record Pin(Certificate certificate, Set<Role> roles, boolean wasPinnedHere, boolean unchanged) {
    }

    private PinImport() {
    }

    static int run(Terminal terminal, Home home, Role role, Path file, List<String> expected, PassphraseOptions passphrase) {
        List<Certificate> found = Certificate.parseAll(InputFile.read(file, InputFile.Kind.CERTIFICATE));
        List<Certificate> chosen = chosen(terminal, file, found, expected);
        Keyring before = home.keyring();
        boolean sound = before.problems().isEmpty();
        // Any other problem of the keyring stops the import; the pins of these certificates it replaces.
        Keyring keyring = home.keyringReplacing(chosen.stream().map(Certificate::fingerprint).collect(Collectors.toSet()));
        // Every pin is signed into the custody log: without an own key there is no one to sign it.
        var own = keyring.requireOwnKey();
        Instant now = Instant.now();
        List<Pin> pins = new ArrayList<>();
        for (Certificate offered : chosen) {
            pins.add(plan(role, offered, sound ? before.pinsOf(offered.fingerprint()) : Map.of(), now));
        }
        if (chosen.size() > 1) {
            terminal.info(Messages.of("keys.import.several", file, chosen.size(), role.label()));
        }
        pins.forEach(pin -> show(terminal, role, pin, now));
        if (pins.stream().allMatch(Pin::unchanged)) {
            terminal.info(Messages.of("keys.import.unchanged", role.label()));
            pins.forEach(pin -> terminal.line(pin.certificate().fingerprint()));
            return 0;
        }
        // Passphrase first (a typo pins nothing), then the files, then their entries in one transaction.
        SigningKey key = passphrase.unlockForSigning(terminal, own, now);
        List<CustodyLog.Subject> entries = new ArrayList<>();
        for (Pin pin : pins) {
            if (!pin.unchanged()) {
                pin.roles().forEach(r -> keyring.pin(r, pin.certificate()));
                entries.add(new CustodyLog.Subject(Keyring.subject(pin.certificate().fingerprint(), role),
                        Digests.sha256(pin.certificate().encoded())));
            }
        }
        CustodyLog.append(home, key, Action.KEY_IMPORTED, entries);
        pins.forEach(pin -> terminal.line(pin.certificate().fingerprint()));
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

    /**
     * What pinning {@code offered} under {@code role} means, checked. The certificate offered must
     * pass the role's checks on its own (a crafted copy of a pinned certificate gets nowhere by
     * being merged with the good one), unless it is an update that ends the pinned key (revoked,
     * expired: validly self-signed, or Bouncy Castle would not report it), which must be taken so
     * that sealing to it stops. A new pin must pass as it will be pinned, merged.
     */
    private static Pin plan(Role role, Certificate offered, Map<Role, Certificate> pinned, Instant now) {
        Certificate before = pinned.isEmpty() ? null : pinned.values().iterator().next();
        GawahException refusal = null;
        try {
            check(role, offered, now);
        } catch (GawahException e) {
            // Only the owner's own update of a pinned key may fail on its own: one that ends it.
            if (before == null || !offered.boundByItsOwner(now)) {
                throw e;
            }
            refusal = e;
        }
        Certificate merged = before == null ? offered : Certificate.merge(before, offered);
        if (refusal != null && !ends(before, offered, merged, now)) {
            throw refusal;
        }
        boolean here = pinned.containsKey(role);
        if (!here) {
            check(role, merged, now);
        }
        Set<Role> roles = new LinkedHashSet<>(pinned.keySet());
        roles.add(role);
        boolean unchanged = here && Arrays.equals(pinned.get(role).encoded(), merged.encoded());
        return new Pin(merged, roles, here, unchanged);
    }

    /**
     * Whether an update ends (part of) a pinned key: the key itself revoked or expired, or one of
     * its subkeys that could sign or receive no longer can. Merging only adds what the owner
     * signed; Bouncy Castle counts a revocation or expiry only when its signature holds.
     */
    private static boolean ends(Certificate before, Certificate offered, Certificate merged, Instant now) {
        if (offered.standing(now).isPresent()) {
            return true;
        }
        Set<String> was = before.usableKeyIds(now);
        Set<String> is = merged.usableKeyIds(now);
        return was.containsAll(is) && !is.equals(was);
    }

    /** A recipient must receive records now; a documenter or custodian must vouch for what it signed (docs/format/home.md). */
    private static void check(Role role, Certificate certificate, Instant now) {
        if (role == Role.DOCUMENTER || role == Role.CUSTODIAN) {
            certificate.checkCanVouch(now);
        } else {
            certificate.checkCanEncrypt(now);
        }
    }

    /** Who it is, its fingerprint on a line of its own, and how it stands: shown before it is pinned. */
    private static void show(Terminal terminal, Role role, Pin pin, Instant now) {
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
