package org.gawah.openpgp;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.security.SecureRandom;
import java.util.Date;

import org.bouncycastle.bcpg.CompressionAlgorithmTags;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyPacket;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.bcpg.sig.KeyFlags;
import org.bouncycastle.openpgp.PGPEncryptedDataGenerator;
import org.bouncycastle.openpgp.PGPKeyPair;
import org.bouncycastle.openpgp.PGPKeyRingGenerator;
import org.bouncycastle.openpgp.PGPLiteralData;
import org.bouncycastle.openpgp.PGPLiteralDataGenerator;
import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureGenerator;
import org.bouncycastle.openpgp.PGPSignatureSubpacketGenerator;
import org.bouncycastle.openpgp.operator.PGPKeyPairGenerator;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentSignerBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider;
import org.bouncycastle.openpgp.operator.bc.BcPGPKeyPairGeneratorProvider;
import org.bouncycastle.openpgp.operator.bc.BcPBESecretKeyDecryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPublicKeyKeyEncryptionMethodGenerator;

/**
 * Keys and messages that Gawah itself would never make, built with Bouncy Castle for the tests
 * that prove they are refused: expired, revoked, without the sign flag, weak hashes, weak RSA, and a
 * v4 key that advertises SEIPD v2 the way Bouncy Castle's and OpenPGP.js's v4 keys do.
 */
final class CraftedKeys {
    private CraftedKeys() {
    }

    /** What a crafted v4 key looks like. */
    record Spec(Date created, long expiresAfterSeconds, int primaryFlags, byte features, boolean rsa, int[] ciphers) {
        static Spec plain(Date created) {
            return new Spec(created, 0, KeyFlags.CERTIFY_OTHER | KeyFlags.SIGN_DATA,
                    org.bouncycastle.bcpg.sig.Features.FEATURE_MODIFICATION_DETECTION, false,
                    new int[] {SymmetricKeyAlgorithmTags.AES_256});
        }

        Spec expiringAfter(long seconds) {
            return new Spec(created, seconds, primaryFlags, features, rsa, ciphers);
        }

        Spec flags(int flags) {
            return new Spec(created, expiresAfterSeconds, flags, features, rsa, ciphers);
        }

        Spec features(byte bits) {
            return new Spec(created, expiresAfterSeconds, primaryFlags, bits, rsa, ciphers);
        }

        Spec rsa1024() {
            return new Spec(created, expiresAfterSeconds, primaryFlags, features, true, ciphers);
        }

        Spec preferring(int... symmetric) {
            return new Spec(created, expiresAfterSeconds, primaryFlags, features, rsa, symmetric);
        }
    }

    /** An unprotected v4 key (legacy Ed25519 + legacy X25519, or RSA-1024 + RSA-1024) after {@code spec}. */
    static SecretKey v4(String userId, Spec spec) throws Exception {
        PGPKeyPairGenerator pairs = new BcPGPKeyPairGeneratorProvider().setSecureRandom(new SecureRandom())
                .get(PublicKeyPacket.VERSION_4, spec.created());
        PGPKeyPair primary = spec.rsa() ? pairs.generateRsaKeyPair(1024) : pairs.generateLegacyEd25519KeyPair();
        PGPKeyPair encryption = spec.rsa() ? pairs.generateRsaKeyPair(1024) : pairs.generateLegacyX25519KeyPair();
        PGPSignatureSubpacketGenerator hashed = new PGPSignatureSubpacketGenerator();
        hashed.setSignatureCreationTime(true, spec.created());
        hashed.setKeyFlags(true, spec.primaryFlags());
        hashed.setPreferredSymmetricAlgorithms(false, spec.ciphers());
        hashed.setPreferredHashAlgorithms(false, new int[] {HashAlgorithmTags.SHA512});
        hashed.setPreferredCompressionAlgorithms(false, new int[] {CompressionAlgorithmTags.UNCOMPRESSED});
        hashed.setFeature(false, spec.features());
        if (spec.expiresAfterSeconds() > 0) {
            hashed.setKeyExpirationTime(true, spec.expiresAfterSeconds());
        }
        hashed.setIssuerFingerprint(false, primary.getPublicKey());
        PGPKeyRingGenerator rings = new PGPKeyRingGenerator(PGPSignature.POSITIVE_CERTIFICATION, primary, userId,
                new BcPGPDigestCalculatorProvider().get(HashAlgorithmTags.SHA1), hashed.generate(), null,
                new BcPGPContentSignerBuilder(primary.getPublicKey().getAlgorithm(), HashAlgorithmTags.SHA512), null);
        PGPSignatureSubpacketGenerator subkey = new PGPSignatureSubpacketGenerator();
        subkey.setSignatureCreationTime(true, spec.created());
        subkey.setKeyFlags(true, KeyFlags.ENCRYPT_COMMS | KeyFlags.ENCRYPT_STORAGE);
        rings.addSubKey(encryption, subkey.generate(), null);
        return new SecretKey(rings.generateSecretKeyRing());
    }

    static PGPPrivateKey privateKey(SecretKey key) throws Exception {
        return key.ring().getSecretKey().extractPrivateKey(
                new BcPBESecretKeyDecryptorBuilder(new BcPGPDigestCalculatorProvider()).build(new char[0]));
    }

    /** The key's certificate with a key revocation signature made at {@code at}, giving {@code reason}. */
    static Certificate revoked(SecretKey key, byte reason, Date at) throws Exception {
        PGPPublicKey primary = key.ring().getPublicKey();
        PGPSignatureGenerator generator = new PGPSignatureGenerator(
                new BcPGPContentSignerBuilder(primary.getAlgorithm(), HashAlgorithmTags.SHA512), primary);
        generator.init(PGPSignature.KEY_REVOCATION, privateKey(key));
        PGPSignatureSubpacketGenerator hashed = new PGPSignatureSubpacketGenerator();
        hashed.setSignatureCreationTime(true, at);
        hashed.setRevocationReason(false, reason, "");
        hashed.setIssuerFingerprint(false, primary);
        generator.setHashedSubpackets(hashed.generate());
        PGPPublicKey revokedKey = PGPPublicKey.addCertification(primary, generator.generateCertification(primary));
        PGPPublicKeyRing ring = PGPPublicKeyRing.insertPublicKey(key.ring().toCertificate(), revokedKey);
        return new Certificate(ring);
    }

    /**
     * A message signed with the primary key of {@code signer} (hash and time as given, whatever the
     * policy says) and encrypted (SEIPD v1, AES-256) to {@code recipient}: what a careless or
     * hostile tool could send.
     */
    static byte[] signedAndSealed(byte[] plaintext, SecretKey signer, int hash, Date signedAt, Certificate recipient,
                                  Date now) throws Exception {
        PGPPublicKey signingKey = signer.ring().getPublicKey();
        PGPSignatureGenerator signature = new PGPSignatureGenerator(
                new BcPGPContentSignerBuilder(signingKey.getAlgorithm(), hash), signingKey);
        signature.init(PGPSignature.BINARY_DOCUMENT, privateKey(signer));
        PGPSignatureSubpacketGenerator hashed = new PGPSignatureSubpacketGenerator();
        hashed.setSignatureCreationTime(true, signedAt);
        hashed.setIssuerFingerprint(false, signingKey);
        signature.setHashedSubpackets(hashed.generate());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PGPEncryptedDataGenerator encryption = new PGPEncryptedDataGenerator(Sealer.dataEncryptor(false));
        for (PGPPublicKey key : recipient.encryptionKeys(now.toInstant())) {
            encryption.addMethod(new BcPublicKeyKeyEncryptionMethodGenerator(key));
        }
        try (OutputStream encrypted = encryption.open(out, new byte[4096])) {
            signature.generateOnePassVersion(false).encode(encrypted);
            try (OutputStream literal = new PGPLiteralDataGenerator().open(encrypted, PGPLiteralData.BINARY, "",
                    plaintext.length, signedAt)) {
                literal.write(plaintext);
            }
            signature.update(plaintext);
            signature.generate().encode(encrypted);
        }
        return out.toByteArray();
    }

    /** A detached binary signature over {@code data} by the primary key, hash and time as given. */
    static byte[] detached(SecretKey signer, int hash, Date signedAt, byte[] data) throws Exception {
        PGPPublicKey signingKey = signer.ring().getPublicKey();
        PGPSignatureGenerator signature = new PGPSignatureGenerator(
                new BcPGPContentSignerBuilder(signingKey.getAlgorithm(), hash), signingKey);
        signature.init(PGPSignature.BINARY_DOCUMENT, privateKey(signer));
        PGPSignatureSubpacketGenerator hashed = new PGPSignatureSubpacketGenerator();
        hashed.setSignatureCreationTime(true, signedAt);
        hashed.setIssuerFingerprint(false, signingKey);
        signature.setHashedSubpackets(hashed.generate());
        signature.update(data);
        return signature.generate().getEncoded();
    }
}
