package org.gawah.openpgp;

import java.util.Date;

import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPOnePassSignature;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.api.OpenPGPCertificate.OpenPGPComponentKey;
import org.gawah.Failure;
import org.gawah.GawahException;

/**
 * Judges one signature: the maths, the hash policy, and whether the key was allowed to sign at
 * the time it signed (bound, signing-capable, not expired, not revoked). {@code verify()} in
 * Bouncy Castle checks the maths only.
 */
final class SignatureCheck {
    private SignatureCheck() {
    }

    static void check(PGPOnePassSignature onePass, PGPSignature signature, Certificate signer) throws PGPException {
        if (!onePass.getKeyIdentifier().matches(signature.getKeyIdentifiers().isEmpty()
                ? onePass.getKeyIdentifier() : signature.getKeyIdentifiers().get(0))) {
            throw bad("the signature packet does not match its one-pass header");
        }
        int type = signature.getSignatureType();
        if (type != PGPSignature.BINARY_DOCUMENT && type != PGPSignature.CANONICAL_TEXT_DOCUMENT) {
            throw bad("the signature is of type " + type + ", not a document signature");
        }
        if (!Policy.acceptsHash(signature.getHashAlgorithm())) {
            throw bad("the signature uses " + Policy.hashName(signature.getHashAlgorithm())
                    + ", which is too weak to be accepted");
        }
        if (!onePass.verify(signature)) {
            throw bad("the signature does not match the content: it was altered after signing");
        }
        Date signedAt = signature.getCreationTime();
        boolean allowed = false;
        for (OpenPGPComponentKey key : signer.bc().getSigningKeys(signedAt)) {
            if (key.getKeyIdentifier().matches(onePass.getKeyIdentifier())) {
                allowed = true;
            }
        }
        if (!allowed) {
            throw bad("key " + signer.fingerprint() + " was not valid for signing on " + signedAt.toInstant()
                    + " (expired, revoked, or not a signing key)");
        }
    }

    private static GawahException bad(String message) {
        return new GawahException(Failure.BAD_SIGNATURE, "bad signature: " + message,
                "do not rely on this record; nothing of its content was shown");
    }
}
