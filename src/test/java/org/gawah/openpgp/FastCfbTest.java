package org.gawah.openpgp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.security.SecureRandom;
import java.util.Random;

import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.openpgp.operator.PGPDataDecryptor;
import org.bouncycastle.openpgp.operator.PGPDataEncryptor;
import org.bouncycastle.openpgp.operator.bc.BcPGPDataEncryptorBuilder;
import org.junit.jupiter.api.Test;

/** The CBC-computed CFB is byte for byte Bouncy Castle's own OpenPGP CFB, for any write pattern; the ECB-computed decryption is the JDK's CFB. */
class FastCfbTest {
    @Test
    void sameCiphertextAndMdcAsBouncyCastleForAnyLengthAndWritePattern() throws Exception {
        Random random = new Random(42);
        for (int round = 0; round < 200; round++) {
            byte[] key = new byte[32];
            random.nextBytes(key);
            byte[] plain = new byte[round < 40 ? round : random.nextInt(300_000)];
            random.nextBytes(plain);

            PGPDataEncryptor stock = new BcPGPDataEncryptorBuilder(SymmetricKeyAlgorithmTags.AES_256)
                    .setWithIntegrityPacket(true).build(key);
            PGPDataEncryptor fast = new FastCfb(SymmetricKeyAlgorithmTags.AES_256, new SecureRandom()).build(key);
            assertArrayEquals(run(stock, plain, new Random(round)), run(fast, plain, new Random(round)), "round " + round);
        }
    }

    @Test
    void decryptsWhatTheJdksOwnCfbDecryptsForAnyLengthAndReadPattern() throws Exception {
        Random random = new Random(7);
        for (int round = 0; round < 200; round++) {
            byte[] key = new byte[32];
            random.nextBytes(key);
            byte[] ciphertext = new byte[round < 40 ? round : random.nextInt(300_000)];
            random.nextBytes(ciphertext);
            javax.crypto.Cipher cfb = javax.crypto.Cipher.getInstance("AES/CFB/NoPadding", "SunJCE");
            cfb.init(javax.crypto.Cipher.DECRYPT_MODE, new javax.crypto.spec.SecretKeySpec(key, "AES"),
                    new javax.crypto.spec.IvParameterSpec(new byte[16]));
            byte[] expected = cfb.doFinal(ciphertext);

            PGPDataDecryptor fast = FastCfb.decrypting(null).createDataDecryptor(true, SymmetricKeyAlgorithmTags.AES_256, key);
            assertArrayEquals(expected, read(fast.getInputStream(new java.io.ByteArrayInputStream(ciphertext)), new Random(round)),
                    "round " + round);
        }
    }

    @Test
    void decryptionGivesBackWhatWasEncryptedWithItsMdc() throws Exception {
        byte[] key = new byte[32];
        new Random(3).nextBytes(key);
        byte[] plain = new byte[200_003];
        new Random(4).nextBytes(plain);
        PGPDataEncryptor encryptor = new FastCfb(SymmetricKeyAlgorithmTags.AES_256, new SecureRandom()).build(key);
        ByteArrayOutputStream ciphertext = new ByteArrayOutputStream();
        try (OutputStream out = encryptor.getOutputStream(ciphertext)) {
            out.write(plain);
        }
        PGPDataDecryptor decryptor = FastCfb.decrypting(null).createDataDecryptor(true, SymmetricKeyAlgorithmTags.AES_256, key);
        assertArrayEquals(plain, read(decryptor.getInputStream(new java.io.ByteArrayInputStream(ciphertext.toByteArray())),
                new Random(5)));
    }

    /** Reads in random-sized pieces, single bytes now and then. */
    private static byte[] read(java.io.InputStream in, Random pieces) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[100_000];
        while (true) {
            if (pieces.nextInt(10) == 0) {
                int b = in.read();
                if (b < 0) {
                    break;
                }
                out.write(b);
                continue;
            }
            int n = in.read(buffer, 0, 1 + pieces.nextInt(pieces.nextBoolean() ? 40 : buffer.length - 1));
            if (n < 0) {
                break;
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    /** Writes in random-sized pieces (0 to 40 or 0 to 40,000 bytes); returns ciphertext followed by the MDC digest. */
    private static byte[] run(PGPDataEncryptor encryptor, byte[] plain, Random pieces) throws Exception {
        boolean small = pieces.nextBoolean();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        var mdc = encryptor.getIntegrityCalculator();
        try (OutputStream cipher = encryptor.getOutputStream(out); OutputStream digest = mdc.getOutputStream()) {
            for (int at = 0; at < plain.length; ) {
                int n = Math.min(plain.length - at, pieces.nextInt(small ? 40 : 40_000));
                cipher.write(plain, at, n);
                digest.write(plain, at, n);
                at += n;
            }
        }
        out.write(mdc.getDigest());
        return out.toByteArray();
    }
}
