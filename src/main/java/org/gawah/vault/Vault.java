package org.gawah.vault;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.gawah.Digests;
import org.gawah.Failure;
import org.gawah.GawahException;
import org.gawah.Message;
import org.gawah.custody.Action;

/**
 * The vault: sealed records and their clear metadata, in one SQLite file (the default) or a
 * PostgreSQL database shared by a team ({@link VaultLocation}). Durable on power loss; every write
 * is one transaction, so a crash leaves a whole record or none. Only ciphertext is ever written,
 * so neither the file, its journal nor the server holds plaintext. Every query is one text both
 * engines run; what differs is in {@link Engine}.
 */
public final class Vault implements AutoCloseable {
    private final Connection connection;
    private final Engine engine;
    private List<PendingEntry> pending = List.of();

    /** Rows a multi-row read takes from a PostgreSQL server at a time (the driver buffers whole results otherwise). */
    static final int FETCH_SIZE = 64;

    private Vault(Connection connection, Engine engine) {
        this.connection = connection;
        this.engine = engine;
    }

    /** Opens the SQLite vault at {@code file}, creating it and bringing its schema up to date. */
    public static Vault open(Path file) {
        return open(new VaultLocation.File(file));
    }

    /** Opens the vault of the home in {@code homeDir}: its team vault if it names one, else its {@code vault.db}. */
    public static Vault openHome(Path homeDir) {
        return open(VaultLocation.ofHome(homeDir));
    }

    /** Opens the vault at {@code location}, creating it (a file) and bringing its schema up to date. */
    public static Vault open(VaultLocation location) {
        if (location instanceof VaultLocation.Postgres postgres) {
            return openPostgres(postgres, false);
        }
        Path file = ((VaultLocation.File) location).path();
        refuseLinks(file);
        try {
            boolean fresh = !Files.exists(file);
            if (fresh) {
                FilePermissions.createPrivateFile(file);
            }
            java.util.Properties settings = new java.util.Properties();
            // Every write transaction takes the write lock at BEGIN: two processes appending to the
            // custody log then queue (busy_timeout) instead of one failing on a stale snapshot.
            settings.setProperty("transaction_mode", "IMMEDIATE");
            Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), settings);
            return opened(connection, new SqliteEngine(), fresh);
        } catch (SQLException | IOException e) {
            throw new GawahException(Failure.VAULT, Messages.of("vault.open-failed", file, e.getMessage()),
                    Messages.of("vault.open-failed.hint"), e);
        }
    }

    /**
     * Connects to a team vault. The password comes from the pgpass file the driver reads
     * ({@code PGPASSFILE}, else {@code ~/.pgpass}); nothing else the driver could be told to
     * load or write is passed (VaultLocation allows only sslmode and sslrootcert).
     */
    private static Vault openPostgres(VaultLocation.Postgres location, boolean unmigrated) {
        java.util.Properties settings = new java.util.Properties();
        settings.setProperty("user", location.user());
        settings.setProperty("ApplicationName", "gawah");
        settings.setProperty("tcpKeepAlive", "true");
        settings.setProperty("connectTimeout", "20");
        if (location.sslmode() != null) {
            settings.setProperty("sslmode", location.sslmode());
        }
        if (location.sslrootcert() != null) {
            settings.setProperty("sslrootcert", location.sslrootcert());
        }
        String url = "jdbc:postgresql://" + (location.host().contains(":") && !location.host().startsWith("[")
                ? "[" + location.host() + "]" : location.host()) + ":" + location.port() + "/" + location.database();
        try {
            Connection connection = new org.postgresql.Driver().connect(url, settings);
            if (connection == null) {
                throw new SQLException("the driver does not take " + url);
            }
            return unmigrated ? unmigrated(connection, new PostgresEngine(), location) : opened(connection, new PostgresEngine(), false);
        } catch (SQLException e) {
            String state = e.getSQLState() == null ? "" : e.getSQLState();
            boolean noPassword = e.getMessage() != null && e.getMessage().contains("no password was provided");
            Message hint = noPassword || state.equals("28P01") || state.equals("28000")
                    ? Messages.of("vault.pg.password.hint") : Messages.of("vault.pg.open-failed.hint");
            throw new GawahException(Failure.VAULT, Messages.of("vault.open-failed", location.display(), e.getMessage()),
                    hint, e);
        }
    }

    private static Vault opened(Connection connection, Engine engine, boolean fresh) throws SQLException {
        try {
            Vault vault = new Vault(connection, engine);
            engine.configure(connection, fresh);
            vault.migrate();
            return vault;
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /**
     * A new vault at {@code location} with no schema yet, for {@link VaultCopy} to migrate and fill
     * in one transaction: a file that does not exist yet (created here, empty), or a database that
     * holds no vault. Refuses anything else before writing a byte.
     */
    static Vault createEmpty(VaultLocation location) {
        if (location instanceof VaultLocation.Postgres postgres) {
            return openPostgres(postgres, true);
        }
        Path file = ((VaultLocation.File) location).path();
        refuseLinks(file);
        for (String suffix : List.of("", "-journal", "-wal")) {
            // A journal left beside a missing file would be played into the new one by SQLite.
            if (Files.exists(file.resolveSibling(file.getFileName() + suffix), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                throw notEmpty(location);
            }
        }
        try {
            FilePermissions.createPrivateFile(file);
        } catch (IOException e) {
            throw new GawahException(Failure.VAULT, Messages.of("vault.open-failed", file, e.getMessage()),
                    Messages.of("vault.open-failed.hint"), e);
        }
        try {
            java.util.Properties settings = new java.util.Properties();
            settings.setProperty("transaction_mode", "IMMEDIATE");
            Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), settings);
            return unmigrated(connection, new SqliteEngine(), location);
        } catch (SQLException | RuntimeException e) {
            VaultCopy.removeFile(file);
            if (e instanceof RuntimeException r) {
                throw r;
            }
            throw new GawahException(Failure.VAULT, Messages.of("vault.open-failed", file, e.getMessage()),
                    Messages.of("vault.open-failed.hint"), e);
        }
    }

    private static Vault unmigrated(Connection connection, Engine engine, VaultLocation location) throws SQLException {
        try {
            engine.configure(connection, engine instanceof SqliteEngine);
            try (Statement s = connection.createStatement()) {
                if (engine.schemaVersion(s) != 0 || engine.hasVault(s)) {
                    throw notEmpty(location);
                }
            }
            return new Vault(connection, engine);
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    private static GawahException notEmpty(VaultLocation location) {
        return new GawahException(Failure.OUTPUT_EXISTS, Messages.of("vault.copy.target-not-empty", location.display()),
                Messages.of("vault.copy.target-not-empty.hint"));
    }

    /** The connection, for {@link VaultCopy}, which reads and writes rows as they are. */
    Connection connection() {
        return connection;
    }

    /**
     * Runs the migrations inside the transaction the caller has begun ({@link VaultCopy}); the
     * caller commits or rolls back.
     */
    void migrateWithin() throws SQLException {
        try (Statement s = connection.createStatement()) {
            engine.beforeMigrations(s, 0);
            for (int step = 0; step < Migrations.latest(); step++) {
                for (String sql : engine.steps().get(step)) {
                    s.execute(sql);
                }
            }
            engine.afterMigrations(s);
            engine.schemaVersion(s, Migrations.latest());
        }
    }

    /**
     * A vault, or a journal SQLite would write beside it, that is a symbolic link is refused: the
     * records would live (or their pages be copied) wherever the link points, out of the home's
     * owner-only folder, and a link can be pointed elsewhere between two commands.
     */
    private static void refuseLinks(Path file) {
        for (String suffix : List.of("", "-journal", "-wal")) {
            Path item = file.resolveSibling(file.getFileName() + suffix);
            if (Files.isSymbolicLink(item)) {
                throw new GawahException(Failure.VAULT, Messages.of("vault.link", item), Messages.of("vault.link.hint"));
            }
        }
    }

    /**
     * Brings the schema to the latest migration in one transaction, under the write lock, reading
     * the version again once the lock is held: two processes opening a new vault migrate it once.
     */
    private void migrate() throws SQLException {
        try (Statement s = connection.createStatement()) {
            int version = engine.schemaVersion(s);
            if (version > Migrations.latest()) {
                throw newer(version);
            }
            if (version == Migrations.latest()) {
                return;
            }
            connection.setAutoCommit(false);
            try {
                engine.beforeMigrations(s, version);
                version = engine.schemaVersion(s);
                if (version > Migrations.latest()) {
                    throw newer(version);
                }
                if (version < Migrations.latest()) {
                    for (int step = version; step < Migrations.latest(); step++) {
                        for (String sql : engine.steps().get(step)) {
                            s.execute(sql);
                        }
                    }
                    engine.afterMigrations(s);
                    engine.schemaVersion(s, Migrations.latest());
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                if (e instanceof SQLException q && "42501".equals(q.getSQLState())) {
                    // An analyst's account may not change the schema: the owner's must.
                    throw new GawahException(Failure.VAULT, Messages.of("vault.pg.upgrade-by-owner", version,
                            Migrations.latest()), Messages.of("vault.pg.upgrade-by-owner.hint"), e);
                }
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    private static GawahException newer(int version) {
        return new GawahException(Failure.VAULT, Messages.of("vault.newer", version, Migrations.latest()),
                Messages.of("vault.newer.hint"));
    }

    /** The engine behind this vault, for {@link VaultWrite}. */
    Engine engine() {
        return engine;
    }

    /**
     * A query whose rows are read a few at a time: on PostgreSQL only inside a transaction with a
     * fetch size does the driver use a cursor, else it holds every row (every testimony) in memory.
     * {@code read} runs the query; the transaction (read-only work) ends with it.
     */
    private <T> T streamed(String sql, SqlWork<PreparedStatement, T> read) throws SQLException {
        boolean wasAuto = connection.getAutoCommit();
        if (wasAuto && engine instanceof PostgresEngine) {
            connection.setAutoCommit(false);
        }
        try (PreparedStatement query = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            query.setFetchSize(FETCH_SIZE);
            return read.apply(query);
        } finally {
            if (wasAuto && !connection.getAutoCommit()) {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        }
    }

    @FunctionalInterface
    private interface SqlWork<A, T> {
        T apply(A a) throws SQLException;
    }

    /** Stores a record (without attachments or custody entry) in one transaction: for tests of the store itself. */
    void store(SealedRecord record) {
        try (VaultWrite write = begin()) {
            write.insert(record);
            write.commit();
        }
    }

    /** Starts a write transaction; nothing is kept unless it commits. */
    public VaultWrite begin() {
        try {
            return new VaultWrite(this, connection);
        } catch (SQLException e) {
            throw failed(Messages.of("vault.op.start-writing"), e);
        }
    }

    /** Starts sealing a record: attachments first, then {@link RecordWrite#commit}. */
    public RecordWrite beginRecord(String recordId) {
        return new RecordWrite(begin(), recordId);
    }

    boolean hasRecord(String id) {
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM records WHERE id = ?")) {
            query.setString(1, id);
            try (ResultSet row = query.executeQuery()) {
                return row.next();
            }
        } catch (SQLException e) {
            throw failed(Messages.of("vault.op.look-up-record", id), e);
        }
    }

    /** An entry to be signed and appended before the next one (see {@link #precedeNextEntry}). */
    public record PendingEntry(Action action, String subject, String subjectSha256) {
    }

    /**
     * Entries the next transaction that appends to the custody log writes first, with the same
     * key and time: a home made before key roles were logged binds its pins this way, the first
     * time it signs anything (docs/format/home.md). Dropped once committed.
     */
    public void precedeNextEntry(List<PendingEntry> entries) {
        pending = List.copyOf(entries);
    }

    List<PendingEntry> pendingEntries() {
        return pending;
    }

    /** One stored custody entry, as it is in the file (checked by {@code org.gawah.custody.ChainCheck}). */
    public record CustodyRow(long seq, byte[] entry, byte[] signature) {
    }

    /** Hands every custody entry to {@code each}, in sequence order, without holding the log in memory. */
    public void forEachCustody(java.util.function.Consumer<CustodyRow> each) {
        try {
            streamed("SELECT seq, entry, signature FROM custody_log ORDER BY seq", query -> {
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        each.accept(new CustodyRow(rows.getLong(1), rows.getBytes(2), rows.getBytes(3)));
                    }
                }
                return null;
            });
        } catch (SQLException e) {
            throw failed(Messages.of("vault.op.read-custody-log"), e);
        }
    }

    /**
     * What the keyring rests on: the log's count and bounds, its first entry and every
     * {@code key_imported}, {@code tsa_pinned} and {@code analyst_added} entry (canonical bytes start with the action,
     * the first key in order), each with the bytes of the entry before it.
     */
    public KeyLogRows keyLogRows() {
        byte[] keys = ("{\"action\":\"" + Action.KEY_IMPORTED.wire() + "\",").getBytes(StandardCharsets.US_ASCII);
        byte[] tsas = ("{\"action\":\"" + Action.TSA_PINNED.wire() + "\",").getBytes(StandardCharsets.US_ASCII);
        byte[] analysts = ("{\"action\":\"" + Action.ANALYST_ADDED.wire() + "\",").getBytes(StandardCharsets.US_ASCII);
        try (Statement s = connection.createStatement();
             ResultSet bounds = s.executeQuery("SELECT count(*), coalesce(min(seq), 0), coalesce(max(seq), 0) FROM custody_log")) {
            bounds.next();
            long count = bounds.getLong(1);
            long lowest = bounds.getLong(2);
            long highest = bounds.getLong(3);
            List<KeyLogRows.Row> rows = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT c.seq, c.entry, c.signature, p.entry FROM custody_log c"
                            + " LEFT JOIN custody_log p ON p.seq = c.seq - 1"
                            + " WHERE c.seq = ? OR substr(c.entry, 1, ?) = ? OR substr(c.entry, 1, ?) = ?"
                            + " OR substr(c.entry, 1, ?) = ? ORDER BY c.seq")) {
                query.setLong(1, lowest);
                query.setInt(2, keys.length);
                query.setBytes(3, keys);
                query.setInt(4, tsas.length);
                query.setBytes(5, tsas);
                query.setInt(6, analysts.length);
                query.setBytes(7, analysts);
                try (ResultSet row = query.executeQuery()) {
                    while (row.next()) {
                        rows.add(new KeyLogRows.Row(row.getLong(1), row.getBytes(2), row.getBytes(3), row.getBytes(4)));
                    }
                }
            }
            return new KeyLogRows(count, lowest, highest, rows);
        } catch (SQLException e) {
            throw failed(Messages.of("vault.op.read-custody-log"), e);
        }
    }

    /**
     * The {@code analyst_added} entries of the vault's own log, oldest first, as stored: unchecked
     * (the walk of the whole log checks them), read ahead of it to know which certificate checks
     * whose entries (docs/format/custody-log.md, "Analysts").
     */
    public List<CustodyRow> analystEntries() {
        byte[] prefix = ("{\"action\":\"" + Action.ANALYST_ADDED.wire() + "\",").getBytes(StandardCharsets.US_ASCII);
        List<CustodyRow> rows = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT seq, entry, signature FROM custody_log WHERE substr(entry, 1, ?) = ? ORDER BY seq")) {
            query.setInt(1, prefix.length);
            query.setBytes(2, prefix);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    rows.add(new CustodyRow(row.getLong(1), row.getBytes(2), row.getBytes(3)));
                }
            }
        } catch (SQLException e) {
            throw failed(Messages.of("vault.op.read-custody-log"), e);
        }
        return rows;
    }

    /**
     * The certificate kept for an analyst under the SHA-256 of its binary encoding, if the row is
     * there and still hashes to it: the table is a cache of what {@code analyst_added} entries
     * vouch for, and a row changed by hand is as good as missing.
     */
    public Optional<org.gawah.openpgp.Certificate> keptAnalyst(String sha256) {
        try (PreparedStatement query = connection.prepareStatement("SELECT certificate FROM analysts WHERE sha256 = ?")) {
            query.setString(1, sha256);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next() || !Digests.sha256(row.getBytes(1)).equals(sha256)) {
                    return Optional.empty();
                }
                return Optional.of(org.gawah.openpgp.Certificate.parse(row.getBytes(1)));
            }
        } catch (SQLException e) {
            throw failed(Messages.of("vault.op.read-analysts"), e);
        } catch (GawahException e) {
            return Optional.empty(); // not a certificate: changed outside Gawah, named by whoever needed it
        }
    }

    /**
     * The list an {@code opened} entry of many openings names, kept under its SHA-256, if the row
     * is there and still hashes to it (a row changed by hand is as good as missing).
     */
    public Optional<byte[]> openedList(String sha256) {
        try (PreparedStatement query = connection.prepareStatement("SELECT list FROM opened_lists WHERE sha256 = ?")) {
            query.setString(1, sha256);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                byte[] list = row.getBytes(1);
                return Digests.sha256(list).equals(sha256) ? Optional.of(list) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failed(Messages.of("vault.op.read-opened-lists"), e);
        }
    }

    /** The keys of the table of opening lists, as stored (a cache; verify --vault holds it to the log). */
    List<String> openedListDigests() {
        List<String> digests = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT sha256 FROM opened_lists ORDER BY sha256");
             ResultSet row = query.executeQuery()) {
            while (row.next()) {
                digests.add(row.getString(1));
            }
        } catch (SQLException e) {
            throw failed(Messages.of("vault.op.read-opened-lists"), e);
        }
        return digests;
    }

    /** A row of the table of analysts' certificates, as stored. */
    record AnalystRow(String sha256, String fingerprint, byte[] certificate) {
    }

    /** Every row of the table of analysts' certificates (a cache; verify --vault holds it to the log). */
    List<AnalystRow> analystRows() {
        List<AnalystRow> rows = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT sha256, fingerprint, certificate FROM analysts ORDER BY sha256");
             ResultSet row = query.executeQuery()) {
            while (row.next()) {
                rows.add(new AnalystRow(row.getString(1), row.getString(2), row.getBytes(3)));
            }
        } catch (SQLException e) {
            throw failed(Messages.of("vault.op.read-analysts"), e);
        }
        return rows;
    }

    /** A time-stamp token as stored: whose log logged it, at which entry, under which id. */
    public record StoredToken(String actor, long seq, String id, byte[] token) {
    }

    /** The tokens logged in {@code actor}'s log (this home's own, or a documenter's), in log order. */
    public List<StoredToken> tokens(String actor) {
        List<StoredToken> tokens = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT actor, seq, id, token FROM timestamps WHERE actor = ? ORDER BY seq")) {
            query.setString(1, actor);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    tokens.add(new StoredToken(rows.getString(1), rows.getLong(2), rows.getString(3), rows.getBytes(4)));
                }
            }
        } catch (SQLException e) {
            throw failed(Messages.of("vault.op.read-timestamps"), e);
        }
        return tokens;
    }

    /** An evidence record as stored: the data object is the entry at {@code seq} of {@code actor}'s log. */
    public record StoredEvidence(String actor, long seq, String entrySha256, byte[] record) {
    }

    /** Every stored evidence record (docs/format/evidence-record.md), by log and entry. */
    public List<StoredEvidence> evidenceRecords() {
        List<StoredEvidence> records = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT actor, seq, entry_sha256, record FROM evidence_records ORDER BY actor, seq");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                records.add(new StoredEvidence(rows.getString(1), rows.getLong(2), rows.getString(3), rows.getBytes(4)));
            }
        } catch (SQLException e) {
            throw failed(Messages.of("vault.op.read-evidence-records"), e);
        }
        return records;
    }

    /** The documenters whose custody entries arrived in imported bags (legal side). */
    public List<String> receivedLogs() {
        return ids("SELECT DISTINCT actor FROM received_custody ORDER BY actor");
    }

    /** Hands a documenter's received custody entries to {@code each}, in sequence order. */
    public void forEachReceived(String actor, java.util.function.Consumer<CustodyRow> each) {
        try {
            streamed("SELECT seq, entry, signature FROM received_custody WHERE actor = ? ORDER BY seq", query -> {
                query.setString(1, actor);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        each.accept(new CustodyRow(rows.getLong(1), rows.getBytes(2), rows.getBytes(3)));
                    }
                }
                return null;
            });
        } catch (SQLException e) {
            throw failed(Messages.of("vault.op.read-received"), e);
        }
    }


    /** Ids of every record, oldest first. */
    public List<String> recordIds() {
        return ids("SELECT id FROM records ORDER BY sealed_at, id");
    }

    private List<String> ids(String sql) {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(sql); ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        } catch (SQLException e) {
            throw failed(Messages.of("vault.op.list-records"), e);
        }
        return ids;
    }





    /** Every row of the imports table: a cache of the log's 'imported' entries, which verify --vault holds to it. */
    List<ImportedBag> importRows() {
        List<ImportedBag> rows = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT id, documenter, head_seq, head_sha256, bag_sha256, imported_at FROM imports ORDER BY id, documenter");
             ResultSet row = query.executeQuery()) {
            while (row.next()) {
                rows.add(new ImportedBag(row.getString(1), row.getString(2), row.getLong(3), row.getString(4),
                        row.getString(5), instant(row.getString(6), "imported_at", row.getString(1))));
            }
        } catch (SQLException e) {
            throw failed(Messages.of("vault.op.read-imports"), e);
        }
        return rows;
    }

    /** A row of the submissions table (documenter side): a cache of the log's {@code submitted} entries. */
    record SubmissionRow(String id, String madeAt, long headSeq) {
    }

    /** Every row of the submissions table, by bag id; {@link SubmissionRows} holds them to the log. */
    java.util.Map<String, SubmissionRow> submissionRows() {
        java.util.Map<String, SubmissionRow> rows = new java.util.TreeMap<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT id, made_at, head_seq FROM submissions");
             ResultSet row = query.executeQuery()) {
            while (row.next()) {
                rows.put(row.getString(1), new SubmissionRow(row.getString(1), row.getString(2), row.getLong(3)));
            }
        } catch (SQLException e) {
            throw failed(Messages.of("vault.op.read-submissions"), e);
        }
        return rows;
    }

    /** The records each submitted bag held, as the table of submitted records says: by bag id. */
    java.util.Map<String, java.util.Set<String>> submittedRecords() {
        java.util.Map<String, java.util.Set<String>> held = new java.util.TreeMap<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT submission_id, record_id FROM submitted_records");
             ResultSet row = query.executeQuery()) {
            while (row.next()) {
                held.computeIfAbsent(row.getString(1), b -> new java.util.TreeSet<>()).add(row.getString(2));
            }
        } catch (SQLException e) {
            throw failed(Messages.of("vault.op.read-submissions"), e);
        }
        return held;
    }

    /** The records the table of members files under a case: a cache of the log. */
    List<String> caseMembers(String caseId) {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT record_id FROM case_records WHERE case_id = ? ORDER BY record_id")) {
            query.setString(1, caseId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
        } catch (SQLException e) {
            throw failed(Messages.of("vault.op.list-case-records", caseId), e);
        }
        return ids;
    }

    /** Every row of the table of which records each case holds, as "CASE RECORD": a cache of the log. */
    List<String> caseMemberships() {
        return ids("SELECT case_id || ' ' || record_id FROM case_records ORDER BY 1");
    }


    /** A case's clear metadata: id, creation time, how many records it groups. */
    public record CaseSummary(String id, Instant createdAt, int records) {
    }


    /** A sealed case document or analysis, as stored: its id, what it is, the SHA-256 of its ciphertext. */
    public record SealedItem(String id, String what, String sha256) {
    }

    /** Every case and analysis, each checked against the SHA-256 stored beside it. */
    public List<SealedItem> caseItems() {
        List<SealedItem> items = new ArrayList<>();
        try {
            streamed("SELECT id, 'case', sealed, sealed_sha256 FROM cases"
                    + " UNION ALL SELECT id, 'analysis', sealed, sealed_sha256 FROM analyses ORDER BY 1", query -> {
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        String id = rows.getString(1);
                        checked(id, part(rows.getString(2)), rows.getBytes(3), rows.getString(4));
                        items.add(new SealedItem(id, rows.getString(2), rows.getString(4)));
                    }
                }
                return null;
            });
        } catch (SQLException e) {
            throw failed(Messages.of("vault.op.read-cases"), e);
        }
        return items;
    }

    /** Records a case holds without any analysis: every {@code case add} writes one, so these were added by hand. */
    public List<String> unanalysedCaseRecords() {
        return ids("SELECT case_id || ' ' || record_id FROM case_records m WHERE NOT EXISTS (SELECT 1 FROM analyses a"
                + " WHERE a.case_id = m.case_id AND a.record_id = m.record_id) ORDER BY 1");
    }





    void insert(SealedRecord record) throws SQLException {
        insertRecord(record);
        insertRecipients(record.id(), "testimony", record.testimonyRecipients());
        insertRecipients(record.id(), "identity", record.identityRecipients());
    }

    private void insertRecord(SealedRecord record) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO records (id, sealed_at, signer, testimony, testimony_size, testimony_sha256,"
                        + " identity, identity_size, identity_sha256) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, record.id());
            insert.setString(2, record.sealedAt().toString());
            insert.setString(3, record.signer());
            insert.setBytes(4, record.testimony());
            insert.setLong(5, record.testimony().length);
            insert.setString(6, Digests.sha256(record.testimony()));
            insert.setBytes(7, record.identity());
            insert.setLong(8, record.identity() == null ? 0 : record.identity().length);
            insert.setString(9, record.identity() == null ? null : Digests.sha256(record.identity()));
            insert.executeUpdate();
        }
    }

    private void insertRecipients(String id, String envelope, List<String> fingerprints) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO record_recipients (record_id, envelope, fingerprint) VALUES (?, ?, ?)")) {
            for (String fingerprint : fingerprints) {
                insert.setString(1, id);
                insert.setString(2, envelope);
                insert.setString(3, fingerprint);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /**
     * Every record's clear metadata as the tables hold it, oldest first: caches, for tests of the
     * store itself. Commands read {@link SignedVault#list()}, which checks them against the log.
     */
    public List<RecordSummary> list() {
        List<RecordSummary> summaries = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT id, sealed_at, signer, testimony_size, testimony_sha256, identity_size,"
                        + " (SELECT count(*) FROM attachments a WHERE a.record_id = r.id),"
                        + " (SELECT coalesce(sum(sealed_size), 0) FROM attachments a WHERE a.record_id = r.id)"
                        + " FROM records r ORDER BY sealed_at, id");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                String id = rows.getString(1);
                summaries.add(new RecordSummary(id, instant(rows.getString(2), "sealed_at", id), List.of(rows.getString(3)),
                        rows.getLong(4), rows.getString(5), rows.getLong(6), recipients(id, "testimony").size(),
                        rows.getInt(7), rows.getLong(8)));
            }
        } catch (SQLException e) {
            throw failed(Messages.of("vault.op.list-records"), e);
        }
        return summaries;
    }

    /**
     * The record with this id, its ciphertext checked against the SHA-256 stored with it: a record
     * altered inside the vault is reported here, before anything tries to decrypt it. The other
     * columns are caches; commands read {@link SignedVault#record}, which checks against the log.
     */
    public Optional<SealedRecord> get(String id) {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT sealed_at, signer, testimony, testimony_sha256, identity, identity_sha256"
                        + " FROM records WHERE id = ?")) {
            query.setString(1, id);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                byte[] testimony = checked(id, Messages.of("vault.part.testimony"), row.getBytes(3), row.getString(4));
                byte[] identity = row.getBytes(5) == null ? null
                        : checked(id, Messages.of("vault.part.identity"), row.getBytes(5), row.getString(6));
                return Optional.of(new SealedRecord(id, instant(row.getString(1), "sealed_at", id), row.getString(2),
                        testimony, recipients(id, "testimony"), identity, recipients(id, "identity")));
            }
        } catch (SQLException e) {
            throw failed(Messages.of("vault.op.read-record", id), e);
        }
    }

    /**
     * A time column read back. The column is a cache (the custody entry holds the signed time), but
     * a value that is not a UTC instant was written outside Gawah: said so, never a parser's crash.
     */
    static Instant instant(String value, String column, String row) {
        try {
            return Instant.parse(value);
        } catch (java.time.format.DateTimeParseException | NullPointerException e) {
            throw new GawahException(Failure.BAD_DATA, Messages.of("vault.bad-time", column, row),
                    Messages.of("logged.hint"));
        }
    }

    /**
     * A record's row as it is stored: its ciphertexts, each checked against the SHA-256 stored
     * beside it (damage), with that SHA-256, computed once for the check against the log.
     */
    record StoredRecord(String id, byte[] testimony, String testimonySha256, byte[] identity, String identitySha256) {
    }

    private static StoredRecord storedRecord(ResultSet row) throws SQLException {
        String id = row.getString(1);
        byte[] testimony = row.getBytes(2);
        String testimonySha256 = Digests.sha256(testimony);
        match(id, Messages.of("vault.part.testimony"), testimonySha256, row.getString(3));
        byte[] identity = row.getBytes(4);
        String identitySha256 = identity == null ? null : Digests.sha256(identity);
        if (identity != null) {
            match(id, Messages.of("vault.part.identity"), identitySha256, row.getString(5));
        }
        return new StoredRecord(id, testimony, testimonySha256, identity, identitySha256);
    }

    /** The stored row of a record, if there is one. */
    Optional<StoredRecord> storedRecord(String id) {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT id, testimony, testimony_sha256, identity, identity_sha256 FROM records WHERE id = ?")) {
            query.setString(1, id);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(storedRecord(row)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failed(Messages.of("vault.op.read-record", id), e);
        }
    }

    /** Every stored record row, by id. */
    java.util.Map<String, StoredRecord> storedRecords() {
        java.util.Map<String, StoredRecord> found = new java.util.TreeMap<>();
        try {
            streamed("SELECT id, testimony, testimony_sha256, identity, identity_sha256 FROM records", query -> {
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        StoredRecord row = storedRecord(rows);
                        found.put(row.id(), row);
                    }
                }
                return null;
            });
        } catch (SQLException e) {
            throw failed(Messages.of("vault.op.list-records"), e);
        }
        return found;
    }

    /** Every stored attachment row, by the record its row names, in position order. */
    java.util.Map<String, List<StoredAttachment>> storedAttachments() {
        java.util.Map<String, List<StoredAttachment>> found = new java.util.HashMap<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT id, record_id, position, sealed_size, sealed_sha256, chunk_count FROM attachments"
                        + " ORDER BY record_id, position");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                found.computeIfAbsent(rows.getString(2), r -> new ArrayList<>()).add(attachment(rows));
            }
        } catch (SQLException e) {
            throw failed(Messages.of("vault.op.list-records"), e);
        }
        return found;
    }

    /** The stored row of an attachment, whichever record it names. */
    Optional<StoredAttachment> storedAttachment(String id) {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT id, record_id, position, sealed_size, sealed_sha256, chunk_count FROM attachments WHERE id = ?")) {
            query.setString(1, id);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(attachment(row)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failed(Messages.of("vault.op.list-attachments", id), e);
        }
    }

    private static StoredAttachment attachment(ResultSet row) throws SQLException {
        return new StoredAttachment(row.getString(1), row.getString(2), row.getInt(3), row.getLong(4), row.getString(5),
                row.getInt(6));
    }

    /** The sealed document of a case as stored, unchecked. */
    Optional<byte[]> storedCase(String caseId) {
        try (PreparedStatement query = connection.prepareStatement("SELECT sealed FROM cases WHERE id = ?")) {
            query.setString(1, caseId);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(row.getBytes(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failed(Messages.of("vault.op.read-case", caseId), e);
        }
    }

    /** The ids of every stored case row. */
    List<String> storedCaseIds() {
        return ids("SELECT id FROM cases ORDER BY id");
    }

    /** An analysis row as stored: the case and record its columns name (a cache), and its sealed document. */
    record StoredAnalysis(String id, String caseId, String recordId, byte[] sealed) {
    }

    Optional<StoredAnalysis> storedAnalysis(String id) {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT id, case_id, record_id, sealed FROM analyses WHERE id = ?")) {
            query.setString(1, id);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(new StoredAnalysis(row.getString(1), row.getString(2), row.getString(3),
                        row.getBytes(4))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failed(Messages.of("vault.op.read-analysis", id), e);
        }
    }

    private static byte[] checked(String id, Message envelope, byte[] ciphertext, String expectedSha256) {
        match(id, envelope, Digests.sha256(ciphertext), expectedSha256);
        return ciphertext;
    }

    private static void match(String id, Message envelope, String sha256, String expectedSha256) {
        if (!sha256.equals(expectedSha256)) {
            throw new GawahException(Failure.BAD_DATA, Messages.of("vault.altered", envelope, id),
                    Messages.of("vault.altered.hint"));
        }
    }

    /** What a row of {@link #caseItems()} is, in words: {@code case} or {@code analysis}. */
    private static Message part(String what) {
        switch (what) {
            case "case": return Messages.of("vault.part.case");
            case "analysis": return Messages.of("vault.part.analysis");
            default: throw new IllegalStateException("not a sealed item: " + what);
        }
    }

    private List<String> recipients(String id, String envelope) throws SQLException {
        List<String> fingerprints = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT fingerprint FROM record_recipients WHERE record_id = ? AND envelope = ? ORDER BY fingerprint")) {
            query.setString(1, id);
            query.setString(2, envelope);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    fingerprints.add(rows.getString(1));
                }
            }
        }
        return fingerprints;
    }

    /**
     * The attachment rows of a record, by position, as the table holds them (a cache: commands
     * read {@link LoggedRecord#attachments()}, the ones the custody log lists with the record).
     */
    List<StoredAttachment> attachments(String recordId) {
        List<StoredAttachment> found = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT id, position, sealed_size, sealed_sha256, chunk_count FROM attachments"
                        + " WHERE record_id = ? ORDER BY position")) {
            query.setString(1, recordId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    found.add(new StoredAttachment(rows.getString(1), recordId, rows.getInt(2), rows.getLong(3),
                            rows.getString(4), rows.getInt(5)));
                }
            }
        } catch (SQLException e) {
            throw failed(Messages.of("vault.op.list-attachments", recordId), e);
        }
        return found;
    }

    /**
     * The sealed attachment as a stream, read chunk by chunk. At its end the ciphertext's SHA-256
     * and length are checked against what was stored; a mismatch is an IOException there.
     */
    public java.io.InputStream openAttachment(StoredAttachment attachment) {
        return new ChunkReader(connection, attachment);
    }

    /**
     * Registers a file about to be written outside the vault, in a transaction of its own, before
     * a byte of it is written; returns its row id, for {@link #endOutput}. {@code machine}: the
     * computer and home writing it (docs/format/vault.md, version 9), so that on a team vault no
     * other computer's command takes it for one that ended.
     */
    public long beginOutput(Path path, String command, Instant startedAt, long pid, String processStarted, String machine) {
        try (VaultWrite write = begin()) {
            long id;
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO outputs (path, command, started_at, pid, process_started, machine) VALUES (?, ?, ?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                insert.setString(1, path.toAbsolutePath().toString());
                insert.setString(2, command);
                insert.setString(3, startedAt.toString());
                insert.setLong(4, pid);
                insert.setString(5, processStarted);
                insert.setString(6, machine);
                insert.executeUpdate();
                try (ResultSet key = insert.getGeneratedKeys()) {
                    key.next();
                    id = key.getLong(1);
                }
            }
            write.commit();
            return id;
        } catch (SQLException e) {
            throw failed(Messages.of("vault.op.register-output", path), e);
        }
    }

    /** Forgets a file registered by {@link #beginOutput}: it was renamed into place, or deleted. */
    public void endOutput(long id) {
        try (VaultWrite write = begin()) {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM outputs WHERE id = ?")) {
                delete.setLong(1, id);
                delete.executeUpdate();
            }
            write.commit();
        } catch (SQLException e) {
            throw failed(Messages.of("vault.op.forget-output"), e);
        }
    }

    /**
     * Every file registered by {@code machine} (a computer's home) and not yet forgotten, oldest
     * first, whether its process still runs or not. A file vault is one home's: every row is its
     * own, whatever computer or folder the home was on when it wrote it. A team vault is shared:
     * only the rows this home wrote, and those from before version 9, which name no machine.
     */
    public List<OutputInProgress> outputsInProgress(String machine) {
        List<OutputInProgress> outputs = new ArrayList<>();
        boolean everyRow = engine instanceof SqliteEngine;
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT id, path, command, started_at, pid, process_started, machine FROM outputs"
                        + (everyRow ? "" : " WHERE machine = ? OR machine = ''") + " ORDER BY id")) {
            if (!everyRow) {
                query.setString(1, machine);
            }
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    outputs.add(new OutputInProgress(rows.getLong(1), Path.of(rows.getString(2)), rows.getString(3),
                            Instant.parse(rows.getString(4)), rows.getLong(5), rows.getString(6), rows.getString(7)));
                }
            }
        } catch (SQLException e) {
            throw failed(Messages.of("vault.op.read-outputs"), e);
        } catch (RuntimeException e) {
            // A path or a time that does not parse: nobody but a hand editing the file writes that.
            throw new GawahException(Failure.BAD_DATA, Messages.of("vault.outputs-damaged"), null, e);
        }
        return outputs;
    }

    /** The database's own consistency check; "ok" when sound (on PostgreSQL the server's checks are its administrator's). */
    public String integrityCheck() {
        try {
            return engine.integrityCheck(connection);
        } catch (SQLException e) {
            throw failed(Messages.of("vault.op.check-integrity"), e);
        }
    }

    /** One setting of this connection, as SQLite reports it (tests check the durability settings). */
    String setting(String pragma) {
        if (!(engine instanceof SqliteEngine)) {
            throw new IllegalStateException("PRAGMA settings are SQLite's");
        }
        try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery("PRAGMA " + pragma)) {
            return r.next() ? r.getString(1) : null;
        } catch (SQLException e) {
            throw failed(Messages.of("vault.op.read-setting", pragma), e);
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw failed(Messages.of("vault.op.close"), e);
        }
    }

    /** {@code what}: one of the {@code vault.op.*} messages, what could not be done. */
    static GawahException failed(Message what, SQLException e) {
        switch (classify(e)) {
            case BUSY:
                // Busy after the wait: another command holds the vault, most likely writing a large attachment.
                return new GawahException(Failure.VAULT, Messages.of("vault.busy", what), Messages.of("vault.busy.hint"), e);
            case LOST:
                // The only case where a commit may or may not have happened: verify says which.
                return new GawahException(Failure.VAULT, Messages.of("vault.failed", what, e.getMessage()),
                        Messages.of("vault.pg.lost.hint"), e);
            default:
                return new GawahException(Failure.VAULT, Messages.of("vault.failed", what, e.getMessage()), null, e);
        }
    }

    /** What an error means, whichever engine raised it: PostgreSQL's carry an SQLState, SQLite's a result code. */
    static Engine.Conflict classify(SQLException e) {
        return e.getSQLState() != null && e.getSQLState().length() == 5
                ? new PostgresEngine().classify(e) : new SqliteEngine().classify(e);
    }
}
