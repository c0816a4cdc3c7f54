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
}
