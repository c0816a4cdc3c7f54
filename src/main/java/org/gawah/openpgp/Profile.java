package org.gawah.openpgp;

import java.util.Locale;

/**
 * The two OpenPGP profiles of a home's own key (docs/format/home.md). The profile is chosen once,
 * when the key is made; at seal time the recipients' certificates decide the message format
 * (docs/format/sealed-record.md).
 */
public enum Profile {
    /** v4 keys, SEIPD v1: what GnuPG 2.2 and every other implementation reads. The default. */
    COMPAT("compat"),
    /** v6 keys (RFC 9580), Ed25519/X25519, Argon2 S2K; SEIPD v2 (AES-256-OCB) to v6 recipients. */
    RFC9580("rfc9580");

    private final String label;

    Profile(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The profile with this label (any case), or null. */
    public static Profile byLabel(String text) {
        for (Profile profile : values()) {
            if (profile.label.equals(text.toLowerCase(Locale.ROOT))) {
                return profile;
            }
        }
        return null;
    }
}
