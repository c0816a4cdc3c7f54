package org.gawah.openpgp;

import java.util.Date;

import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPOnePassSignature;
import org.bouncycastle.openpgp.PGPSignature;
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
        Message weakHash = Policy.hashRefusal(signature.getHashAlgorithm());
        if (weakHash != null) {
            throw bad(weakHash);
        }
        if (signature.getVersion() != onePass.getVersion() + (onePass.getVersion() == 3 ? 1 : 0)) {
            // RFC 9580 10.3.2.2: a v3 one-pass header goes with a v4 signature, v6 with v6.
            throw bad(Messages.of("signature-check.one-pass-mismatch"));
        }
        if (!onePass.verify(signature)) {
            throw bad(Messages.of("signature-check.mismatch"));
        }
        // The maths hold; now whether the key was allowed to sign when it did (not when it is read).
        Date signedAt = signature.getCreationTime();
        Message notValid = signer.whyNotSigningAt(onePass.getKeyIdentifier(), signedAt);
        if (notValid != null) {
            throw bad(Messages.of("signature.key-not-valid", signer.fingerprint(), signedAt.toInstant(), notValid));
        }
    }

    private static GawahException bad(Message message) {
        return new GawahException(Failure.BAD_SIGNATURE, Messages.of("signature.bad", message),
                Messages.of("signature-check.bad.hint"));
    }
}
