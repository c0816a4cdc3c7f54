package org.gawah.vault;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HexFormat;

import org.gawah.WriteBehind;

/**
 * Cuts a sealed attachment into chunks and inserts them on a thread of its own ({@link
 * WriteBehind}), so encryption on the caller's thread and SQLite's writes overlap on two cores,
 * in constant memory. Computes the SHA-256 of the ciphertext, on the writer's thread too (the
 * caller's has the encryption and the plaintext's hashes). A chunk the database refuses (a disk
 * full, a team vault's connection lost) is a vault failure ({@link Vault#failed}), unchecked,
 * thrown by the caller's next write or close: never an I/O error a bag or file reader would
 * report as its input's.
 */
final class ChunkWriter extends OutputStream {
    static final int CHUNK = 1 << 20;

    private final Inserter inserter;
    private final WriteBehind behind;

    /**
     * {@code streamed}: the chunk goes to the driver as a stream of known length, not as an array
     * (PostgreSQL's driver copies an array it is given, a megabyte a chunk, which a 32 MiB heap
     * sealing a large film could not spare; it sends a stream as it reads it). SQLite's driver reads
     * a stream into an array of its own: there the buffer itself is given.
     */
    ChunkWriter(Connection connection, String attachmentId, boolean streamed) throws SQLException {
        inserter = new Inserter(connection.prepareStatement(
                "INSERT INTO attachment_chunks (attachment_id, seq, data) VALUES (?, ?, ?)"), attachmentId, streamed);
        behind = new WriteBehind(inserter, CHUNK, "gawah-chunk-writer");
    }

    @Override
    public void write(int b) throws IOException {
        behind.write(b);
    }

    @Override
    public void write(byte[] data, int offset, int length) throws IOException {
        behind.write(data, offset, length);
    }

    /** Inserts what is left and waits until every chunk is in. */
    @Override
    public void close() throws IOException {
        behind.close();
    }

    /** Stops the writer without waiting for what is queued; the transaction is rolled back anyway. */
    void abandon() {
        try {
            behind.abandon();
        } catch (IOException e) {
            // being thrown away
        }
    }

    long size() {
        return inserter.size;
    }

    int chunks() {
        return inserter.seq;
    }

    /** The ciphertext's SHA-256, once closed (the same answer on every call). */
    String sha256() {
        if (inserter.sha256Hex == null) {
            inserter.sha256Hex = HexFormat.of().formatHex(inserter.sha256.digest());
        }
        return inserter.sha256Hex;
    }

    /** Each write is one chunk: WriteBehind hands over whole buffers of CHUNK bytes, only the last shorter. */
    private static final class Inserter extends OutputStream {
        private final PreparedStatement insert;
        private final String attachmentId;
        private final boolean streamed;
        private final MessageDigest sha256;
        private String sha256Hex;
        private long size;
        private int seq;

        Inserter(PreparedStatement insert, String attachmentId, boolean streamed) {
            this.insert = insert;
            this.attachmentId = attachmentId;
            this.streamed = streamed;
            try {
                sha256 = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] data, int offset, int length) throws IOException {
            sha256.update(data, offset, length);
            try {
                insert.setString(1, attachmentId);
                insert.setInt(2, seq);
                if (streamed) {
                    insert.setBinaryStream(3, new ByteArrayInputStream(data, offset, length), length);
                } else {
                    insert.setBytes(3, offset == 0 && length == data.length ? data : Arrays.copyOfRange(data, offset, offset + length));
                }
                insert.executeUpdate();
            } catch (SQLException e) {
                // The vault's failure, not the input's: unchecked, so no reader of a bag or file takes it for its own.
                throw Vault.failed(Messages.of("vault.op.store-attachment", attachmentId), e);
            }
            seq++;
            size += length;
        }

        @Override
        public void close() throws IOException {
            try {
                insert.close();
            } catch (SQLException e) {
                throw Vault.failed(Messages.of("vault.op.store-attachment", attachmentId), e);
            }
        }
    }
}
