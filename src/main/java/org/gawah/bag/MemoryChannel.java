package org.gawah.bag;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.util.Objects;

/**
 * A read-only {@link SeekableByteChannel} over a byte array, so that a zip held in memory (a bag
 * just decrypted, say) is read by {@link BagReader#open(SeekableByteChannel, String)} exactly as
 * a file is. The array is not copied: it must not change while the channel is in use.
 */
public final class MemoryChannel extends ReadOnlyChannel {
    private final byte[] bytes;

    public MemoryChannel(byte[] bytes) {
        this.bytes = Objects.requireNonNull(bytes, "bytes");
    }

    @Override
    public synchronized int read(ByteBuffer dst) throws IOException {
        ensureOpen();
        if (position >= bytes.length) {
            return -1;
        }
        int n = (int) Math.min(dst.remaining(), bytes.length - position);
        dst.put(bytes, (int) position, n);
        position += n;
        return n;
    }

    @Override
    public synchronized long size() throws IOException {
        ensureOpen();
        return bytes.length;
    }
}
