package org.gawah.vault;

import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import org.gawah.MessageIOException;

/**
 * Cuts a sealed attachment into chunks and inserts them on a thread of its own, so encryption on
 * the caller's thread and SQLite's writes overlap on two cores. Memory stays constant: a few
 * chunk buffers circulate between the two threads. Computes the SHA-256 of the ciphertext, on
 * the writer's thread too (the caller's has the encryption and the plaintext's hashes).
 */
final class ChunkWriter extends OutputStream {
    static final int CHUNK = 1 << 20;
    private static final int IN_FLIGHT = 3;
    private static final Chunk END = new Chunk(new byte[0], 0);

    private record Chunk(byte[] data, int length) {
    }

    private final BlockingQueue<Chunk> full = new ArrayBlockingQueue<>(IN_FLIGHT + 2);
    private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(IN_FLIGHT + 2);
    private final MessageDigest sha256;
    private String sha256Hex;
    private final Thread writer;
    private volatile Exception failure;
    private byte[] current;
    private int filled;
    private long size;
    private int chunks;
    private boolean closed;

    ChunkWriter(Connection connection, String attachmentId) throws SQLException {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        for (int i = 0; i < IN_FLIGHT + 1; i++) {
            free.add(new byte[CHUNK]);
        }
        current = free.poll();
        PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO attachment_chunks (attachment_id, seq, data) VALUES (?, ?, ?)");
        writer = new Thread(() -> insertAll(insert, attachmentId), "gawah-chunk-writer");
        writer.setDaemon(true);
        writer.start();
    }

    private void insertAll(PreparedStatement insert, String attachmentId) {
        try (insert) {
            int seq = 0;
            while (true) {
                Chunk chunk = full.take();
                if (chunk == END) {
                    return;
                }
                sha256.update(chunk.data(), 0, chunk.length());
                insert.setString(1, attachmentId);
                insert.setInt(2, seq++);
                insert.setBytes(3, chunk.length() == CHUNK ? chunk.data() : java.util.Arrays.copyOf(chunk.data(), chunk.length()));
                insert.executeUpdate();
                free.put(chunk.data());
            }
        } catch (Exception e) {
            failure = e;
            full.clear();
            free.offer(new byte[CHUNK]);
        }
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] data, int offset, int length) throws IOException {
        while (length > 0) {
            int n = Math.min(length, CHUNK - filled);
            System.arraycopy(data, offset, current, filled, n);
            filled += n;
            offset += n;
            length -= n;
            if (filled == CHUNK) {
                hand();
            }
        }
    }

    private void hand() throws IOException {
        checkWriter();
        size += filled;
        chunks++;
        put(full, new Chunk(current, filled));
        current = take(free);
        filled = 0;
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        if (filled > 0) {
            hand();
        }
        put(full, END);
        try {
            writer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MessageIOException(Messages.of("chunks.interrupted-storing"), e);
        }
        checkWriter();
    }

    /** Stops the writer without waiting for what is queued; the transaction is rolled back anyway. */
    void abandon() {
        closed = true;
        writer.interrupt();
        try {
            writer.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void checkWriter() throws IOException {
        if (failure != null) {
            throw new MessageIOException(Messages.of("chunks.store-failed", failure.getMessage()), failure);
        }
    }

    long size() {
        return size;
    }

    int chunks() {
        return chunks;
    }

    /** The ciphertext's SHA-256, once closed: the writer has ended (the same answer on every call). */
    String sha256() {
        if (sha256Hex == null) {
            sha256Hex = java.util.HexFormat.of().formatHex(sha256.digest());
        }
        return sha256Hex;
    }

    private static <T> void put(BlockingQueue<T> queue, T item) throws IOException {
        try {
            queue.put(item);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MessageIOException(Messages.of("chunks.interrupted"), e);
        }
    }

    private <T> T take(BlockingQueue<T> queue) throws IOException {
        try {
            while (true) {
                T item = queue.poll(100, java.util.concurrent.TimeUnit.MILLISECONDS);
                if (item != null) {
                    return item;
                }
                checkWriter();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MessageIOException(Messages.of("chunks.interrupted"), e);
        }
    }
}
