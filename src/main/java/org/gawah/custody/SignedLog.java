package org.gawah.custody;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gawah.Message;
import org.gawah.openpgp.Certificate;

/**
 * One custody log as a command reads it: walked whole by {@link ChainCheck} (each entry's place,
 * link and actor, and the signature of the last entry, which vouches for all before it; or every
 * signature, for {@code verify --vault}), then looked up by subject. Commands decide from these
 * entries, never from the vault's unsigned tables, which are only caches of them.
 */
public final class SignedLog {
    private final List<Entry.Signed> entries;
    private final Map<String, List<Integer>> bySubject;
    private final Map<String, Integer> bySha256;
    private final String headSha256;

    private SignedLog(List<Entry.Signed> entries, Map<String, List<Integer>> bySubject, Map<String, Integer> bySha256,
                      String headSha256) {
        this.entries = entries;
        this.bySubject = bySubject;
        this.bySha256 = bySha256;
        this.headSha256 = headSha256;
    }

    /** Reads a log row by row, in sequence order; {@link Reader#finish()} gives the checked log. */
    public static Reader reading(Message where, List<Certificate> actors, boolean everySignature) {
        return new Reader(everySignature ? new ChainCheck(where, actors) : ChainCheck.headOnly(where, actors));
    }

    /** Reads a vault's own log, whose signers are the keys its entries admit ({@link Admissions}). */
    public static Reader readingVault(Message where, Admissions admissions, boolean everySignature) {
        return new Reader(ChainCheck.vaultLog(where, admissions, everySignature));
    }

    /** Collects the rows of one log while its chain is checked. */
    public static final class Reader {
        private final ChainCheck chain;
        private final List<Entry.Signed> entries = new ArrayList<>();
        private final Map<String, List<Integer>> bySubject = new HashMap<>();
        private final Map<String, Integer> bySha256 = new HashMap<>();

        private Reader(ChainCheck chain) {
            this.chain = chain;
        }

        /** The entry stored at position {@code row} (1, 2, ...), as stored: its canonical bytes and signature. */
        public void add(long row, byte[] bytes, byte[] signature) {
            Entry entry = chain.add(row, bytes, signature);
            int index = entries.size();
            entries.add(new Entry.Signed(entry, signature));
            List<Integer> about = bySubject.get(entry.subject());
            if (about == null) {
                about = new ArrayList<>(2);
                bySubject.put(entry.subject(), about);
            }
            about.add(index);
            bySha256.put(chain.headSha256(), index);
        }

        public SignedLog finish() {
            chain.finish();
            return new SignedLog(List.copyOf(entries), bySubject, bySha256, chain.headSha256());
        }
    }

    /** Every entry, oldest first, each with its signature. */
    public List<Entry.Signed> entries() {
        return entries;
    }

    public int size() {
        return entries.size();
    }

    /** SHA-256 of the last entry's canonical bytes ({@link Entry#GENESIS} for an empty log). */
    public String headSha256() {
        return headSha256;
    }

    /** The last entry, if any. */
    public Optional<Entry> head() {
        return entries.isEmpty() ? Optional.empty() : Optional.of(entries.get(entries.size() - 1).entry());
    }

    /** The entries about {@code subject}, oldest first. */
    public List<Entry> about(String subject) {
        List<Entry> found = new ArrayList<>();
        for (int index : bySubject.getOrDefault(subject, List.of())) {
            found.add(entries.get(index).entry());
        }
        return found;
    }

    /** The latest entry about {@code subject} with one of {@code actions}. */
    public Optional<Entry> last(String subject, Action... actions) {
        List<Integer> indexes = bySubject.getOrDefault(subject, List.of());
        for (int i = indexes.size() - 1; i >= 0; i--) {
            Entry entry = entries.get(indexes.get(i)).entry();
            for (Action action : actions) {
                if (entry.action() == action) {
                    return Optional.of(entry);
                }
            }
        }
        return Optional.empty();
    }

    /** The latest entry that put {@code subject} into the vault ({@link Subjects#stores}), with the digest it logged. */
    public Optional<Entry> stored(String subject) {
        List<Integer> indexes = bySubject.getOrDefault(subject, List.of());
        for (int i = indexes.size() - 1; i >= 0; i--) {
            Entry entry = entries.get(indexes.get(i)).entry();
            if (Subjects.stores(entry)) {
                return Optional.of(entry);
            }
        }
        return Optional.empty();
    }

    /** The entry whose canonical bytes hash to {@code sha256}, if it is in this log. */
    public Optional<Entry> withSha256(String sha256) {
        Integer index = bySha256.get(sha256);
        return index == null ? Optional.empty() : Optional.of(entries.get(index).entry());
    }

    /** The entry at {@code seq}, with its signature. */
    public Entry.Signed at(long seq) {
        return entries.get((int) seq - 1);
    }

    /**
     * The attachments of the record whose testimony {@code sealed} logs, in order: a record's
     * entries are written together, {@code sealed} (testimony), {@code sealed} (its identity
     * envelope, if any), then one {@code attached} per attachment (docs/format/custody-log.md).
     */
    public List<Entry> attachedWith(Entry sealed) {
        List<Entry> attached = new ArrayList<>();
        int i = (int) sealed.seq();
        if (i < entries.size() && entries.get(i).entry().subject().equals(sealed.subject() + "/identity")) {
            i++;
        }
        for (; i < entries.size(); i++) {
            Entry next = entries.get(i).entry();
            if (next.action() != Action.ATTACHED || !next.actor().equals(sealed.actor())
                    || !next.time().equals(sealed.time())) {
                break;
            }
            attached.add(next);
        }
        return attached;
    }
}
