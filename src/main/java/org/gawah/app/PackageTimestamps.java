package org.gawah.app;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

import org.gawah.Digests;
import org.gawah.GawahException;
import org.gawah.custody.Action;
import org.gawah.custody.Entry;
import org.gawah.export.EvidencePackage;
import org.gawah.tsp.ImprintHash;
import org.gawah.tsp.TimeStamp;
import org.gawah.tsp.TimeStampQuery;
import org.gawah.tsp.TsaCertificate;
import org.gawah.vault.SignedVault;

/**
 * Which time-stamp tokens an evidence package carries (docs/format/evidence-package.md,
 * "Time-stamp tokens"): for each sealed source the package proves, the earliest SHA-256 token of
 * its maker's log over an entry at or after the one that made it, checked here against the TSAs
 * pinned in this home; the {@code timestamped} entry that logged it goes with it. Entries and
 * tokens come from the signed logs: a token row its entry does not vouch for stops the export.
 * A token that does not check against the TSAs pinned here is left out (the item then has no
 * proven time), never sent.
 */
final class PackageTimestamps {
    private final SignedVault vault;
    private final List<TsaCertificate> pinned;
    private final Instant now = Instant.now();
    private final Map<String, byte[]> tokens = new TreeMap<>();
    private final Map<String, EvidencePackage.TimeProof> proofs = new HashMap<>();
    private final Map<String, String> anchors = new TreeMap<>();
    private final Map<String, String> records = new HashMap<>();

    /** A token that checked, with the entry that logged it. */
    private record Usable(Entry.Signed entry, byte[] token, Instant time) {
    }

    PackageTimestamps(SignedVault vault, List<TsaCertificate> pinned) {
        this.vault = vault;
        this.pinned = pinned;
    }

    /** Stored evidence records, by actor and entry, each held to its signed entry, read once. */
    private Map<String, SignedVault.LoggedEvidence> evidence;

    /**
     * The evidence record of each source {@code made} picks in {@code actor}'s log, where the vault
     * holds one that checks here against the entry's SHA-256 and the TSAs pinned here: it goes
     * beside the entry as {@code SEQ.ers} (docs/format/evidence-record.md). One that does not check
     * is left out, never sent.
     */
    void evidenceRecords(String actor, List<Entry.Signed> log, Predicate<Entry> made) {
        if (evidence == null) {
            evidence = new HashMap<>();
            vault.evidenceRecords().forEach(r -> evidence.put(r.actor() + " " + r.entry().seq(), r));
        }
        for (Entry.Signed signed : log) {
            Entry source = signed.entry();
            SignedVault.LoggedEvidence stored = evidence.get(actor + " " + source.seq());
            if (!made.test(source) || stored == null || !stored.entry().equals(source)) {
                continue;
            }
            try {
                org.gawah.tsp.EvidenceRecord record = org.gawah.tsp.EvidenceRecord.parse(stored.record());
                byte[] object = java.util.HexFormat.of().parseHex(Digests.sha256(source.canonical()));
                record.check(object, pinned, now);
                for (org.gawah.tsp.TimeStamp stamp : record.timestamps()) {
                    for (TsaCertificate anchor : pinned) {
                        try {
                            stamp.checkSigner(List.of(anchor), now);
                            anchors.put(anchor.fingerprint(), anchor.pem());
                        } catch (GawahException notThis) {
                            // This token chains to another pin.
                        }
                    }
                }
                tokens.put(EvidencePackage.evidenceFile(source), record.encoded());
                records.put(EvidencePackage.Timestamps.key(actor, source.subject()), EvidencePackage.evidenceFile(source));
            } catch (GawahException e) {
                // Not proof here: not carried.
            }
        }
    }

    /** The {@code timestamped} entries to carry for {@code actor}'s log, whose sources {@code made} picks. */
    List<Entry.Signed> select(String actor, List<Entry.Signed> log, Predicate<Entry> made) {
        List<Usable> usable = usable(actor, log);
        Map<Long, Entry.Signed> carried = new LinkedHashMap<>();
        for (Entry.Signed signed : log) {
            Entry source = signed.entry();
            if (!made.test(source)) {
                continue;
            }
            usable.stream().filter(u -> u.entry().entry().seq() > source.seq())
                    .min(java.util.Comparator.comparing(Usable::time)).ifPresent(u -> {
                        Entry logged = u.entry().entry();
                        String file = EvidencePackage.tokenFile(actor, logged.subject());
                        proofs.put(EvidencePackage.Timestamps.key(actor, source.subject()), new EvidencePackage.TimeProof(u.time(), file));
                        tokens.put(file, u.token());
                        carried.put(logged.seq(), u.entry());
                    });
        }
        return new ArrayList<>(carried.values());
    }

    private List<Usable> usable(String actor, List<Entry.Signed> log) {
        // Each token as its signed entry vouches for it: a row the log does not back stops the export.
        Map<String, byte[]> stored = vault.tokens(actor);
        List<Usable> usable = new ArrayList<>();
        for (int i = 1; i < log.size(); i++) {
            Entry entry = log.get(i).entry();
            // On a team vault's log, only the tokens this analyst logged: they travel in its folder.
            if (entry.action() != Action.TIMESTAMPED || !entry.actor().equals(actor)) {
                continue;
            }
            byte[] token = stored.get(entry.subject());
            byte[] covered = log.get(i - 1).entry().canonical();
            try {
                TimeStamp stamp = TimeStamp.parse(token);
                if (stamp.hash().orElse(null) != ImprintHash.SHA256) {
                    continue; // a clerk checks it against chain-sha256.txt, which holds SHA-256 only
                }
                stamp.check(covered, TimeStampQuery.nonceOf(entry.subject()), pinned, now);
                for (TsaCertificate anchor : pinned) {
                    if (vouches(stamp, covered, entry.subject(), anchor)) {
                        anchors.put(anchor.fingerprint(), anchor.pem());
                    }
                }
                usable.add(new Usable(log.get(i), token, stamp.time()));
            } catch (GawahException e) {
                // Not proof here: not carried.
            }
        }
        return usable;
    }

    private boolean vouches(TimeStamp stamp, byte[] covered, String id, TsaCertificate anchor) {
        try {
            stamp.check(covered, TimeStampQuery.nonceOf(id), List.of(anchor), now);
            return true;
        } catch (GawahException e) {
            return false;
        }
    }

    EvidencePackage.Timestamps done() {
        return new EvidencePackage.Timestamps(tokens, proofs, anchors, records);
    }
}
