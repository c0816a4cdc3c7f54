package org.gawah.openpgp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.security.SecureRandom;
import java.util.Random;

import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.openpgp.operator.PGPDataEncryptor;
import org.bouncycastle.openpgp.operator.bc.BcPGPDataEncryptorBuilder;
import org.junit.jupiter.api.Test;

/** The CBC-computed CFB is byte for byte Bouncy Castle's own OpenPGP CFB, for any write pattern. */
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
