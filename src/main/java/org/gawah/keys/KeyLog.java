package org.gawah.keys;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.gawah.Digests;
import org.gawah.Failure;
import org.gawah.GawahException;
import org.gawah.Message;
import org.gawah.custody.Action;
import org.gawah.custody.Admissions;
import org.gawah.custody.CustodyException;
import org.gawah.custody.Entry;
import org.gawah.openpgp.Certificate;
import org.gawah.openpgp.DetachedSignature;
import org.gawah.vault.KeyLogRows;

/**
 * The custody entries a home's keyring rests on, each checked before it is believed: the log
 * numbered from 1 without a gap, its first entry and every {@code key_imported} and
 * {@code tsa_pinned} entry well
 * formed, in its place, signed by this home's own key at the time it names, and linked to the
 * entry before it. Reading the whole chain is {@code verify --vault}'s work (seconds for a large
 * vault); this is what every command can afford, and it leaves a forged, moved or copied key
 * entry, a swapped own key and a deletion in the middle of the log nowhere to hide.
 */
final class KeyLog {
    private KeyLog() {
    }

    /**
     * The keys the log admits (docs/format/custody-log.md, "Analysts"): its first entry's actor,
     * and each key an {@code analyst_added} entry names whose own actor was admitted before it,
     * each of those entries checked here as a key entry is (well formed, in its place, linked to
     * the entry before it, signed at its time by its actor, with the certificate the vault keeps
     * as the log logged it, or this home's own). Throws, naming the entry, at the first that fails.
     */
    static Set<String> admitted(KeyLogRows rows, Certificate own, Admissions.Kept kept) {
        Set<String> admitted = new HashSet<>();
        if (rows.rows().isEmpty() || rows.rows().get(0).seq() != 1) {
            return admitted;
        }
        List<Entry> analysts = new ArrayList<>();
        Map<String, String> latest = new HashMap<>();
        for (KeyLogRows.Row row : rows.rows()) {
            Entry entry = parsed(row);
            if (row.seq() == 1) {
                admitted.add(entry.actor());
            }
            if (entry.action() == Action.ANALYST_ADDED) {
                analysts.add(entry);
                latest.put(entry.subject(), entry.subjectSha256());
            }
        }
        for (KeyLogRows.Row row : rows.rows()) {
            Entry entry = parsed(row);
            if (entry.action() != Action.ANALYST_ADDED) {
                continue;
            }
            if (!admitted.contains(entry.actor())) {
                throw broken(row.seq(), Messages.of("keys.log.not-admitted", entry.actor()));
            }
            Certificate signer = entry.actor().equals(own.fingerprint()) ? own
                    : Optional.ofNullable(latest.get(entry.actor())).flatMap(kept::bySha256)
                            .filter(c -> c.fingerprint().equals(entry.actor()))
                            .orElseThrow(() -> broken(row.seq(), Messages.of("keys.log.certificate-not-kept", entry.actor())));
            checked(row, signer);
            if (Admissions.admitsKey(entry.subject())) {
                admitted.add(entry.subject());
            }
        }
        return admitted;
    }

    /**
     * Null when the own key is one the log admits (or the log is empty), else the refusal naming
     * the key file: a key the log does not admit was swapped in, or is a new analyst's whom no
     * one admitted yet.
     */
    static GawahException swapped(KeyLogRows rows, Set<String> admitted, Certificate own, java.nio.file.Path ownFile) {
        if (rows.rows().isEmpty() || rows.rows().get(0).seq() != 1 || admitted.contains(own.fingerprint())) {
            return null;
        }
        Entry first;
        try {
            first = Entry.parse(rows.rows().get(0).entry());
        } catch (CustodyException e) {
            return null; // named as a damaged entry by read()
        }
        return new GawahException(Failure.BAD_DATA, Messages.of("keys.own.not-the-actor", ownFile, first.actor()),
                Messages.of("keys.own.not-the-actor.hint"));
    }

    /**
     * This home's key entries (key_imported and tsa_pinned), oldest first; throws, naming the
     * entry, at the first that fails. On a team vault the other analysts' key entries bind their
     * own homes' keyrings, not this one: they are left to the walk of the whole chain.
     */
    static List<KeyEntry> read(KeyLogRows rows, Set<String> admitted, Certificate own) {
        if (rows.count() > 0 && (rows.lowestSeq() != 1 || rows.highestSeq() != rows.count())) {
            throw new GawahException(Failure.BAD_DATA,
                    Messages.of("keys.log.gap", rows.lowestSeq(), rows.highestSeq(), rows.count()),
                    Messages.of("keys.log.hint"));
        }
        List<KeyEntry> entries = new ArrayList<>();
        for (KeyLogRows.Row row : rows.rows()) {
            Entry entry = parsed(row);
            if (!entry.actor().equals(own.fingerprint()) && admitted.contains(entry.actor())) {
                continue;
            }
            checked(row, own);
            if (entry.action() == Action.KEY_IMPORTED || entry.action() == Action.TSA_PINNED) {
                KeyEntry.of(entry).ifPresent(entries::add);
            }
        }
        return entries;
    }

    private static Entry parsed(KeyLogRows.Row row) {
        try {
            return Entry.parse(row.entry());
        } catch (CustodyException e) {
            throw broken(row.seq(), Messages.of("keys.log.malformed", e.problem()));
        }
    }

    private static Entry checked(KeyLogRows.Row row, Certificate own) {
        Entry entry;
        try {
            entry = Entry.parse(row.entry());
        } catch (CustodyException e) {
            throw broken(row.seq(), Messages.of("keys.log.malformed", e.problem()));
        }
        if (entry.seq() != row.seq()) {
            throw broken(row.seq(), Messages.of("keys.log.renumbered", entry.seq()));
        }
        if (!entry.actor().equals(own.fingerprint())) {
            throw broken(row.seq(), Messages.of("keys.log.other-actor", entry.actor(), own.fingerprint()));
        }
        DetachedSignature.Verified verified;
        try {
            verified = DetachedSignature.verify(row.signature(), row.entry(), List.of(own));
        } catch (GawahException e) {
            throw broken(row.seq(), Messages.of("keys.log.bad-signature", e.message()));
        }
        if (!verified.signedAt().equals(entry.time())) {
            throw broken(row.seq(), Messages.of("keys.log.bad-signature", Messages.of("keys.log.signed-at-other-time")));
        }
        String previous = row.seq() == 1 ? Entry.GENESIS : row.previous() == null ? null : Digests.sha256(row.previous());
        if (!entry.prevSha256().equals(previous)) {
            throw broken(row.seq(), Messages.of("keys.log.unlinked"));
        }
        return entry;
    }

    private static GawahException broken(long seq, Message why) {
        return new GawahException(Failure.BAD_DATA, Messages.of("keys.log.entry", seq, why), Messages.of("keys.log.hint"));
    }
}
