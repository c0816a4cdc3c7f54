package org.gawah.vault;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

/** Test-only: alters a stored record behind the vault's back, as an attacker with the file would. */
public final class VaultTamper {
    private VaultTamper() {
    }

    /** Flips one byte of one stored chunk of the record's first attachment. */
    public static void flipChunkByte(Path vaultFile, String recordId, int seq, int index) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + vaultFile)) {
            String attachment;
            byte[] blob;
            try (PreparedStatement q = c.prepareStatement("SELECT c.attachment_id, c.data FROM attachment_chunks c"
                    + " JOIN attachments a ON a.id = c.attachment_id WHERE a.record_id = ? AND a.position = 0 AND c.seq = ?")) {
                q.setString(1, recordId);
                q.setInt(2, seq);
                try (ResultSet r = q.executeQuery()) {
                    r.next();
                    attachment = r.getString(1);
                    blob = r.getBytes(2);
                }
            }
            blob[Math.floorMod(index, blob.length)] ^= 0x01;
            try (PreparedStatement u = c.prepareStatement("UPDATE attachment_chunks SET data = ? WHERE attachment_id = ? AND seq = ?")) {
                u.setBytes(1, blob);
                u.setString(2, attachment);
                u.setInt(3, seq);
                u.executeUpdate();
            }
        }
    }

    /** Rows in a vault table, read behind the vault's back. */
    public static int count(Path vaultFile, String table) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + vaultFile);
             java.sql.Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT count(*) FROM " + table)) {
            r.next();
            return r.getInt(1);
        }
    }

    public static void flipTestimonyByte(Path vaultFile, String id, int index) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + vaultFile)) {
            byte[] blob;
            try (PreparedStatement q = c.prepareStatement("SELECT testimony FROM records WHERE id = ?")) {
                q.setString(1, id);
                try (ResultSet r = q.executeQuery()) {
                    r.next();
                    blob = r.getBytes(1);
                }
            }
            blob[Math.floorMod(index, blob.length)] ^= 0x01;
            try (PreparedStatement u = c.prepareStatement("UPDATE records SET testimony = ? WHERE id = ?")) {
                u.setBytes(1, blob);
                u.setString(2, id);
                u.executeUpdate();
            }
        }
    }

    /** Runs SQL statements on the vault, behind its back, as anyone holding the file could. */
    public static void sql(Path vaultFile, String... statements) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + vaultFile); java.sql.Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    /**
     * Alters the session key the record's testimony carries for its second recipient (one byte of
     * its second public-key session-key packet) and stores the SHA-256 of the result beside it: the
     * first recipient still opens it, the second never will, and the stored digest agrees.
     */
    public static void alterSecondRecipient(Path vaultFile, String recordId) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + vaultFile)) {
            byte[] blob;
            try (PreparedStatement q = c.prepareStatement("SELECT testimony FROM records WHERE id = ?")) {
                q.setString(1, recordId);
                try (ResultSet r = q.executeQuery()) {
                    r.next();
                    blob = r.getBytes(1);
                }
            }
            blob[lastByteOfSecondSessionKey(blob)] ^= 0x01;
            try (PreparedStatement u = c.prepareStatement("UPDATE records SET testimony = ?, testimony_sha256 = ? WHERE id = ?")) {
                u.setBytes(1, blob);
                u.setString(2, org.gawah.Digests.sha256(blob));
                u.setString(3, recordId);
                u.executeUpdate();
            }
        }
    }

    /** The same for the record's first attachment: its first chunk altered, its stored SHA-256 made to agree. */
    public static void alterAttachmentSecondRecipient(Path vaultFile, String recordId) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + vaultFile)) {
            String attachment;
            try (PreparedStatement q = c.prepareStatement("SELECT id FROM attachments WHERE record_id = ? AND position = 0")) {
                q.setString(1, recordId);
                try (ResultSet r = q.executeQuery()) {
                    r.next();
                    attachment = r.getString(1);
                }
            }
            java.io.ByteArrayOutputStream whole = new java.io.ByteArrayOutputStream();
            java.util.List<byte[]> chunks = new java.util.ArrayList<>();
            try (PreparedStatement q = c.prepareStatement("SELECT data FROM attachment_chunks WHERE attachment_id = ? ORDER BY seq")) {
                q.setString(1, attachment);
                try (ResultSet r = q.executeQuery()) {
                    while (r.next()) {
                        chunks.add(r.getBytes(1));
                    }
                }
            }
            byte[] first = chunks.get(0);
            first[lastByteOfSecondSessionKey(first)] ^= 0x01;
            for (byte[] chunk : chunks) {
                whole.write(chunk);
            }
            try (PreparedStatement u = c.prepareStatement("UPDATE attachment_chunks SET data = ? WHERE attachment_id = ? AND seq = 0");
                 PreparedStatement h = c.prepareStatement("UPDATE attachments SET sealed_sha256 = ? WHERE id = ?")) {
                u.setBytes(1, first);
                u.setString(2, attachment);
                u.executeUpdate();
                h.setString(1, org.gawah.Digests.sha256(whole.toByteArray()));
                h.setString(2, attachment);
                h.executeUpdate();
            }
        }
    }

    /** Where the second public-key session-key packet (tag 1) of a message ends. */
    private static int lastByteOfSecondSessionKey(byte[] message) {
        int at = 0;
        int seen = 0;
        while (at < message.length) {
            int first = message[at] & 0xff;
            int tag;
            int header;
            int length;
            if ((first & 0x40) != 0) {
                tag = first & 0x3f;
                int l1 = message[at + 1] & 0xff;
                if (l1 < 192) {
                    header = 2;
                    length = l1;
                } else if (l1 < 224) {
                    header = 3;
                    length = ((l1 - 192) << 8) + (message[at + 2] & 0xff) + 192;
                } else {
                    throw new IllegalArgumentException("no second session key before the encrypted data");
                }
            } else {
                tag = (first >> 2) & 0x0f;
                int bytes = (first & 3) == 0 ? 1 : (first & 3) == 1 ? 2 : 4;
                header = 1 + bytes;
                length = 0;
                for (int i = 0; i < bytes; i++) {
                    length = (length << 8) | (message[at + 1 + i] & 0xff);
                }
            }
            if (tag != 1) {
                break;
            }
            if (++seen == 2) {
                return at + header + length - 1;
            }
            at += header + length;
        }
        throw new IllegalArgumentException("the message has no second recipient");
    }
}
