package org.gawah.openpgp;

import java.util.Set;

import org.bouncycastle.bcpg.AEADAlgorithmTags;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyAlgorithmTags;
import org.bouncycastle.bcpg.S2K;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.gawah.Message;

/**
 * Which algorithms and parameters Gawah makes and accepts. One place, so a reviewer can read it
 * whole; SECURITY.md carries the same table. Every check returns the reason of a refusal as a
 * {@link Message} (null when accepted), so the user is told why, never just "invalid".
 *
 * <p>When each rule is applied: hash and key algorithms at every signature check (sealed records,
 * detached signatures); key strength, flags, expiry and revocation at every use of a certificate
 * ({@link Certificate#checkCanEncrypt}, {@link Certificate#checkCanSign}, and at the signature's
 * own creation time when verifying, {@link Certificate#whyNotSigningAt}); Argon2 bounds whenever a
 * secret key is read ({@link SecretKey#parse}).
 */
final class Policy {
    /** SHA-1, MD5 and RIPEMD-160 signatures are forgeable or nearly so: refused. */
    private static final Set<Integer> ACCEPTED_HASHES = Set.of(
            HashAlgorithmTags.SHA256, HashAlgorithmTags.SHA384, HashAlgorithmTags.SHA512,
            HashAlgorithmTags.SHA224, HashAlgorithmTags.SHA3_256, HashAlgorithmTags.SHA3_512);

    /** Every signature Gawah makes hashes with SHA-512 (GnuPG 2.2 refuses SHA3-512, Bouncy Castle's default). */
    static final int SIGNATURE_HASH = HashAlgorithmTags.SHA512;

    /**
     * The one cipher of every new message, SEIPD v1 and v2 alike. IDEA, TripleDES and CAST5 (the
     * 64-bit-block ciphers of RFC 4880), and anything else, are never used for a new message,
     * whatever a recipient's preferences say.
     */
    static final int MESSAGE_CIPHER = SymmetricKeyAlgorithmTags.AES_256;

    /** SEIPD v2 (RFC 9580): OCB, the mode every RFC 9580 implementation must have. */
    static final int MESSAGE_AEAD = AEADAlgorithmTags.OCB;

    /**
     * SEIPD v2 chunks of 2^22 bytes (4 MiB; chunk size octet 16, the largest RFC 9580 allows).
     * Bouncy Castle's high-level generator picks 64-byte chunks (octet 0), each with its own
     * 16-byte tag: a quarter bigger and several times slower. 4 MiB is also what a reader holds
     * in memory before a chunk is authenticated.
     */
    static final int AEAD_CHUNK_BITS = 22;

    static final int MIN_RSA_BITS = 2048;

    /**
     * Argon2 bounds for a secret key that is read: 2 GiB of memory (2^21 KiB, RFC 9106's first
     * recommended choice, which RFC 9580's own locked sample key uses), at most 10 passes and 16
     * lanes (Bouncy Castle's own default bounds). Beyond them a key file is refused before any
     * derivation: a crafted key must not exhaust memory or run for hours.
     */
    static final int MAX_ARGON2_MEMORY_EXP = 21;
    static final int MAX_ARGON2_PASSES = 10;
    static final int MAX_ARGON2_LANES = 16;

    private Policy() {
    }

    static boolean acceptsHash(int hashAlgorithm) {
        return ACCEPTED_HASHES.contains(hashAlgorithm);
    }

    /** Null when a signature with this hash may be trusted, else why not. */
    static Message hashRefusal(int hashAlgorithm) {
        return acceptsHash(hashAlgorithm) ? null : Messages.of("policy.weak-hash", hashName(hashAlgorithm));
    }

    /** Null when {@code algorithm} may encrypt a new message, else why not. */
    static Message cipherRefusalForNewMessage(int algorithm) {
        return algorithm == MESSAGE_CIPHER ? null : Messages.of("policy.cipher-not-for-new", cipherName(algorithm));
    }

    /** The algorithm's usual name (a String), or words for one without a name here (a {@link Message}). */
    static Object hashName(int hashAlgorithm) {
        switch (hashAlgorithm) {
            case HashAlgorithmTags.MD5: return "MD5";
            case HashAlgorithmTags.SHA1: return "SHA-1";
            case HashAlgorithmTags.RIPEMD160: return "RIPEMD-160";
            case HashAlgorithmTags.SHA224: return "SHA-224";
            case HashAlgorithmTags.SHA256: return "SHA-256";
            case HashAlgorithmTags.SHA384: return "SHA-384";
            case HashAlgorithmTags.SHA512: return "SHA-512";
            case HashAlgorithmTags.SHA3_256: return "SHA3-256";
            case HashAlgorithmTags.SHA3_512: return "SHA3-512";
            default: return Messages.of("policy.hash-algorithm", hashAlgorithm);
        }
    }

    @SuppressWarnings("deprecation") // the names of the old ciphers are the point here
    static Object cipherName(int algorithm) {
        switch (algorithm) {
            case SymmetricKeyAlgorithmTags.IDEA: return "IDEA";
            case SymmetricKeyAlgorithmTags.TRIPLE_DES: return "TripleDES";
            case SymmetricKeyAlgorithmTags.CAST5: return "CAST5";
            case SymmetricKeyAlgorithmTags.BLOWFISH: return "Blowfish";
            case SymmetricKeyAlgorithmTags.AES_128: return "AES-128";
            case SymmetricKeyAlgorithmTags.AES_192: return "AES-192";
            case SymmetricKeyAlgorithmTags.AES_256: return "AES-256";
            default: return Messages.of("policy.cipher-algorithm", algorithm);
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

    /** Null when the S2K of a secret key is within the Argon2 bounds (or is not Argon2), else why not. */
    static Message argon2Refusal(S2K s2k) {
        if (s2k == null || s2k.getType() != S2K.ARGON_2) {
            return null;
        }
        int exponent = s2k.getMemorySizeExponent();
        if (exponent > MAX_ARGON2_MEMORY_EXP) {
            return Messages.of("policy.argon2-memory", argon2MiB(exponent), argon2MiB(MAX_ARGON2_MEMORY_EXP));
        }
        if (s2k.getPasses() > MAX_ARGON2_PASSES) {
            return Messages.of("policy.argon2-passes", s2k.getPasses(), MAX_ARGON2_PASSES);
        }
        if (s2k.getParallelism() > MAX_ARGON2_LANES) {
            return Messages.of("policy.argon2-lanes", s2k.getParallelism(), MAX_ARGON2_LANES);
        }
        return null;
    }

    /** Argon2's memory in MiB for a memory exponent (2^exponent KiB); exponents under 10 round down to 0. */
    static long argon2MiB(int exponent) {
        return (1L << Math.min(exponent, 62)) >> 10;
    }
}
