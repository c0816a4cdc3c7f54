package org.gawah.tsp;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gawah.Digests;
import org.gawah.Failure;
import org.gawah.GawahException;
import org.gawah.Message;
import org.gawah.custody.Action;
import org.gawah.custody.Entry;
import org.gawah.testimony.RecordId;

/**
 * The time-stamp tokens of one custody log (docs/format/custody-log.md, "timestamped"): each
 * {@code timestamped} entry names a token by its id and SHA-256, and that token must cover the
 * canonical bytes of the entry just before it, carry the nonce its id fixes, be signed by a TSA
 * this home pinned, and not be dated before a token the log already holds (beyond the clock
 * tolerance). The entries were checked as a chain before; this checks what they say of tokens.
 */
public final class LogTimestamps {
    /** What one token proves: entry {@code covered} of the log, and all before it, existed at {@code time}. */
    public record Proof(long seq, String id, long covered, Instant time, String tsa, byte[] token) {
    }

    private LogTimestamps() {
    }

    /**
     * Checks every token {@code log} names. {@code tokens} maps ids to token bytes; a token the
     * log does not name is refused too. {@code where} names the log in messages.
     */
    public static List<Proof> check(List<Entry> log, Map<String, byte[]> tokens, List<TsaCertificate> pinned,
                                    Instant now, Message where) {
        List<Proof> proofs = new ArrayList<>();
        for (String id : tokens.keySet()) {
            if (log.stream().noneMatch(e -> e.action() == Action.TIMESTAMPED && e.subject().equals(id))) {
                throw refused(where, Messages.of("timestamps.not-logged", id));
            }
        }
        Instant latest = null;
        for (int i = 0; i < log.size(); i++) {
            Entry entry = log.get(i);
            if (entry.action() != Action.TIMESTAMPED) {
                continue;
            }
            String id = entry.subject();
            if (!RecordId.isValid("GWT", id) || i == 0) {
                throw refused(where, Messages.of("timestamps.entry-malformed", entry.seq()));
            }
            byte[] token = tokens.get(id);
            if (token == null) {
                throw refused(where, Messages.of("timestamps.missing", id, entry.seq()));
            }
            if (!Digests.sha256(token).equals(entry.subjectSha256())) {
                throw refused(where, Messages.of("timestamps.swapped", id, entry.seq()));
            }
            Entry covered = log.get(i - 1);
            TimeStamp stamp;
            TsaCertificate tsa;
            try {
                stamp = TimeStamp.parse(token);
                tsa = stamp.check(covered.canonical(), TimeStampQuery.nonceOf(id), pinned, now);
            } catch (GawahException e) {
                throw new GawahException(e.failure(), Messages.of("timestamps.token-refused", id, where, e.message()),
                        e.hintMessage() != null ? e.hintMessage() : Messages.of("timestamps.refused.hint"));
            }
            if (latest != null && stamp.time().isBefore(latest.minus(TimeStamp.CLOCK_TOLERANCE))) {
                throw refused(where, Messages.of("timestamps.before-earlier", id, stamp.time(), latest));
            }
            latest = latest == null || stamp.time().isAfter(latest) ? stamp.time() : latest;
            proofs.add(new Proof(entry.seq(), id, covered.seq(), stamp.time(), tsa.subject(), token));
        }
        return proofs;
    }

    /** The earliest time a token proves for entry {@code seq}: the first token over it or a later entry. */
    public static Optional<Proof> earliest(List<Proof> proofs, long seq) {
        return proofs.stream().filter(p -> p.covered() >= seq).min(java.util.Comparator.comparing(Proof::time));
    }

    private static GawahException refused(Message where, Message problem) {
        return new GawahException(Failure.BAD_DATA, Messages.of("timestamps.refused", where, problem),
                Messages.of("timestamps.refused.hint"));
    }
}
