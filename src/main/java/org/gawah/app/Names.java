package org.gawah.app;

import java.util.HashMap;
import java.util.Map;

import org.gawah.keys.Keyring;
import org.gawah.keys.Role;
import org.gawah.openpgp.Certificate;

/**
 * Who a fingerprint is, for tables that show one ({@code list}, {@code log}): the user ID of this
 * home's own key or of a certificate pinned here, the only names this home has checked. A
 * fingerprint no certificate here has is said to be so, never given a name from elsewhere.
 */
public final class Names {
    private final Map<String, String> byFingerprint = new HashMap<>();

    private Names() {
    }

    public static Names of(Home home) {
        Names names = new Names();
        if (!home.exists()) {
            return names;
        }
        Keyring keyring = home.keyring();
        keyring.ownKey().ifPresent(own -> names.byFingerprint.put(own.fingerprint(), own.certificate().userId()));
        for (Role role : Role.values()) {
            for (Certificate certificate : keyring.pinned(role)) {
                names.byFingerprint.putIfAbsent(certificate.fingerprint(), certificate.userId());
            }
        }
        return names;
    }

    /** The name to show beside {@code fingerprint}: a user ID from outside (shown through the display path by the table), or words saying there is none. */
    public Object of(String fingerprint) {
        String name = byFingerprint.get(fingerprint);
        return name != null ? name : Messages.of("names.not-pinned");
    }
}
