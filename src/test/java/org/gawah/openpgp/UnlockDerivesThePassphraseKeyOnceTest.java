package org.gawah.openpgp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.S2K;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.openpgp.PGPSecretKey;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.bouncycastle.openpgp.operator.bc.BcPBESecretKeyDecryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPBESecretKeyEncryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider;
import org.gawah.Failure;
import org.gawah.GawahException;
import org.junit.jupiter.api.Test;

/**
 * The keys of one Gawah key share one S2K (salt and cost), so the passphrase-derived key is
 * computed once per command: unlocking one (sub)key unlocks the others protected the same way,
 * each still checked. A (sub)key protected otherwise stays locked until asked for on its own.
 */
class UnlockDerivesThePassphraseKeyOnceTest {
    private static final char[] PASS = "correct horse".toCharArray();
    private static final Instant NOW = Instant.now();

    @Test
    void aV4KeysSubkeysShareOneDerivation() throws Exception {
        SecretKey key = stored(KeyGenerator.generate("Documenter", PASS, NOW));
        List<PGPSecretKey> parts = parts(key);
        assertEquals(2, parts.size());
        assertEquals(specifier(parts.get(0)), specifier(parts.get(1)), "one S2K for the whole key");

        try (OnceDerivingDecryptor decryptor = new OnceDerivingDecryptor(PASS.clone(), new BcPGPDigestCalculatorProvider())) {
            assertNotNull(parts.get(1).extractPrivateKey(decryptor));
            assertNotNull(parts.get(0).extractPrivateKey(decryptor));
            assertEquals(1, decryptor.derivations());
        }

        // Opening unlocks the encryption subkey first; the custody entry's signing key is then unlocked already.
        assertTrue(key.isLocked(parts.get(0).getKeyIdentifier()));
        key.unlock(parts.get(1).getKeyIdentifier(), PASS);
        assertFalse(key.isLocked(parts.get(0).getKeyIdentifier()));
        SigningKey signing = key.unlockForSigning(PASS, NOW);
        assertNotNull(signing);
    }

    @Test
    void aV6KeysArgon2IsDerivedOnceToo() throws Exception {
        SecretKey key = stored(KeyGenerator.generateV6("Documenter v6", PASS, NOW,
                new S2K.Argon2Params(1, 1, 10, new SecureRandom())));
        List<PGPSecretKey> parts = parts(key);
        assertEquals(specifier(parts.get(0)), specifier(parts.get(1)));
        assertTrue(key.isLocked(parts.get(0).getKeyIdentifier()));
        key.unlock(parts.get(1).getKeyIdentifier(), PASS);
        assertFalse(key.isLocked(parts.get(0).getKeyIdentifier()));
    }

    @Test
    void aSubkeyUnderAnotherPassphraseStaysLockedAndIsCheckedOnItsOwn() throws Exception {
        List<PGPSecretKey> parts = parts(KeyGenerator.generate("Mixed", PASS, NOW));
        char[] other = "another passphrase".toCharArray();
        PGPSecretKey subkey = PGPSecretKey.copyWithNewPassword(parts.get(1),
                new BcPBESecretKeyDecryptorBuilder(new BcPGPDigestCalculatorProvider()).build(PASS.clone()),
                new BcPBESecretKeyEncryptorBuilder(SymmetricKeyAlgorithmTags.AES_256,
                        new BcPGPDigestCalculatorProvider().get(HashAlgorithmTags.SHA256), 0x60).build(other.clone()));
        SecretKey mixed = new SecretKey(new PGPSecretKeyRing(List.of(parts.get(0), subkey)));
        assertNotEquals(specifier(parts.get(0)), specifier(subkey));

        mixed.unlock(parts.get(0).getKeyIdentifier(), PASS);
        assertTrue(mixed.isLocked(subkey.getKeyIdentifier()), "unlocked with a passphrase that is not its own");
        GawahException wrong = assertThrows(GawahException.class, () -> mixed.unlock(subkey.getKeyIdentifier(), PASS));
        assertEquals(Failure.BAD_PASSPHRASE, wrong.failure());
        assertNotNull(mixed.unlock(subkey.getKeyIdentifier(), other));
    }

    @Test
    void aWrongPassphraseUnlocksNothing() {
        SecretKey key = stored(KeyGenerator.generate("Documenter", PASS, NOW));
        List<PGPSecretKey> parts = parts(key);
        GawahException wrong = assertThrows(GawahException.class,
                () -> key.unlock(parts.get(1).getKeyIdentifier(), "wrong".toCharArray()));
        assertEquals(Failure.BAD_PASSPHRASE, wrong.failure());
        for (PGPSecretKey part : parts) {
            assertTrue(key.isLocked(part.getKeyIdentifier()));
        }
    }

    @Test
    void unlockingAheadLeavesEveryPartUnlockedAndThePassphraseToItsCaller() {
        SecretKey key = stored(KeyGenerator.generate("Documenter", PASS, NOW));
        char[] given = PASS.clone();
        key.unlockAhead(given);
        assertEquals(new String(PASS), new String(given), "the caller's passphrase is its own to wipe");
        for (PGPSecretKey part : parts(key)) {
            assertFalse(key.isLocked(part.getKeyIdentifier()));
        }
        assertNotNull(key.unlockForSigning(PASS, NOW));
    }

    @Test
    void aWrongPassphraseAheadFailsWhereTheKeyIsAskedForWithTheSameWords() {
        SecretKey key = stored(KeyGenerator.generate("Documenter", PASS, NOW));
        List<PGPSecretKey> parts = parts(key);
        GawahException without = assertThrows(GawahException.class,
                () -> stored(key).unlock(parts.get(1).getKeyIdentifier(), "wrong".toCharArray()));
        key.unlockAhead("wrong".toCharArray());
        GawahException ahead = assertThrows(GawahException.class,
                () -> key.unlock(parts.get(1).getKeyIdentifier(), "wrong".toCharArray()));
        assertEquals(Failure.BAD_PASSPHRASE, ahead.failure());
        assertEquals(without.getMessage(), ahead.getMessage());
        assertTrue(key.isLocked(parts.get(0).getKeyIdentifier()), "a failed unlock ahead unlocks nothing");
        assertNotNull(key.unlock(parts.get(1).getKeyIdentifier(), PASS));
    }

    @Test
    void aV6KeysMemoryHardS2KIsNotRunAhead() throws Exception {
        SecretKey key = stored(KeyGenerator.generateV6("Documenter v6", PASS, NOW,
                new S2K.Argon2Params(1, 1, 10, new SecureRandom())));
        key.unlockAhead(PASS);
        for (PGPSecretKey part : parts(key)) {
            assertTrue(key.isLocked(part.getKeyIdentifier()), "Argon2 runs where the key is asked for, not beside other work");
        }
    }

    /** The key as a command reads it from the home: a key just made keeps its primary's private part at hand. */
    private static SecretKey stored(SecretKey made) {
        return SecretKey.parse(made.encoded());
    }

    private static List<PGPSecretKey> parts(SecretKey key) {
        List<PGPSecretKey> parts = new ArrayList<>();
        key.ring().forEach(parts::add);
        return parts;
    }

    private static String specifier(PGPSecretKey part) {
        return OnceDerivingDecryptor.specifier(part.getKeyEncryptionAlgorithm(), part.getS2K());
    }
}
