package org.gawah.openpgp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.bouncycastle.bcpg.KeyIdentifier;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPObjectFactory;
import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSecretKey;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.bouncycastle.openpgp.api.OpenPGPCertificate;
import org.bouncycastle.openpgp.api.OpenPGPCertificate.OpenPGPComponentKey;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;
import org.bouncycastle.openpgp.operator.PBESecretKeyDecryptor;
import org.bouncycastle.openpgp.operator.bc.BcPBESecretKeyDecryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider;
import org.gawah.Failure;
import org.gawah.GawahException;

/** A passphrase-protected OpenPGP secret key, as stored in the home. Unlocked only for one use. */
public final class SecretKey {
    private final PGPSecretKeyRing ring;
    /** Keys unlocked during this command: the strong S2K costs most of a second per unlock. */
    private final java.util.Map<KeyIdentifier, PGPPrivateKey> unlocked = new java.util.HashMap<>();

    SecretKey(PGPSecretKeyRing ring) {
        this.ring = ring;
    }

    public static SecretKey parse(byte[] data) {
        if (data.length > Certificate.MAX_BYTES) {
            throw new GawahException(Failure.BAD_DATA, Messages.of("secret-key.too-large"));
        }
        try (InputStream in = Armor.decoder(data)) {
            PGPObjectFactory factory = new BcPGPObjectFactory(in);
            Object first = factory.nextObject();
            if (!(first instanceof PGPSecretKeyRing) || factory.nextObject() != null) {
                throw new GawahException(Failure.BAD_DATA, Messages.of("secret-key.not-single"));
            }
            return new SecretKey((PGPSecretKeyRing) first);
        } catch (IOException | RuntimeException e) {
            if (e instanceof GawahException) {
                throw (GawahException) e;
            }
            throw new GawahException(Failure.BAD_DATA, Messages.of("secret-key.unreadable"), null, e);
        }
    }

    public String fingerprint() {
        return Fingerprints.hex(ring.getPublicKey().getFingerprint());
    }

    public Certificate certificate() {
        return new Certificate(new OpenPGPCertificate(publicRing()));
    }

    public byte[] encoded() {
        try {
            return ring.getEncoded();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String armored() {
        return Armor.armor(encoded());
    }

    /** Unlocks the key that signs records. Wrong passphrase: {@link Failure#BAD_PASSPHRASE}. */
    public SigningKey unlockForSigning(char[] passphrase, Instant now) {
        Certificate cert = certificate();
        cert.checkCanSign(now);
        List<OpenPGPComponentKey> signing = cert.bc().getSigningKeys(Date.from(now));
        PGPPublicKey publicKey = signing.get(0).getPGPPublicKey();
        return new SigningKey(unlock(publicKey.getKeyIdentifier(), passphrase), publicKey, fingerprint());
    }

    /** Whether one of this key's (sub)keys has this id. */
    boolean has(KeyIdentifier id) {
        return ring.getSecretKey(id) != null;
    }

    /** Whether a passphrase is still needed for this (sub)key. */
    boolean isLocked(KeyIdentifier id) {
        return !unlocked.containsKey(id);
    }

    PGPPrivateKey unlock(KeyIdentifier id, char[] passphrase) {
        PGPPrivateKey cached = unlocked.get(id);
        if (cached != null) {
            return cached;
        }
        PGPSecretKey secret = ring.getSecretKey(id);
        if (secret == null || secret.isPrivateKeyEmpty()) {
            throw new GawahException(Failure.NOT_READY, Messages.of("secret-key.missing-part", fingerprint()));
        }
        try {
            // The decryptor builder wipes the array it is given: hand it a copy, the caller wipes its own.
            PBESecretKeyDecryptor decryptor = new BcPBESecretKeyDecryptorBuilder(new BcPGPDigestCalculatorProvider())
                    .build(passphrase.clone());
            PGPPrivateKey key = secret.extractPrivateKey(decryptor);
            if (key == null) {
                throw new GawahException(Failure.NOT_READY, Messages.of("secret-key.missing-part", fingerprint()));
            }
            unlocked.put(id, key);
            return key;
        } catch (PGPException | RuntimeException e) {
            if (e instanceof GawahException) {
                throw (GawahException) e;
            }
            throw new GawahException(Failure.BAD_PASSPHRASE, Messages.of("secret-key.wrong-passphrase", fingerprint()),
                    Messages.of("secret-key.wrong-passphrase.hint"), e);
        }
    }

    private PGPPublicKeyRing publicRing() {
        return ring.toCertificate();
    }
}
