package org.gawah.bag;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.gawah.vault.FilePermissions;

/**
 * Plaintext too large for memory and needed with random access (a zip just decrypted: its central
 * directory is at the end), kept on disk without the plaintext touching it: written once, in
 * 64 KiB chunks, each encrypted with AES-256-GCM under a key made for this spool that lives only
 * in this process's memory; then read through {@link #channel()}, chunk by chunk, each checked
 * by its tag. A copy left behind by a killed process cannot be read by anyone, and one changed on
 * disk while in use is refused. The file is owner-only, in the temporary folder, and deleted by
 * {@link #close()}. Memory: two chunks, whatever the size.
 */
public final class EncryptedSpool implements AutoCloseable {
    static final int CHUNK = 1 << 16;
    private static final int TAG = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path file;
    private final FileChannel disk;
    private final byte[] keyBytes = new byte[32];
    private final SecretKeySpec key;
    private final Cipher cipher;
    private final byte[] chunk = new byte[CHUNK];
    private int filled;
    private long size;
    private long chunks;
    private boolean written;
    private boolean closed;

    private EncryptedSpool(Path file) throws IOException {
        this.file = file;
        this.disk = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        RANDOM.nextBytes(keyBytes);
        this.key = new SecretKeySpec(keyBytes, "AES");
        try {
            this.cipher = Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A new, empty spool in the temporary folder ({@code java.io.tmpdir}). */
    public static EncryptedSpool create() throws IOException {
        return create(Path.of(System.getProperty("java.io.tmpdir")));
    }

    static EncryptedSpool create(Path dir) throws IOException {
        Path file = dir.resolve(".gawah-" + HexFormat.of().formatHex(randomName()) + ".spool");
        FilePermissions.createPrivateFile(file);
        try {
            return new EncryptedSpool(file);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    private static byte[] randomName() {
        byte[] name = new byte[8];
        RANDOM.nextBytes(name);
        return name;
    }

    /** Where the plaintext is written, once; closing it ends the writing. */
    public OutputStream output() {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                Objects.checkFromIndexSize(off, len, b.length);
                if (written || closed) {
                    throw new IOException("spool already written");
                }
                while (len > 0) {
                    int n = Math.min(len, CHUNK - filled);
                    System.arraycopy(b, off, chunk, filled, n);
                    filled += n;
                    off += n;
                    len -= n;
                    if (filled == CHUNK) {
                        seal();
                    }
                }
            }

            @Override
            public void close() throws IOException {
                if (!written && !closed) {
                    if (filled > 0) {
                        seal();
                    }
                    written = true;
                }
            }
        };
    }

    /** Encrypts the chunk in hand to its place on disk. */
    private void seal() throws IOException {
        byte[] sealed;
        try {
            cipher.init(Cipher.ENCRYPT_MODE, key, nonce(chunks));
            sealed = cipher.doFinal(chunk, 0, filled);
        } catch (GeneralSecurityException e) {
            throw new IOException(e);
        }
        ByteBuffer out = ByteBuffer.wrap(sealed);
        long at = chunks * (CHUNK + TAG);
        while (out.hasRemaining()) {
            at += disk.write(out, at);
        }
        size += filled;
        chunks++;
        Arrays.fill(chunk, 0, filled, (byte) 0);
        filled = 0;
    }

    /** The number of plaintext bytes written. */
    public long size() {
        return size;
    }

    /**
     * The plaintext, read back at any position, once the output is closed. Closing the channel
     * leaves the spool as it is: {@link #close()} deletes it.
     */
    public SeekableByteChannel channel() {
        if (!written || closed) {
            throw new IllegalStateException("spool not written, or closed");
        }
        return new Reader();
    }

    private static GCMParameterSpec nonce(long index) {
        return new GCMParameterSpec(TAG * 8, ByteBuffer.allocate(12).putInt(0).putLong(index).array());
    }

    /** Deletes the file and forgets the key: what is on disk can no longer be read by anyone. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        Arrays.fill(keyBytes, (byte) 0);
        Arrays.fill(chunk, (byte) 0);
        try {
            disk.close();
        } catch (IOException ignored) {
            // Deleted next; the key is gone either way.
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // Left behind, it is ciphertext under a key no one holds.
        }
    }

    /** A read-only view of the plaintext; one decrypted chunk is kept, wiped when the channel closes. */
    private final class Reader extends ReadOnlyChannel {
        private final byte[] plain = new byte[CHUNK];
        private final Cipher decipher;
        private long cached = -1;

        Reader() {
            try {
                decipher = Cipher.getInstance("AES/GCM/NoPadding");
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public synchronized int read(ByteBuffer dst) throws IOException {
            ensureOpen();
            if (position >= size) {
                return -1;
            }
            int read = 0;
            while (dst.hasRemaining() && position < size) {   // across chunks: callers may not expect short reads
                long index = position / CHUNK;
                if (index != cached) {
                    load(index);
                }
                int offset = (int) (position % CHUNK);
                int n = (int) Math.min(dst.remaining(), Math.min(CHUNK - offset, size - position));
                dst.put(plain, offset, n);
                position += n;
                read += n;
            }
            return read;
        }

        private void load(long index) throws IOException {
            int length = (int) Math.min(CHUNK, size - index * CHUNK);
            ByteBuffer sealed = ByteBuffer.allocate(length + TAG);
            long at = index * (CHUNK + TAG);
            while (sealed.hasRemaining()) {
                int n = disk.read(sealed, at);
                if (n < 0) {
                    throw new IOException("the temporary copy is shorter than what was written to it");
                }
                at += n;
            }
            cached = -1;
            try {
                decipher.init(Cipher.DECRYPT_MODE, key, nonce(index));
                if (decipher.doFinal(sealed.array(), 0, sealed.capacity(), plain, 0) != length) {
                    throw new IOException("the temporary copy changed on disk");
                }
            } catch (GeneralSecurityException e) {
                throw new IOException("the temporary copy changed on disk", e);
            }
            cached = index;
        }

        @Override
        public long size() throws IOException {
            ensureOpen();
            return size;
        }

        @Override
        public synchronized boolean isOpen() {
            return super.isOpen() && !closed;
        }

        @Override
        public synchronized void close() {
            super.close();
            Arrays.fill(plain, (byte) 0);
        }
    }
}
