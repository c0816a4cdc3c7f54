package org.gawah.openpgp;

import java.io.IOException;
import java.io.OutputStream;
import java.security.DigestOutputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.operator.PGPDataEncryptor;
import org.bouncycastle.openpgp.operator.PGPDataEncryptorBuilder;
import org.bouncycastle.openpgp.operator.PGPDigestCalculator;
import org.bouncycastle.openpgp.operator.jcajce.JcePGPDataEncryptorBuilder;
import org.gawah.Message;
import org.gawah.MessageIOException;

/**
 * SEIPD v1 encryption (OpenPGP CFB, zero IV, no resync; SHA-1 MDC) computed with the JDK's
 * AES/CBC, which runs on the processor's AES instructions where the JDK's CFB does not.
 *
 * <p>CFB encrypts with keystream K[0] = E(0), K[i+1] = E(C[i]) = E(P[i] xor K[i]). CBC with IV
 * K[0] over the plaintext computes Y[i] = E(P[i] xor Y[i-1]) = K[i+1]: so C[i] = P[i] xor K[i],
 * with K[i] = Y[i-1]. Tests compare the output byte for byte with Bouncy Castle's encryptor and
 * decrypt it with GnuPG. Anything but AES with MDC goes to Bouncy Castle's builder.
 */
final class FastCfb implements PGPDataEncryptorBuilder {
    private static final int BLOCK = 16;

    private final JcePGPDataEncryptorBuilder fallback;

    FastCfb(int algorithm, SecureRandom random) {
        this.fallback = new JcePGPDataEncryptorBuilder(algorithm).setWithIntegrityPacket(true)
                .setSecureRandom(random).setProvider(Providers.bulk());
    }

    @Override
    public PGPDataEncryptor build(byte[] keyBytes) throws PGPException {
        int algorithm = fallback.getAlgorithm();
        if (algorithm != SymmetricKeyAlgorithmTags.AES_256 && algorithm != SymmetricKeyAlgorithmTags.AES_128
                && algorithm != SymmetricKeyAlgorithmTags.AES_192) {
            return fallback.build(keyBytes);
        }
        try {
            return new Encryptor(keyBytes);
        } catch (GeneralSecurityException e) {
            throw new Unavailable(Messages.of("cfb.aes-unavailable", e.getMessage()), e);
        }
    }

    @Override
    public PGPDataEncryptor build(byte[] keyBytes, byte[] salt) throws PGPException {
        return fallback.build(keyBytes, salt);
    }

    @Override
    public int getAlgorithm() {
        return fallback.getAlgorithm();
    }

    @Override
    public int getAeadAlgorithm() {
        return fallback.getAeadAlgorithm();
    }

    @Override
    public int getChunkSize() {
        return fallback.getChunkSize();
    }

    @Override
    public boolean isV5StyleAEAD() {
        return fallback.isV5StyleAEAD();
    }

    @Override
    public SecureRandom getSecureRandom() {
        return fallback.getSecureRandom();
    }

    @Override
    public PGPDataEncryptorBuilder setWithIntegrityPacket(boolean withIntegrityPacket) {
        throw new UnsupportedOperationException("always with integrity packet");
    }

    @Override
    public PGPDataEncryptorBuilder setWithAEAD(int aeadAlgorithm, int chunkSize) {
        throw new UnsupportedOperationException("SEIPD v1 only");
    }

    @Override
    public PGPDataEncryptorBuilder setUseV5AEAD() {
        throw new UnsupportedOperationException("SEIPD v1 only");
    }

    @Override
    public PGPDataEncryptorBuilder setUseV6AEAD() {
        throw new UnsupportedOperationException("SEIPD v1 only");
    }

    private static final class Encryptor implements PGPDataEncryptor {
        private final Cipher cbc;
        private final byte[] firstKeystream;

        Encryptor(byte[] key) throws GeneralSecurityException {
            SecretKeySpec spec = new SecretKeySpec(key, "AES");
            Cipher ecb = Cipher.getInstance("AES/ECB/NoPadding", Providers.bulk());
            ecb.init(Cipher.ENCRYPT_MODE, spec);
            firstKeystream = ecb.doFinal(new byte[BLOCK]);
            cbc = Cipher.getInstance("AES/CBC/NoPadding", Providers.bulk());
            cbc.init(Cipher.ENCRYPT_MODE, spec, new IvParameterSpec(firstKeystream));
        }

        @Override
        public OutputStream getOutputStream(OutputStream out) {
            return new CfbOutputStream(out, cbc, firstKeystream.clone());
        }

        @Override
        public PGPDigestCalculator getIntegrityCalculator() {
            return new Sha1();
        }

        @Override
        public int getBlockSize() {
            return BLOCK;
        }
    }

    private static final class CfbOutputStream extends OutputStream {
        private final OutputStream out;
        private final Cipher cbc;
        /** K for the next block. */
        private final byte[] keystream;
        private final byte[] pending = new byte[BLOCK];
        private int pendingLength;
        private byte[] next = new byte[1 << 16];
        private byte[] cipher = new byte[1 << 16];

        CfbOutputStream(OutputStream out, Cipher cbc, byte[] keystream) {
            this.out = out;
            this.cbc = cbc;
            this.keystream = keystream;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] data, int offset, int length) throws IOException {
            if (pendingLength > 0) {
                int n = Math.min(length, BLOCK - pendingLength);
                System.arraycopy(data, offset, pending, pendingLength, n);
                pendingLength += n;
                offset += n;
                length -= n;
                if (pendingLength < BLOCK) {
                    return;
                }
                blocks(pending, 0, BLOCK);
                pendingLength = 0;
            }
            int whole = length - length % BLOCK;
            if (whole > 0) {
                blocks(data, offset, whole);
            }
            System.arraycopy(data, offset + whole, pending, 0, length - whole);
            pendingLength = length - whole;
        }

        /** Encrypts whole blocks: CBC gives the next keystream blocks, XOR gives the ciphertext. */
        private void blocks(byte[] plain, int offset, int length) throws IOException {
            if (next.length < length) {
                next = new byte[length];
                cipher = new byte[length];
            }
            try {
                if (cbc.update(plain, offset, length, next, 0) != length) {
                    throw new MessageIOException(Messages.of("cfb.blocks-held-back"));
                }
            } catch (GeneralSecurityException e) {
                throw new MessageIOException(Messages.of("cfb.aes-failed", e.getMessage()), e);
            }
            for (int i = 0; i < BLOCK; i++) {
                cipher[i] = (byte) (plain[offset + i] ^ keystream[i]);
            }
            for (int i = BLOCK; i < length; i++) {
                cipher[i] = (byte) (plain[offset + i] ^ next[i - BLOCK]);
            }
            System.arraycopy(next, length - BLOCK, keystream, 0, BLOCK);
            out.write(cipher, 0, length);
        }

        @Override
        public void close() throws IOException {
            for (int i = 0; i < pendingLength; i++) {
                pending[i] ^= keystream[i];
            }
            out.write(pending, 0, pendingLength);
            pendingLength = 0;
            out.close();
        }
    }

    /** The MDC's SHA-1, from the JDK. */
    private static final class Sha1 implements PGPDigestCalculator {
        private final MessageDigest digest;

        Sha1() {
            try {
                digest = MessageDigest.getInstance("SHA-1");
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public int getAlgorithm() {
            return HashAlgorithmTags.SHA1;
        }

        @Override
        public OutputStream getOutputStream() {
            return new DigestOutputStream(OutputStream.nullOutputStream(), digest);
        }

        @Override
        public byte[] getDigest() {
            return digest.digest();
        }

        @Override
        public void reset() {
            digest.reset();
        }
    }

    /** The JDK's AES cannot be used: its words in the run's language, quoted by whoever catches it. */
    private static final class Unavailable extends PGPException {
        private static final long serialVersionUID = 1L;

        private final transient Message message;

        Unavailable(Message message, Exception cause) {
            super(message.key(), cause);
            this.message = message;
        }

        @Override
        public String getMessage() {
            return message.render();
        }
    }
}
