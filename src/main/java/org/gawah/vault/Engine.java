package org.gawah.vault;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * What differs between the two databases a vault can live in; everything else (every query and
 * insert) is one text both run. Only {@link Vault} and {@link VaultWrite} use it.
 */
sealed interface Engine permits SqliteEngine, PostgresEngine {
    /** Connection settings and checks that this is a Gawah vault (or an empty database to make one). */
    void configure(Connection connection, boolean fresh) throws SQLException;

    /** The migration the vault is at (0: none yet). */
    int schemaVersion(Statement s) throws SQLException;

    /** Inside the migrating transaction, after the steps: records the version reached. */
    void schemaVersion(Statement s, int version) throws SQLException;

    /** Whether any table of a vault is there (a copy's target must hold none). */
    boolean hasVault(Statement s) throws SQLException;

    /** The migrations' statements in this engine's dialect, one list per step, as many as {@link Migrations#STEPS}. */
    List<String[]> steps();

    /** Inside the migrating transaction, before the first step that runs. */
    void beforeMigrations(Statement s, int from) throws SQLException;

    /** Inside the migrating transaction, after the steps: what the engine adds (PostgreSQL: privileges, triggers). */
    void afterMigrations(Statement s) throws SQLException;

    /**
     * Serialises this transaction's writes to the custody log and tables with every other
     * writer's, until it ends. SQLite: BEGIN IMMEDIATE did it already.
     */
    void lockForWriting(Connection connection) throws SQLException;

    /** How an error reads: the same row written twice, a lock not had in time, the connection lost, other. */
    Conflict classify(SQLException e);

    /** The database's own consistency check; "ok" when sound. */
    String integrityCheck(Connection connection) throws SQLException;

    enum Conflict { DUPLICATE, BUSY, LOST, OTHER }
}
