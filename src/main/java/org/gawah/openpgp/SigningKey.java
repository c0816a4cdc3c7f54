package org.gawah.openpgp;

import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPPublicKey;

/** An unlocked signing key, held in memory for one command and then dropped. */
public final class SigningKey {
    private final PGPPrivateKey privateKey;
    private final PGPPublicKey publicKey;
    private final Certificate certificate;

    SigningKey(PGPPrivateKey privateKey, PGPPublicKey publicKey, Certificate certificate) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
        this.certificate = certificate;
    }

    /** The fingerprint of the certificate this key belongs to: who signs. */
    public String fingerprint() {
        return certificate.fingerprint();
    }

    /** The certificate this key belongs to: what checks what it signed. */
    public Certificate certificate() {
        return certificate;
    }

    PGPPrivateKey privateKey() {
        return privateKey;
    }

    PGPPublicKey publicKey() {
        return publicKey;
    }
}
