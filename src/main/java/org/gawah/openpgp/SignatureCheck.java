package org.gawah.openpgp;

import java.util.Date;

import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPOnePassSignature;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.api.OpenPGPCertificate.OpenPGPComponentKey;
import org.gawah.Failure;
import org.gawah.GawahException;
import org.gawah.Message;

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
            throw bad(Messages.of("signature-check.one-pass-mismatch"));
        }
        int type = signature.getSignatureType();
        if (type != PGPSignature.BINARY_DOCUMENT && type != PGPSignature.CANONICAL_TEXT_DOCUMENT) {
            throw bad(Messages.of("signature-check.type", type));
        }
        if (!Policy.acceptsHash(signature.getHashAlgorithm())) {
            throw bad(Messages.of("signature-check.weak-hash", Policy.hashName(signature.getHashAlgorithm())));
        }
        if (!onePass.verify(signature)) {
            throw bad(Messages.of("signature-check.mismatch"));
        }
        Date signedAt = signature.getCreationTime();
        boolean allowed = false;
        for (OpenPGPComponentKey key : signer.bc().getSigningKeys(signedAt)) {
            if (key.getKeyIdentifier().matches(onePass.getKeyIdentifier())) {
                allowed = true;
            }
        }
        if (!allowed) {
            throw bad(Messages.of("signature.key-not-valid", signer.fingerprint(), signedAt.toInstant()));
        }
    }

    private static GawahException bad(Message message) {
        return new GawahException(Failure.BAD_SIGNATURE, Messages.of("signature.bad", message),
                Messages.of("signature-check.bad.hint"));
    }
}
