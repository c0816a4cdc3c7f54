package org.gawah.openpgp;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.S2K;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;

/**
 * The iterated and salted S2K of RFC 4880 section 3.7.1.3 (RFC 9580 section 3.7.1.3), which
 * protects Gawah's v4 keys: the hash of the salt and the UTF-8 passphrase repeated to 65 MB.
 * Bouncy Castle feeds the hash eight and a few bytes at a time, 1.6 million calls; here the
 * repetition is laid out once in a 64 KiB buffer and hashed a buffer at a time, so the JDK's
 * SHA code (the processor's SHA instructions once compiled) does the work from the start of a
 * command. The result is Bouncy Castle's, byte for byte (IteratedS2KTest).
 */
final class IteratedS2K {
    private static final int BUFFER = 64 * 1024;

    private IteratedS2K() {
    }

    /** Whether {@link #derive} computes this S2K (else Bouncy Castle does). */
    static boolean handles(int keyAlgorithm, S2K s2k) {
        return s2k != null && s2k.getType() == S2K.SALTED_AND_ITERATED && keyBytes(keyAlgorithm) > 0
                && digestName(s2k.getHashAlgorithm()) != null;
    }

    /** The key for {@code keyAlgorithm}; the caller wipes it. */
    static byte[] derive(int keyAlgorithm, S2K s2k, char[] passphrase) {
        byte[] salt = s2k.getIV();
        byte[] pass = utf8(passphrase);
        try {
            MessageDigest digest = MessageDigest.getInstance(digestName(s2k.getHashAlgorithm()), Providers.digests());
            byte[] key = new byte[keyBytes(keyAlgorithm)];
            int period = salt.length + pass.length;
            long count = Math.max(s2k.getIterationCount(), period);
            byte[] repeated = new byte[Math.max(period, BUFFER / period * period)];
            for (int at = 0; at < repeated.length; at += period) {
                System.arraycopy(salt, 0, repeated, at, salt.length);
                System.arraycopy(pass, 0, repeated, at + salt.length, pass.length);
            }
            try {
                // A key longer than the hash takes more hash contexts, the n-th preloaded with n zero bytes.
                for (int filled = 0, context = 0; filled < key.length; context++) {
                    digest.reset();
                    digest.update(new byte[context]);
                    for (long left = count; left > 0; ) {
                        int n = (int) Math.min(left, repeated.length);
                        digest.update(repeated, 0, n);
                        left -= n;
                    }
                    byte[] hash = digest.digest();
                    int n = Math.min(hash.length, key.length - filled);
                    System.arraycopy(hash, 0, key, filled, n);
                    Arrays.fill(hash, (byte) 0);
                    filled += n;
                }
                return key;
            } finally {
                Arrays.fill(repeated, (byte) 0);
            }
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } finally {
            Arrays.fill(pass, (byte) 0);
        }
    }

    private static byte[] utf8(char[] passphrase) {
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(passphrase));
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);
        if (encoded.hasArray()) {
            Arrays.fill(encoded.array(), (byte) 0);
        }
        return bytes;
    }

    private static String digestName(int hashAlgorithm) {
        switch (hashAlgorithm) {
            case HashAlgorithmTags.SHA1: return "SHA-1";
            case HashAlgorithmTags.SHA224: return "SHA-224";
            case HashAlgorithmTags.SHA256: return "SHA-256";
            case HashAlgorithmTags.SHA384: return "SHA-384";
            case HashAlgorithmTags.SHA512: return "SHA-512";
            default: return null;
        }
    }

    private static int keyBytes(int keyAlgorithm) {
        switch (keyAlgorithm) {
            case SymmetricKeyAlgorithmTags.AES_128: return 16;
            case SymmetricKeyAlgorithmTags.AES_192: return 24;
            case SymmetricKeyAlgorithmTags.AES_256: return 32;
            default: return 0;
        }
    }
}
