package org.gawah;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Reads {@code in} on a thread of its own, a few buffers ahead of the caller, so that whatever
 * {@code in} does (read a file, hash it, query SQLite, check a digest at the end) runs on the
 * second core while the caller encrypts or decrypts. A failure of {@code in} is thrown, as it
 * was, where the caller's reading reaches it. Memory stays constant; buffers are wiped at close.
 */
public final class ReadAhead extends InputStream {
    private static final int AHEAD = 3;

    private record Piece(byte[] data, int length, Exception failure) {
    }

    private final InputStream in;
    private final BlockingQueue<Piece> full = new ArrayBlockingQueue<>(AHEAD + 1);
    private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(AHEAD + 1);
    private final byte[][] buffers = new byte[AHEAD + 1][];
    private final Thread reader;
    private volatile boolean closed;
    private Piece current;
    private int position;

    public ReadAhead(InputStream in, int size, String threadName) {
        this.in = in;
        for (int i = 0; i < buffers.length; i++) {
            buffers[i] = new byte[size];
            free.add(buffers[i]);
        }
        reader = new Thread(this::readAll, threadName);
        reader.setDaemon(true);
        reader.start();
    }

    private void readAll() {
        try {
            while (!closed) {
                byte[] buffer = free.take();
                int n = 0;
                boolean ended = false;
                Exception failure = null;
                try {
                    while (n < buffer.length && !ended) {
                        int read = in.read(buffer, n, buffer.length - n);
                        ended = read < 0;
                        n += Math.max(read, 0);
                    }
                } catch (Exception e) {
                    failure = e;
                }
                if (n > 0) {
                    full.put(new Piece(buffer, n, null));
                }
                if (failure != null || ended) {
                    full.put(new Piece(null, -1, failure));
                    return;
                }
            }
        } catch (InterruptedException e) {
            // closed
        }
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
        if (current == null || position >= current.length()) {
            if (!next()) {
                return -1;
            }
        }
        int n = Math.min(length, current.length() - position);
        System.arraycopy(current.data(), position, into, offset, n);
        position += n;
        return n;
    }

    /** Moves to the next piece; at the end (or a failure) stays there, so every later read says the same. */
    private boolean next() throws IOException {
        if (current == null || current.length() >= 0) {
            if (current != null) {
                free.add(current.data());
            }
            try {
                current = full.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException();
            }
            position = 0;
        }
        Exception failure = current.failure();
        if (failure instanceof IOException) {
            throw (IOException) failure;
        }
        if (failure instanceof RuntimeException) {
            throw (RuntimeException) failure;
        }
        if (failure != null) {
            throw new IOException(failure);
        }
        return current.length() >= 0;
    }

    /** Stops the reader (waiting for the read under way, if any), wipes the buffers, closes {@code in}. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        reader.interrupt();
        try {
            reader.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            for (byte[] buffer : buffers) {
                Arrays.fill(buffer, (byte) 0);
            }
            in.close();
        }
    }
}
