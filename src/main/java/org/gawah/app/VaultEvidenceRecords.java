package org.gawah.app;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gawah.Digests;
import org.gawah.Failure;
import org.gawah.GawahException;
import org.gawah.custody.Action;
import org.gawah.custody.Entry;
import org.gawah.tsp.EvidenceRecord;
import org.gawah.tsp.TimeStamp;
import org.gawah.tsp.TimeStampQuery;
import org.gawah.tsp.TsaCertificate;
import org.gawah.vault.SignedVault;

/**
 * The evidence records of a vault (docs/format/evidence-record.md), held to the signed logs: each
 * row's data object is a {@code sealed} or {@code attached} entry of this home's log or of a
 * documenter's log received in bags, with the digest the row names; each record checks against
 * that entry's SHA-256 and the TSAs pinned here; each of its tokens is logged, with its SHA-256
 * and the nonce its id fixes, by an {@code archive_timestamped} entry of this home's own log; and
 * every such entry's token is in some record. {@code timestamp --renew} and {@code verify
 * --vault} ask the same. Everything is read through {@link SignedVault}: the logs as their
 * signatures vouch for them, the table's rows held to the entries they name.
 */
public final class VaultEvidenceRecords {
    /** A data object: the entry that made an item, in the log of {@code actor}. */
    public record DataObject(String actor, Entry entry) {
        public String key() {
            return actor + " " + entry.seq();
        }
    }

    /** A stored record that checked, for its object. */
    public record Checked(DataObject object, EvidenceRecord record, EvidenceRecord.Proof proof) {
    }

    /** How long before its newest certificate ends a chain of archive timestamps is renewed. */
    public static final java.time.Duration RENEW_BEFORE = java.time.Duration.ofDays(365);

    private VaultEvidenceRecords() {
    }

    /**
     * Every entry that made an item this vault holds, from the signed logs: this home's own, then
     * each documenter's received in bags (checked by that documenter's pinned key).
     */
    public static Map<String, DataObject> objects(SignedVault signed, String own) {
        Map<String, DataObject> objects = new LinkedHashMap<>();
        signed.log().entries().forEach(e -> add(objects, own, e.entry()));
        signed.received().forEach((documenter, log) -> log.entries().forEach(e -> add(objects, documenter, e.entry())));
        return objects;
    }

    private static void add(Map<String, DataObject> objects, String actor, Entry entry) {
        if (entry.action() == Action.SEALED || entry.action() == Action.ATTACHED) {
            DataObject object = new DataObject(actor, entry);
            objects.put(object.key(), object);
        }
    }

    /** Every stored record, checked as above; the first that does not check fails, naming it. */
    public static List<Checked> check(SignedVault signed, Map<String, DataObject> objects, List<TsaCertificate> pinned,
                               Instant now) {
        Map<String, Entry> logged = new HashMap<>();
        for (Entry.Signed signedEntry : signed.log().entries()) {
            if (signedEntry.entry().action() == Action.ARCHIVE_TIMESTAMPED) {
                logged.put(signedEntry.entry().subjectSha256(), signedEntry.entry());
            }
        }
        List<Checked> checked = new ArrayList<>();
        Map<String, Boolean> found = new HashMap<>();
        // Each row is held to the signed entry it names before its bytes are read.
        for (SignedVault.LoggedEvidence row : signed.evidenceRecords()) {
            DataObject object = objects.get(row.actor() + " " + row.entry().seq());
            String entrySha256 = Digests.sha256(row.entry().canonical());
            try {
                if (object == null || !Digests.sha256(object.entry().canonical()).equals(entrySha256)) {
                    throw new GawahException(Failure.BAD_DATA, Messages.of("ers.vault.no-object"));
                }
                EvidenceRecord record = EvidenceRecord.parse(row.record());
                EvidenceRecord.Proof proof = record.check(HexFormat.of().parseHex(entrySha256), pinned, now);
                for (TimeStamp stamp : record.timestamps()) {
                    String sha256 = Digests.sha256(stamp.encoded());
                    Entry entry = logged.get(sha256);
                    if (entry == null) {
                        throw new GawahException(Failure.BAD_DATA, Messages.of("ers.vault.unlogged", sha256));
                    }
                    if (!TimeStampQuery.nonceOf(entry.subject()).equals(stamp.nonce())) {
                        throw new GawahException(Failure.BAD_DATA, Messages.of("ers.vault.nonce", entry.subject(), entry.seq()));
                    }
                    found.put(sha256, true);
                }
                checked.add(new Checked(object, record, proof));
            } catch (GawahException e) {
                throw new GawahException(e.failure(), Messages.of("ers.vault.refused", row.entry().seq(), row.actor(), e.message()),
                        Messages.of("ers.vault.refused.hint"));
            }
        }
        for (Entry entry : logged.values()) {
            if (!found.containsKey(entry.subjectSha256())) {
                throw new GawahException(Failure.BAD_DATA, Messages.of("ers.vault.missing", entry.subject(), entry.seq()),
                        Messages.of("ers.vault.refused.hint"));
            }
        }
        return checked;
    }
}
