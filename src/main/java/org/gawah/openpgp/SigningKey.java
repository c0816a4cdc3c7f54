package org.gawah.openpgp;

import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPPublicKey;

/** An unlocked signing key, held in memory for one command and then dropped. */
public final class SigningKey {
    private final PGPPrivateKey privateKey;
    private final PGPPublicKey publicKey;
    private final String fingerprint;

    SigningKey(PGPPrivateKey privateKey, PGPPublicKey publicKey, String fingerprint) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
        this.fingerprint = fingerprint;
    }

    /** The fingerprint of the certificate this key belongs to: who signs. */
    public String fingerprint() {
        return fingerprint;
    }

    PGPPrivateKey privateKey() {
        return privateKey;
    }

    PGPPublicKey publicKey() {
        return publicKey;
    }
}
