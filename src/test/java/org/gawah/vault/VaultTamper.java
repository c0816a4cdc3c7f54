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
}
