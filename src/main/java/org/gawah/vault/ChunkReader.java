package org.gawah.vault;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;

import org.gawah.MessageIOException;

/** Reads a sealed attachment back chunk by chunk, checking its SHA-256 and length at the end. */
final class ChunkReader extends InputStream {
    private final Connection connection;
    private final StoredAttachment attachment;
    private final MessageDigest sha256;
    private byte[] chunk = new byte[0];
    private int offset;
    private int next;
    private long total;
    private boolean done;

    ChunkReader(Connection connection, StoredAttachment attachment) {
        this.connection = connection;
        this.attachment = attachment;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (offset == chunk.length) {
            if (done) {
                return -1;
            }
            if (next == attachment.chunkCount()) {
                finish();
                done = true;
                return -1;
            }
            load(next++);
        }
        int n = Math.min(len, chunk.length - offset);
        System.arraycopy(chunk, offset, buffer, off, n);
        offset += n;
        return n;
    }

    private void load(int seq) throws IOException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT data FROM attachment_chunks WHERE attachment_id = ? AND seq = ?")) {
            query.setString(1, attachment.id());
            query.setInt(2, seq);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    throw new MessageIOException(Messages.of("chunks.missing", attachment.id(), seq));
                }
                chunk = row.getBytes(1);
            }
        } catch (SQLException e) {
            throw new MessageIOException(Messages.of("chunks.unreadable", attachment.id(), e.getMessage()), e);
        }
        offset = 0;
        sha256.update(chunk);
        total += chunk.length;
    }

    private void finish() throws IOException {
        if (total != attachment.sealedSize()
                || !HexFormat.of().formatHex(sha256.digest()).equals(attachment.sealedSha256())) {
            throw new MessageIOException(Messages.of("chunks.altered", attachment.id()));
        }
    }
}
