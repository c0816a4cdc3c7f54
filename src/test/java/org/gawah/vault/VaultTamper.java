package org.gawah.vault;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.gawah.Digests;
import org.gawah.testsupport.TestPostgres;

/**
 * Test-only: alters a stored vault behind its back, as an attacker with the file would, or, on a
 * team vault, one with the owner's account, who must first disable the triggers that refuse every
 * change (SECURITY.md, "A team vault on PostgreSQL") and enables them again after. Each method
 * takes a home's folder (its vault, whichever engine) or a SQLite vault file.
 */
public final class VaultTamper {
    private VaultTamper() {
    }

    /** What a test does with a connection to the vault. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws Exception;
    }

    /** The vault of a home's folder, or the SQLite file itself. */
    public static VaultLocation location(Path homeOrFile) {
        return Files.isDirectory(homeOrFile) ? VaultLocation.ofHome(homeOrFile) : new VaultLocation.File(homeOrFile);
    }

    /** Reads the vault, changing nothing (no trigger touched: a command may be running). */
    public static <T> T read(Path homeOrFile, Work<T> work) throws Exception {
        VaultLocation location = location(homeOrFile);
        if (location instanceof VaultLocation.File file) {
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.path())) {
                return work.run(c);
            }
        }
        try (Connection c = TestPostgres.connect(TestPostgres.server().owner(), ((VaultLocation.Postgres) location).database())) {
            return work.run(c);
        }
    }

    /**
     * Edits the list of files being written ({@code outputs}, which no trigger guards) as it stands,
     * without touching any trigger: it works while a command stopped midway holds the vault open.
     */
    public static <T> T editOutputs(Path homeOrFile, Work<T> work) throws Exception {
        return read(homeOrFile, work);
    }

    /** Changes the vault behind its back: on PostgreSQL as the owner, the triggers disabled meanwhile, in one transaction. */
    public static <T> T tamper(Path homeOrFile, Work<T> work) throws Exception {
        VaultLocation location = location(homeOrFile);
        if (location instanceof VaultLocation.File file) {
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.path())) {
                return work.run(c);
            }
        }
        try (Connection c = TestPostgres.connect(TestPostgres.server().owner(), ((VaultLocation.Postgres) location).database())) {
            c.setAutoCommit(false);
            triggers(c, "DISABLE");
            T result = work.run(c);
            try (Statement s = c.createStatement()) {
                // Checks of deferred references still pending would stop the triggers being enabled.
                s.execute("SET CONSTRAINTS ALL IMMEDIATE");
            }
            triggers(c, "ENABLE");
            c.commit();
            return result;
        }
    }

    private static void triggers(Connection c, String how) throws Exception {
        try (Statement s = c.createStatement()) {
            for (String table : PostgresEngine.APPEND_ONLY) {
                s.execute("ALTER TABLE " + table + " " + how + " TRIGGER USER");
            }
        }
    }

    /** Flips one byte of one stored chunk of the record's first attachment. */
    public static void flipChunkByte(Path vaultFile, String recordId, int seq, int index) throws Exception {
        tamper(vaultFile, c -> {
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
            return null;
        });
    }

    /** Rows in a vault table, read behind the vault's back. */
    public static int count(Path vaultFile, String table) throws Exception {
        return (int) number(vaultFile, "SELECT count(*) FROM " + table);
    }

    /**
     * How many rows each table of the vault holds, "table count" a line, by table name: what a
     * write that did not commit must have left as it was.
     */
    public static String rowCounts(Path homeOrFile) throws Exception {
        boolean file = location(homeOrFile) instanceof VaultLocation.File;
        List<List<String>> tables = rows(homeOrFile, file
                ? "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
                : "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename");
        StringBuilder counts = new StringBuilder();
        for (List<String> table : tables) {
            counts.append(table.get(0)).append(' ').append(count(homeOrFile, table.get(0))).append('\n');
        }
        return counts.toString();
    }

    /** The bytes the vault takes on disk: the SQLite file, or the database on the server (uncommitted rows included). */
    public static long storage(Path homeOrFile) throws Exception {
        VaultLocation location = location(homeOrFile);
        if (location instanceof VaultLocation.File file) {
            return Files.size(file.path());
        }
        return number(homeOrFile, "SELECT pg_database_size(current_database())");
    }

    /** The first column of the first row of a query, as a number. */
    public static long number(Path homeOrFile, String sql) throws Exception {
        return read(homeOrFile, c -> {
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
                r.next();
                return r.getLong(1);
            }
        });
    }

    /** The first column of the first row of a query, as bytes. */
    public static byte[] bytes(Path homeOrFile, String sql) throws Exception {
        return read(homeOrFile, c -> {
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
                r.next();
                return r.getBytes(1);
            }
        });
    }

    /** Every row of a query, its columns as text, in the order the query gives. */
    public static List<List<String>> rows(Path homeOrFile, String sql) throws Exception {
        return read(homeOrFile, c -> {
            List<List<String>> rows = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
                while (r.next()) {
                    List<String> row = new ArrayList<>();
                    for (int i = 1; i <= r.getMetaData().getColumnCount(); i++) {
                        row.add(r.getString(i));
                    }
                    rows.add(row);
                }
            }
            return rows;
        });
    }

    /** Replaces text in the canonical bytes of custody entry {@code seq}, as a hand editing the vault would. */
    public static void editEntry(Path homeOrFile, long seq, String from, String to) throws Exception {
        editEntry(homeOrFile, "custody_log", seq, from, to);
    }

    /** The same in {@code table}: {@code custody_log}, or {@code received_custody} (of a vault that received one documenter's log). */
    public static void editEntry(Path homeOrFile, String table, long seq, String from, String to) throws Exception {
        byte[] entry = bytes(homeOrFile, "SELECT entry FROM " + table + " WHERE seq = " + seq);
        byte[] edited = new String(entry, StandardCharsets.UTF_8).replace(from, to).getBytes(StandardCharsets.UTF_8);
        tamper(homeOrFile, c -> {
            try (PreparedStatement u = c.prepareStatement("UPDATE " + table + " SET entry = ? WHERE seq = ?")) {
                u.setBytes(1, edited);
                u.setLong(2, seq);
                u.executeUpdate();
            }
            return null;
        });
    }

    /** Appends a custody row as it is given, behind the vault's back. */
    public static void insertEntry(Path homeOrFile, long seq, byte[] entry, byte[] signature) throws Exception {
        tamper(homeOrFile, c -> {
            try (PreparedStatement i = c.prepareStatement("INSERT INTO custody_log (seq, entry, signature) VALUES (?, ?, ?)")) {
                i.setLong(1, seq);
                i.setBytes(2, entry);
                i.setBytes(3, signature);
                i.executeUpdate();
            }
            return null;
        });
    }

    /** Every value of every row of every table, as bytes: what the database holds, to search for what must not be there. */
    public static List<byte[]> everyValue(Path homeOrFile) throws Exception {
        boolean file = location(homeOrFile) instanceof VaultLocation.File;
        List<List<String>> tables = rows(homeOrFile, file
                ? "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
                : "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename");
        return read(homeOrFile, c -> {
            List<byte[]> values = new ArrayList<>();
            for (List<String> table : tables) {
                try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT * FROM " + table.get(0))) {
                    while (r.next()) {
                        for (int i = 1; i <= r.getMetaData().getColumnCount(); i++) {
                            byte[] value = r.getBytes(i);
                            if (value != null) {
                                values.add(value);
                            }
                        }
                    }
                }
            }
            return values;
        });
    }

    /**
     * The whole vault as it stands, for "nothing written" checks: the SHA-256 of the SQLite file's
     * bytes, or every table's rows of a team vault digested ({@link #contents}).
     */
    public static String snapshot(Path home) throws Exception {
        VaultLocation location = location(home);
        if (location instanceof VaultLocation.File file) {
            return Digests.sha256(Files.readAllBytes(file.path()));
        }
        return contents(home);
    }

    /**
     * What a home's team vault holds, every table's rows digested, for "nothing written" checks
     * (a SQLite vault is a file of the home: its bytes tell already, and this is empty).
     */
    public static String contents(Path home) throws Exception {
        if (!(location(home) instanceof VaultLocation.Postgres)) {
            return "";
        }
        return read(home, c -> {
            StringBuilder contents = new StringBuilder();
            List<String> tables = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                    "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY 1")) {
                while (r.next()) {
                    tables.add(r.getString(1));
                }
            }
            for (String table : tables) {
                List<String> rows = new ArrayList<>();
                try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT * FROM " + table)) {
                    ResultSetMetaData columns = r.getMetaData();
                    while (r.next()) {
                        StringBuilder row = new StringBuilder();
                        for (int i = 1; i <= columns.getColumnCount(); i++) {
                            byte[] value = r.getBytes(i);
                            row.append(value == null ? "null" : HexFormat.of().formatHex(value)).append('|');
                        }
                        rows.add(row.toString());
                    }
                }
                rows.sort(null);
                contents.append(table).append(' ').append(Digests.sha256(String.join("\n", rows)
                        .getBytes(StandardCharsets.UTF_8))).append('\n');
            }
            return contents.toString();
        });
    }

    public static void flipTestimonyByte(Path vaultFile, String id, int index) throws Exception {
        tamper(vaultFile, c -> {
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
            return null;
        });
    }

    /** Runs SQL statements on the vault, behind its back, as anyone holding the file (or the owner's account) could. */
    public static void sql(Path vaultFile, String... statements) throws Exception {
        tamper(vaultFile, c -> {
            try (Statement s = c.createStatement()) {
                for (String statement : statements) {
                    s.execute(statement);
                }
            }
            return null;
        });
    }

    /**
     * Alters the session key the record's testimony carries for its second recipient (one byte of
     * its second public-key session-key packet) and stores the SHA-256 of the result beside it: the
     * first recipient still opens it, the second never will, and the stored digest agrees.
     */
    public static void alterSecondRecipient(Path vaultFile, String recordId) throws Exception {
        tamper(vaultFile, c -> {
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
            return null;
        });
    }

    /** The same for the record's first attachment: its first chunk altered, its stored SHA-256 made to agree. */
    public static void alterAttachmentSecondRecipient(Path vaultFile, String recordId) throws Exception {
        tamper(vaultFile, c -> {
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
            return null;
        });
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
