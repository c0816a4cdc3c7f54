package org.gawah.vault;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.gawah.Digests;
import org.gawah.Failure;
import org.gawah.GawahException;
import org.gawah.Message;
import org.gawah.custody.Action;
import org.gawah.custody.Admissions;
import org.gawah.custody.Entry;
import org.gawah.custody.SignedLog;
import org.gawah.custody.Subjects;
import org.gawah.openpgp.Certificate;
import org.gawah.openpgp.SealedRecipients;

/**
 * The vault as its signed custody logs vouch for it: what every command acts on. The tables
 * beside the log (who signed a record, when, its recipients, which records a case holds, which
 * bags were imported, which records a submission held) are caches; here each thing a command
 * relies on is taken from the signed entries, and the stored ciphertext must be the one its entry
 * logged. Anything that disagrees is refused, naming the entry.
 *
 * <p>The vault's own log is walked whole ({@link org.gawah.custody.ChainCheck#headOnly}: each
 * entry's place and link, the last entry's signature); on the legal side, so is each documenter
 * log received with imported bags, by that documenter's pinned key. Reads, never writes.
 */
public final class SignedVault {
    private final Vault vault;
    private final SignedLog own;
    private final List<Certificate> documenters;
    private final boolean everySignature;
    private Map<String, SignedLog> received;
    private List<Head> heads;
    private List<Certificate> analysts;

    private SignedVault(Vault vault, SignedLog own, List<Certificate> documenters, boolean everySignature) {
        this.vault = vault;
        this.own = own;
        this.documenters = List.copyOf(documenters);
        this.everySignature = everySignature;
    }

    /**
     * Reads the vault's own log, every entry of which {@code own} (this home's key; null when the
     * home has none, and then the log must be empty) signed; {@code documenters} are the pinned
     * documenter keys that check the logs received in bags.
     */
    public static SignedVault read(Vault vault, Certificate own, List<Certificate> documenters) {
        return new SignedVault(vault, readOwn(vault, own, false), documenters, false);
    }

    /** The same, every signature checked as well ({@code verify --vault}). */
    static SignedVault readFully(Vault vault, Certificate own, List<Certificate> documenters) {
        return new SignedVault(vault, readOwn(vault, own, true), documenters, true);
    }

    private static SignedLog readOwn(Vault vault, Certificate own, boolean everySignature) {
        SignedLog.Reader reader = SignedLog.readingVault(Messages.of("audit.vault-log"), admissions(vault, own),
                everySignature);
        vault.forEachCustody(row -> reader.add(row.seq(), row.entry(), row.signature()));
        return reader.finish();
    }

    /**
     * Who may sign the vault's own log: this home's key (null: none yet) and the analysts the log
     * admits, with their certificates as the vault keeps them (docs/format/custody-log.md, "Analysts").
     */
    static Admissions admissions(Vault vault, Certificate own) {
        return new Admissions(own == null ? List.of() : List.of(own), loggedDigests(vault), vault::keptAnalyst);
    }

    /** Each analyst's latest {@code analyst_added} digest, read ahead of the walk (unchecked: the walk checks it). */
    static Map<String, String> loggedDigests(Vault vault) {
        Map<String, String> digests = new java.util.HashMap<>();
        for (Vault.CustodyRow row : vault.analystEntries()) {
            try {
                Entry entry = Entry.parse(row.entry());
                if (entry.action() == Action.ANALYST_ADDED) {
                    digests.put(entry.subject(), entry.subjectSha256());
                }
            } catch (org.gawah.custody.CustodyException e) {
                // Named at its place by the walk.
            }
        }
        return digests;
    }

    /**
     * Every analyst the signed log admits, each with the certificate the vault keeps under the
     * SHA-256 of its latest {@code analyst_added} entry (docs/format/case.md, "Who a case is sealed
     * to"); empty on a workstation's vault, where no entry admits anyone. The kept certificates are
     * a cache: one the entry does not vouch for is refused, naming the entry.
     */
    public List<Certificate> analysts() {
        if (analysts == null) {
            analysts = List.copyOf(keptAnalysts());
        }
        return analysts;
    }

    private List<Certificate> keptAnalysts() {
        Map<String, Entry> latest = new LinkedHashMap<>();
        for (Entry.Signed signed : own.entries()) {
            Entry entry = signed.entry();
            if (entry.action() == Action.ANALYST_ADDED && Admissions.admitsKey(entry.subject())) {
                latest.put(entry.subject(), entry);
            }
        }
        List<Certificate> analysts = new ArrayList<>();
        for (Entry entry : latest.values()) {
            analysts.add(vault.keptAnalyst(entry.subjectSha256()).filter(c -> c.fingerprint().equals(entry.subject()))
                    .orElseThrow(() -> new GawahException(Failure.BAD_DATA,
                            Messages.of("audit.analyst-deleted", entry.subject(), entry.seq()), Messages.of("logged.hint"))));
        }
        return analysts;
    }

    /** The vault's own custody log, checked. */
    public SignedLog log() {
        return own;
    }

    /**
     * The documenters' logs received with imported bags (legal side), by fingerprint. Each must
     * be checked by its documenter's pinned key; one that cannot be, or is broken, is refused.
     */
    public Map<String, SignedLog> received() {
        if (received == null) {
            Map<String, SignedLog> logs = new TreeMap<>();
            for (String actor : vault.receivedLogs()) {
                Certificate key = documenters.stream().filter(c -> c.fingerprint().equals(actor)).findFirst()
                        .orElseThrow(() -> new GawahException(Failure.NOT_READY,
                                Messages.of("audit.documenter-unpinned", actor),
                                Messages.of("audit.documenter-unpinned.hint")));
                SignedLog.Reader reader = SignedLog.reading(Messages.of("audit.received-log", actor), List.of(key),
                        everySignature);
                vault.forEachReceived(actor, row -> reader.add(row.seq(), row.entry(), row.signature()));
                logs.put(actor, reader.finish());
            }
            received = logs;
        }
        return received;
    }

    // ---- records

    /** The ids of the records the vault's log says it holds, in the order they were stored. */
    public List<String> recordIds() {
        Set<String> ids = new LinkedHashSet<>();
        for (Entry.Signed signed : own.entries()) {
            if (isRecord(signed.entry())) {
                ids.add(signed.entry().subject());
            }
        }
        return new ArrayList<>(ids);
    }

    private static boolean isRecord(Entry entry) {
        return Subjects.stores(entry) && entry.subject().startsWith("GWH-") && entry.subject().indexOf('/') < 0;
    }

    /**
     * The record with this id as the logs vouch for it; empty when neither the log nor the vault
     * knows it. Refuses a record without its entry, an entry without its record, a ciphertext that
     * is not the one logged, and attachments or an identity envelope that are not the ones the
     * documenter's log lists with it.
     */
    public Optional<LoggedRecord> record(String id) {
        Optional<Vault.StoredRecord> row = vault.storedRecord(id);
        Optional<Entry> stored = own.stored(id);
        if (stored.isEmpty()) {
            if (row.isPresent()) {
                throw noEntry(Messages.of("audit.record", id));
            }
            return Optional.empty();
        }
        if (row.isEmpty()) {
            throw deleted(Messages.of("audit.record", id), stored.get());
        }
        return Optional.of(resolve(row.get(), stored.get(), vault.attachments(id)));
    }

    /**
     * Every record as {@link #record} gives it, in the order the log stored them, read with two
     * queries rather than three a record (the legal team's window opens every record at once); a
     * record row without its entry is refused as {@link #refuseUnlogged} refuses it.
     */
    public List<LoggedRecord> records() {
        Map<String, Vault.StoredRecord> rows = vault.storedRecords();
        Map<String, List<StoredAttachment>> attachments = vault.storedAttachments();
        refuseUnlogged(rows.keySet());
        List<LoggedRecord> records = new ArrayList<>();
        for (String id : recordIds()) {
            Entry stored = own.stored(id).orElseThrow();
            Vault.StoredRecord row = rows.get(id);
            if (row == null) {
                throw deleted(Messages.of("audit.record", id), stored);
            }
            records.add(resolve(row, stored, attachments.getOrDefault(id, List.of())));
        }
        return records;
    }

    /** Every record's clear metadata, oldest first, each record checked as {@link #record} does. */
    public List<RecordSummary> list() {
        Map<String, Vault.StoredRecord> rows = vault.storedRecords();
        Map<String, List<StoredAttachment>> attachments = vault.storedAttachments();
        refuseUnlogged(rows.keySet());
        List<RecordSummary> summaries = new ArrayList<>();
        for (String id : recordIds()) {
            Entry stored = own.stored(id).orElseThrow();
            Vault.StoredRecord row = rows.get(id);
            if (row == null) {
                throw deleted(Messages.of("audit.record", id), stored);
            }
            LoggedRecord record = resolve(row, stored, attachments.getOrDefault(id, List.of()));
            long attachmentBytes = 0;
            for (StoredAttachment attachment : record.attachments()) {
                attachmentBytes += attachment.sealedSize();
            }
            summaries.add(new RecordSummary(id, record.sealedAt(), record.documenters(), record.testimony().length,
                    stored.subjectSha256(), record.identity() == null ? 0 : record.identity().length,
                    SealedRecipients.count(record.testimony()), record.attachments().size(), attachmentBytes));
        }
        summaries.sort(OLDEST_FIRST);
        return summaries;
    }

    private static final Comparator<RecordSummary> OLDEST_FIRST = (a, b) -> {
        int byTime = a.sealedAt().compareTo(b.sealedAt());
        return byTime != 0 ? byTime : a.id().compareTo(b.id());
    };

    /** Every record row must have its entry: one added to the tables by hand is refused, never shown or sent. */
    public void refuseUnlogged() {
        refuseUnlogged(vault.storedRecords().keySet());
    }

    private void refuseUnlogged(Set<String> rows) {
        for (String id : rows) {
            if (own.stored(id).isEmpty()) {
                throw noEntry(Messages.of("audit.record", id));
            }
        }
    }

    /** One documenter's claim to a record: its {@code sealed} entry, in its own log (this vault's, or one received). */
    private record Claim(String documenter, Entry sealed, SignedLog log, boolean received) {
        /** The log, in words. */
        Message where() {
            return received ? Messages.of("audit.received-log", documenter) : Messages.of("audit.vault-log");
        }
    }

    private LoggedRecord resolve(Vault.StoredRecord row, Entry stored, List<StoredAttachment> rows) {
        String id = row.id();
        match(Messages.of("audit.record", id), stored, row.testimonySha256());
        Optional<Entry> identity = own.stored(RecordWrite.identitySubject(id));
        if (identity.isPresent()) {
            if (row.identity() == null) {
                throw deleted(Messages.of("audit.identity", id), identity.get());
            }
            match(Messages.of("audit.identity", id), identity.get(), row.identitySha256());
        } else if (row.identity() != null) {
            throw noEntry(Messages.of("audit.identity", id));
        }
        List<Claim> claims = claims(stored);
        if (claims.isEmpty()) {
            throw new GawahException(Failure.BAD_DATA, Messages.of("logged.unclaimed", id, stored.seq()),
                    Messages.of("logged.hint"));
        }
        List<String> by = new ArrayList<>();
        List<StoredAttachment> attachments = null;
        Instant sealedAt = null;
        for (Claim claim : claims) {
            Optional<List<StoredAttachment>> same = sameRecord(claim, identity, rows);
            if (same.isPresent()) {
                by.add(claim.documenter());
                attachments = same.get();
                sealedAt = sealedAt == null || claim.sealed().time().isBefore(sealedAt) ? claim.sealed().time() : sealedAt;
            }
        }
        if (by.isEmpty()) {
            Claim first = claims.get(0);
            throw new GawahException(Failure.BAD_DATA, Messages.of("logged.record-differs", id, first.where(),
                    first.sealed().seq()), Messages.of("logged.hint"));
        }
        by.sort(null);
        for (int i = 0; i < attachments.size(); i++) {
            // The digest stored beside the chunks is only a cache: one that disagrees with the log was edited.
            StoredAttachment logged = attachments.get(i);
            if (!rows.get(i).sealedSha256().equals(logged.sealedSha256())) {
                throw new GawahException(Failure.BAD_DATA, Messages.of("logged.replaced",
                        Messages.of("audit.attachment", logged.id(), id), own.stored(logged.id()).orElseThrow().seq(),
                        rows.get(i).sealedSha256(), logged.sealedSha256()), Messages.of("logged.hint"));
            }
        }
        return new LoggedRecord(id, sealedAt, by, row.testimony(), row.identity(), attachments, stored.seq());
    }

    /**
     * Who says they sealed the record that {@code stored} put into the vault. Sealed here: this
     * home. Imported: every documenter whose received log holds a {@code sealed} entry for the
     * same id over the same ciphertext (one, unless several documenters' bags claimed one record).
     */
    private List<Claim> claims(Entry stored) {
        List<Claim> claims = new ArrayList<>();
        if (stored.action() == Action.SEALED) {
            claims.add(new Claim(stored.actor(), stored, own, false));
            return claims;
        }
        received().forEach((documenter, log) -> log.last(stored.subject(), Action.SEALED)
                .filter(sealed -> sealed.subjectSha256().equals(stored.subjectSha256()))
                .ifPresent(sealed -> claims.add(new Claim(documenter, sealed, log, true))));
        return claims;
    }

    /**
     * Whether the record in the vault is exactly the one {@code claim} sealed: the same identity
     * envelope, and the attachments its log lists with the record ({@link SignedLog#attachedWith}),
     * in order, each stored with the digest logged. Returns those attachments, or empty.
     */
    private Optional<List<StoredAttachment>> sameRecord(Claim claim, Optional<Entry> identity, List<StoredAttachment> rows) {
        String id = claim.sealed().subject();
        Optional<String> claimed = claim.log().last(RecordWrite.identitySubject(id), Action.SEALED)
                .map(Entry::subjectSha256);
        if (!claimed.equals(identity.map(Entry::subjectSha256))) {
            return Optional.empty();
        }
        List<Entry> listed = claim.log().attachedWith(claim.sealed());
        if (listed.size() != rows.size()) {
            return Optional.empty();
        }
        List<StoredAttachment> attachments = new ArrayList<>();
        for (int i = 0; i < listed.size(); i++) {
            Entry attached = listed.get(i);
            StoredAttachment row = rows.get(i);
            Optional<Entry> stored = own.stored(attached.subject());
            if (!row.id().equals(attached.subject()) || row.position() != i || stored.isEmpty()
                    || !stored.get().subjectSha256().equals(attached.subjectSha256())) {
                return Optional.empty();
            }
            // The SHA-256 reading the chunks must reach is the logged one, never the column beside them.
            attachments.add(new StoredAttachment(row.id(), id, i, row.sealedSize(), attached.subjectSha256(),
                    row.chunkCount()));
        }
        return Optional.of(attachments);
    }

    /** Whether an attachment with this id is here already: in the log, or in the tables. */
    public boolean attachmentTaken(String attachmentId) {
        return own.stored(attachmentId).isPresent() || vault.storedAttachment(attachmentId).isPresent();
    }

    // ---- submissions and exports (this home's own bags)

    /** Whether this vault's log holds the {@code submitted} entry of this bag. */
    public boolean submitted(String bagId) {
        return own.last(bagId, Action.SUBMITTED).isPresent();
    }

    /** Whether this vault's log holds the final {@code exported} entry of this package. */
    public boolean exported(String packageId) {
        return own.last(packageId, Action.EXPORTED).isPresent();
    }

    /**
     * The records no earlier submission held: those stored after the last {@code submitted}
     * entry. A bag holds every record stored before its own entry (or, with {@code --since},
     * every one after the previous bag's), so the log's order is the record of what was sent.
     */
    public List<String> unsubmittedRecords() {
        long last = 0;
        for (Entry.Signed signed : own.entries()) {
            if (signed.entry().action() == Action.SUBMITTED) {
                last = signed.entry().seq();
            }
        }
        long since = last;
        return recordIds().stream().filter(id -> own.stored(id).orElseThrow().seq() > since).toList();
    }

    // ---- cases (legal side)

    /** The sealed {@code gawah.case/1} of a case its {@code case_created} entry logged; empty when neither knows it. */
    public Optional<byte[]> sealedCase(String caseId) {
        Optional<Entry> created = own.stored(caseId).filter(e -> e.action() == Action.CASE_CREATED);
        Optional<byte[]> row = vault.storedCase(caseId);
        if (created.isEmpty()) {
            if (row.isPresent()) {
                throw noEntry(Messages.of("audit.case", caseId));
            }
            return Optional.empty();
        }
        if (row.isEmpty()) {
            throw deleted(Messages.of("audit.case", caseId), created.get());
        }
        match(Messages.of("audit.case", caseId), created.get(), row.get());
        return row;
    }

    /** A case as {@code case list} shows it: id, when it was created, how many records the log puts in it. */
    public List<Vault.CaseSummary> cases() {
        for (String id : vault.storedCaseIds()) {
            sealedCase(id);
        }
        List<Vault.CaseSummary> cases = new ArrayList<>();
        for (Entry.Signed signed : own.entries()) {
            Entry entry = signed.entry();
            if (entry.action() == Action.CASE_CREATED && Subjects.stores(entry)) {
                sealedCase(entry.subject());
                cases.add(new Vault.CaseSummary(entry.subject(), entry.time(), contents(entry.subject()).records().size()));
            }
        }
        return cases;
    }

    /** What the log says a case holds: its records in the order they joined, and the latest sealed analysis of each. */
    public record CaseContents(List<String> records, Map<String, byte[]> latestAnalysis) {
    }

    /**
     * The records of a case and the latest analysis of each, from the {@code analysed} entries
     * (docs/format/case.md): each analysis is followed by an entry whose subject is
     * {@code CASE/RECORD} and whose digest is that analysis's. An analysis logged before such
     * entries existed names its case and record only inside its sealed document, and in the
     * analyses table, a cache read here: {@link #legacyAnalyses()} lets a command that can open
     * them check it.
     */
    public CaseContents contents(String caseId) {
        Map<String, Entry> latest = new LinkedHashMap<>();
        for (Entry.Signed signed : own.entries()) {
            Entry entry = signed.entry();
            if (entry.action() != Action.ANALYSED) {
                continue;
            }
            if (Subjects.isMembership(entry.subject())) {
                if (Subjects.caseOf(entry.subject()).equals(caseId)) {
                    latest.put(Subjects.recordOf(entry.subject()), analysisOf(entry));
                }
            } else if (isLegacy(entry)) {
                Vault.StoredAnalysis row = storedAnalysis(entry);
                if (row.caseId().equals(caseId)) {
                    latest.put(row.recordId(), entry);
                }
            }
        }
        // The table of members is a cache: a row the log does not back was added by hand, and stops the case.
        for (String record : vault.caseMembers(caseId)) {
            if (!latest.containsKey(record)) {
                throw new GawahException(Failure.BAD_DATA, Messages.of("audit.unanalysed", caseId, record),
                        Messages.of("logged.hint"));
            }
        }
        Map<String, byte[]> analyses = new LinkedHashMap<>();
        latest.forEach((record, analysis) -> analyses.put(record, storedAnalysis(analysis).sealed()));
        return new CaseContents(List.copyOf(latest.keySet()), analyses);
    }

    /** An analysis whose entry has no {@code CASE/RECORD} entry after it: made before those entries existed. */
    public record LegacyAnalysis(String id, String caseId, String recordId, byte[] sealed) {
    }

    /** Every analysis logged without its case and record in the log, checked against its entry's digest. */
    public List<LegacyAnalysis> legacyAnalyses() {
        List<LegacyAnalysis> found = new ArrayList<>();
        for (Entry.Signed signed : own.entries()) {
            Entry entry = signed.entry();
            if (entry.action() == Action.ANALYSED && !Subjects.isMembership(entry.subject()) && isLegacy(entry)) {
                Vault.StoredAnalysis row = storedAnalysis(entry);
                found.add(new LegacyAnalysis(row.id(), row.caseId(), row.recordId(), row.sealed()));
            }
        }
        return found;
    }

    private boolean isLegacy(Entry analysed) {
        if (analysed.seq() >= own.size()) {
            return true;
        }
        Entry next = own.at(analysed.seq() + 1).entry();
        return !(next.action() == Action.ANALYSED && Subjects.isMembership(next.subject())
                && next.subjectSha256().equals(analysed.subjectSha256()));
    }

    /** The analysis entry a {@code CASE/RECORD} entry follows, with the same digest. */
    private Entry analysisOf(Entry membership) {
        Entry before = membership.seq() > 1 ? own.at(membership.seq() - 1).entry() : null;
        if (before == null || before.action() != Action.ANALYSED || Subjects.isMembership(before.subject())
                || !before.subjectSha256().equals(membership.subjectSha256())) {
            throw new GawahException(Failure.BAD_DATA, Messages.of("logged.membership-alone", membership.seq(),
                    membership.subject()), Messages.of("logged.hint"));
        }
        return before;
    }

    private Vault.StoredAnalysis storedAnalysis(Entry analysed) {
        Message what = Messages.of("audit.analysis", analysed.subject());
        Vault.StoredAnalysis row = vault.storedAnalysis(analysed.subject()).orElseThrow(() -> deleted(what, analysed));
        match(what, analysed, row.sealed());
        return row;
    }

    // ---- imports (legal side)

    /** The log head of an imported bag: the documenter's entry its log ended with (its own {@code submitted} entry). */
    public record Head(String documenter, long seq, String sha256, String bagId, Entry imported) {
    }

    /** The vault's entry that logged importing a bag with this id and exactly this zip file (SHA-256). */
    public Optional<Entry> importedZip(String bagId, String zipSha256) {
        return own.about(bagId).stream()
                .filter(e -> e.action() == Action.IMPORTED && e.subjectSha256().equals(zipSha256))
                .reduce((first, second) -> second);
    }

    /**
     * Every imported bag's log head, from the vault's own log and the received logs. Since
     * version 7 each bag's {@code imported} entry is followed by one whose subject is
     * {@code BAG/head} and whose digest is that of the documenter entry the bag's log ended with;
     * before, the head is the bag's {@code submitted} entry in the received log. A head that the
     * received logs no longer hold means they were cut back or deleted: refused.
     */
    public List<Head> heads() {
        if (this.heads == null) {
            this.heads = List.copyOf(findHeads());
        }
        return this.heads;
    }

    private List<Head> findHeads() {
        List<Head> heads = new ArrayList<>();
        for (Entry.Signed signed : own.entries()) {
            Entry entry = signed.entry();
            if (entry.action() != Action.IMPORTED || !Subjects.isBag(entry.subject()) || !entry.subject().startsWith("GWB-")) {
                continue;
            }
            String bagId = entry.subject();
            Entry anchor = entry.seq() < own.size() ? own.at(entry.seq() + 1).entry() : null;
            if (anchor != null && anchor.action() == Action.IMPORTED && anchor.subject().equals(Subjects.bagHead(bagId))) {
                heads.add(anchored(entry, anchor));
                continue;
            }
            int before = heads.size();
            received().forEach((documenter, log) -> log.last(bagId, Action.SUBMITTED)
                    .ifPresent(head -> heads.add(new Head(documenter, head.seq(), head.sha256(), bagId, entry))));
            if (heads.size() == before) {
                throw bagLogMissing(bagId, entry);
            }
        }
        return heads;
    }

    private Head anchored(Entry imported, Entry anchor) {
        String bagId = imported.subject();
        for (Map.Entry<String, SignedLog> log : received().entrySet()) {
            Optional<Entry> head = log.getValue().withSha256(anchor.subjectSha256());
            if (head.isPresent()) {
                if (head.get().action() != Action.SUBMITTED || !head.get().subject().equals(bagId)) {
                    throw new GawahException(Failure.BAD_DATA, Messages.of("logged.head-not-submission", anchor.seq(),
                            bagId), Messages.of("logged.hint"));
                }
                return new Head(log.getKey(), head.get().seq(), anchor.subjectSha256(), bagId, imported);
            }
        }
        throw bagLogMissing(bagId, imported);
    }

    /** The import that carried the furthest entry of this documenter's log, if any. */
    public Optional<Head> latestHead(String documenter) {
        return heads().stream().filter(h -> h.documenter().equals(documenter)).max(Comparator.comparingLong(Head::seq));
    }

    /** This documenter's bag with this id, if it was imported. */
    public Optional<Head> imported(String documenter, String bagId) {
        return heads().stream().filter(h -> h.documenter().equals(documenter) && h.bagId().equals(bagId)).findFirst();
    }

    // ---- time-stamp tokens

    /**
     * The time-stamp tokens {@code actor}'s log logged, by id, in log order: this vault's own log
     * when {@code actor} is not a documenter whose log was received here.
     */
    public Map<String, byte[]> tokens(String actor) {
        SignedLog log = received().getOrDefault(actor, own);
        return tokens(vault, actor, log.entries());
    }

    /**
     * Holds the tokens of every log here to their entries ({@link #tokens(Vault, String, List)}):
     * this vault's own (its key's fingerprint {@code ownActor}) and each documenter's received.
     * Commands that carry tokens ask this before they write anything.
     */
    public void refuseUnloggedTokens(String ownActor) {
        tokens(vault, ownActor, own.entries());
        for (Map.Entry<String, SignedLog> log : received().entrySet()) {
            tokens(vault, log.getKey(), log.getValue().entries());
        }
    }

    /**
     * The tokens {@code log} (checked, of {@code actor}) logged, by id, in log order. The
     * {@code timestamps} table is a cache of the bytes each {@code timestamped} entry vouches for:
     * every such entry must have its row (same seq and id, the SHA-256 the entry logged) and every
     * row its entry. Anything else is refused, naming the entry.
     */
    public static Map<String, byte[]> tokens(Vault vault, String actor, List<Entry.Signed> log) {
        // A team vault's log is several analysts': each token row is filed under the key whose entry logged it.
        Map<String, Map<Long, Vault.StoredToken>> byActor = new LinkedHashMap<>();
        java.util.function.Function<String, Map<Long, Vault.StoredToken>> rowsOf = key -> byActor.computeIfAbsent(key, k -> {
            Map<Long, Vault.StoredToken> rows = new java.util.HashMap<>();
            for (Vault.StoredToken row : vault.tokens(k)) {
                rows.put(row.seq(), row);
            }
            return rows;
        });
        rowsOf.apply(actor);
        Map<String, byte[]> tokens = new LinkedHashMap<>();
        for (Entry.Signed signed : log) {
            Entry entry = signed.entry();
            if (entry.action() != Action.TIMESTAMPED) {
                continue;
            }
            Vault.StoredToken row = rowsOf.apply(entry.actor()).remove(entry.seq());
            if (row == null) {
                throw deleted(Messages.of("logged.token", entry.subject()), entry);
            }
            if (!row.id().equals(entry.subject()) || !Digests.sha256(row.token()).equals(entry.subjectSha256())) {
                throw new GawahException(Failure.BAD_DATA, Messages.of("logged.token-replaced", entry.subject(),
                        entry.seq()), Messages.of("logged.hint"));
            }
            tokens.put(entry.subject(), row.token());
        }
        for (Map<Long, Vault.StoredToken> rows : byActor.values()) {
            if (!rows.isEmpty()) {
                throw noEntry(Messages.of("logged.token", rows.values().iterator().next().id()));
            }
        }
        return tokens;
    }

    // ---- evidence records

    /** A stored evidence record with the signed entry it is the record of: its data object. */
    public record LoggedEvidence(String actor, Entry entry, byte[] record) {
    }

    /**
     * The {@code evidence_records} table (docs/format/evidence-record.md) held to the signed logs:
     * each row names, by actor and seq, a {@code sealed} or {@code attached} entry of this vault's
     * own log or of a documenter's log received here, with that entry's SHA-256; a row naming
     * anything else was changed outside Gawah and is refused, naming it. What the record's tokens
     * are, and that each is logged by an {@code archive_timestamped} entry, its reader checks.
     */
    public List<LoggedEvidence> evidenceRecords() {
        List<LoggedEvidence> records = new ArrayList<>();
        for (Vault.StoredEvidence row : vault.evidenceRecords()) {
            SignedLog log = received().getOrDefault(row.actor(), own);
            Entry entry = row.seq() >= 1 && row.seq() <= log.size() ? log.at(row.seq()).entry() : null;
            if (entry == null || !entry.actor().equals(row.actor())
                    || (entry.action() != Action.SEALED && entry.action() != Action.ATTACHED)
                    || !Digests.sha256(entry.canonical()).equals(row.entrySha256())) {
                throw new GawahException(Failure.BAD_DATA, Messages.of("logged.evidence-record", row.seq(), row.actor()),
                        Messages.of("logged.hint"));
            }
            records.add(new LoggedEvidence(row.actor(), entry, row.record()));
        }
        return records;
    }

    // ---- refusals

    private static void match(Message what, Entry logged, byte[] ciphertext) {
        match(what, logged, Digests.sha256(ciphertext));
    }

    private static void match(Message what, Entry logged, String sha256) {
        if (!sha256.equals(logged.subjectSha256())) {
            throw new GawahException(Failure.BAD_DATA, Messages.of("logged.replaced", what, logged.seq(), sha256,
                    logged.subjectSha256()), Messages.of("logged.hint"));
        }
    }

    private static GawahException noEntry(Message what) {
        return new GawahException(Failure.BAD_DATA, Messages.of("audit.no-entry", what), Messages.of("logged.hint"));
    }

    private static GawahException deleted(Message what, Entry entry) {
        return new GawahException(Failure.BAD_DATA, Messages.of("logged.deleted", what, entry.seq()),
                Messages.of("logged.hint"));
    }

    private static GawahException bagLogMissing(String bagId, Entry imported) {
        return new GawahException(Failure.BAD_DATA, Messages.of("logged.bag-log-missing", bagId, imported.seq()),
                Messages.of("logged.hint"));
    }
}
