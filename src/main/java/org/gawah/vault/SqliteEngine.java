package org.gawah.vault;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.gawah.Failure;
import org.gawah.GawahException;

/** The embedded default: one SQLite file, the schema version in {@code PRAGMA user_version}. */
final class SqliteEngine implements Engine {
    static final int SQLITE_BUSY = 5;
    private static final int SQLITE_CONSTRAINT = 19;

    @Override
    public void configure(Connection connection, boolean fresh) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("PRAGMA busy_timeout = 60000");
            if (fresh) {
                // Before the first table: large pages make chunked attachments much faster to write.
                s.execute("PRAGMA page_size = 65536");
                s.execute("PRAGMA application_id = " + Migrations.APPLICATION_ID);
            }
            int applicationId = intPragma(s, "application_id");
            if (applicationId != Migrations.APPLICATION_ID && !isEmpty(s)) {
                throw new GawahException(Failure.VAULT, Messages.of("vault.not-gawah"));
            }
            useRollbackJournal(s);
            s.execute("PRAGMA synchronous = FULL");
            s.execute("PRAGMA secure_delete = ON");
            s.execute("PRAGMA foreign_keys = ON");
        }
    }

    /**
     * A rollback journal, not a write-ahead log: a sealed attachment's chunks are new pages at the
     * end of the file, which a rollback journal does not copy, where WAL writes every byte twice
     * (for 1 GiB, about 4 s more and twice the disk space until the checkpoint). TRUNCATE with
     * synchronous=FULL syncs the journal's truncation, which is the commit (DELETE would need the
     * folder synced as well). A vault from a version that used WAL changes over the next time it
     * is opened alone; while another process has it open it stays WAL, as safe, only slower.
     */
    private static void useRollbackJournal(Statement s) throws SQLException {
        try {
            s.execute("PRAGMA journal_mode = TRUNCATE");
        } catch (SQLException e) {
            if ((e.getErrorCode() & 0xff) != SQLITE_BUSY) {
                throw e;
            }
        }
    }

    @Override
    public boolean hasVault(Statement s) throws SQLException {
        return !isEmpty(s);
    }

    @Override
    public int schemaVersion(Statement s) throws SQLException {
        return intPragma(s, "user_version");
    }

    @Override
    public void schemaVersion(Statement s, int version) throws SQLException {
        s.execute("PRAGMA application_id = " + Migrations.APPLICATION_ID);
        s.execute("PRAGMA user_version = " + version);
    }

    @Override
    public List<String[]> steps() {
        return Migrations.STEPS;
    }

    @Override
    public void beforeMigrations(Statement s, int from) {
        // The write lock came with the transaction (transaction_mode=IMMEDIATE).
    }

    @Override
    public void afterMigrations(Statement s) {
        // One file, one owner: no accounts to grant to.
    }

    @Override
    public void lockForWriting(Connection connection) {
        // BEGIN IMMEDIATE (transaction_mode) took the file's write lock with the transaction.
    }

    @Override
    public Conflict classify(SQLException e) {
        int code = e.getErrorCode() & 0xff;
        if (code == SQLITE_BUSY) {
            return Conflict.BUSY;
        }
        return code == SQLITE_CONSTRAINT && e.getMessage() != null && e.getMessage().contains("UNIQUE")
                ? Conflict.DUPLICATE : Conflict.OTHER;
    }

    @Override
    public String integrityCheck(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery("PRAGMA integrity_check")) {
            return r.next() ? r.getString(1) : Messages.of("vault.integrity.no-answer").render();
        }
    }

    static int intPragma(Statement s, String name) throws SQLException {
        try (ResultSet r = s.executeQuery("PRAGMA " + name)) {
            return r.next() ? r.getInt(1) : 0;
        }
    }

    private static boolean isEmpty(Statement s) throws SQLException {
        try (ResultSet r = s.executeQuery("SELECT count(*) FROM sqlite_master")) {
            return r.next() && r.getInt(1) == 0;
        }
    }
}
