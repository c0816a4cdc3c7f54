package org.gawah.app;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.gawah.Digests;
import org.gawah.GawahException;
import org.gawah.custody.Action;
import org.gawah.keys.Keyring;
import org.gawah.keys.Role;
import org.gawah.openpgp.Certificate;
import org.gawah.openpgp.SecretKey;
import org.gawah.openpgp.SigningKey;

/**
 * Pinning certificates under a role ({@code gawah keys import --role ROLE FILE}, and the window's
 * first run), as two plain steps: {@link #plan} holds each certificate to the role's checks and
 * says what pinning it would change, so that a face can show each with its fingerprint before
 * anything is pinned; {@link #commit} pins all of them or none and logs each pin, signed, as
 * {@code key_imported FPR/ROLE} (docs/format/custody-log.md). A certificate already pinned is
 * updated: merged with the pinned version (a revocation or subkey once pinned is never lost) and
 * rewritten under every role it holds.
 */
public final class CertificateImport {
    /** One certificate to pin: merged with what was pinned, the roles it will hold, whether anything changes. */
    public record Pin(Certificate certificate, Set<Role> roles, boolean wasPinnedHere, boolean unchanged) {
    }

    /** What pinning these certificates under {@code role} would do, checked; the own key signs its entries. */
    public record Plan(Role role, List<Pin> pins, SecretKey own, Instant at) {
        public Plan {
            pins = List.copyOf(pins);
        }

        /** Whether every certificate is pinned under the role already, exactly so. */
        public boolean changesNothing() {
            return pins.stream().allMatch(Pin::unchanged);
        }
    }

    private CertificateImport() {
    }

    /**
     * Checks {@code chosen} for pinning under {@code role} in {@code home}, writing nothing. Any
     * problem of the keyring stops it, except in the pins these certificates would replace.
     * Every pin is signed into the custody log: without an own key there is no one to sign it.
     */
    public static Plan plan(Home home, Role role, List<Certificate> chosen) {
        Keyring before = home.keyring();
        boolean sound = before.problems().isEmpty();
        Keyring keyring = home.keyringReplacing(chosen.stream().map(Certificate::fingerprint).collect(Collectors.toSet()));
        SecretKey own = keyring.requireOwnKey();
        Instant now = Instant.now();
        List<Pin> pins = new ArrayList<>();
        for (Certificate offered : chosen) {
            pins.add(plan(role, offered, sound ? before.pinsOf(offered.fingerprint()) : Map.of(), now));
        }
        return new Plan(role, pins, own, now);
    }

    /** Pins what the plan changes, then logs each pin, signed by {@code key}, in one transaction. */
    public static void commit(Home home, Plan plan, SigningKey key) {
        Keyring keyring = home.keyring();
        List<CustodyLog.Subject> entries = new ArrayList<>();
        for (Pin pin : plan.pins()) {
            if (!pin.unchanged()) {
                pin.roles().forEach(r -> keyring.pin(r, pin.certificate()));
                entries.add(new CustodyLog.Subject(Keyring.subject(pin.certificate().fingerprint(), plan.role()),
                        Digests.sha256(pin.certificate().encoded())));
            }
        }
        CustodyLog.append(home, key, Action.KEY_IMPORTED, entries);
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
}
