package org.gawah.cli;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gawah.Digests;
import org.gawah.Failure;
import org.gawah.GawahException;
import org.gawah.app.Home;
import org.gawah.app.VaultEvidenceRecords;
import org.gawah.custody.Action;
import org.gawah.custody.Entry;
import org.gawah.custody.EntrySigner;
import org.gawah.openpgp.SecretKey;
import org.gawah.testimony.RecordId;
import org.gawah.tsp.ArchiveTimestamp;
import org.gawah.tsp.EvidenceRecord;
import org.gawah.tsp.ImprintHash;
import org.gawah.tsp.TimeStamp;
import org.gawah.tsp.TimeStampQuery;
import org.gawah.tsp.TsaCertificate;
import org.gawah.tsp.TsaConnection;
import org.gawah.tsp.TsaReply;
import org.gawah.vault.SignedVault;
import org.gawah.vault.Vault;
import org.gawah.vault.VaultWrite;

/**
 * {@code gawah timestamp --renew} (docs/format/evidence-record.md): one archive timestamp over
 * every item that has no evidence record yet, and a timestamp renewal of every chain whose newest
 * token's certificate ends within a year, from one TSA. The stored records are checked first;
 * every token is checked as it arrives; the {@code archive_timestamped} entries and the records
 * are written in one transaction, or nothing is.
 */
final class ArchiveRenewal {
    /** A chain is renewed when the certificate of its newest token ends within this. */
    static final Duration RENEW_BEFORE = VaultEvidenceRecords.RENEW_BEFORE;

    private final Terminal terminal;
    private final URI tsa;
    private final List<TsaCertificate> pinned;
    private final Duration timeout;
    /** Tokens asked for, by id: each will be logged by one entry. */
    private final Map<String, byte[]> tokens = new LinkedHashMap<>();
    /** Records to store, by data object. */
    private final Map<String, Pending> pending = new LinkedHashMap<>();

    private record Pending(VaultEvidenceRecords.DataObject object, EvidenceRecord record, EvidenceRecord.Proof proof) {
    }

    private ArchiveRenewal(Terminal terminal, URI tsa, List<TsaCertificate> pinned, Duration timeout) {
        this.terminal = terminal;
        this.tsa = tsa;
        this.pinned = pinned;
        this.timeout = timeout;
    }

    static int run(Terminal terminal, Home home, SecretKey own, PassphraseOptions passphrase, URI tsa,
                   List<TsaCertificate> pinned, Duration timeout, boolean leaveEnded) {
        ArchiveRenewal renewal = new ArchiveRenewal(terminal, tsa, pinned, timeout);
        try (Vault vault = home.vault()) {
            Entry head = TimestampCommand.ownHead(vault, own);
            Instant now = Instant.now();
            SignedVault signed = home.signed(vault);
            Map<String, VaultEvidenceRecords.DataObject> objects = VaultEvidenceRecords.objects(signed, own.fingerprint());
            List<VaultEvidenceRecords.Checked> stored = VaultEvidenceRecords.check(signed, objects, pinned, now);
            List<VaultEvidenceRecords.DataObject> fresh = new ArrayList<>(objects.values());
            stored.forEach(c -> fresh.removeIf(o -> o.key().equals(c.object().key())));
            Map<String, List<VaultEvidenceRecords.Checked>> due = new LinkedHashMap<>();
            Instant next = null;
            for (VaultEvidenceRecords.Checked checked : stored) {
                if (checked.proof().renewBy().isBefore(now.plus(RENEW_BEFORE))) {
                    due.computeIfAbsent(checked.record().chainKey(), k -> new ArrayList<>()).add(checked);
                } else if (next == null || checked.proof().renewBy().isBefore(next)) {
                    next = checked.proof().renewBy();
                }
            }
            leaveEnded(terminal, due, now, leaveEnded);
            if (fresh.isEmpty() && due.isEmpty()) {
                terminal.info(Messages.of("renew.nothing", stored.size(), next == null ? "-" : next.minus(RENEW_BEFORE).toString()));
                return 0;
            }
            // Unlocked before anyone is asked: no token is fetched only to be dropped for a typo.
            EntrySigner signer = new EntrySigner(passphrase.unlockForSigning(terminal, own, Instant.now()));
            if (!fresh.isEmpty()) {
                renewal.cover(fresh);
            }
            for (List<VaultEvidenceRecords.Checked> chain : due.values()) {
                renewal.renew(chain);
            }
            renewal.store(vault, head, signer, own.fingerprint());
        }
        renewal.tokens.keySet().forEach(terminal::line);
        return 0;
    }

    /**
     * A chain whose newest token's certificate has already ended cannot be renewed: a renewal dated
     * after that end proves nothing of that token (RFC 4998, 5.2; the check refuses it as renewed
     * late). Such chains are refused before anything is asked, unless the user chose to leave them
     * as they stand (they still prove their first time: each token is judged at its own time).
     */
    private static void leaveEnded(Terminal terminal, Map<String, List<VaultEvidenceRecords.Checked>> due, Instant now,
                                   boolean leave) {
        for (var chain = due.entrySet().iterator(); chain.hasNext(); ) {
            List<VaultEvidenceRecords.Checked> records = chain.next().getValue();
            VaultEvidenceRecords.Checked first = records.get(0);
            if (first.proof().renewBy().isAfter(now)) {
                continue;
            }
            TsaCertificate signer = first.proof().signers().get(first.proof().signers().size() - 1);
            if (!leave) {
                throw new GawahException(Failure.CERTIFICATE_REFUSED, Messages.of("renew.ended", records.size(),
                        first.object().entry().subject(), signer.subject(), signer.notAfter()),
                        Messages.of("renew.ended.hint", first.proof().time()));
            }
            terminal.info(Messages.of("renew.left-ended", records.size(), first.object().entry().subject(), signer.notAfter(),
                    first.proof().time()));
            chain.remove();
        }
    }

    /** One archive timestamp over every object without a record. */
    private void cover(List<VaultEvidenceRecords.DataObject> objects) {
        String id = RecordId.randomTimestamp();
        List<byte[]> bytes = objects.stream().map(o -> o.entry().canonical()).toList();
        ArchiveTimestamp archive = ArchiveTimestamp.over(bytes);
        TimeStampQuery query = archive.query(TimeStampQuery.nonceOf(id));
        terminal.info(Messages.of("renew.asking-new", tsa, objects.size()));
        byte[] reply = ask(id, query);
        List<EvidenceRecord> records = archive.records(tsa.toString(), reply);
        for (int i = 0; i < objects.size(); i++) {
            keep(objects.get(i), records.get(i));
        }
    }

    /** One timestamp renewal for the records that share a chain. */
    private void renew(List<VaultEvidenceRecords.Checked> chain) {
        String id = RecordId.randomTimestamp();
        VaultEvidenceRecords.Checked first = chain.get(0);
        TimeStampQuery query = first.record().renewalQuery(TimeStampQuery.nonceOf(id));
        terminal.info(Messages.of("renew.asking-renewal", tsa, chain.size(), first.proof().renewBy()));
        byte[] reply = ask(id, query);
        for (VaultEvidenceRecords.Checked checked : chain) {
            keep(checked.object(), checked.record().renewed(tsa.toString(), reply));
        }
    }

    /** Asks the TSA and checks the token it grants: over what was asked, with the nonce, by a TSA pinned here. */
    private byte[] ask(String id, TimeStampQuery query) {
        byte[] reply = TsaConnection.ask(tsa, query.der(), timeout);
        byte[] token = TsaReply.token(tsa.toString(), reply);
        try {
            TimeStamp.parse(token).checkDigest(ImprintHash.SHA256, query.digest(), query.nonce(), pinned, Instant.now());
        } catch (GawahException e) {
            throw new GawahException(e.failure(), Messages.of("timestamp.token-refused", tsa, e.message()), e.hintMessage());
        }
        tokens.put(id, token);
        return reply;
    }

    /** A new or renewed record, checked whole before it is kept. */
    private void keep(VaultEvidenceRecords.DataObject object, EvidenceRecord record) {
        byte[] sha256 = HexFormat.of().parseHex(Digests.sha256(object.entry().canonical()));
        pending.put(object.key(), new Pending(object, record, record.check(sha256, pinned, Instant.now())));
    }

    /** Every entry and record in one transaction, only if the log still ends where it did. */
    private void store(Vault vault, Entry head, EntrySigner signer, String actor) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        try (VaultWrite write = vault.begin()) {
            boolean first = true;
            for (Map.Entry<String, byte[]> token : tokens.entrySet()) {
                Entry.Signed written = write.append(Action.ARCHIVE_TIMESTAMPED, token.getKey(), Digests.sha256(token.getValue()),
                        now, signer);
                if (first && !written.entry().prevSha256().equals(head.sha256())) {
                    throw new GawahException(Failure.VAULT, Messages.of("timestamp.log-moved"), Messages.of("timestamp.log-moved.hint"));
                }
                first = false;
            }
            for (Pending record : pending.values()) {
                write.storeEvidenceRecord(record.object().actor(), record.object().entry().seq(),
                        Digests.sha256(record.object().entry().canonical()), record.record().encoded());
            }
            write.commit();
        }
        Instant renewBy = pending.values().stream().map(p -> p.proof().renewBy()).min(Instant::compareTo).orElseThrow();
        terminal.info(Messages.of("renew.done", pending.size(), tokens.size(), renewBy.minus(RENEW_BEFORE)));
    }
}
