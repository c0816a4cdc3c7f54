package org.gawah.vault;

import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import org.gawah.Failure;
import org.gawah.GawahException;

/**
 * One record being written: its attachments streamed in first, then the record itself, all in a
 * single transaction. A crash or a failure at any point leaves nothing (SQLite rolls back an
 * uncommitted WAL tail), so there are never partial attachments or orphan chunks.
 */
public final class RecordWrite implements AutoCloseable {
    private final Vault vault;
    private final Connection connection;
    private final String recordId;
    private int position;
    private ChunkWriter open;
    private boolean finished;

    RecordWrite(Vault vault, Connection connection, String recordId) throws SQLException {
        this.vault = vault;
        this.connection = connection;
        this.recordId = recordId;
        connection.setAutoCommit(false);
    }

    /**
     * A stream for one sealed attachment; closing it stores the attachment's metadata. Streams
     * are written one after the other, never two at once.
     */
    public OutputStream attachment(String attachmentId) {
        if (open != null) {
            throw new IllegalStateException("the previous attachment stream is still open");
        }
        try {
            open = new ChunkWriter(connection, attachmentId);
        } catch (SQLException e) {
            throw Vault.failed("store attachment " + attachmentId, e);
        }
        ChunkWriter chunks = open;
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                chunks.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                chunks.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                chunks.close();
                open = null;
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO attachments (id, record_id, position, sealed_size, sealed_sha256, chunk_count)"
                                + " VALUES (?, ?, ?, ?, ?, ?)")) {
                    insert.setString(1, attachmentId);
                    insert.setString(2, recordId);
                    insert.setInt(3, position++);
                    insert.setLong(4, chunks.size());
                    insert.setString(5, chunks.sha256());
                    insert.setInt(6, chunks.chunks());
                    insert.executeUpdate();
                } catch (SQLException e) {
                    throw new IOException("cannot store attachment " + attachmentId + ": " + e.getMessage(), e);
                }
            }
        };
    }

    /** Stores the record and makes everything written so far durable, at once. */
    public void commit(SealedRecord record) {
        if (!record.id().equals(recordId)) {
            throw new IllegalArgumentException("record " + record.id() + " is not " + recordId);
        }
        try {
            vault.insert(record);
            connection.commit();
            finished = true;
        } catch (SQLException e) {
            if (e.getMessage() != null && e.getMessage().contains("UNIQUE")) {
                throw new GawahException(Failure.VAULT, "a record with id " + record.id() + " is already in the vault");
            }
            throw Vault.failed("store record " + record.id(), e);
        }
    }

    /** Without a commit: rolls everything back. */
    @Override
    public void close() {
        try {
            if (open != null) {
                open.abandon();
            }
            if (!finished) {
                connection.rollback();
            }
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            throw Vault.failed("roll back record " + recordId, e);
        }
    }
}
