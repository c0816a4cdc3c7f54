package org.gawah.app;

import java.util.List;
import java.util.Optional;

import org.gawah.GawahException;
import org.gawah.Message;
import org.gawah.bag.Submission;
import org.gawah.custody.Entry;
import org.gawah.tsp.LogTimestamps;

/**
 * What this home makes of a submission bag before anything is stored, as data: the bag as checked
 * (signature, manifests, its custody log, its records: {@link Submission.Verified}), whether its
 * signer is pinned here, its time-stamp tokens, and what this vault would do with it and with each
 * of its records. {@code gawah verify} prints it, {@code gawah import} acts on it, and the window's
 * import page shows it before the Import button.
 *
 * @param untrusted      the refusal of a signer not pinned here (the bag was then checked with the
 *                       certificate it carries, to say what else holds), or null
 * @param importedBefore the {@code imported} entry of these very bytes, when they were imported before
 * @param refusedHere    why this vault refuses the bag (a replay, a fork, another file under its id), or null
 * @param records        each record of the bag and what import would do with it, in the bag's order
 */
public record SubmissionReport(Submission.Verified bag, Signer signer, GawahException untrusted,
                               List<LogTimestamps.Proof> timestamps, Optional<Entry> importedBefore,
                               GawahException refusedHere, List<Planned> records) {
    /** Whose key signed the bag, as this home knows it. */
    public enum Signer {
        /** A documenter pinned here. */
        PINNED,
        /** This home's own key: a documenter checking the bag it made (gawah verify only). */
        OWN,
        /** Nobody pinned here: checked with the certificate the bag carries, trusted for nothing. */
        NOT_PINNED
    }

    /** What import would do with one record, given what the vault holds. */
    public enum Fate {
        /** Not here yet: stored. */
        NEW,
        /** The same sealed record is here from another documenter: this documenter's log claims it too. */
        CLAIM,
        /** Already here from this documenter. */
        HERE,
        /** Left out, the rest of the bag coming in: see {@link Planned#why}. */
        SKIPPED,
        /** Contradicts a record this documenter brought before: the whole bag is refused. */
        CONFLICT,
        /** Not judged: the bag's signer is not trusted here, or there is no vault. */
        NOT_JUDGED
    }

    /** One record of the bag, and its fate here; {@code why} says why it is skipped or refused, else null. */
    public record Planned(Submission.RecordMeta meta, Fate fate, Message why) {
    }

    public SubmissionReport {
        timestamps = List.copyOf(timestamps);
        records = List.copyOf(records);
    }

    /** How many of the records carry an identity envelope. */
    public long identities() {
        return bag.records().stream().filter(r -> r.identityFile() != null).count();
    }

    /**
     * What stops import, in the order import says it: the signer not pinned, the vault's refusal,
     * a record that contradicts one of this documenter's; null when nothing does.
     */
    public GawahException refusal() {
        if (untrusted != null) {
            return untrusted;
        }
        if (refusedHere != null) {
            return refusedHere;
        }
        return records.stream().filter(r -> r.fate() == Fate.CONFLICT).findFirst()
                .map(r -> SubmissionCheck.conflict(r.why())).orElse(null);
    }

    /** Whether import would store anything: nothing refuses it and these bytes were not imported before. */
    public boolean importable() {
        return refusal() == null && importedBefore.isEmpty();
    }

    /** How many records import would store as new. */
    public long newRecords() {
        return records.stream().filter(r -> r.fate() == Fate.NEW).count();
    }
}
