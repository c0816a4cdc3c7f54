package org.gawah;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Writes to {@code out} on a thread of its own, so that whatever {@code out} does (hash, write a
 * file, insert into SQLite) runs on the second core while the caller encrypts or decrypts. The
 * caller's bytes are copied into buffers of {@code size} bytes, and {@code out} receives them a
 * whole buffer at a time (only the last may be shorter): a few buffers circulate, so memory stays
 * constant. A failure of {@code out} is thrown, as it was, by the caller's next write or close.
 * Buffers are wiped at the end: they may hold plaintext.
 */
public final class WriteBehind extends OutputStream {
    private static final int IN_FLIGHT = 3;
    private static final byte[] END = new byte[0];

    private record Piece(byte[] data, int length) {
    }

    private final OutputStream out;
    private final int size;
    private final BlockingQueue<Piece> full = new ArrayBlockingQueue<>(IN_FLIGHT + 2);
    private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(IN_FLIGHT + 2);
    private final byte[][] buffers = new byte[IN_FLIGHT + 1][];
    private final Thread writer;
    private volatile Exception failure;
    /** The failure once thrown to the caller: close does not throw it again (try-with-resources would add it to itself). */
    private Exception thrown;
    private byte[] current;
    private int filled;
    private boolean closed;

    public WriteBehind(OutputStream out, int size, String threadName) {
        this.out = out;
        this.size = size;
        for (int i = 0; i < buffers.length; i++) {
            buffers[i] = new byte[size];
            free.add(buffers[i]);
        }
        current = free.poll();
        writer = new Thread(this::writeAll, threadName);
        writer.setDaemon(true);
        writer.start();
    }

    /**
     * Writes the first {@code bytes} to {@code out} on the caller's thread and only the rest
     * behind: small messages (most testimonies) cost no thread and no buffers. Closing it closes
     * {@code out}, after the writer is done.
     */
    public static OutputStream pastFirst(long bytes, OutputStream out, int size, String threadName) {
        return new OutputStream() {
            private OutputStream to = out;
            private long written;

            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                if (to == out && written + len > bytes) {
                    to = new WriteBehind(out, size, threadName);
                }
                written += len;
                to.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                to.close();
            }
        };
    }

    private void writeAll() {
        try {
            while (true) {
                Piece piece = full.take();
                if (piece.data() == END) {
                    return;
                }
                out.write(piece.data(), 0, piece.length());
                free.put(piece.data());
            }
        } catch (InterruptedException e) {
            // abandoned
        } catch (Exception e) {
            failure = e; // the caller sees it within 100 ms, whatever it is waiting for
        }
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] data, int offset, int length) throws IOException {
        if (closed) {
            throw new IllegalStateException("write after close");
        }
        while (length > 0) {
            int n = Math.min(length, size - filled);
            System.arraycopy(data, offset, current, filled, n);
            filled += n;
            offset += n;
            length -= n;
            if (filled == size) {
                hand();
            }
        }
    }

    private void hand() throws IOException {
        rethrow();
        put(new Piece(current, filled));
        current = take();
        filled = 0;
    }

    /** Hands over what is left, waits for the writer, and closes {@code out}. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (failure == null) {
                if (filled > 0) {
                    hand();
                }
                put(new Piece(END, 0));
                join(0);
            }
            if (failure != thrown) {
                rethrow();
            }
        } finally {
            end();
        }
    }

    /** Stops the writer without waiting for what is queued (the work is being thrown away), and closes {@code out}. */
    public void abandon() throws IOException {
        closed = true;
        end();
    }

    private void end() throws IOException {
        try {
            if (writer.isAlive()) {
                writer.interrupt();
                join(10_000);
            }
        } finally {
            wipe();
            out.close();
        }
    }

    private void join(long millis) throws IOException {
        try {
            writer.join(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException();
        }
    }

    private void wipe() {
        for (byte[] buffer : buffers) {
            Arrays.fill(buffer, (byte) 0);
        }
    }

    private void rethrow() throws IOException {
        Exception e = failure;
        if (e != null && e == thrown) {
            // Thrown to the caller already: a stream closing over this one (try-with-resources) writes
            // again, and the same exception from its close would be suppressed into itself.
            throw new IOException(e);
        }
        thrown = e;
        if (e instanceof IOException) {
            throw (IOException) e;
        }
        if (e instanceof RuntimeException) {
            throw (RuntimeException) e;
        }
        if (e != null) {
            throw new IOException(e);
        }
    }

    private void put(Piece piece) throws IOException {
        try {
            while (!full.offer(piece, 100, TimeUnit.MILLISECONDS)) {
                rethrow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException();
        }
    }

    private byte[] take() throws IOException {
        try {
            while (true) {
                byte[] buffer = free.poll(100, TimeUnit.MILLISECONDS);
                rethrow();
                if (buffer != null) {
                    return buffer;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException();
        }
    }
}
