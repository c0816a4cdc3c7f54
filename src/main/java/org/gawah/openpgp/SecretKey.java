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
    /** An unlock started by {@link #unlockAhead}, not yet taken into {@link #unlocked}. */
    private java.util.concurrent.FutureTask<SecretKey> ahead;

    SecretKey(PGPSecretKeyRing ring) {
        this.ring = ring;
    }

    /** A key just made, whose private parts are at hand: signing its first custody entry needs no second derivation. */
    static SecretKey made(PGPSecretKeyRing ring, PGPPrivateKey... known) {
        SecretKey key = new SecretKey(ring);
        for (PGPPrivateKey privateKey : known) {
            key.unlocked.put(ring.getPublicKey(privateKey.getKeyID()).getKeyIdentifier(), privateKey);
        }
        return key;
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
     * Reads the secret key of a file from outside ({@code keys import --secret}): each armour block,
     * every key in it. A home has one own key, so a file with several is refused by their count,
     * and a certificate is named as such; the Argon2 bounds hold as for any secret key read.
     */
    public static SecretKey parseOne(byte[] data) {
        if (data.length > Certificate.MAX_BYTES) {
            throw new GawahException(Failure.BAD_DATA, Messages.of("secret-key.too-large"));
        }
        List<PGPSecretKeyRing> rings = new java.util.ArrayList<>();
        try {
            for (InputStream in : Armor.decoders(data)) {
                try (in) {
                    PGPObjectFactory factory = new BcPGPObjectFactory(in);
                    for (Object next = factory.nextObject(); next != null; next = factory.nextObject()) {
                        if (next instanceof PGPPublicKeyRing) {
                            throw new GawahException(Failure.BAD_DATA, Messages.of("secret-key.is-certificate"),
                                    Messages.of("secret-key.is-certificate.hint"));
                        }
                        if (!(next instanceof PGPSecretKeyRing)) {
                            throw new GawahException(Failure.BAD_DATA, Messages.of("secret-key.not-single"));
                        }
                        rings.add((PGPSecretKeyRing) next);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof GawahException) {
                throw (GawahException) e;
            }
            throw new GawahException(Failure.BAD_DATA, Messages.of("secret-key.unreadable"), null, e);
        }
        if (rings.size() != 1) {
            throw new GawahException(Failure.BAD_DATA, rings.isEmpty() ? Messages.of("secret-key.not-single")
                    : Messages.of("secret-key.several", rings.size()), Messages.of("secret-key.several.hint"));
        }
        checkArgon2(rings.get(0));
        return new SecretKey(rings.get(0));
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
        return new Certificate(publicRing());
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

    /**
     * Refuses, before any passphrase is asked, a key from outside that cannot be a home's own:
     * one that cannot sign or receive now (weak, expired, revoked, no such key), a secret part
     * missing (GnuPG's {@code --export-secret-subkeys} leaves the primary's out), or a secret part
     * not protected by a passphrase.
     */
    public void checkUsableAsOwn(Instant now) {
        Certificate cert = certificate();
        cert.checkCanSign(now);
        cert.checkCanEncrypt(now);
        for (PGPSecretKey secret : ring) {
            String id = Fingerprints.keyId(secret.getKeyIdentifier());
            if (secret.isPrivateKeyEmpty()) {
                throw new GawahException(Failure.NOT_READY, Messages.of("secret-key.stub", id, fingerprint()),
                        Messages.of("secret-key.stub.hint"));
            }
            if (secret.getS2KUsage() == org.bouncycastle.bcpg.SecretKeyPacket.USAGE_NONE) {
                throw new GawahException(Failure.NOT_READY, Messages.of("secret-key.unprotected", id, fingerprint()),
                        Messages.of("secret-key.unprotected.hint"));
            }
        }
    }

    /**
     * The same key with every secret part unlocked by {@code passphrase} (a wrong one fails
     * here, before anything is kept) and protected again as Gawah protects the keys it makes,
     * under the same passphrase: v4 keys with AES-256 and the iterated S2K at its strongest, v6
     * keys with AES-256-OCB under Argon2id (docs/format/home.md). The caller wipes the passphrase.
     */
    public SecretKey reprotected(char[] passphrase) {
        List<PGPSecretKey> keys = new java.util.ArrayList<>();
        List<PGPPrivateKey> privateKeys = new java.util.ArrayList<>();
        try {
            for (PGPSecretKey secret : ring) {
                privateKeys.add(unlock(secret.getKeyIdentifier(), passphrase));
                PBESecretKeyDecryptor decryptor = new BcPBESecretKeyDecryptorBuilder(
                        new JcaPGPDigestCalculatorProviderBuilder().setProvider(Providers.digests()).build())
                        .build(passphrase.clone());
                keys.add(PGPSecretKey.copyWithNewPassword(secret, decryptor, encryptor(secret, passphrase)));
            }
        } catch (PGPException e) {
            throw new GawahException(Failure.BAD_DATA, Messages.of("secret-key.unreadable"), null, e);
        }
        return made(new PGPSecretKeyRing(keys), privateKeys.toArray(new PGPPrivateKey[0]));
    }

    private static org.bouncycastle.openpgp.operator.PBESecretKeyEncryptor encryptor(PGPSecretKey secret, char[] passphrase)
            throws PGPException {
        java.security.SecureRandom random = new java.security.SecureRandom();
        if (secret.getPublicKey().getVersion() == 6) {
            return new org.bouncycastle.openpgp.operator.bc.BcAEADSecretKeyEncryptorBuilder(
                    org.bouncycastle.bcpg.AEADAlgorithmTags.OCB, org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags.AES_256,
                    new org.bouncycastle.bcpg.S2K.Argon2Params(KeyGenerator.ARGON2_PASSES, KeyGenerator.ARGON2_LANES,
                            KeyGenerator.ARGON2_MEMORY_EXP, random))
                    .setSecureRandom(random).build(passphrase.clone(), secret.getPublicKey().getPublicKeyPacket());
        }
        return new org.bouncycastle.openpgp.operator.bc.BcPBESecretKeyEncryptorBuilder(
                org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags.AES_256,
                new org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider()
                        .get(org.bouncycastle.bcpg.HashAlgorithmTags.SHA256), KeyGenerator.S2K_COUNT)
                .setSecureRandom(random).build(passphrase.clone());
    }

    /** The (sub)keys that can decrypt, whose secret part is here: those a hidden recipient may be. */
    List<KeyIdentifier> encryptionKeys() {
        List<KeyIdentifier> ids = new java.util.ArrayList<>();
        for (PGPSecretKey secret : ring) {
            if (secret.getPublicKey().isEncryptionKey() && !secret.isPrivateKeyEmpty()) {
                ids.add(secret.getKeyIdentifier());
            }
        }
        return ids;
    }

    /** Whether one of this key's (sub)keys has this id. */
    boolean has(KeyIdentifier id) {
        return ring.getSecretKey(id) != null;
    }

    /** Whether a passphrase is still needed for this (sub)key. */
    boolean isLocked(KeyIdentifier id) {
        takeAhead();
        return !unlocked.containsKey(id);
    }

    /**
     * Starts deriving the key from {@code passphrase} and unlocking the secret parts it protects,
     * on a thread of its own, so that the iterated S2K (65 MB of SHA-256) runs beside what the
     * command does next (opening the vault, reading its signed log) instead of after it. Nothing
     * is used before the command asks for a key: {@link #unlock} then takes what the thread
     * unlocked, waiting for it if need be. A wrong passphrase fails there, as without this, with
     * the same message (the thread's failure is dropped and the unlock done again in place).
     * Only for the iterated S2K: an Argon2 one (v6 keys) is memory-hard, and run beside other work
     * it would raise the command's peak memory. The caller keeps and wipes its {@code passphrase}.
     */
    public void unlockAhead(char[] passphrase) {
        if (ahead != null) {
            return;
        }
        PGPSecretKey first = null;
        for (PGPSecretKey secret : ring) {
            if (!secret.isPrivateKeyEmpty() && !unlocked.containsKey(secret.getKeyIdentifier())) {
                first = secret;
                break;
            }
        }
        if (first == null || !IteratedS2K.handles(first.getKeyEncryptionAlgorithm(), first.getS2K())) {
            return;
        }
        KeyIdentifier id = first.getKeyIdentifier();
        char[] copy = passphrase.clone();
        // A SecretKey of its own on the thread: this one's map is only ever touched by its caller.
        ahead = new java.util.concurrent.FutureTask<>(() -> {
            try {
                SecretKey other = new SecretKey(ring);
                other.unlock(id, copy);
                return other;
            } finally {
                java.util.Arrays.fill(copy, '\0');
            }
        });
        Thread thread = new Thread(ahead, "gawah-unlock-ahead");
        thread.setDaemon(true);
        thread.start();
    }

    /** What {@link #unlockAhead} unlocked, once it is done; nothing if it failed. */
    private void takeAhead() {
        if (ahead == null) {
            return;
        }
        java.util.concurrent.FutureTask<SecretKey> started = ahead;
        ahead = null;
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    started.get().unlocked.forEach(unlocked::putIfAbsent);
                    return;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (java.util.concurrent.ExecutionException e) {
                    return; // unlocked again in place, which says what is wrong
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    PGPPrivateKey unlock(KeyIdentifier id, char[] passphrase) {
        takeAhead();
        PGPPrivateKey cached = unlocked.get(id);
        if (cached != null) {
            return cached;
        }
        PGPSecretKey secret = ring.getSecretKey(id);
        if (secret == null || secret.isPrivateKeyEmpty()) {
            throw new GawahException(Failure.NOT_READY, Messages.of("secret-key.missing-part", fingerprint()));
        }
        checkHeapFor(secret);
        // The decryptor wipes the array it is given: hand it a copy, the caller wipes its own.
        // The S2K's 65 MB of hashing on the JDK's SHA-256 (the processor's SHA instructions): 0.30 -> 0.07 s warm.
        try (OnceDerivingDecryptor decryptor = new OnceDerivingDecryptor(passphrase.clone(),
                new JcaPGPDigestCalculatorProviderBuilder().setProvider(Providers.digests()).build())) {
            PGPPrivateKey key = secret.extractPrivateKey(decryptor);
            if (key == null) {
                throw new GawahException(Failure.NOT_READY, Messages.of("secret-key.missing-part", fingerprint()));
            }
            unlocked.put(id, key);
            unlockSiblings(secret, decryptor);
            return key;
        } catch (PGPException | RuntimeException e) {
            if (e instanceof GawahException) {
                throw (GawahException) e;
            }
            throw new GawahException(Failure.BAD_PASSPHRASE, Messages.of("secret-key.wrong-passphrase", fingerprint()),
                    Messages.of("secret-key.wrong-passphrase.hint"), e);
        }
    }

    /**
     * Unlocks, with the key just derived, the other (sub)keys protected by the same S2K (the same
     * salt and cost: the same passphrase-derived key), so that a command needing two of them (open:
     * the decryption subkey, then the signing key of its custody entry) derives once. Each is checked
     * as any unlock checks it; one that does not open with this passphrase stays locked.
     */
    private void unlockSiblings(PGPSecretKey opened, OnceDerivingDecryptor decryptor) {
        String specifier = OnceDerivingDecryptor.specifier(opened.getKeyEncryptionAlgorithm(), opened.getS2K());
        for (PGPSecretKey sibling : ring) {
            KeyIdentifier id = sibling.getKeyIdentifier();
            if (unlocked.containsKey(id) || sibling.isPrivateKeyEmpty()
                    || !specifier.equals(OnceDerivingDecryptor.specifier(sibling.getKeyEncryptionAlgorithm(), sibling.getS2K()))) {
                continue;
            }
            try {
                PGPPrivateKey key = sibling.extractPrivateKey(decryptor);
                if (key != null) {
                    unlocked.put(id, key);
                }
            } catch (PGPException | RuntimeException e) {
                // Left locked: unlocking it on its own says what is wrong, if it is ever needed.
            }
        }
    }

    PGPSecretKeyRing ring() {
        return ring;
    }

    private PGPPublicKeyRing publicRing() {
        return ring.toCertificate();
    }
}
