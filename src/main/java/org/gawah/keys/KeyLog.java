package org.gawah.keys;

import java.util.ArrayList;
import java.util.List;

import org.gawah.Digests;
import org.gawah.Failure;
import org.gawah.GawahException;
import org.gawah.Message;
import org.gawah.custody.Action;
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
     * Null when the own key is the actor of the log's first entry (or the log is empty), else the
     * refusal naming the key file: every entry of a vault's log is signed by its own key, so another
     * actor there means the key file was swapped.
     */
    static GawahException swapped(KeyLogRows rows, Certificate own, java.nio.file.Path ownFile) {
        if (rows.rows().isEmpty() || rows.rows().get(0).seq() != 1) {
            return null;
        }
        Entry first;
        try {
            first = Entry.parse(rows.rows().get(0).entry());
        } catch (CustodyException e) {
            return null; // named as a damaged entry by read()
        }
        if (first.actor().equals(own.fingerprint())) {
            return null;
        }
        return new GawahException(Failure.BAD_DATA, Messages.of("keys.own.not-the-actor", ownFile, first.actor()),
                Messages.of("keys.own.not-the-actor.hint"));
    }

    /** The key entries (key_imported and tsa_pinned), oldest first; throws, naming the entry, at the first that fails. */
    static List<KeyEntry> read(KeyLogRows rows, Certificate own) {
        if (rows.count() > 0 && (rows.lowestSeq() != 1 || rows.highestSeq() != rows.count())) {
            throw new GawahException(Failure.BAD_DATA,
                    Messages.of("keys.log.gap", rows.lowestSeq(), rows.highestSeq(), rows.count()),
                    Messages.of("keys.log.hint"));
        }
        List<KeyEntry> entries = new ArrayList<>();
        for (KeyLogRows.Row row : rows.rows()) {
            Entry entry = checked(row, own);
            if (entry.action() == Action.KEY_IMPORTED || entry.action() == Action.TSA_PINNED) {
                KeyEntry.of(entry).ifPresent(entries::add);
            }
        }
        return entries;
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
