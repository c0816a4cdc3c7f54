package org.gawah.openpgp;

import java.io.OutputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyAlgorithmTags;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.operator.PGPContentSigner;
import org.bouncycastle.openpgp.operator.PGPContentSignerBuilder;
import org.bouncycastle.openpgp.operator.PGPContentVerifier;
import org.bouncycastle.openpgp.operator.PGPContentVerifierBuilder;
import org.bouncycastle.openpgp.operator.PGPContentVerifierBuilderProvider;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentSignerBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentVerifierBuilderProvider;
import org.bouncycastle.openpgp.operator.bc.BcPGPKeyConverter;

/**
 * Ed25519 signatures over SHA-512 (legacy EdDSA of v4 keys, id 22, and native Ed25519 of v6 keys,
 * id 27: the same maths over the same digest, encoded differently), hashing the data once with
 * the JDK's SHA-512.
 * Bouncy Castle's own signer hashes large data twice (once for the signature, once for the
 * two-byte digest prefix) with a Java SHA-512 at half the JDK's speed; for a 1 GiB attachment
 * that is most of the sealing time. The maths is unchanged: Ed25519 over the SHA-512 digest,
 * as Bouncy Castle does it; tests compare both ways with Bouncy Castle and GnuPG. Every other
 * algorithm goes to Bouncy Castle's builders.
 */
final class FastEdDsa {
    private FastEdDsa() {
    }

    /**
     * The SHA-512 of the signed data so far, before the signature trailer is hashed in: the very
     * digest a large file needs for its manifest, so it is not computed a second time.
     */
    interface DataDigest {
        byte[] sha512OfData();
    }

    /** Whether this class signs and verifies for the algorithm and hash (else Bouncy Castle's builders do). */
    private static boolean handles(int keyAlgorithm, int hashAlgorithm) {
        return hashAlgorithm == HashAlgorithmTags.SHA512
                && (keyAlgorithm == PublicKeyAlgorithmTags.EDDSA_LEGACY || keyAlgorithm == PublicKeyAlgorithmTags.Ed25519);
    }

    /**
     * Whether the signer's digest is the data's own SHA-512: only for legacy EdDSA, whose keys are
     * v4 and whose signatures have no salt. A v6 signature hashes its salt before the data.
     */
    private static boolean unsalted(int keyAlgorithm) {
        return keyAlgorithm == PublicKeyAlgorithmTags.EDDSA_LEGACY;
    }

    /**
     * Each unlocked key as Bouncy Castle's Ed25519 parameters, made once: those work out and keep
     * their public point, which a conversion per signature would compute again every time (the
     * legal team's window signs one custody entry per record it opens: a third of the signing
     * time). Held weakly by the key object, so it goes when the key does (lock drops the key).
     */
    private static final java.util.Map<PGPPrivateKey, Ed25519PrivateKeyParameters> CONVERTED =
            java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    /** A signer builder that remembers the one-pass signer it built (null for other algorithms, and for salted signatures). */
    static final class SignerBuilder implements PGPContentSignerBuilder {
        private final int keyAlgorithm;
        private final int hashAlgorithm;
        private DataDigest built;

        SignerBuilder(int keyAlgorithm, int hashAlgorithm) {
            this.keyAlgorithm = keyAlgorithm;
            this.hashAlgorithm = hashAlgorithm;
        }

        @Override
        public PGPContentSigner build(int signatureType, PGPPrivateKey privateKey) throws PGPException {
            PGPContentSignerBuilder fallback = new BcPGPContentSignerBuilder(keyAlgorithm, hashAlgorithm);
            if (!handles(keyAlgorithm, hashAlgorithm)) {
                return fallback.build(signatureType, privateKey);
            }
            AsymmetricKeyParameter key = CONVERTED.get(privateKey);
            if (key == null) {
                key = new BcPGPKeyConverter().getPrivateKey(privateKey);
                if (key instanceof Ed25519PrivateKeyParameters) {
                    CONVERTED.put(privateKey, (Ed25519PrivateKeyParameters) key);
                }
            }
            if (!(key instanceof Ed25519PrivateKeyParameters)) {
                return fallback.build(signatureType, privateKey);
            }
            Signer signer = new Signer(signatureType, keyAlgorithm, privateKey, (Ed25519PrivateKeyParameters) key);
            if (unsalted(keyAlgorithm)) {
                built = signer;
            }
            return signer;
        }

        DataDigest built() {
            return built;
        }
    }

    /** A verifier provider that remembers the verifier it built (null for other algorithms, and for salted signatures). */
    static final class VerifierProvider implements PGPContentVerifierBuilderProvider {
        private final PGPContentVerifierBuilderProvider fallback = new BcPGPContentVerifierBuilderProvider();
        private DataDigest built;

        @Override
        public PGPContentVerifierBuilder get(int keyAlgorithm, int hashAlgorithm) throws PGPException {
            if (!handles(keyAlgorithm, hashAlgorithm)) {
                return fallback.get(keyAlgorithm, hashAlgorithm);
            }
            return publicKey -> {
                AsymmetricKeyParameter key = new BcPGPKeyConverter().getPublicKey(publicKey);
                if (!(key instanceof Ed25519PublicKeyParameters) || publicKey.getAlgorithm() != keyAlgorithm) {
                    return fallback.get(keyAlgorithm, hashAlgorithm).build(publicKey);
                }
                Verifier verifier = new Verifier(keyAlgorithm, publicKey.getKeyID(), (Ed25519PublicKeyParameters) key);
                if (unsalted(keyAlgorithm)) {
                    built = verifier;
                }
                return verifier;
            };
        }

        DataDigest built() {
            return built;
        }
    }

    static SignerBuilder signerBuilder(int keyAlgorithm, int hashAlgorithm) {
        return new SignerBuilder(keyAlgorithm, hashAlgorithm);
    }

    static VerifierProvider verifierProvider() {
        return new VerifierProvider();
    }

    private static byte[] snapshot(MessageDigest digest) {
        try {
            return ((MessageDigest) digest.clone()).digest();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("SHA-512 state cannot be copied", e);
        }
    }

    private static MessageDigest sha512() {
        try {
            return MessageDigest.getInstance("SHA-512");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class Signer implements PGPContentSigner, DataDigest {
        private final int type;
        private final int keyAlgorithm;
        private final PGPPrivateKey privateKey;
        private final Ed25519PrivateKeyParameters key;
        private final MessageDigest digest = sha512();
        private byte[] hash;

        Signer(int type, int keyAlgorithm, PGPPrivateKey privateKey, Ed25519PrivateKeyParameters key) {
            this.type = type;
            this.keyAlgorithm = keyAlgorithm;
            this.privateKey = privateKey;
            this.key = key;
        }

        @Override
        public OutputStream getOutputStream() {
            return new DigestOutputStream(OutputStream.nullOutputStream(), digest);
        }

        @Override
        public byte[] sha512OfData() {
            return snapshot(digest);
        }

        @Override
        public byte[] getDigest() {
            if (hash == null) {
                hash = digest.digest();
            }
            return hash.clone();
        }

        @Override
        public byte[] getSignature() {
            Ed25519Signer ed25519 = new Ed25519Signer();
            ed25519.init(true, key);
            byte[] h = getDigest();
            ed25519.update(h, 0, h.length);
            return ed25519.generateSignature();
        }

        @Override
        public int getType() {
            return type;
        }

        @Override
        public int getHashAlgorithm() {
            return HashAlgorithmTags.SHA512;
        }

        @Override
        public int getKeyAlgorithm() {
            return keyAlgorithm;
        }

        @Override
        public long getKeyID() {
            return privateKey.getKeyID();
        }
    }

    private static final class Verifier implements PGPContentVerifier, DataDigest {
        private final int keyAlgorithm;
        private final long keyId;
        private final Ed25519PublicKeyParameters key;
        private final MessageDigest digest = sha512();

        Verifier(int keyAlgorithm, long keyId, Ed25519PublicKeyParameters key) {
            this.keyAlgorithm = keyAlgorithm;
            this.keyId = keyId;
            this.key = key;
        }

        @Override
        public OutputStream getOutputStream() {
            return new DigestOutputStream(OutputStream.nullOutputStream(), digest);
        }

        @Override
        public byte[] sha512OfData() {
            return snapshot(digest);
        }

        @Override
        public boolean verify(byte[] signature) {
            Ed25519Signer ed25519 = new Ed25519Signer();
            ed25519.init(false, key);
            byte[] h = digest.digest();
            ed25519.update(h, 0, h.length);
            return ed25519.verifySignature(signature);
        }

        @Override
        public int getHashAlgorithm() {
            return HashAlgorithmTags.SHA512;
        }

        @Override
        public int getKeyAlgorithm() {
            return keyAlgorithm;
        }

        @Override
        public long getKeyID() {
            return keyId;
        }
    }
}
