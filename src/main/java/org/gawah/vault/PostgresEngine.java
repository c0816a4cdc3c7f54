package org.gawah.vault;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.gawah.Failure;
import org.gawah.GawahException;

/**
 * A team vault on a PostgreSQL server (docs/format/vault.md, "On PostgreSQL"). The schema version
 * lives in the one-row table {@code gawah_vault}; writers queue on one advisory lock at READ
 * COMMITTED, so every append sees the last committed entry and the log stays one chain.
 */
final class PostgresEngine implements Engine {
    /** 'GAWH', the key of the advisory lock every writer takes (and the application id). */
    static final long WRITE_LOCK = Migrations.APPLICATION_ID;

    /** Collations that order text by its bytes, as SQLite does: lists and copies come out the same. */
    private static final Set<String> BYTE_ORDER = Set.of("c", "posix", "c.utf-8", "c.utf8");

    /**
     * The tables whose rows are never changed or deleted, by anyone: not outputs (a machine's list
     * of files being written) nor evidence_records (replaced when renewed; each token in them is
     * vouched for by a signed entry).
     */
    static final List<String> APPEND_ONLY = List.of("custody_log", "received_custody", "records", "record_recipients",
            "attachments", "attachment_chunks", "cases", "case_records", "analyses", "timestamps", "submissions",
            "submitted_records", "imports", "analysts", "opened_lists");

    @Override
    public void configure(Connection connection, boolean fresh) throws SQLException {
        try (Statement s = connection.createStatement()) {
            // A writer waits at most a minute for another's transaction, then says the vault is busy.
            s.execute("SET lock_timeout = '60s'");
            s.execute("SET TIME ZONE 'UTC'");
            // From PostgreSQL 15 a database may sort by an ICU locale whatever datcollate says.
            boolean icuKnown = connection.getMetaData().getDatabaseMajorVersion() >= 15;
            try (ResultSet r = s.executeQuery("SELECT datcollate, " + (icuKnown ? "datlocprovider::text, daticulocale" : "'c', ''")
                    + " FROM pg_database WHERE datname = current_database()")) {
                r.next();
                String collate = r.getString(2).equals("i") ? "ICU " + r.getString(3) : r.getString(1);
                if (!BYTE_ORDER.contains(collate.toLowerCase(Locale.ROOT))) {
                    throw new GawahException(Failure.VAULT, Messages.of("vault.pg.collation", collate),
                            Messages.of("vault.pg.collation.hint"));
                }
            }
            if (!hasVersionTable(s) && !schemaIsEmpty(s)) {
                throw new GawahException(Failure.VAULT, Messages.of("vault.pg.not-gawah"));
            }
            if (hasVersionTable(s)) {
                try (ResultSet r = s.executeQuery("SELECT application_id FROM gawah_vault")) {
                    if (!r.next() || r.getInt(1) != Migrations.APPLICATION_ID) {
                        throw new GawahException(Failure.VAULT, Messages.of("vault.pg.not-gawah"));
                    }
                }
            }
        }
    }

    private static boolean hasVersionTable(Statement s) throws SQLException {
        try (ResultSet r = s.executeQuery(
                "SELECT 1 FROM pg_tables WHERE schemaname = current_schema() AND tablename = 'gawah_vault'")) {
            return r.next();
        }
    }

    private static boolean schemaIsEmpty(Statement s) throws SQLException {
        try (ResultSet r = s.executeQuery("SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'v', 'm', 'S', 'p')")) {
            return r.next() && r.getLong(1) == 0;
        }
    }

    @Override
    public boolean hasVault(Statement s) throws SQLException {
        return hasVersionTable(s) || !schemaIsEmpty(s);
    }

    @Override
    public int schemaVersion(Statement s) throws SQLException {
        if (!hasVersionTable(s)) {
            return 0;
        }
        try (ResultSet r = s.executeQuery("SELECT user_version FROM gawah_vault")) {
            return r.next() ? r.getInt(1) : 0;
        }
    }

    @Override
    public void schemaVersion(Statement s, int version) throws SQLException {
        s.executeUpdate("UPDATE gawah_vault SET user_version = " + version);
    }

    @Override
    public List<String[]> steps() {
        return Migrations.POSTGRES_STEPS;
    }

    @Override
    public void beforeMigrations(Statement s, int from) throws SQLException {
        s.execute("SELECT pg_advisory_xact_lock(" + WRITE_LOCK + ")");
        s.execute("CREATE TABLE IF NOT EXISTS gawah_vault (application_id INTEGER NOT NULL,"
                + " user_version INTEGER NOT NULL, one BOOLEAN PRIMARY KEY DEFAULT true CHECK (one))");
        s.execute("INSERT INTO gawah_vault (application_id, user_version) VALUES (" + Migrations.APPLICATION_ID
                + ", 0) ON CONFLICT DO NOTHING");
    }

    /**
     * Analysts (members of the role {@code gawah_analysts}, which the server's administrator makes)
     * may read and append, never change or delete, except their own registrations of files being
     * written; and even the owner meets triggers refusing any change or deletion (SECURITY.md).
     */
    @Override
    public void afterMigrations(Statement s) throws SQLException {
        s.execute("CREATE OR REPLACE FUNCTION gawah_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$"
                + " BEGIN RAISE EXCEPTION 'gawah: % on % refused: the vault is append-only', TG_OP, TG_TABLE_NAME"
                + " USING ERRCODE = 'insufficient_privilege'; END $$");
        s.execute("CREATE OR REPLACE FUNCTION gawah_next_seq() RETURNS trigger LANGUAGE plpgsql AS $$"
                + " BEGIN IF NEW.seq <> (SELECT coalesce(max(seq), 0) + 1 FROM custody_log) THEN"
                + " RAISE EXCEPTION 'gawah: custody entry % is not the next one', NEW.seq"
                + " USING ERRCODE = 'integrity_constraint_violation'; END IF; RETURN NEW; END $$");
        java.util.Set<String> present = new java.util.HashSet<>();
        try (ResultSet r = s.executeQuery("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")) {
            while (r.next()) {
                present.add(r.getString(1));
            }
        }
        for (String table : APPEND_ONLY) {
            if (!present.contains(table)) {
                continue; // made by a later step than this vault has (a vault built to an earlier version)
            }
            s.execute("DROP TRIGGER IF EXISTS " + table + "_append_only ON " + table);
            s.execute("CREATE TRIGGER " + table + "_append_only BEFORE UPDATE OR DELETE ON " + table
                    + " FOR EACH ROW EXECUTE FUNCTION gawah_refuse_change()");
            s.execute("DROP TRIGGER IF EXISTS " + table + "_no_truncate ON " + table);
            s.execute("CREATE TRIGGER " + table + "_no_truncate BEFORE TRUNCATE ON " + table
                    + " FOR EACH STATEMENT EXECUTE FUNCTION gawah_refuse_change()");
        }
        s.execute("DROP TRIGGER IF EXISTS custody_log_next ON custody_log");
        s.execute("CREATE TRIGGER custody_log_next BEFORE INSERT ON custody_log FOR EACH ROW EXECUTE FUNCTION gawah_next_seq()");
        s.execute("REVOKE ALL ON ALL TABLES IN SCHEMA " + "public" + " FROM PUBLIC");
        s.execute("DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'gawah_analysts') THEN"
                + " GRANT USAGE ON SCHEMA public TO gawah_analysts;"
                + " GRANT SELECT, INSERT ON ALL TABLES IN SCHEMA public TO gawah_analysts;"
                + " REVOKE INSERT ON gawah_vault FROM gawah_analysts;"
                + " GRANT DELETE ON outputs TO gawah_analysts;"
                + " GRANT UPDATE ON evidence_records TO gawah_analysts;"
                + " END IF; END $$");
    }

    @Override
    public void lockForWriting(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("SELECT pg_advisory_xact_lock(" + WRITE_LOCK + ")");
        }
    }

    @Override
    public Conflict classify(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.equals("23505")) {
            return Conflict.DUPLICATE;
        }
        if (state.equals("55P03") || state.equals("40001") || state.equals("40P01")) {
            return Conflict.BUSY;
        }
        if (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")) {
            return Conflict.LOST;
        }
        return Conflict.OTHER;
    }

    /** The server checks its own pages (amcheck needs a superuser): the vault answers that it is reachable. */
    @Override
    public String integrityCheck(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery("SELECT 1")) {
            return r.next() ? "ok" : Messages.of("vault.integrity.no-answer").render();
        }
    }
}
