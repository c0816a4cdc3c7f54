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
import org.gawah.custody.ChainCheck;
import org.gawah.openpgp.Certificate;

/**
 * Checks a whole vault: the custody chain entry by entry, then every record, identity envelope,
 * attachment, case and analysis against the digest its custody entry logged (and against the SHA-256 stored
 * beside it). Stops at the first fault and names it; reads everything, writes nothing.
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
        ChainCheck chain = chain(vault, actors);
        Map<String, String> logged = new java.util.HashMap<>(chain.digests());
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
        long received = 0;
        Map<String, java.util.Set<String>> submittedBags = new java.util.HashMap<>();
        List<String> logs = vault.receivedLogs();
        for (String documenter : logs) {
            received += checkReceived(vault, documenter, documenters, submittedBags);
        }
        checkImports(vault, chain.importedBags(), submittedBags);
        return new Report(chain.count(), chain.headSha256(), records, attachments, bytes, logs.size(), received);
    }

    /** The vault's own log walked from entry 1, every signature checked; throws at the first entry that breaks it. */
    public static ChainCheck chain(Vault vault, List<Certificate> actors) {
        ChainCheck chain = new ChainCheck(Messages.of("audit.vault-log"), actors);
        vault.forEachCustody(row -> chain.add(row.seq(), row.entry(), row.signature()));
        return chain;
    }

    /** A documenter's log as received: whole from entry 1, and ending where the last import said. */
    private static long checkReceived(Vault vault, String documenter, List<Certificate> documenters,
                                      Map<String, java.util.Set<String>> submittedBags) {
        List<Certificate> key = documenters.stream().filter(c -> c.fingerprint().equals(documenter)).toList();
        if (key.isEmpty()) {
            throw new GawahException(Failure.NOT_READY, Messages.of("audit.documenter-unpinned", documenter),
                    Messages.of("audit.documenter-unpinned.hint"));
        }
        ChainCheck chain = new ChainCheck(Messages.of("audit.received-log", documenter), key);
        java.util.Set<String> bags = submittedBags.computeIfAbsent(documenter, d -> new java.util.HashSet<>());
        vault.forEachReceived(documenter, row -> {
            org.gawah.custody.Entry entry = chain.add(row.seq(), row.entry(), row.signature());
            if (entry.action() == org.gawah.custody.Action.SUBMITTED) {
                bags.add(entry.subject());
            }
        });
        ImportedBag latest = vault.latestImport(documenter).orElseThrow(() -> new GawahException(Failure.BAD_DATA,
                Messages.of("audit.received-not-imported", documenter), investigate()));
        if (chain.count() != latest.headSeq() || !chain.headSha256().equals(latest.headSha256())) {
            throw new GawahException(Failure.BAD_DATA,
                    Messages.of("audit.received-end", documenter, latest.id(), latest.headSeq()),
                    Messages.of("audit.received-end.hint"));
        }
        return chain.count();
    }

    /**
     * The imports table is not signed; this vault's own log is. Each bag the log says was imported
     * must have its import row, with the same zip SHA-256, and its own {@code submitted} entry in
     * the documenter's log as received: cutting that log back, or dropping an import, shows here.
     */
    private static void checkImports(Vault vault, Map<String, String> logged, Map<String, java.util.Set<String>> submitted) {
        for (Map.Entry<String, String> bag : new java.util.TreeMap<>(logged).entrySet()) {
            ImportedBag row = vault.importedBag(bag.getKey()).orElseThrow(() -> new GawahException(Failure.BAD_DATA,
                    Messages.of("audit.import-deleted", bag.getKey()), investigate()));
            if (!row.bagSha256().equals(bag.getValue())) {
                throw new GawahException(Failure.BAD_DATA, Messages.of("audit.import-edited", bag.getKey()),
                        investigate());
            }
            if (!submitted.getOrDefault(row.documenter(), java.util.Set.of()).contains(bag.getKey())) {
                throw new GawahException(Failure.BAD_DATA,
                        Messages.of("audit.cut-back", row.documenter(), bag.getKey()),
                        investigate());
            }
        }
        if (vault.importCount() != logged.size()) {
            throw new GawahException(Failure.BAD_DATA,
                    Messages.of("audit.import-count", vault.importCount(), logged.size()),
                    investigate());
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
