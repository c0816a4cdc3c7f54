package org.gawah.openpgp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.security.DigestOutputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.bouncycastle.bcpg.AEADEncDataPacket;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.InputStreamPacket;
import org.bouncycastle.bcpg.PublicKeyEncSessionPacket;
import org.bouncycastle.bcpg.SymmetricEncIntegrityPacket;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPSessionKey;
import org.bouncycastle.openpgp.operator.PGPDataDecryptor;
import org.bouncycastle.openpgp.operator.PGPDataEncryptor;
import org.bouncycastle.openpgp.operator.PGPDataEncryptorBuilder;
import org.bouncycastle.openpgp.operator.PGPDigestCalculator;
import org.bouncycastle.openpgp.operator.PublicKeyDataDecryptorFactory;
import org.bouncycastle.openpgp.operator.jcajce.JcePGPDataEncryptorBuilder;
import org.gawah.Message;
import org.gawah.MessageIOException;
import org.gawah.WriteBehind;

/**
 * SEIPD v1 encryption and decryption (OpenPGP CFB, zero IV, no resync; SHA-1 MDC) computed with
 * the JDK's AES/CBC and AES/ECB, which run on the processor's AES instructions where the JDK's
 * CFB does not (CFB: 450 MiB/s; ECB: several GiB/s).
 *
 * <p>CFB encrypts with keystream K[0] = E(0), K[i+1] = E(C[i]) = E(P[i] xor K[i]). CBC with IV
 * K[0] over the plaintext computes Y[i] = E(P[i] xor Y[i-1]) = K[i+1]: so C[i] = P[i] xor K[i],
 * with K[i] = Y[i-1]. Tests compare the output byte for byte with Bouncy Castle's encryptor and
 * decrypt it with GnuPG. Decryption needs no chain: P[i] = C[i] xor E(C[i-1]), so one ECB call
 * over the previous ciphertext blocks gives a whole buffer's keystream. Anything but AES with MDC
 * goes to Bouncy Castle's builder.
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
        if (!isAes(algorithm)) {
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

    /**
     * {@code factory} with SEIPD v1 AES decrypted here; the session key's recovery, SEIPD v2 and
     * anything else stay with {@code factory}.
     */
    static PublicKeyDataDecryptorFactory decrypting(PublicKeyDataDecryptorFactory factory) {
        return new PublicKeyDataDecryptorFactory() {
            @Override
            public PGPDataDecryptor createDataDecryptor(boolean withIntegrityPacket, int algorithm, byte[] key)
                    throws PGPException {
                if (!withIntegrityPacket || !isAes(algorithm)) {
                    return factory.createDataDecryptor(withIntegrityPacket, algorithm, key);
                }
                try {
                    return new Decryptor(key);
                } catch (GeneralSecurityException e) {
                    throw new Unavailable(Messages.of("cfb.aes-unavailable", e.getMessage()), e);
                }
            }

            @Override
            public PGPDataDecryptor createDataDecryptor(AEADEncDataPacket packet, PGPSessionKey key) throws PGPException {
                return factory.createDataDecryptor(packet, key);
            }

            @Override
            public PGPDataDecryptor createDataDecryptor(SymmetricEncIntegrityPacket packet, PGPSessionKey key)
                    throws PGPException {
                return factory.createDataDecryptor(packet, key);
            }

            @Override
            public byte[] recoverSessionData(PublicKeyEncSessionPacket packet, InputStreamPacket encrypted)
                    throws PGPException {
                return factory.recoverSessionData(packet, encrypted);
            }

            @Override
            public byte[] recoverSessionData(int keyAlgorithm, byte[][] secKeyData) throws PGPException {
                return factory.recoverSessionData(keyAlgorithm, secKeyData);
            }

            @Override
            public byte[] recoverSessionData(int keyAlgorithm, byte[][] secKeyData, int pkeskVersion) throws PGPException {
                return factory.recoverSessionData(keyAlgorithm, secKeyData, pkeskVersion);
            }
        };
    }

    private static boolean isAes(int algorithm) {
        return algorithm == SymmetricKeyAlgorithmTags.AES_256 || algorithm == SymmetricKeyAlgorithmTags.AES_128
                || algorithm == SymmetricKeyAlgorithmTags.AES_192;
    }

    private static final class Decryptor implements PGPDataDecryptor {
        private final Cipher ecb;

        Decryptor(byte[] key) throws GeneralSecurityException {
            ecb = Cipher.getInstance("AES/ECB/NoPadding", Providers.bulk());
            ecb.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"));
        }

        @Override
        public InputStream getInputStream(InputStream in) {
            return new CfbInputStream(in, ecb);
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

    /** Reads CFB ciphertext a buffer at a time: the keystream of each buffer in one ECB call. */
    private static final class CfbInputStream extends InputStream {
        private static final int CAPACITY = 1 << 16;
        /**
         * The buffers start small and double with each buffer filled whole, up to {@link #CAPACITY}:
         * a testimony of a few KiB (the legal team's window opens thousands at once) then costs
         * 12 KiB of buffers, not 192, and a large attachment reaches full buffers after five reads.
         */
        private static final int FIRST = 1 << 12;

        private final InputStream in;
        private final Cipher ecb;
        private int capacity = FIRST;
        /** The previous ciphertext block (the zero IV at first), then this buffer's ciphertext. */
        private byte[] cipher = new byte[BLOCK + FIRST];
        private byte[] keystream = new byte[FIRST];
        private byte[] plain = new byte[FIRST];
        private int position;
        private int limit;
        private boolean ended;

        CfbInputStream(InputStream in, Cipher ecb) {
            this.in = in;
            this.ecb = ecb;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] into, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            if (position == limit && !fill()) {
                return -1;
            }
            int n = Math.min(length, limit - position);
            System.arraycopy(plain, position, into, offset, n);
            position += n;
            return n;
        }

        @Override
        public int available() {
            return limit - position;
        }

        /** Decrypts the next buffer; only the last one may end inside a block. */
        private boolean fill() throws IOException {
            if (ended) {
                return false;
            }
            if (limit == capacity && capacity < CAPACITY) {
                grow();
            }
            int n = in.readNBytes(cipher, BLOCK, capacity);
            if (n < capacity) {
                ended = true;
                if (n == 0) {
                    return false;
                }
            }
            int blocks = (n + BLOCK - 1) / BLOCK;
            try {
                if (ecb.update(cipher, 0, blocks * BLOCK, keystream, 0) != blocks * BLOCK) {
                    throw new MessageIOException(Messages.of("cfb.blocks-held-back"));
                }
            } catch (GeneralSecurityException e) {
                throw new MessageIOException(Messages.of("cfb.aes-failed", e.getMessage()), e);
            }
            xor(cipher, BLOCK, keystream, 0, plain, 0, n);
            System.arraycopy(cipher, n, cipher, 0, BLOCK);
            position = 0;
            limit = n;
            return true;
        }

        /** Twice the buffers, the previous ciphertext block kept; the plaintext's old buffers wiped. */
        private void grow() {
            capacity *= 2;
            byte[] grown = new byte[BLOCK + capacity];
            System.arraycopy(cipher, 0, grown, 0, BLOCK);
            cipher = grown;
            java.util.Arrays.fill(plain, (byte) 0);
            java.util.Arrays.fill(keystream, (byte) 0);
            plain = new byte[capacity];
            keystream = new byte[capacity];
        }

        @Override
        public void close() throws IOException {
            java.util.Arrays.fill(plain, (byte) 0);
            java.util.Arrays.fill(keystream, (byte) 0);
            in.close();
        }
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
            xor(plain, offset, keystream, 0, cipher, 0, BLOCK);
            xor(plain, offset + BLOCK, next, 0, cipher, BLOCK, length - BLOCK);
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

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /** out[o..o+n) = a[ai..) xor b[bi..), eight bytes at a time (three times the speed of a byte loop). */
    private static void xor(byte[] a, int ai, byte[] b, int bi, byte[] out, int o, int n) {
        int i = 0;
        for (; i + Long.BYTES <= n; i += Long.BYTES) {
            LONGS.set(out, o + i, (long) LONGS.get(a, ai + i) ^ (long) LONGS.get(b, bi + i));
        }
        for (; i < n; i++) {
            out[o + i] = (byte) (a[ai + i] ^ b[bi + i]);
        }
    }

    /**
     * The MDC's SHA-1, from the JDK. Past the first MiB it runs on a thread of its own
     * ({@link WriteBehind}): for a large attachment it is a sixth of the work, and the caller's
     * thread has the AES and the signature's hash.
     */
    private static final class Sha1 implements PGPDigestCalculator {
        private final MessageDigest digest;
        private final OutputStream sink;
        private OutputStream hashing;

        Sha1() {
            try {
                digest = MessageDigest.getInstance("SHA-1");
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
            // A sink that stays usable after close: each digest closes the stream it went through.
            sink = new DigestOutputStream(new OutputStream() {
                @Override
                public void write(int b) {
                }

                @Override
                public void write(byte[] b, int off, int len) {
                }
            }, digest);
        }

        @Override
        public int getAlgorithm() {
            return HashAlgorithmTags.SHA1;
        }

        /** The same stream until the digest is taken; closing it does nothing (Bouncy Castle closes it early). */
        @Override
        public OutputStream getOutputStream() {
            return new OutputStream() {
                @Override
                public void write(int b) throws IOException {
                    hashing().write(b);
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    hashing().write(b, off, len);
                }
            };
        }

        private OutputStream hashing() {
            if (hashing == null) {
                hashing = WriteBehind.pastFirst(1 << 20, sink, 1 << 18, "gawah-mdc");
            }
            return hashing;
        }

        @Override
        public byte[] getDigest() {
            finish();
            return digest.digest();
        }

        @Override
        public void reset() {
            finish();
            digest.reset();
        }

        /** Waits for the hashing thread, if one started. */
        private void finish() {
            if (hashing != null) {
                try {
                    hashing.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e); // a digest in memory cannot fail to be written
                }
                hashing = null;
            }
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
