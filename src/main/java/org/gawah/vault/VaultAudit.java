package org.gawah.vault;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

import org.gawah.Digests;
import org.gawah.Failure;
import org.gawah.GawahException;
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
        ChainCheck chain = new ChainCheck("the vault's custody log", actors);
        vault.forEachCustody(row -> chain.add(row.seq(), row.entry(), row.signature()));
        Map<String, String> logged = new java.util.HashMap<>(chain.digests());
        int records = 0;
        int attachments = 0;
        long bytes = 0;
        for (String id : vault.recordIds()) {
            SealedRecord record = vault.get(id).orElseThrow();
            match(logged, id, "record " + id, Digests.sha256(record.testimony()));
            if (record.identity() != null) {
                match(logged, RecordWrite.identitySubject(id), "the identity envelope of " + id, Digests.sha256(record.identity()));
            }
            for (StoredAttachment attachment : vault.attachments(id)) {
                readThrough(vault, attachment);
                match(logged, attachment.id(), "attachment " + attachment.id() + " of " + id, attachment.sealedSha256());
                attachments++;
                bytes += attachment.sealedSize();
            }
            records++;
        }
        for (String member : vault.unanalysedCaseRecords()) {
            throw new GawahException(Failure.BAD_DATA, "case " + member.replace(" ", " holds record ")
                    + " without a signed analysis: it was added outside Gawah", "keep this copy as it is for investigation");
        }
        for (Vault.SealedItem item : vault.caseItems()) {
            match(logged, item.id(), item.what() + " " + item.id(), item.sha256());
        }
        if (!logged.isEmpty()) {
            String subject = new java.util.TreeSet<>(logged.keySet()).first();
            throw new GawahException(Failure.BAD_DATA, subject + " is in the custody log but not in the vault: it was deleted",
                    "restore it from a backup or from the last submission");
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

    /** A documenter's log as received: whole from entry 1, and ending where the last import said. */
    private static long checkReceived(Vault vault, String documenter, List<Certificate> documenters,
                                      Map<String, java.util.Set<String>> submittedBags) {
        List<Certificate> key = documenters.stream().filter(c -> c.fingerprint().equals(documenter)).toList();
        if (key.isEmpty()) {
            throw new GawahException(Failure.NOT_READY, "the custody log received from documenter " + documenter
                    + " cannot be checked: that certificate is no longer pinned here",
                    "pin it again: gawah keys import --role documenter FILE");
        }
        ChainCheck chain = new ChainCheck("the custody log received from documenter " + documenter, key);
        java.util.Set<String> bags = submittedBags.computeIfAbsent(documenter, d -> new java.util.HashSet<>());
        vault.forEachReceived(documenter, row -> {
            org.gawah.custody.Entry entry = chain.add(row.seq(), row.entry(), row.signature());
            if (entry.action() == org.gawah.custody.Action.SUBMITTED) {
                bags.add(entry.subject());
            }
        });
        ImportedBag latest = vault.latestImport(documenter).orElseThrow(() -> new GawahException(Failure.BAD_DATA,
                "the custody log received from documenter " + documenter + " is here, but no import of it is recorded",
                "keep this copy as it is for investigation"));
        if (chain.count() != latest.headSeq() || !chain.headSha256().equals(latest.headSha256())) {
            throw new GawahException(Failure.BAD_DATA, "the custody log received from documenter " + documenter
                    + " does not end where bag " + latest.id() + " said (entry " + latest.headSeq() + ")",
                    "keep this copy as it is for investigation; the bags themselves can be imported again elsewhere");
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
                    "bag " + bag.getKey() + " is in the custody log as imported, but its import record was deleted",
                    "keep this copy as it is for investigation"));
            if (!row.bagSha256().equals(bag.getValue())) {
                throw new GawahException(Failure.BAD_DATA, "the import record of bag " + bag.getKey()
                        + " does not match the custody log: it was edited", "keep this copy as it is for investigation");
            }
            if (!submitted.getOrDefault(row.documenter(), java.util.Set.of()).contains(bag.getKey())) {
                throw new GawahException(Failure.BAD_DATA, "the custody log received from documenter " + row.documenter()
                        + " no longer holds the submission of bag " + bag.getKey() + ": it was cut back",
                        "keep this copy as it is for investigation");
            }
        }
        if (vault.importCount() != logged.size()) {
            throw new GawahException(Failure.BAD_DATA, "the vault records " + vault.importCount() + " imported bags, its"
                    + " custody log " + logged.size() + ": an import was added outside Gawah",
                    "keep this copy as it is for investigation");
        }
    }

    private static void match(Map<String, String> logged, String subject, String what, String sha256) {
        String expected = logged.remove(subject);
        if (expected == null) {
            throw new GawahException(Failure.BAD_DATA, what + " has no custody entry: it was added to the vault"
                    + " outside Gawah, or its entry was deleted", "keep this copy as it is for investigation");
        }
        if (!expected.equals(sha256)) {
            throw new GawahException(Failure.BAD_DATA, what + " is not the ciphertext its custody entry logged"
                    + " (SHA-256 " + sha256 + ", logged " + expected + "): it was replaced",
                    "keep this copy as it is for investigation");
        }
    }

    /** Reads the chunks; the reader checks length and SHA-256 against the stored values at the end. */
    private static void readThrough(Vault vault, StoredAttachment attachment) {
        try (InputStream in = vault.openAttachment(attachment)) {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new GawahException(Failure.BAD_DATA, "attachment " + attachment.id() + " is damaged: " + e.getMessage(),
                    "keep this copy as it is for investigation", e);
        }
    }
}
