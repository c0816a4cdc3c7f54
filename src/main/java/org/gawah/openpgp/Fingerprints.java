package org.gawah.openpgp;

import java.util.HexFormat;
import java.util.Locale;

import org.bouncycastle.bcpg.KeyIdentifier;

/** Fingerprints and key ids as upper-case hex, the form gpg prints with --with-colons. */
final class Fingerprints {
    private Fingerprints() {
    }

    static String hex(byte[] fingerprint) {
        return HexFormat.of().withUpperCase().formatHex(fingerprint);
    }

    static String keyId(KeyIdentifier id) {
        if (id.getFingerprint() != null) {
            return hex(id.getFingerprint());
        }
        return String.format(Locale.ROOT, "%016X", id.getKeyId());
    }
}
