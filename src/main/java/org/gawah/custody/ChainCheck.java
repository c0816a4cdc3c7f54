package org.gawah.custody;

import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.gawah.Digests;
import org.gawah.Failure;
import org.gawah.GawahException;
import org.gawah.Message;
import org.gawah.openpgp.Certificate;
import org.gawah.openpgp.DetachedSignature;

/**
 * Walks a custody log from its first entry, one entry at a time, and stops at the first one that
 * breaks the chain, naming it: a gap (deletion), a sequence number out of place (reorder), bytes
 * that are not what was signed (edit), a signature by an unknown or wrong key (forgery), or a
 * {@code prev_sha256} that does not hash the entry before it.
 *
 * <p>{@link #ChainCheck(Message, List) Every signature} is checked as it comes ({@code verify
 * --vault}, bags); {@link #headOnly} checks each entry's place, link and actor as it comes and the
 * last entry's signature at {@link #finish()}: that signature covers the entry's
 * {@code prev_sha256}, which hashes the entry before it, and so on back to the first, so it
 * vouches for them all as long as nothing is ever appended after an entry whose signature was not
 * checked ({@code VaultWrite.append} checks it). What every command reads, in a few milliseconds
 * where thousands of signatures take seconds.
 *
 * <p>A bag's log and a documenter's log received with it have one actor, given. A vault's own log
 * ({@link #vaultLog}) may be several analysts' (a team vault): its signers are the keys its own
 * entries admit ({@link Admissions}), each checked with the certificate the log vouches for.
 */
public final class ChainCheck {
    private final Map<String, Certificate> keys = new HashMap<>();
    /** A vault's own log: who may sign it is what its entries admit (null: a bag's or a received log, one actor). */
    private final Admissions admissions;
    private final boolean everySignature;
    /** One digest for every entry of the walk (finding the algorithm again per entry shows in a cold JVM). */
    private final MessageDigest sha256 = Digests.sha256Digest();
    /** In {@link #headOnly} mode: the last entry, whose signature {@link #finish()} checks. */
    private byte[] lastBytes;
    private byte[] lastSignature;
    /** A {@link Message}, or a String from a caller not yet moved onto the bundles. */
    private final Message where;
    private final Map<String, String> digests = new HashMap<>();
    private final Map<String, String> importedBags = new HashMap<>();
    private long expected = 1;
    private String previous = Entry.GENESIS;
    private Entry head;

    /** {@code where} names the log in messages ("the vault's custody log", "the bag's custody log"). */
    public ChainCheck(Message where, List<Certificate> actors) {
        this(where, actors, null, true);
    }

    private ChainCheck(Message where, List<Certificate> actors, Admissions admissions, boolean everySignature) {
        this.where = where;
        this.admissions = admissions;
        this.everySignature = everySignature;
        actors.forEach(c -> keys.put(c.fingerprint(), c));
    }

    /** A walk that checks only the last entry's signature, at {@link #finish()} (see the class comment). */
    public static ChainCheck headOnly(Message where, List<Certificate> actors) {
        return new ChainCheck(where, actors, null, false);
    }

    /**
     * A vault's own log, whose signers are the keys its entries admit ({@link Admissions}): every
     * signature checked, or ({@code everySignature} false) the last one only.
     */
    public static ChainCheck vaultLog(Message where, Admissions admissions, boolean everySignature) {
        return new ChainCheck(where, List.of(), admissions, everySignature);
    }

    /**
     * Checks what was deferred: in {@link #headOnly} mode, the last entry's signature; for a vault's
     * log, that every certificate taken from the vault is one its chain logged. Call once, after
     * the last {@link #add}.
     */
    public void finish() {
        if (!everySignature && head != null) {
            checkSignature(head, lastBytes, lastSignature);
        }
        if (admissions != null) {
            admissions.unvouched().ifPresent(problem -> {
                throw broken(problem.getKey(), problem.getValue());
            });
        }
    }

    /** Checks the entry stored at position {@code row} (1, 2, ...) of the log. */
    public Entry add(long row, byte[] bytes, byte[] signature) {
        if (row > expected) {
            throw broken(expected, row - 1 > expected
                    ? Messages.of("custody.chain.entries-missing", expected, row - 1)
                    : Messages.of("custody.chain.entry-missing"));
        }
        if (row < expected) {
            throw broken(row, Messages.of("custody.chain.twice"));
        }
        Entry entry;
        try {
            entry = Entry.parse(bytes);
        } catch (CustodyException e) {
            throw broken(row, Messages.of("custody.chain.malformed", e.problem()));
        }
        if (entry.seq() != row) {
            throw broken(row, Messages.of("custody.chain.renumbered", entry.seq()));
        }
        if (admissions != null) {
            admissions.take(entry).ifPresent(problem -> {
                throw broken(row, problem);
            });
        } else if (!keys.containsKey(entry.actor())) {
            throw broken(row, Messages.of("custody.chain.unknown-actor", entry.actor()));
        }
        if (everySignature) {
            checkSignature(entry, bytes, signature);
        } else {
            lastBytes = bytes;
            lastSignature = signature;
        }
        if (!entry.prevSha256().equals(previous)) {
            throw broken(row, Messages.of("custody.chain.prev-differs"));
        }
        previous = HexFormat.of().formatHex(sha256.digest(bytes));
        expected++;
        head = entry;
        if (Subjects.isBag(entry.subject()) && entry.action() == Action.IMPORTED) {
            importedBags.put(entry.subject(), entry.subjectSha256());
        }
        if (Subjects.stores(entry)) {
            digests.put(entry.subject(), entry.subjectSha256());
        }
        return entry;
    }

    private void checkSignature(Entry entry, byte[] bytes, byte[] signature) {
        Certificate key;
        if (admissions == null) {
            key = keys.get(entry.actor());
        } else {
            try {
                key = admissions.certificate(entry.actor(), entry.seq());
            } catch (Admissions.Refusal refusal) {
                throw broken(entry.seq(), refusal.problem());
            }
        }
        DetachedSignature.Verified verified;
        try {
            verified = DetachedSignature.verify(signature, bytes, List.of(key));
        } catch (GawahException e) {
            throw broken(entry.seq(), Messages.of("custody.chain.bad-signature", e.message()));
        }
        if (!verified.signedAt().equals(entry.time())) {
            throw broken(entry.seq(), Messages.of("custody.chain.signed-at-other-time"));
        }
    }

    /** Checks an exported line (entry with its signature). */
    public Entry add(long row, Entry.Signed signed) {
        return add(row, signed.entry().canonical(), signed.signature());
    }

    /** The last good entry, or null for an empty log. */
    public Entry head() {
        return head;
    }

    /** SHA-256 of the last good entry's bytes ({@link Entry#GENESIS} for an empty log). */
    public String headSha256() {
        return previous;
    }

    public long count() {
        return expected - 1;
    }

    /** What the log says each record, envelope, attachment, case or analysis stored in the vault hashes to. */
    public Map<String, String> digests() {
        return digests;
    }

    /** The bags this log says were imported, with the SHA-256 of each zip file. */
    public Map<String, String> importedBags() {
        return importedBags;
    }

    private GawahException broken(long row, Message problem) {
        return new GawahException(Failure.BAD_DATA, Messages.of("custody.chain.broken", where, row, problem),
                Messages.of("custody.chain.broken.hint"));
    }
}
