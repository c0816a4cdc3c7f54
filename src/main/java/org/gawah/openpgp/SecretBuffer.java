package org.gawah.openpgp;

import java.util.Arrays;

/**
 * A growable byte buffer for plaintext that zero-fills every array it lets go of, so a message
 * refused after decryption leaves no copy of its plaintext behind in the heap.
 */
final class SecretBuffer extends java.io.OutputStream {
    private final int limit;
    private byte[] bytes = new byte[8192];
    private int size;

    SecretBuffer(int limit) {
        this.limit = limit;
    }

    /** Returns false, keeping nothing more, when the limit would be passed. */
    boolean append(byte[] data, int offset, int length) {
        if ((long) size + length > limit) {
            return false;
        }
        if (size + length > bytes.length) {
            byte[] grown = Arrays.copyOf(bytes, (int) Math.min(limit, Math.max((long) bytes.length * 2, size + length)));
            Arrays.fill(bytes, (byte) 0);
            bytes = grown;
        }
        System.arraycopy(data, offset, bytes, size, length);
        size += length;
        return true;
    }

    @Override
    public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] data, int offset, int length) {
        if (!append(data, offset, length)) {
            throw new org.gawah.GawahException(org.gawah.Failure.BAD_DATA, Messages.of("open.too-large", limit >> 20));
        }
    }

    /** Hands over the content in an exact-size array and wipes the buffer. */
    byte[] take() {
        byte[] exact = Arrays.copyOf(bytes, size);
        wipe();
        return exact;
    }

    void wipe() {
        Arrays.fill(bytes, (byte) 0);
        size = 0;
    }
}
