package org.gawah.openpgp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.S2K;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.openpgp.operator.bc.BcPBESecretKeyDecryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider;
import org.junit.jupiter.api.Test;

/**
 * Gawah's iterated S2K derives, byte for byte, the key Bouncy Castle derives: every hash and AES
 * key size, counts below, at and far above the salt and passphrase, passphrases in Dari and of
 * every length around the buffer's period, and keys longer than the hash (SHA-1 for AES-256:
 * two hash contexts, the second preloaded with a zero byte).
 */
class IteratedS2KTest {
    private static final byte[] SALT = {(byte) 0x91, 0x4b, 0x7c, 0x21, 0x6d, (byte) 0xb5, (byte) 0xc0, 0x09};

    @Test
    void derivesWhatBouncyCastleDerives() throws Exception {
        int[] hashes = {HashAlgorithmTags.SHA1, HashAlgorithmTags.SHA224, HashAlgorithmTags.SHA256,
            HashAlgorithmTags.SHA384, HashAlgorithmTags.SHA512};
        int[] ciphers = {SymmetricKeyAlgorithmTags.AES_128, SymmetricKeyAlgorithmTags.AES_192, SymmetricKeyAlgorithmTags.AES_256};
        String[] passphrases = {"a", "correct horse battery staple", "رمز عبور شاهد ۱۴۰۳", "x".repeat(70), "y".repeat(65536)};
        int[] encodedCounts = {0x00, 0x01, 0x60, 0x9A};
        int checked = 0;
        for (int hash : hashes) {
            for (int cipher : ciphers) {
                for (String passphrase : passphrases) {
                    for (int count : encodedCounts) {
                        if (passphrase.length() > 1000 && count != 0x60) {
                            continue; // the long passphrase once is enough
                        }
                        S2K s2k = new S2K(hash, SALT, count);
                        assertTrue(IteratedS2K.handles(cipher, s2k));
                        byte[] ours = IteratedS2K.derive(cipher, s2k, passphrase.toCharArray());
                        byte[] theirs = new BcPBESecretKeyDecryptorBuilder(new BcPGPDigestCalculatorProvider())
                                .build(passphrase.toCharArray()).makeKeyFromPassPhrase(cipher, s2k);
                        assertArrayEquals(theirs, ours, "hash " + hash + ", cipher " + cipher + ", count " + count
                                + ", passphrase of " + passphrase.length());
                        checked++;
                    }
                }
            }
        }
        assertTrue(checked > 150);
    }

    @Test
    void derivesWhatBouncyCastleDerivesAtGawahsCount() throws Exception {
        // 0xFF: 65,011,712 bytes, the count Gawah's keys are made with.
        for (int hash : new int[] {HashAlgorithmTags.SHA256, HashAlgorithmTags.SHA1}) {
            S2K s2k = new S2K(hash, SALT, 0xFF);
            char[] passphrase = "رمز عبور شاهد ۱۴۰۳".toCharArray();
            assertArrayEquals(new BcPBESecretKeyDecryptorBuilder(new BcPGPDigestCalculatorProvider()).build(passphrase.clone())
                    .makeKeyFromPassPhrase(SymmetricKeyAlgorithmTags.AES_256, s2k),
                    IteratedS2K.derive(SymmetricKeyAlgorithmTags.AES_256, s2k, passphrase));
        }
    }

    @Test
    void leavesOtherS2KsToBouncyCastle() {
        assertFalse(IteratedS2K.handles(SymmetricKeyAlgorithmTags.AES_256, new S2K(HashAlgorithmTags.SHA256, SALT)));
        assertFalse(IteratedS2K.handles(SymmetricKeyAlgorithmTags.CAST5, new S2K(HashAlgorithmTags.SHA256, SALT, 0x60)));
        assertFalse(IteratedS2K.handles(SymmetricKeyAlgorithmTags.AES_256, new S2K(HashAlgorithmTags.RIPEMD160, SALT, 0x60)));
        assertFalse(IteratedS2K.handles(SymmetricKeyAlgorithmTags.AES_256, null));
    }
}
