package org.gawah.openpgp;

import java.util.Set;

import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyAlgorithmTags;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.gawah.Message;

/** Which algorithms Gawah accepts from others. One place, so a reviewer can read it whole. */
final class Policy {
    /** SHA-1, MD5 and RIPEMD-160 signatures are forgeable or nearly so: refused. */
    private static final Set<Integer> ACCEPTED_HASHES = Set.of(
            HashAlgorithmTags.SHA256, HashAlgorithmTags.SHA384, HashAlgorithmTags.SHA512,
            HashAlgorithmTags.SHA224, HashAlgorithmTags.SHA3_256, HashAlgorithmTags.SHA3_512);

    static final int MIN_RSA_BITS = 2048;

    private Policy() {
    }

    static boolean acceptsHash(int hashAlgorithm) {
        return ACCEPTED_HASHES.contains(hashAlgorithm);
    }

    /** The algorithm's usual name (a String), or words for one without a name here (a {@link Message}). */
    static Object hashName(int hashAlgorithm) {
        switch (hashAlgorithm) {
            case HashAlgorithmTags.MD5: return "MD5";
            case HashAlgorithmTags.SHA1: return "SHA-1";
            case HashAlgorithmTags.RIPEMD160: return "RIPEMD-160";
            case HashAlgorithmTags.SHA256: return "SHA-256";
            case HashAlgorithmTags.SHA384: return "SHA-384";
            case HashAlgorithmTags.SHA512: return "SHA-512";
            default: return Messages.of("policy.hash-algorithm", hashAlgorithm);
        }
    }

    /** Null when the key is strong enough, else the reason it is not. */
    @SuppressWarnings("deprecation") // the old RSA and ElGamal ids still turn up in keys from outside
    static Message weakness(PGPPublicKey key) {
        int algorithm = key.getAlgorithm();
        boolean rsa = algorithm == PublicKeyAlgorithmTags.RSA_GENERAL
                || algorithm == PublicKeyAlgorithmTags.RSA_ENCRYPT
                || algorithm == PublicKeyAlgorithmTags.RSA_SIGN;
        if (rsa && key.getBitStrength() < MIN_RSA_BITS) {
            return Messages.of("policy.rsa-too-short", key.getBitStrength(), MIN_RSA_BITS);
        }
        if (algorithm == PublicKeyAlgorithmTags.DSA || algorithm == PublicKeyAlgorithmTags.ELGAMAL_ENCRYPT
                || algorithm == PublicKeyAlgorithmTags.ELGAMAL_GENERAL) {
            return Messages.of("policy.dsa-elgamal");
        }
        return null;
    }
}
