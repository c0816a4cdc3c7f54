package org.gawah.vault;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

import org.gawah.Digests;
import org.gawah.Failure;
import org.gawah.GawahException;
import org.gawah.Message;
import org.gawah.custody.Action;
import org.gawah.custody.ChainCheck;
import org.gawah.custody.CustodyException;
import org.gawah.custody.Entry;
import org.gawah.custody.OpenedList;
import org.gawah.custody.SignedLog;
import org.gawah.custody.Subjects;
import org.gawah.openpgp.Certificate;

/**
 * Checks a whole vault: the custody chain entry by entry, then every record, identity envelope,
 * attachment, case and analysis against the digest its custody entry logged (and against the SHA-256 stored
 * beside it), and the tables of imports and submissions against the entries they cache. Stops at
 * the first fault and names it; reads everything, writes nothing.
 */
public final class VaultAudit {
    /** What an intact vault holds. */
    public record Report(long entries, String headSha256, int records, int attachments, long attachmentBytes,
                         int documenterLogs, long documenterEntries) {
    }

    private VaultAudit() {
    }

    /**
     * {@code actors}: the keys that may write this vault's log (its own); {@code documenters}:
     * the pinned documenter keys, whose logs arrived with imported bags and are checked too.
     */
    public static Report run(Vault vault, List<Certificate> actors, List<Certificate> documenters) {
        SignedVault signed = SignedVault.readFully(vault, actors.isEmpty() ? null : actors.get(0), documenters);
        SignedLog log = signed.log();
        Map<String, String> logged = new java.util.HashMap<>();
        for (Entry.Signed entry : log.entries()) {
            if (Subjects.stores(entry.entry())) {
                logged.put(entry.entry().subject(), entry.entry().subjectSha256());
            }
        }
        checkOpenedLists(vault, log, Map.copyOf(logged));
        int records = 0;
        int attachments = 0;
        long bytes = 0;
        for (String id : vault.recordIds()) {
            SealedRecord record = vault.get(id).orElseThrow();
            match(logged, id, Messages.of("audit.record", id), Digests.sha256(record.testimony()));
            if (record.identity() != null) {
                match(logged, RecordWrite.identitySubject(id), Messages.of("audit.identity", id),
                        Digests.sha256(record.identity()));
            }
            for (StoredAttachment attachment : vault.attachments(id)) {
                readThrough(vault, attachment);
                match(logged, attachment.id(), Messages.of("audit.attachment", attachment.id(), id),
                        attachment.sealedSha256());
                attachments++;
                bytes += attachment.sealedSize();
            }
            records++;
        }
        for (String member : vault.unanalysedCaseRecords()) {
            int space = member.indexOf(' ');
            throw new GawahException(Failure.BAD_DATA,
                    Messages.of("audit.unanalysed", member.substring(0, space), member.substring(space + 1)),
                    investigate());
        }
        for (Vault.SealedItem item : vault.caseItems()) {
            match(logged, item.id(), describe(item), item.sha256());
        }
        if (!logged.isEmpty()) {
            String subject = new java.util.TreeSet<>(logged.keySet()).first();
            throw new GawahException(Failure.BAD_DATA, Messages.of("audit.deleted", subject),
                    Messages.of("audit.deleted.hint"));
        }
        // What every command checks, checked for all: which bags came in, who brought each record, what each case holds.
        checkImports(vault, signed);
        SubmissionRows.check(vault, signed);
        checkAnalysts(vault, signed.log());
        for (String id : vault.recordIds()) {
            signed.record(id);
        }
        checkCases(vault, signed);
        long received = 0;
        for (Map.Entry<String, SignedLog> documenter : signed.received().entrySet()) {
            received += checkReceived(signed, documenter.getKey(), documenter.getValue());
        }
        return new Report(log.size(), log.headSha256(), records, attachments, bytes, signed.received().size(), received);
    }

    /** The vault's own log walked from entry 1, every signature checked; throws at the first entry that breaks it. */
    public static ChainCheck chain(Vault vault, List<Certificate> actors) {
        ChainCheck chain = ChainCheck.vaultLog(Messages.of("audit.vault-log"),
                SignedVault.admissions(vault, actors.isEmpty() ? null : actors.get(0)), true);
        vault.forEachCustody(row -> chain.add(row.seq(), row.entry(), row.signature()));
        chain.finish();
        return chain;
    }

    /** A documenter's log as received (every signature checked) ends at the head of the last bag imported from them. */
    private static long checkReceived(SignedVault signed, String documenter, SignedLog log) {
        SignedVault.Head latest = signed.latestHead(documenter).orElseThrow(() -> new GawahException(Failure.BAD_DATA,
                Messages.of("audit.received-not-imported", documenter), investigate()));
        if (log.size() != latest.seq() || !log.headSha256().equals(latest.sha256())) {
            throw new GawahException(Failure.BAD_DATA,
                    Messages.of("audit.received-end", documenter, latest.bagId(), latest.seq()),
                    Messages.of("audit.received-end.hint"));
        }
        return log.size();
    }

    /**
     * The imports table is not signed; this vault's own log is. Each bag the log says was imported
     * must have its import row, with the same zip SHA-256 and the head the log names, and no row
     * may exist that the log does not name. The heads themselves must still be in the received
     * logs: cutting a documenter's log back shows here ({@link SignedVault#heads()}).
     */
    private static void checkImports(Vault vault, SignedVault signed) {
        List<ImportedBag> rows = vault.importRows();
        int logged = 0;
        for (Entry.Signed signedEntry : signed.log().entries()) {
            Entry entry = signedEntry.entry();
            if (entry.action() != Action.IMPORTED || !Subjects.isBag(entry.subject()) || !entry.subject().startsWith("GWB-")) {
                continue;
            }
            logged++;
            List<ImportedBag> same = rows.stream().filter(r -> r.id().equals(entry.subject())).toList();
            if (same.isEmpty()) {
                throw new GawahException(Failure.BAD_DATA, Messages.of("audit.import-deleted", entry.subject()),
                        investigate());
            }
            if (same.stream().noneMatch(r -> r.bagSha256().equals(entry.subjectSha256()))) {
                throw new GawahException(Failure.BAD_DATA, Messages.of("audit.import-edited", entry.subject()),
                        investigate());
            }
        }
        for (SignedVault.Head head : signed.heads()) {
            boolean row = rows.stream().anyMatch(r -> r.id().equals(head.bagId()) && r.documenter().equals(head.documenter())
                    && r.headSeq() == head.seq() && r.headSha256().equals(head.sha256()));
            if (!row) {
                throw new GawahException(Failure.BAD_DATA, Messages.of("audit.import-edited", head.bagId()), investigate());
            }
        }
        if (rows.size() != logged) {
            throw new GawahException(Failure.BAD_DATA, Messages.of("audit.import-count", rows.size(), logged),
                    investigate());
        }
    }

    /**
     * The table of analysts' certificates (a team vault) is a cache of what the log's
     * {@code analyst_added} entries vouch for: each entry's certificate must be there, as logged,
     * and each row must be one an entry logged.
     */
    private static void checkAnalysts(Vault vault, SignedLog log) {
        Map<String, Entry> logged = new java.util.HashMap<>();
        for (Entry.Signed signedEntry : log.entries()) {
            if (signedEntry.entry().action() == Action.ANALYST_ADDED) {
                logged.putIfAbsent(signedEntry.entry().subjectSha256(), signedEntry.entry());
            }
        }
        java.util.Set<String> kept = new java.util.HashSet<>();
        for (Vault.AnalystRow row : vault.analystRows()) {
            Entry entry = logged.get(row.sha256());
            if (entry == null) {
                throw new GawahException(Failure.BAD_DATA, Messages.of("audit.analyst-unlogged", row.fingerprint()),
                        investigate());
            }
            if (!Digests.sha256(row.certificate()).equals(row.sha256()) || !row.fingerprint().equals(entry.subject())
                    || vault.keptAnalyst(row.sha256()).filter(c -> c.fingerprint().equals(entry.subject())).isEmpty()) {
                throw new GawahException(Failure.BAD_DATA, Messages.of("audit.analyst-replaced", entry.subject(),
                        entry.seq()), investigate());
            }
            kept.add(row.sha256());
        }
        for (Entry entry : logged.values()) {
            if (!kept.contains(entry.subjectSha256())) {
                throw new GawahException(Failure.BAD_DATA, Messages.of("audit.analyst-deleted", entry.subject(),
                        entry.seq()), investigate());
            }
        }
    }

    /**
     * The table of opening lists is a cache of what the {@code opened} entries of many openings
     * vouch for (docs/format/custody-log.md, "Many openings in one entry"): each entry's list must
     * be kept, as logged and in its canonical form, naming only items the log stores with exactly
     * the digest listed ({@code stored}: subject to digest); each row must be one an entry names.
     * Each distinct list is read once, one at a time.
     */
    private static void checkOpenedLists(Vault vault, SignedLog log, Map<String, String> stored) {
        java.util.Set<String> named = new java.util.HashSet<>();
        for (Entry.Signed signedEntry : log.entries()) {
            Entry entry = signedEntry.entry();
            if (!OpenedList.isOpening(entry) || !named.add(entry.subjectSha256())) {
                continue;
            }
            byte[] bytes = vault.openedList(entry.subjectSha256()).orElseThrow(() -> new GawahException(Failure.BAD_DATA,
                    Messages.of("audit.opened-list-deleted", entry.seq(), entry.subject()), investigate()));
            OpenedList list;
            try {
                list = OpenedList.parse(bytes);
            } catch (CustodyException e) {
                throw new GawahException(Failure.BAD_DATA, Messages.of("audit.opened-list-bad", entry.seq(), entry.subject(),
                        e.problem()), investigate());
            }
            list.items().forEach((subject, sha256) -> {
                if (!sha256.equals(stored.get(subject))) {
                    throw new GawahException(Failure.BAD_DATA, Messages.of("audit.opened-list-item", entry.seq(),
                            entry.subject(), subject), investigate());
                }
            });
        }
        for (String row : vault.openedListDigests()) {
            if (!named.contains(row)) {
                throw new GawahException(Failure.BAD_DATA, Messages.of("audit.opened-list-unlogged", row), investigate());
            }
        }
    }

    /**
     * Each case the log created, its records and their latest analyses as the log says; and the
     * table of which records each case holds (a cache) holds exactly those.
     */
    private static void checkCases(Vault vault, SignedVault signed) {
        java.util.Set<String> members = new java.util.TreeSet<>();
        for (Vault.CaseSummary summary : signed.cases()) {
            for (String record : signed.contents(summary.id()).records()) {
                members.add(summary.id() + " " + record);
            }
        }
        java.util.Set<String> rows = new java.util.TreeSet<>(vault.caseMemberships());
        for (String row : rows) {
            if (!members.contains(row)) {
                int space = row.indexOf(' ');
                throw new GawahException(Failure.BAD_DATA,
                        Messages.of("audit.unanalysed", row.substring(0, space), row.substring(space + 1)), investigate());
            }
        }
        for (String member : members) {
            if (!rows.contains(member)) {
                int space = member.indexOf(' ');
                throw new GawahException(Failure.BAD_DATA, Messages.of("audit.member-row-deleted",
                        member.substring(0, space), member.substring(space + 1)), investigate());
            }
        }
    }

    private static void match(Map<String, String> logged, String subject, Message what, String sha256) {
        String expected = logged.remove(subject);
        if (expected == null) {
            throw new GawahException(Failure.BAD_DATA, Messages.of("audit.no-entry", what), investigate());
        }
        if (!expected.equals(sha256)) {
            throw new GawahException(Failure.BAD_DATA, Messages.of("audit.replaced", what, sha256, expected),
                    investigate());
        }
    }

    private static Message investigate() {
        return Messages.of("audit.investigate.hint");
    }

    /** A case or an analysis, with its id. */
    private static Message describe(Vault.SealedItem item) {
        switch (item.what()) {
            case "case": return Messages.of("audit.case", item.id());
            case "analysis": return Messages.of("audit.analysis", item.id());
            default: throw new IllegalStateException("not a sealed item: " + item.what());
        }
    }

    /** Reads the chunks; the reader checks length and SHA-256 against the stored values at the end. */
    private static void readThrough(Vault vault, StoredAttachment attachment) {
        try (InputStream in = vault.openAttachment(attachment)) {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new GawahException(Failure.BAD_DATA,
                    Messages.of("audit.attachment-damaged", attachment.id(), e.getMessage()),
                    investigate(), e);
        }
    }
}
