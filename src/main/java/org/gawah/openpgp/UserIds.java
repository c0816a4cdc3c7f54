package org.gawah.openpgp;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentVerifierBuilderProvider;

/**
 * User IDs their owner revoked, left out of what Bouncy Castle is asked. Its certificate view
 * takes the first user ID as the primary one and a revocation of that user ID for a revocation
 * of the whole key (signing keys: none; bound: no), where GnuPG, and RFC 9580, ignore a revoked
 * user ID and go on with the others. A teammate who retired an old address does exactly that.
 */
final class UserIds {
    private UserIds() {
    }

    /**
     * The ring without the user IDs whose latest self-signature by the primary key is a valid
     * revocation, as long as another user ID remains; otherwise the ring as it is (a key whose
     * every user ID is revoked stays unusable, as in GnuPG).
     */
    static PGPPublicKeyRing withoutRevoked(PGPPublicKeyRing ring) {
        PGPPublicKey primary = ring.getPublicKey();
        List<String> all = new ArrayList<>();
        List<String> revoked = new ArrayList<>();
        for (Iterator<String> ids = primary.getUserIDs(); ids.hasNext(); ) {
            String id = ids.next();
            all.add(id);
            if (hasRevocation(primary, id) && revokedByOwner(primary, id)) {
                revoked.add(id);
            }
        }
        if (revoked.isEmpty() || revoked.size() == all.size()) {
            return ring;
        }
        PGPPublicKey kept = primary;
        for (String id : revoked) {
            kept = PGPPublicKey.removeCertification(kept, id);
        }
        return PGPPublicKeyRing.insertPublicKey(ring, kept);
    }

    /** Cheap first look, before any signature is verified (a crafted key may carry thousands of user IDs). */
    private static boolean hasRevocation(PGPPublicKey primary, String id) {
        for (Iterator<PGPSignature> signatures = primary.getSignaturesForID(id); signatures != null && signatures.hasNext(); ) {
            if (signatures.next().getSignatureType() == PGPSignature.CERTIFICATION_REVOCATION) {
                return true;
            }
        }
        return false;
    }

    /** Whether the latest valid self-signature on this user ID is a revocation (a revocation wins a tie). */
    private static boolean revokedByOwner(PGPPublicKey primary, String id) {
        PGPSignature latest = null;
        for (Iterator<PGPSignature> signatures = primary.getSignaturesForID(id); signatures.hasNext(); ) {
            PGPSignature signature = signatures.next();
            if (!isSelfCertification(signature) || !verifies(signature, primary, id)) {
                continue;
            }
            if (latest == null || signature.getCreationTime().after(latest.getCreationTime())
                    || signature.getCreationTime().equals(latest.getCreationTime())
                    && signature.getSignatureType() == PGPSignature.CERTIFICATION_REVOCATION) {
                latest = signature;
            }
        }
        return latest != null && latest.getSignatureType() == PGPSignature.CERTIFICATION_REVOCATION;
    }

    private static boolean isSelfCertification(PGPSignature signature) {
        int type = signature.getSignatureType();
        return type == PGPSignature.CERTIFICATION_REVOCATION || type == PGPSignature.DEFAULT_CERTIFICATION
                || type == PGPSignature.NO_CERTIFICATION || type == PGPSignature.CASUAL_CERTIFICATION
                || type == PGPSignature.POSITIVE_CERTIFICATION;
    }

    private static boolean verifies(PGPSignature signature, PGPPublicKey primary, String id) {
        try {
            if (Policy.hashRefusal(signature.getHashAlgorithm()) != null) {
                return false;
            }
            signature.init(new BcPGPContentVerifierBuilderProvider(), primary);
            return signature.verifyCertification(id, primary);
        } catch (PGPException | RuntimeException e) {
            return false; // a signature that cannot be checked counts for nothing
        }
    }
}
