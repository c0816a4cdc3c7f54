package org.gawah.openpgp;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;

import org.bouncycastle.bcpg.AEADAlgorithmTags;
import org.bouncycastle.bcpg.CompressionAlgorithmTags;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyPacket;
import org.bouncycastle.bcpg.S2K;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.bcpg.sig.Features;
import org.bouncycastle.bcpg.sig.KeyFlags;
import org.bouncycastle.bcpg.sig.PreferredAEADCiphersuites;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPKeyPair;
import org.bouncycastle.openpgp.PGPKeyRingGenerator;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPSecretKey;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureGenerator;
import org.bouncycastle.openpgp.PGPSignatureSubpacketGenerator;
import org.bouncycastle.openpgp.PGPSignatureSubpacketVector;
import org.bouncycastle.openpgp.operator.PBESecretKeyEncryptor;
import org.bouncycastle.openpgp.operator.PGPDigestCalculator;
import org.bouncycastle.openpgp.operator.PGPKeyPairGenerator;
import org.bouncycastle.openpgp.operator.bc.BcAEADSecretKeyEncryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcKeyFingerprintCalculator;
import org.bouncycastle.openpgp.operator.bc.BcPBESecretKeyEncryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentSignerBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider;
import org.bouncycastle.openpgp.operator.bc.BcPGPKeyPairGeneratorProvider;
import org.gawah.Failure;
import org.gawah.GawahException;

/**
 * Makes the home's own key, in one of two profiles (docs/format/home.md).
 *
 * <p>{@link Profile#COMPAT}: v4, legacy EdDSA (Ed25519) primary for certifying and signing,
 * legacy ECDH (X25519) subkey for encryption. Every OpenPGP implementation in use today reads
 * these, GnuPG 2.2 included; v6 keys and the native Ed25519/X25519 ids are not yet readable by it.
 *
 * <p>{@link Profile#RFC9580}: v6, Ed25519 primary (certify, sign), X25519 subkey (encrypt),
 * secret parts under AES-256-OCB with an Argon2id S2K.
 */
public final class KeyGenerator {
    /** Iterated-salted S2K count 0xFF (65 011 712 bytes hashed), the strongest v4 offers; BC's default hashes 64 KiB. */
    static final int S2K_COUNT = 0xFF;

    private static final int[] SYMMETRIC_PREFERENCES = {SymmetricKeyAlgorithmTags.AES_256, SymmetricKeyAlgorithmTags.AES_128};
    private static final int[] HASH_PREFERENCES = {HashAlgorithmTags.SHA512, HashAlgorithmTags.SHA384, HashAlgorithmTags.SHA256};
    private static final int[] COMPRESSION_PREFERENCES = {CompressionAlgorithmTags.UNCOMPRESSED};

    /**
     * Argon2id for the RFC 9580 profile: 3 passes over 128 MiB, 4 lanes. RFC 9106's second
     * recommendation (3 passes, 64 MiB) with twice the memory, which unlocks in about a second
     * with Bouncy Castle's Argon2 on a 2-core laptop (measured: docs/format/home.md). Its first
     * recommendation (1 pass, 2 GiB) takes 18 s and 2 GiB of Java heap there.
     */
    static final int ARGON2_PASSES = 3;
    static final int ARGON2_LANES = 4;
    static final int ARGON2_MEMORY_EXP = 17;

    private static final PreferredAEADCiphersuites.Combination[] AEAD_PREFERENCES = {
        new PreferredAEADCiphersuites.Combination(SymmetricKeyAlgorithmTags.AES_256, AEADAlgorithmTags.OCB),
        new PreferredAEADCiphersuites.Combination(SymmetricKeyAlgorithmTags.AES_128, AEADAlgorithmTags.OCB),
    };

    private KeyGenerator() {
    }

    /** Generates a key of the given profile; the caller keeps and wipes {@code passphrase}. */
    public static SecretKey generate(Profile profile, String userId, char[] passphrase, Instant now) {
        if (profile == Profile.RFC9580) {
            return generateV6(userId, passphrase, now, new S2K.Argon2Params(ARGON2_PASSES, ARGON2_LANES,
                    ARGON2_MEMORY_EXP, new SecureRandom()));
        }
        return generate(userId, passphrase, now);
    }

    /**
     * The RFC 9580 key with the given Argon2 parameters (tests use small ones to stay fast).
     * Preferences sit on the direct-key signature, where RFC 9580 puts them for v6 keys, and on
     * the user-ID self-signature too, for readers that look only there.
     */
    static SecretKey generateV6(String userId, char[] passphrase, Instant now, S2K.Argon2Params argon2) {
        if (passphrase.length == 0) {
            throw new GawahException(Failure.BAD_PASSPHRASE, Messages.of("keygen.empty-passphrase"));
        }
        try {
            SecureRandom random = new SecureRandom();
            Date created = Date.from(now.truncatedTo(ChronoUnit.SECONDS));
            PGPKeyPairGenerator pairs = new BcPGPKeyPairGeneratorProvider().setSecureRandom(random)
                    .get(PublicKeyPacket.VERSION_6, created);
            PGPKeyPair primary = pairs.generateEd25519KeyPair();
            PGPKeyPair encryption = pairs.generateX25519KeyPair().asSubkey(new BcKeyFingerprintCalculator());
            BcPGPContentSignerBuilder signer = new BcPGPContentSignerBuilder(PublicKeyAlgorithmTags.Ed25519, Policy.SIGNATURE_HASH);

            PGPSignatureGenerator direct = new PGPSignatureGenerator(signer, primary.getPublicKey());
            direct.init(PGPSignature.DIRECT_KEY, primary.getPrivateKey());
            direct.setHashedSubpackets(v6Preferences(primary, created, false));
            PGPPublicKey primaryPublic = PGPPublicKey.addCertification(primary.getPublicKey(),
                    direct.generateCertification(primary.getPublicKey()));

            PGPSignatureGenerator certification = new PGPSignatureGenerator(signer, primary.getPublicKey());
            certification.init(PGPSignature.POSITIVE_CERTIFICATION, primary.getPrivateKey());
            certification.setHashedSubpackets(v6Preferences(primary, created, true));
            primaryPublic = PGPPublicKey.addCertification(primaryPublic, userId,
                    certification.generateCertification(userId, primary.getPublicKey()));

            PGPSignatureGenerator binding = new PGPSignatureGenerator(signer, primary.getPublicKey());
            binding.init(PGPSignature.SUBKEY_BINDING, primary.getPrivateKey());
            PGPSignatureSubpacketGenerator subkey = new PGPSignatureSubpacketGenerator();
            subkey.setSignatureCreationTime(true, created);
            subkey.setKeyFlags(true, KeyFlags.ENCRYPT_COMMS | KeyFlags.ENCRYPT_STORAGE);
            subkey.setIssuerFingerprint(false, primary.getPublicKey());
            binding.setHashedSubpackets(subkey.generate());
            PGPPublicKey encryptionPublic = PGPPublicKey.addCertification(encryption.getPublicKey(),
                    binding.generateCertification(primary.getPublicKey(), encryption.getPublicKey()));

            // AEAD protection binds each secret key to its own public key packet: one encryptor per key.
            PGPDigestCalculator sha1 = new BcPGPDigestCalculatorProvider().get(HashAlgorithmTags.SHA1);
            PGPSecretKey primarySecret = new PGPSecretKey(primary.getPrivateKey(), primaryPublic, sha1, true,
                    new BcAEADSecretKeyEncryptorBuilder(AEADAlgorithmTags.OCB, SymmetricKeyAlgorithmTags.AES_256, argon2)
                            .setSecureRandom(random).build(passphrase.clone(), primaryPublic.getPublicKeyPacket()));
            PGPSecretKey encryptionSecret = new PGPSecretKey(encryption.getPrivateKey(), encryptionPublic, sha1, false,
                    new BcAEADSecretKeyEncryptorBuilder(AEADAlgorithmTags.OCB, SymmetricKeyAlgorithmTags.AES_256, argon2)
                            .setSecureRandom(random).build(passphrase.clone(), encryptionPublic.getPublicKeyPacket()));
            return SecretKey.made(new PGPSecretKeyRing(List.of(primarySecret, encryptionSecret)), primary.getPrivateKey());
        } catch (PGPException e) {
            throw new GawahException(Failure.INTERNAL, Messages.of("keygen.failed", e.getMessage()), null, e);
        }
    }

    private static PGPSignatureSubpacketVector v6Preferences(PGPKeyPair primary, Date created, boolean userId) {
        PGPSignatureSubpacketGenerator hashed = new PGPSignatureSubpacketGenerator();
        hashed.setSignatureCreationTime(true, created);
        hashed.setKeyFlags(true, KeyFlags.CERTIFY_OTHER | KeyFlags.SIGN_DATA);
        hashed.setPreferredSymmetricAlgorithms(false, SYMMETRIC_PREFERENCES);
        hashed.setPreferredAEADCiphersuites(false, AEAD_PREFERENCES);
        hashed.setPreferredHashAlgorithms(false, HASH_PREFERENCES);
        hashed.setPreferredCompressionAlgorithms(false, COMPRESSION_PREFERENCES);
        hashed.setFeature(false, (byte) (Features.FEATURE_MODIFICATION_DETECTION | Features.FEATURE_SEIPD_V2));
        if (userId) {
            hashed.setPrimaryUserID(false, true);
        }
        hashed.setIssuerFingerprint(false, primary.getPublicKey());
        return hashed.generate();
    }

    /**
     * Generates a key whose secret parts are encrypted with the passphrase (AES-256, SHA-256 S2K).
     * The caller keeps and wipes {@code passphrase}.
     */
    public static SecretKey generate(String userId, char[] passphrase, Instant now) {
        if (passphrase.length == 0) {
            throw new GawahException(Failure.BAD_PASSPHRASE, Messages.of("keygen.empty-passphrase"));
        }
        try {
            SecureRandom random = new SecureRandom();
            Date created = Date.from(now.truncatedTo(ChronoUnit.SECONDS));
            PGPKeyPairGenerator pairs = new BcPGPKeyPairGeneratorProvider().setSecureRandom(random)
                    .get(PublicKeyPacket.VERSION_4, created);
            PGPKeyPair primary = pairs.generateLegacyEd25519KeyPair();
            PGPKeyPair encryption = pairs.generateLegacyX25519KeyPair();

            PGPDigestCalculator sha1 = new BcPGPDigestCalculatorProvider().get(HashAlgorithmTags.SHA1);
            PGPDigestCalculator sha256 = new BcPGPDigestCalculatorProvider().get(HashAlgorithmTags.SHA256);
            PBESecretKeyEncryptor encryptor = new BcPBESecretKeyEncryptorBuilder(
                    SymmetricKeyAlgorithmTags.AES_256, sha256, S2K_COUNT)
                    .setSecureRandom(random)
                    .build(passphrase.clone());

            PGPKeyRingGenerator rings = new PGPKeyRingGenerator(PGPSignature.POSITIVE_CERTIFICATION, primary, userId,
                    sha1, userIdSubpackets(primary, created), null,
                    new BcPGPContentSignerBuilder(primary.getPublicKey().getAlgorithm(), HashAlgorithmTags.SHA512),
                    encryptor);
            PGPSignatureSubpacketGenerator subkey = new PGPSignatureSubpacketGenerator();
            subkey.setSignatureCreationTime(true, created);
            subkey.setKeyFlags(true, KeyFlags.ENCRYPT_COMMS | KeyFlags.ENCRYPT_STORAGE);
            subkey.setIssuerFingerprint(false, primary.getPublicKey());
            rings.addSubKey(encryption, subkey.generate(), null);
            return SecretKey.made(rings.generateSecretKeyRing(), primary.getPrivateKey());
        } catch (PGPException e) {
            throw new GawahException(Failure.INTERNAL, Messages.of("keygen.failed", e.getMessage()), null, e);
        }
    }

    /**
     * The user-ID self-signature carries the algorithm preferences: GnuPG 2.2 reads them there
     * (not from a direct-key signature) and would otherwise fall back to 3DES and SHA-1.
     */
    private static PGPSignatureSubpacketVector userIdSubpackets(PGPKeyPair primary, Date created) {
        PGPSignatureSubpacketGenerator hashed = new PGPSignatureSubpacketGenerator();
        // Self-signatures dated with the key, so the key is valid from the instant it is made.
        hashed.setSignatureCreationTime(true, created);
        hashed.setKeyFlags(true, KeyFlags.CERTIFY_OTHER | KeyFlags.SIGN_DATA);
        hashed.setPreferredSymmetricAlgorithms(false, SYMMETRIC_PREFERENCES);
        hashed.setPreferredHashAlgorithms(false, HASH_PREFERENCES);
        hashed.setPreferredCompressionAlgorithms(false, COMPRESSION_PREFERENCES);
        hashed.setFeature(false, Features.FEATURE_MODIFICATION_DETECTION);
        hashed.setPrimaryUserID(false, true);
        hashed.setIssuerFingerprint(false, primary.getPublicKey());
        return hashed.generate();
    }
}
