package org.gawah.openpgp;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;

import org.bouncycastle.bcpg.CompressionAlgorithmTags;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyPacket;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.bcpg.sig.Features;
import org.bouncycastle.bcpg.sig.KeyFlags;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPKeyPair;
import org.bouncycastle.openpgp.PGPKeyRingGenerator;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureSubpacketGenerator;
import org.bouncycastle.openpgp.operator.PBESecretKeyEncryptor;
import org.bouncycastle.openpgp.operator.PGPDigestCalculator;
import org.bouncycastle.openpgp.operator.PGPKeyPairGenerator;
import org.bouncycastle.openpgp.operator.bc.BcPBESecretKeyEncryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentSignerBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider;
import org.bouncycastle.openpgp.operator.bc.BcPGPKeyPairGeneratorProvider;
import org.gawah.Failure;
import org.gawah.GawahException;

/**
 * Makes the compat-profile key: v4, legacy EdDSA (Ed25519) primary for certifying and signing,
 * legacy ECDH (X25519) subkey for encryption. Every OpenPGP implementation in use today reads
 * these, GnuPG 2.2 included; v6 keys and the native Ed25519/X25519 ids are not yet readable by it.
 */
public final class KeyGenerator {
    /** Iterated-salted S2K count 0xFF (65 011 712 bytes hashed), the strongest v4 offers; BC's default hashes 64 KiB. */
    private static final int S2K_COUNT = 0xFF;

    private static final int[] SYMMETRIC_PREFERENCES = {SymmetricKeyAlgorithmTags.AES_256, SymmetricKeyAlgorithmTags.AES_128};
    private static final int[] HASH_PREFERENCES = {HashAlgorithmTags.SHA512, HashAlgorithmTags.SHA384, HashAlgorithmTags.SHA256};
    private static final int[] COMPRESSION_PREFERENCES = {CompressionAlgorithmTags.UNCOMPRESSED};

    private KeyGenerator() {
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
            return new SecretKey(rings.generateSecretKeyRing());
        } catch (PGPException e) {
            throw new GawahException(Failure.INTERNAL, Messages.of("keygen.failed", e.getMessage()), null, e);
        }
    }

    /**
     * The user-ID self-signature carries the algorithm preferences: GnuPG 2.2 reads them there
     * (not from a direct-key signature) and would otherwise fall back to 3DES and SHA-1.
     */
    private static org.bouncycastle.openpgp.PGPSignatureSubpacketVector userIdSubpackets(PGPKeyPair primary, Date created) {
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
