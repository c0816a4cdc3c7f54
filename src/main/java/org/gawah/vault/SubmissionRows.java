package org.gawah.vault;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.gawah.Failure;
import org.gawah.GawahException;
import org.gawah.Message;
import org.gawah.custody.Action;
import org.gawah.custody.Entry;
import org.gawah.custody.Subjects;

/**
 * The documenter's tables of submissions, held to the signed log ({@code verify --vault}). No
 * command decides from them (submit --since reads the {@code submitted} entries), so they are
 * caches: each {@code submitted} entry must have its row, with the entry's number and time, and
 * no row may stand without its entry. A bag holds every record stored before its entry, or, with
 * {@code --since}, those stored after the bag before it: its list of records must be one of the two.
 */
final class SubmissionRows {
    private SubmissionRows() {
    }

    static void check(Vault vault, SignedVault signed) {
        Map<String, Vault.SubmissionRow> rows = vault.submissionRows();
        Map<String, Set<String>> held = vault.submittedRecords();
        Map<String, Long> storedAt = new java.util.LinkedHashMap<>();
        for (String id : signed.recordIds()) {
            storedAt.put(id, signed.log().stored(id).orElseThrow().seq());
        }
        long previous = 0;
        for (Entry.Signed signedEntry : signed.log().entries()) {
            Entry entry = signedEntry.entry();
            if (entry.action() != Action.SUBMITTED || !Subjects.isBag(entry.subject())) {
                continue;
            }
            String bag = entry.subject();
            Vault.SubmissionRow row = rows.remove(bag);
            if (row == null) {
                throw refused(Messages.of("audit.submission-deleted", bag, entry.seq()));
            }
            Instant madeAt = Vault.instant(row.madeAt(), "made_at", bag);
            if (row.headSeq() != entry.seq() || !madeAt.equals(entry.time())) {
                throw refused(Messages.of("audit.submission-edited", bag, entry.seq()));
            }
            Set<String> whole = storedBetween(storedAt, 0, entry.seq());
            Set<String> since = storedBetween(storedAt, previous, entry.seq());
            Set<String> listed = held.remove(bag);
            if (listed == null || !(listed.equals(whole) || listed.equals(since))) {
                throw refused(Messages.of("audit.submission-records", bag, entry.seq()));
            }
            previous = entry.seq();
        }
        for (String bag : rows.keySet()) {
            throw refused(Messages.of("audit.submission-unlogged", bag));
        }
        for (String bag : held.keySet()) {
            throw refused(Messages.of("audit.submission-unlogged", bag));
        }
    }

    /** The records whose storing entry lies strictly between {@code after} and {@code before}. */
    private static Set<String> storedBetween(Map<String, Long> storedAt, long after, long before) {
        Set<String> found = new TreeSet<>();
        storedAt.forEach((id, seq) -> {
            if (seq > after && seq < before) {
                found.add(id);
            }
        });
        return found;
    }

    private static GawahException refused(Message what) {
        return new GawahException(Failure.BAD_DATA, what, Messages.of("audit.investigate.hint"));
    }
}
