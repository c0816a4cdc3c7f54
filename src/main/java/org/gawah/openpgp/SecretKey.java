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
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPDigestCalculatorProviderBuilder;
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
            PGPSecretKeyRing ring = (PGPSecretKeyRing) first;
            checkArgon2(ring);
            return new SecretKey(ring);
        } catch (IOException | RuntimeException e) {
            if (e instanceof GawahException) {
                throw (GawahException) e;
            }
            throw new GawahException(Failure.BAD_DATA, Messages.of("secret-key.unreadable"), null, e);
        }
    }

    /**
     * Refuses a key whose Argon2 parameters pass {@link Policy}'s bounds, before any passphrase is
     * asked: deriving them could take all memory or hours.
     */
    private static void checkArgon2(PGPSecretKeyRing ring) {
        for (PGPSecretKey secret : ring) {
            org.gawah.Message refusal = Policy.argon2Refusal(secret.getS2K());
            if (refusal != null) {
                throw new GawahException(Failure.BAD_DATA,
                        Messages.of("secret-key.argon2-refused", Fingerprints.hex(ring.getPublicKey().getFingerprint()), refusal),
                        Messages.of("secret-key.argon2-refused.hint"));
            }
        }
    }

    /**
     * Refuses to start an Argon2 derivation that this Java cannot hold in memory, with what to do,
     * rather than failing halfway with an out-of-memory error.
     */
    private void checkHeapFor(PGPSecretKey secret) {
        org.bouncycastle.bcpg.S2K s2k = secret.getS2K();
        if (s2k == null || s2k.getType() != org.bouncycastle.bcpg.S2K.ARGON_2) {
            return;
        }
        long needed = (1L << s2k.getMemorySizeExponent()) << 10;
        // Bouncy Castle holds the Argon2 blocks as Java objects: allow a sixteenth more than the bare memory.
        long available = availableHeap();
        if (needed + needed / 16 > available) {
            // What looks used may be garbage (an earlier derivation's blocks): collect once, then judge.
            System.gc();
            available = availableHeap();
        }
        if (needed + needed / 16 > available) {
            long neededMiB = Policy.argon2MiB(s2k.getMemorySizeExponent());
            throw new GawahException(Failure.NOT_READY,
                    Messages.of("secret-key.argon2-heap", fingerprint(), neededMiB, available >> 20),
                    Messages.of("secret-key.argon2-heap.hint", Math.max(1, (neededMiB + 1024 + 1023) / 1024)));
        }
    }

    private static long availableHeap() {
        Runtime runtime = Runtime.getRuntime();
        return runtime.maxMemory() - (runtime.totalMemory() - runtime.freeMemory());
    }

    /** The OpenPGP key version: 4 (compat profile) or 6 (RFC 9580 profile). */
    public int version() {
        return ring.getPublicKey().getVersion();
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
        return new SigningKey(unlock(publicKey.getKeyIdentifier(), passphrase), publicKey, cert);
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
        checkHeapFor(secret);
        try {
            // The decryptor builder wipes the array it is given: hand it a copy, the caller wipes its own.
            // The S2K's 65 MB of hashing on the JDK's SHA-256 (the processor's SHA instructions): 0.30 -> 0.07 s warm.
            PBESecretKeyDecryptor decryptor = new BcPBESecretKeyDecryptorBuilder(
                    new JcaPGPDigestCalculatorProviderBuilder().setProvider(Providers.digests()).build())
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

    PGPSecretKeyRing ring() {
        return ring;
    }

    private PGPPublicKeyRing publicRing() {
        return ring.toCertificate();
    }
}
