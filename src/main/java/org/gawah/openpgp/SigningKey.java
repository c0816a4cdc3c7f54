package org.gawah.openpgp;

import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPPublicKey;

/** An unlocked signing key, held in memory for one command and then dropped. */
public final class SigningKey {
    private final PGPPrivateKey privateKey;
    private final PGPPublicKey publicKey;

    SigningKey(PGPPrivateKey privateKey, PGPPublicKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    PGPPrivateKey privateKey() {
        return privateKey;
    }

    PGPPublicKey publicKey() {
        return publicKey;
    }
}
