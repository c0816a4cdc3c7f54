package org.gawah.vault;

import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.gawah.Digests;
import org.gawah.Failure;
import org.gawah.GawahException;
import org.gawah.custody.Action;
import org.gawah.custody.Entry;
import org.gawah.custody.EntrySigner;

/**
 * One write transaction on the vault: records, attachments streamed in chunks, custody entries
 * and bookkeeping, committed at once or not at all. A crash or a failure at any point leaves
 * nothing (SQLite rolls back an uncommitted WAL tail): no partial attachment, no orphan chunk, no
 * custody entry for something that was not stored. Two processes append to the custody log one
 * after the other: SQLite's write lock is taken at the start (BEGIN IMMEDIATE); on PostgreSQL an
 * advisory lock is taken before the first write that is not an attachment's chunk, so several
 * analysts' attachments stream in at once and everything else queues, at READ COMMITTED, where
 * the last entry read after the lock is the last one committed.
 */
public final class VaultWrite implements AutoCloseable {
    private final Vault vault;
    private final Connection connection;
    private final List<WrittenAttachment> written = new ArrayList<>();
    private ChunkWriter open;
    private boolean finished;
    /** The seq of the last entry this transaction appended: the next one chains onto it unchecked. */
    private long chainedOnto = -1;
    private boolean precededWritten;
    private boolean locked;

    /** An attachment stored in this transaction. */
    public record WrittenAttachment(String id, String recordId, long size, String sha256) {
    }

    VaultWrite(Vault vault, Connection connection) throws SQLException {
        this.vault = vault;
        this.connection = connection;
        connection.setAutoCommit(false);
    }

    /**
     * A stream for one sealed attachment of {@code recordId}; closing it stores the attachment's
     * metadata. Streams are written one after the other, never two at once.
     */
    public OutputStream attachment(String recordId, int position, String attachmentId) {
        if (open != null) {
            throw new IllegalStateException("the previous attachment stream is still open");
        }
        try {
            open = new ChunkWriter(connection, attachmentId, vault.engine() instanceof PostgresEngine);
        } catch (SQLException e) {
            throw Vault.failed(Messages.of("vault.op.store-attachment", attachmentId), e);
        }
        ChunkWriter chunks = open;
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                chunks.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                chunks.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                chunks.close();
                open = null;
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO attachments (id, record_id, position, sealed_size, sealed_sha256, chunk_count)"
                                + " VALUES (?, ?, ?, ?, ?, ?)")) {
                    insert.setString(1, attachmentId);
                    insert.setString(2, recordId);
                    insert.setInt(3, position);
                    insert.setLong(4, chunks.size());
                    insert.setString(5, chunks.sha256());
                    insert.setInt(6, chunks.chunks());
                    insert.executeUpdate();
                } catch (SQLException e) {
                    throw Vault.failed(Messages.of("vault.op.store-attachment", attachmentId), e);
                }
                written.add(new WrittenAttachment(attachmentId, recordId, chunks.size(), chunks.sha256()));
            }
        };
    }

    /** The attachments stored so far in this transaction, in order. */
    public List<WrittenAttachment> attachments() {
        return List.copyOf(written);
    }

    /**
     * Takes the vault's write lock for the rest of this transaction, once: every write but an
     * attachment's chunks comes after it.
     */
    private void lock() throws SQLException {
        if (!locked) {
            vault.engine().lockForWriting(connection);
            locked = true;
        }
    }

    /**
     * Takes the vault's write lock now, before reading what this transaction will decide from: on
     * a team vault another analyst's command may commit between a read and the first write, and
     * what was judged from the read (an import's replay or fork) must still hold when it is written.
     */
    public void lockNow() {
        try {
            lock();
        } catch (SQLException e) {
            throw Vault.failed(Messages.of("vault.op.start-writing"), e);
        }
    }

    /** Stores a record and its recipients. */
    public void insert(SealedRecord record) {
        try {
            lock();
            vault.insert(record);
        } catch (SQLException e) {
            if (Vault.classify(e) == Engine.Conflict.DUPLICATE) {
                throw new GawahException(Failure.VAULT, Messages.of("vault.duplicate-record", record.id()));
            }
            throw Vault.failed(Messages.of("vault.op.store-record", record.id()), e);
        }
    }

    /** Whether a record with this id is stored (committed, or written in this transaction). */
    public boolean hasRecord(String id) {
        return vault.hasRecord(id);
    }

    /**
     * Appends one signed entry to the vault's custody log, after its current last entry, which must
     * be a good entry by the same key (else the log was altered at its tail, and nothing is written).
     * The first append of a transaction writes, before it, the entries the vault was asked to put
     * first ({@link Vault#precedeNextEntry}: a keyring's bindings), signed by the same key.
     */
    public Entry.Signed append(Action action, String subject, String subjectSha256, Instant time, EntrySigner signer) {
        if (!precededWritten) {
            for (Vault.PendingEntry first : vault.pendingEntries()) {
                if (!first.equals(new Vault.PendingEntry(action, subject, subjectSha256))) { // never the same entry twice
                    appendOne(first.action(), first.subject(), first.subjectSha256(), time, signer);
                }
            }
            precededWritten = true;
        }
        return appendOne(action, subject, subjectSha256, time, signer);
    }

    private Entry.Signed appendOne(Action action, String subject, String subjectSha256, Instant time, EntrySigner signer) {
        Head head = head(signer);
        return insert(signer.sign(new Entry(head.next(), time, signer.actor(), action, subject, subjectSha256, head.sha256())));
    }

    /**
     * Appends {@code entry}, made beforehand (a {@code timestamped} entry, whose bytes, nonce
     * included, a second authority may already have been asked to stamp), exactly as it is, if it
     * still follows the log's current last entry; otherwise writes nothing and returns empty. The
     * last entry is checked as {@link #append} checks it.
     */
    public Optional<Entry.Signed> appendIfNext(Entry entry, EntrySigner signer) {
        Head head = head(signer);
        if (entry.seq() != head.next() || !entry.prevSha256().equals(head.sha256())) {
            return Optional.empty();
        }
        return Optional.of(insert(signer.sign(entry)));
    }

    /** The number the next entry takes, and the SHA-256 it names as {@code prev_sha256}. */
    private record Head(long next, String sha256) {
    }

    /**
     * The head the next entry chains onto. The last entry must be a good entry by {@code signer}'s
     * key (else the log was altered at its tail, and nothing is written); the first append of a
     * transaction chains onto an entry someone else wrote, so it is checked, one this transaction
     * wrote is not.
     */
    private Head head(EntrySigner signer) {
        try {
            lock();
        } catch (SQLException e) {
            throw Vault.failed(Messages.of("vault.op.append-custody-log"), e);
        }
        try (PreparedStatement last = connection.prepareStatement(
                "SELECT seq, entry, signature FROM custody_log ORDER BY seq DESC LIMIT 1");
             ResultSet row = last.executeQuery()) {
            if (!row.next()) {
                return new Head(1, Entry.GENESIS);
            }
            long seq = row.getLong(1);
            String sha256 = seq == chainedOnto
                    ? Digests.sha256(row.getBytes(2))
                    : signer.chainOnto(Messages.of("audit.vault-log"), seq, row.getBytes(2), row.getBytes(3),
                            actor -> otherAnalyst(actor, signer.actor()));
            return new Head(seq + 1, sha256);
        } catch (SQLException e) {
            throw Vault.failed(Messages.of("vault.op.append-custody-log"), e);
        }
    }

    /**
     * On a team vault the last entry may be another analyst's: the key that is about to sign must
     * be one the log admits (its first entry's actor, or named by an {@code analyst_added} entry),
     * and the other analyst's certificate is the one the vault keeps as the log logged it; empty
     * when the log admits no such key. Read under the write lock, so no admission can slip in between.
     */
    private Optional<org.gawah.openpgp.Certificate> otherAnalyst(String actor, String signing) {
        java.util.Map<String, String> digests = SignedVault.loggedDigests(vault);
        if (!digests.containsKey(signing) && !signing.equals(firstActor())) {
            throw new GawahException(Failure.NOT_READY, Messages.of("vault.not-admitted", signing),
                    Messages.of("vault.not-admitted.hint"));
        }
        String digest = digests.get(actor);
        return digest == null ? Optional.empty()
                : vault.keptAnalyst(digest).filter(certificate -> certificate.fingerprint().equals(actor));
    }

    /** The actor of the log's first entry: the vault's first analyst. */
    private String firstActor() {
        try (PreparedStatement first = connection.prepareStatement("SELECT entry FROM custody_log WHERE seq = 1");
             ResultSet row = first.executeQuery()) {
            return row.next() ? Entry.parse(row.getBytes(1)).actor() : "";
        } catch (SQLException e) {
            throw Vault.failed(Messages.of("vault.op.append-custody-log"), e);
        } catch (org.gawah.custody.CustodyException e) {
            return ""; // a first entry that does not parse admits no one
        }
    }

    /**
     * Keeps the list an {@code opened} entry of many openings of this transaction names, under its
     * SHA-256 (once: the same list opened again is the same bytes).
     */
    public void keepOpenedList(byte[] list) {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO opened_lists (sha256, list) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
            lock();
            insert.setString(1, Digests.sha256(list));
            insert.setBytes(2, list);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw Vault.failed(Messages.of("vault.op.store-opened-list"), e);
        }
    }

    /**
     * Keeps the certificate an {@code analyst_added} entry of this transaction logs (kept once
     * if already there: the same bytes hash the same).
     */
    public void keepAnalyst(String fingerprint, byte[] certificate) {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO analysts (sha256, fingerprint, certificate) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")) {
            lock();
            insert.setString(1, Digests.sha256(certificate));
            insert.setString(2, fingerprint);
            insert.setBytes(3, certificate);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw Vault.failed(Messages.of("vault.op.store-analyst", fingerprint), e);
        }
    }

    private Entry.Signed insert(Entry.Signed signed) {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO custody_log (seq, entry, signature) VALUES (?, ?, ?)")) {
            insert.setLong(1, signed.entry().seq());
            insert.setBytes(2, signed.entry().canonical());
            insert.setBytes(3, signed.signature());
            insert.executeUpdate();
            chainedOnto = signed.entry().seq();
            return signed;
        } catch (SQLException e) {
            if (Vault.classify(e) == Engine.Conflict.DUPLICATE || "23000".equals(e.getSQLState())) {
                // Only a writer that skipped the lock gets here: nothing of this transaction is kept.
                throw new GawahException(Failure.VAULT, Messages.of("vault.raced", signed.entry().seq()),
                        Messages.of("vault.raced.hint"), e);
            }
            throw Vault.failed(Messages.of("vault.op.append-custody-log"), e);
        }
    }

    /** Notes that a submission bag holds these records (documenter side, for {@code submit --since}). */
    public void recordSubmission(String bagId, Instant madeAt, long headSeq, List<String> recordIds) {
        try (PreparedStatement bag = connection.prepareStatement(
                "INSERT INTO submissions (id, made_at, head_seq) VALUES (?, ?, ?)");
             PreparedStatement item = connection.prepareStatement(
                     "INSERT INTO submitted_records (submission_id, record_id) VALUES (?, ?)")) {
            lock();
            bag.setString(1, bagId);
            bag.setString(2, madeAt.toString());
            bag.setLong(3, headSeq);
            bag.executeUpdate();
            for (String id : recordIds) {
                item.setString(1, bagId);
                item.setString(2, id);
                item.addBatch();
            }
            item.executeBatch();
        } catch (SQLException e) {
            throw Vault.failed(Messages.of("vault.op.note-submission", bagId), e);
        }
    }

    /** Notes an imported bag and keeps the documenter's custody entries it carried (legal side). */
    public void recordImport(ImportedBag bag, List<Entry.Signed> documenterLog) {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO imports (id, documenter, head_seq, head_sha256, bag_sha256, imported_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?)");
             PreparedStatement entry = connection.prepareStatement(
                     "INSERT INTO received_custody (actor, seq, entry, signature) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
            lock();
            insert.setString(1, bag.id());
            insert.setString(2, bag.documenter());
            insert.setLong(3, bag.headSeq());
            insert.setString(4, bag.headSha256());
            insert.setString(5, bag.bagSha256());
            insert.setString(6, bag.importedAt().toString());
            insert.executeUpdate();
            for (Entry.Signed signed : documenterLog) {
                entry.setString(1, signed.entry().actor());
                entry.setLong(2, signed.entry().seq());
                entry.setBytes(3, signed.entry().canonical());
                entry.setBytes(4, signed.signature());
                entry.addBatch();
            }
            entry.executeBatch();
        } catch (SQLException e) {
            throw Vault.failed(Messages.of("vault.op.note-import", bag.id()), e);
        }
    }

    /** Keeps a time-stamp token that {@code actor}'s {@code timestamped} entry {@code seq} logged (kept if already there). */
    public void storeToken(String actor, long seq, String id, byte[] token) {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO timestamps (actor, seq, id, token) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
            lock();
            insert.setString(1, actor);
            insert.setLong(2, seq);
            insert.setString(3, id);
            insert.setBytes(4, token);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw Vault.failed(Messages.of("vault.op.store-timestamp", id), e);
        }
    }

    /** Keeps (or replaces, when renewed) the evidence record of the entry at {@code seq} of {@code actor}'s log. */
    public void storeEvidenceRecord(String actor, long seq, String entrySha256, byte[] record) {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO evidence_records (actor, seq, entry_sha256, record) VALUES (?, ?, ?, ?)"
                        + " ON CONFLICT (actor, seq) DO UPDATE SET entry_sha256 = excluded.entry_sha256,"
                        + " record = excluded.record")) {
            lock();
            insert.setString(1, actor);
            insert.setLong(2, seq);
            insert.setString(3, entrySha256);
            insert.setBytes(4, record);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw Vault.failed(Messages.of("vault.op.store-evidence-record", actor, seq), e);
        }
    }

    /** Stores a new case: its id, time and sealed {@code gawah.case/1} document. */
    public void insertCase(String caseId, Instant createdAt, byte[] sealed) {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO cases (id, created_at, sealed, sealed_sha256) VALUES (?, ?, ?, ?)")) {
            lock();
            insert.setString(1, caseId);
            insert.setString(2, createdAt.toString());
            insert.setBytes(3, sealed);
            insert.setString(4, Digests.sha256(sealed));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw Vault.failed(Messages.of("vault.op.store-case", caseId), e);
        }
    }

    /**
     * Adds a record to a case (kept if already there) and stores a sealed analysis of it, which
     * from now on is the record's latest.
     */
    public void insertAnalysis(String analysisId, String caseId, String recordId, Instant madeAt, byte[] sealed) {
        try (PreparedStatement member = connection.prepareStatement(
                "INSERT INTO case_records (case_id, record_id, position)"
                        + " SELECT ?, ?, coalesce(max(position), 0) + 1 FROM case_records WHERE case_id = ?"
                        + " ON CONFLICT DO NOTHING");
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO analyses (id, case_id, record_id, made_at, sealed, sealed_sha256)"
                             + " VALUES (?, ?, ?, ?, ?, ?)")) {
            lock();
            member.setString(1, caseId);
            member.setString(2, recordId);
            member.setString(3, caseId);
            member.executeUpdate();
            insert.setString(1, analysisId);
            insert.setString(2, caseId);
            insert.setString(3, recordId);
            insert.setString(4, madeAt.toString());
            insert.setBytes(5, sealed);
            insert.setString(6, Digests.sha256(sealed));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw Vault.failed(Messages.of("vault.op.add-to-case", recordId, caseId), e);
        }
    }

    /** Makes everything written so far durable, at once. */
    public void commit() {
        try {
            connection.commit();
            finished = true;
            if (precededWritten) {
                vault.precedeNextEntry(List.of());
            }
        } catch (SQLException e) {
            throw Vault.failed(Messages.of("vault.op.commit"), e);
        }
    }

    /** Without a commit: rolls everything back. */
    @Override
    public void close() {
        try {
            if (open != null) {
                open.abandon();
            }
            if (!finished) {
                connection.rollback();
            }
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            throw Vault.failed(Messages.of("vault.op.roll-back"), e);
        }
    }
}
