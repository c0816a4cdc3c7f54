package org.gawah.vault;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.Arrays;
import java.util.List;

import org.gawah.Failure;
import org.gawah.GawahException;
import org.gawah.openpgp.Certificate;

/**
 * {@code gawah vault copy}: a whole vault into a new one, on the other engine or the same
 * (docs/format/vault.md, "Copying a vault"). The source is audited first, in the snapshot the
 * copy reads; the target is migrated and filled in one transaction, rows exactly as they are (no
 * entry signed again); before it commits, both custody logs are compared byte for byte and the
 * target is audited and must report what the source did. Any difference rolls everything back.
 */
public final class VaultCopy {
    /**
     * One table: its columns as {@code name:kind} (T text, I integer, B bytes) and the order it is
     * read in. Listed in the order the foreign keys need; every table but {@code outputs} (one
     * machine's files being written) and {@code gawah_vault} (the migrations write it).
     * VaultCopyTest holds this list to the migrations' tables.
     */
    record Table(String name, String orderBy, String... columns) {
    }

    static final List<Table> TABLES = List.of(
            new Table("records", "id", "id:T", "sealed_at:T", "signer:T", "testimony:B", "testimony_size:I",
                    "testimony_sha256:T", "identity:B", "identity_size:I", "identity_sha256:T"),
            new Table("record_recipients", "record_id, envelope, fingerprint", "record_id:T", "envelope:T", "fingerprint:T"),
            new Table("attachments", "id", "id:T", "record_id:T", "position:I", "sealed_size:I", "sealed_sha256:T",
                    "chunk_count:I"),
            new Table("attachment_chunks", "attachment_id, seq", "attachment_id:T", "seq:I", "data:B"),
            new Table("custody_log", "seq", "seq:I", "entry:B", "signature:B"),
            new Table("submissions", "id", "id:T", "made_at:T", "head_seq:I"),
            new Table("submitted_records", "submission_id, record_id", "submission_id:T", "record_id:T"),
            new Table("imports", "documenter, id", "id:T", "documenter:T", "head_seq:I", "head_sha256:T", "bag_sha256:T",
                    "imported_at:T"),
            new Table("received_custody", "actor, seq", "actor:T", "seq:I", "entry:B", "signature:B"),
            new Table("timestamps", "actor, seq", "actor:T", "seq:I", "id:T", "token:B"),
            new Table("evidence_records", "actor, seq", "actor:T", "seq:I", "entry_sha256:T", "record:B"),
            new Table("analysts", "sha256", "sha256:T", "fingerprint:T", "certificate:B"),
            new Table("opened_lists", "sha256", "sha256:T", "list:B"),
            new Table("cases", "id", "id:T", "created_at:T", "sealed:B", "sealed_sha256:T"),
            new Table("case_records", "case_id, record_id", "case_id:T", "record_id:T", "position:I"),
            new Table("analyses", "id", "id:T", "case_id:T", "record_id:T", "made_at:T", "sealed:B", "sealed_sha256:T"));

    /** Rows a read takes at a time from a server: a chunk is about 1 MiB, so few for chunks. */
    private static final int CHUNK_FETCH = 4;
    private static final int BATCH = 256;

    private VaultCopy() {
    }

    /** Hears how the copy goes: the source's audit once it passed, then each attachment chunk's bytes as written. */
    public interface Progress {
        void audited(VaultAudit.Report source);

        void copied(long bytes);
    }

    /**
     * Copies {@code source} into a new vault at {@code target} and returns the audit both passed.
     * {@code actors} and {@code documenters} as for {@link VaultAudit#run}; {@code progress}
     * hears of the audit and of each attachment chunk as it is written. Throws, with nothing
     * written at {@code target}, when the source fails its audit, the target is not empty, or the
     * copy differs from the source in any way.
     */
    public static VaultAudit.Report run(Vault source, VaultLocation target, List<Certificate> actors,
                                        List<Certificate> documenters, Progress progress) {
        Connection from = source.connection();
        try {
            beginSnapshot(source);
        } catch (SQLException e) {
            throw Vault.failed(Messages.of("vault.op.copy-read"), e);
        }
        try {
            VaultAudit.Report report;
            try {
                report = VaultAudit.run(source, actors, documenters);
            } catch (GawahException e) {
                throw new GawahException(e.failure(), Messages.of("vault.copy.source-refused", e.message()),
                        Messages.of("vault.copy.source-refused.hint"), e);
            }
            progress.audited(report);
            copyInto(source, target, actors, documenters, report, progress);
            return report;
        } finally {
            endSnapshot(from);
        }
    }

    /**
     * One read transaction over the whole copy, so that the audit and every table see the same
     * vault while others keep writing: on PostgreSQL a repeatable-read snapshot (and cursors); on
     * SQLite the write lock (transaction_mode=IMMEDIATE), which holds other writers back until the end.
     */
    private static void beginSnapshot(Vault source) throws SQLException {
        Connection from = source.connection();
        if (source.engine() instanceof PostgresEngine) {
            from.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            from.setAutoCommit(false);
            from.setReadOnly(true);
        } else {
            from.setAutoCommit(false);
        }
    }

    private static void endSnapshot(Connection from) {
        try {
            from.rollback();
            from.setAutoCommit(true);
            from.setReadOnly(false);
            from.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
        } catch (SQLException e) {
            // Read-only work: the connection closes with the vault.
        }
    }

    private static void copyInto(Vault source, VaultLocation target, List<Certificate> actors,
                                 List<Certificate> documenters, VaultAudit.Report expected, Progress progress) {
        Vault copy = Vault.createEmpty(target);
        boolean committed = false;
        Connection to = copy.connection();
        try {
            to.setAutoCommit(false);
            copy.migrateWithin();
            copy.engine().lockForWriting(to);
            for (Table table : TABLES) {
                try {
                    copyTable(source, to, table, progress);
                } catch (SQLException e) {
                    throw new GawahException(Failure.VAULT, Messages.of("vault.copy.table-failed", table.name(),
                            target.display(), reason(e)), Messages.of("vault.copy.rolled-back.hint"), e);
                }
            }
            compareLogs(source.connection(), to);
            VaultAudit.Report report;
            try {
                report = VaultAudit.run(copy, actors, documenters);
            } catch (GawahException e) {
                throw new GawahException(Failure.BAD_DATA, Messages.of("vault.copy.target-refused", e.message()),
                        Messages.of("vault.copy.rolled-back.hint"), e);
            }
            if (!report.equals(expected)) {
                throw new GawahException(Failure.BAD_DATA, Messages.of("vault.copy.reports-differ",
                        String.valueOf(expected), String.valueOf(report)), Messages.of("vault.copy.rolled-back.hint"));
            }
            to.commit();
            committed = true;
            to.setAutoCommit(true);
        } catch (SQLException e) {
            throw Vault.failed(Messages.of("vault.op.copy-write", target.display()), e);
        } finally {
            if (!committed) {
                try {
                    to.rollback();
                } catch (SQLException e) {
                    // Closing the connection rolls back all the same.
                }
            }
            copy.close();
            if (!committed && target instanceof VaultLocation.File file) {
                removeFile(file.path());
            }
        }
    }

    /**
     * The database's own words, without the row: a failed batch's message quotes the statement
     * with its values (megabytes of ciphertext); the exception it chains holds the server's reason.
     */
    private static String reason(SQLException e) {
        SQLException why = e instanceof java.sql.BatchUpdateException && e.getNextException() != null ? e.getNextException() : e;
        String message = why.getMessage() == null ? why.getClass().getSimpleName() : why.getMessage();
        return message.lines().findFirst().orElse("").strip();
    }

    /** Every row of one table, read a few at a time and written as read. */
    private static void copyTable(Vault source, Connection to, Table table, Progress progress) throws SQLException {
        String[] names = new String[table.columns().length];
        char[] kinds = new char[names.length];
        for (int i = 0; i < names.length; i++) {
            String[] column = table.columns()[i].split(":");
            names[i] = column[0];
            kinds[i] = column[1].charAt(0);
        }
        String columns = String.join(", ", names);
        String marks = String.join(", ", java.util.Collections.nCopies(names.length, "?"));
        boolean chunks = table.name().equals("attachment_chunks");
        try (PreparedStatement read = source.connection().prepareStatement("SELECT " + columns + " FROM " + table.name()
                + " ORDER BY " + table.orderBy(), ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
             PreparedStatement write = to.prepareStatement("INSERT INTO " + table.name() + " (" + columns + ") VALUES ("
                     + marks + ")")) {
            read.setFetchSize(chunks ? CHUNK_FETCH : Vault.FETCH_SIZE);
            int batched = 0;
            try (ResultSet rows = read.executeQuery()) {
                while (rows.next()) {
                    long bytes = 0;
                    for (int i = 0; i < names.length; i++) {
                        bytes += transfer(rows, write, i + 1, kinds[i]);
                    }
                    if (chunks) {
                        // One chunk (about 1 MiB) at a time: memory stays the same whatever the attachment's size.
                        write.executeUpdate();
                        progress.copied(bytes);
                    } else {
                        write.addBatch();
                        if (++batched == BATCH) {
                            write.executeBatch();
                            batched = 0;
                        }
                    }
                }
            }
            if (batched > 0) {
                write.executeBatch();
            }
        }
    }

    /** One value as it is; returns its length when it is bytes. */
    private static long transfer(ResultSet rows, PreparedStatement write, int i, char kind) throws SQLException {
        switch (kind) {
            case 'T': {
                String value = rows.getString(i);
                if (value == null) {
                    write.setNull(i, Types.VARCHAR);
                } else {
                    write.setString(i, value);
                }
                return 0;
            }
            case 'I': {
                long value = rows.getLong(i);
                if (rows.wasNull()) {
                    write.setNull(i, Types.BIGINT);
                } else {
                    write.setLong(i, value);
                }
                return 0;
            }
            case 'B': {
                byte[] value = rows.getBytes(i);
                if (value == null) {
                    write.setNull(i, Types.BINARY);
                    return 0;
                }
                write.setBytes(i, value);
                return value.length;
            }
            default:
                throw new IllegalStateException("no such column kind: " + kind);
        }
    }

    /** Both custody logs side by side, entry by entry: the same sequence numbers, entries and signatures, byte for byte. */
    private static void compareLogs(Connection from, Connection to) throws SQLException {
        String sql = "SELECT seq, entry, signature FROM custody_log ORDER BY seq";
        try (PreparedStatement a = from.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
             PreparedStatement b = to.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            a.setFetchSize(Vault.FETCH_SIZE);
            b.setFetchSize(Vault.FETCH_SIZE);
            try (ResultSet left = a.executeQuery(); ResultSet right = b.executeQuery()) {
                long seq = 0;
                while (true) {
                    boolean more = left.next();
                    if (more != right.next()) {
                        throw differs(seq + 1);
                    }
                    if (!more) {
                        return;
                    }
                    seq = left.getLong(1);
                    if (seq != right.getLong(1) || !Arrays.equals(left.getBytes(2), right.getBytes(2))
                            || !Arrays.equals(left.getBytes(3), right.getBytes(3))) {
                        throw differs(seq);
                    }
                }
            }
        }
    }

    private static GawahException differs(long seq) {
        return new GawahException(Failure.BAD_DATA, Messages.of("vault.copy.log-differs", seq),
                Messages.of("vault.copy.rolled-back.hint"));
    }

    /** A SQLite target the copy created and could not finish: removed, with the journal SQLite may have left. */
    static void removeFile(Path file) {
        for (String suffix : List.of("", "-journal", "-wal", "-shm")) {
            try {
                Files.deleteIfExists(file.resolveSibling(file.getFileName() + suffix));
            } catch (IOException e) {
                // Nothing in it was committed: an empty file at worst, named in the error the caller sees.
            }
        }
    }
}
