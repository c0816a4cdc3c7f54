package org.gawah.desktop;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;

import org.gawah.GawahException;
import org.gawah.Message;
import org.gawah.app.Home;
import org.gawah.app.LegalRecords;
import org.gawah.app.OpenedRecord;
import org.gawah.cases.LegalTags;
import org.gawah.names.Folding;
import org.gawah.openpgp.SecretKey;
import org.gawah.openpgp.SigningKey;
import org.gawah.testimony.DateProblem;
import org.gawah.testimony.GivenDate;

/**
 * The legal team's records without a control: the key unlocked once (its decryption and signing
 * parts together), then every record of the vault opened in memory and logged as opened
 * ({@link LegalRecords}), then the table: a search over the text folded as redaction folds it
 * (so a word typed with another yeh or kaf, other digits or without a zero-width non-joiner finds
 * it), and filters by the interview's date (typed in any calendar), place (folded the same way),
 * documenter, Rome Statute tag, case and consent (who the witness agreed may receive it). Opening
 * is slow: the view calls {@link #unlock} off the event thread. The unlocked key stays for the
 * reader's attachments ({@link #ownKey}, {@link #signer}) until lock.
 */
final class RecordsModel implements Wipeable {
    enum Page { CANNOT_BEGIN, UNLOCK, OPENING, TABLE }

    /** A documenter in the filter: fingerprint and the name their certificate carries. */
    record Documenter(String fingerprint, String name) {
    }

    private final Path home;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private volatile Page page;
    /** How often the opening page is drawn again while records open (each record would be thousands of redraws). */
    private static final long PROGRESS_NANOS = 100_000_000L;

    private volatile SecretKey own;
    private volatile SigningKey signer;
    private volatile long progressShown;
    private volatile List<OpenedRecord> records = List.of();
    private volatile int done;
    private volatile int of;
    private volatile GawahException problem;
    private volatile String query = "";
    private volatile LocalDate from;
    private volatile LocalDate to;
    private volatile Message dateProblem;
    private volatile String documenter;
    private volatile String caseId;
    private volatile String place = "";
    private volatile String tag;
    private volatile String consent;
    private volatile boolean wiped;

    RecordsModel(Path home) {
        this.home = home;
    }

    void onChange(Runnable listener) {
        listeners.add(listener);
    }

    Page page() {
        return page;
    }

    /** Reads the home's key (slow: parsed); the unlock page, or the table when it is open already. */
    void begin() {
        if (page == Page.TABLE) {
            show(Page.TABLE);
            return;
        }
        try {
            own = new Home(home, settled -> { }).keyring().requireOwnKey();
            problem = null;
            show(Page.UNLOCK);
        } catch (GawahException e) {
            problem = e;
            show(Page.CANNOT_BEGIN);
        }
    }

    String keyFingerprint() {
        return own == null ? "" : own.fingerprint();
    }

    /**
     * Unlocks the key with {@code passphrase} (wiped here, whatever happens) and opens every
     * record, telling the view how far it is. Slow: the S2K, then one decryption a record.
     */
    void unlock(char[] passphrase) {
        try {
            SigningKey unlocked = own.unlockForSigning(passphrase, Instant.now());
            Arrays.fill(passphrase, '\0');
            done = 0;
            of = 0;
            show(Page.OPENING);
            List<OpenedRecord> opened = LegalRecords.openAll(home, own, unlocked, this::progress);
            if (wiped) {
                opened.forEach(OpenedRecord::wipe);
                return;
            }
            signer = unlocked;
            records = List.copyOf(opened);
            problem = null;
            show(Page.TABLE);
        } catch (GawahException e) {
            problem = e;
            show(Page.UNLOCK);
        } finally {
            Arrays.fill(passphrase, '\0');
        }
    }

    /**
     * The cases changed (a case made, records added, an analysis given): each record's cases and
     * tags are read again from the signed log, no testimony decrypted again, and the table drawn
     * again. Slow (the log, the analyses): called off the event thread.
     */
    void casesChanged() {
        SecretKey key = own;
        if (page != Page.TABLE || key == null) {
            return;
        }
        Map<String, LegalRecords.Filed> filed = LegalRecords.filing(home, key);
        LegalRecords.Filed none = new LegalRecords.Filed(List.of(), List.of());
        records.forEach(r -> {
            LegalRecords.Filed now = filed.getOrDefault(r.id(), none);
            r.filed(now.cases(), now.tags());
        });
        show(Page.TABLE);
    }

    /** The key this page unlocked, for the cases and export pages; null until the records are open. */
    TeamKey key() {
        return page == Page.TABLE && own != null && signer != null ? new TeamKey(own, signer) : null;
    }

    /** Called on the opening threads: the page is told at most ten times a second, and at the end. */
    private void progress(int n, int total) {
        long now = System.nanoTime();
        synchronized (this) {
            if (n <= done) {
                return;
            }
            done = n;
            of = total;
            if (n < total && now - progressShown < PROGRESS_NANOS) {
                return;
            }
            progressShown = now;
        }
        listeners.forEach(Runnable::run);
    }

    /** The home's key, unlocked once the records are open; null before and after lock. */
    SecretKey ownKey() {
        return signer == null ? null : own;
    }

    /** The key that signs custody entries (an attachment opened), once the records are open; null before and after lock. */
    SigningKey signer() {
        return signer;
    }

    Path home() {
        return home;
    }

    int done() {
        return done;
    }

    int of() {
        return of;
    }

    GawahException problem() {
        return problem;
    }

    List<OpenedRecord> all() {
        return records;
    }

    /** The search typed (folded once here, not once a record). */
    void search(String typed) {
        query = typed == null ? "" : Folding.fold(typed.strip());
    }

    /**
     * The date range typed, each end in any calendar and digits (blank: open); a date that is not
     * one leaves that end as it was and says why ({@link #dateProblem}).
     */
    void dates(String fromTyped, String toTyped) {
        dateProblem = null;
        from = day(fromTyped, true);
        to = day(toTyped, false);
    }

    private LocalDate day(String typed, boolean first) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            GivenDate date = GivenDate.parse(typed);
            return first ? date.first() : date.last();
        } catch (DateProblem e) {
            dateProblem = e.problem();
            return first ? from : to;
        }
    }

    Message dateProblem() {
        return dateProblem;
    }

    /** Only this documenter's records (a fingerprint), or null for all. */
    void documenter(String fingerprint) {
        documenter = fingerprint;
    }

    /** Only the records of this case, or null for all. */
    void inCase(String id) {
        caseId = id;
    }

    /** Only the records whose place holds what is typed (folded as the search is), or blank for all. */
    void place(String typed) {
        place = typed == null ? "" : Folding.fold(typed.strip());
    }

    /** Only the records whose analysis in some case gives this Rome Statute tag, or null for all. */
    void tag(String romeStatuteTag) {
        tag = romeStatuteTag;
    }

    /** Only the records whose witness consented to this recipient ({@code icc}, {@code un_mechanism}...), or null for all. */
    void consent(String recipient) {
        consent = recipient;
    }

    /** The records the search and filters leave, in the vault's order. */
    List<OpenedRecord> visible() {
        List<OpenedRecord> shown = new ArrayList<>();
        String q = query;
        String where = place;
        for (OpenedRecord record : records) {
            if (!where.isEmpty() && !record.shown().placeHolds(where)) {
                continue;
            }
            if (tag != null && !record.tags().contains(tag)) {
                continue;
            }
            if (consent != null && !record.shown().recipients().contains(consent)) {
                continue;
            }
            LocalDate day = record.interviewDay();
            if ((from != null && (day == null || day.isBefore(from))) || (to != null && (day == null || day.isAfter(to)))) {
                continue;
            }
            if (documenter != null && !documenter.equals(record.signerFingerprint())) {
                continue;
            }
            if (caseId != null && !record.cases().contains(caseId)) {
                continue;
            }
            // The whole text last: the dearest test, made only of what the filters leave.
            if (!q.isEmpty() && !record.holds(q)) {
                continue;
            }
            shown.add(record);
        }
        return shown;
    }

    /** Every documenter who signed a record here, once each, in the order first met. */
    List<Documenter> documenters() {
        Map<String, Documenter> found = new LinkedHashMap<>();
        records.forEach(r -> found.putIfAbsent(r.signerFingerprint(), new Documenter(r.signerFingerprint(), r.signerUserId())));
        return List.copyOf(found.values());
    }

    /** Every case a record here belongs to, sorted. */
    List<String> cases() {
        TreeSet<String> found = new TreeSet<>();
        records.forEach(r -> found.addAll(r.cases()));
        return List.copyOf(found);
    }

    /** Every Rome Statute tag some record here carries, in the Statute's order. */
    List<String> tags() {
        List<String> statute = LegalTags.shipped().tags();
        TreeSet<Integer> found = new TreeSet<>();
        records.forEach(r -> r.tags().forEach(t -> found.add(statute.indexOf(t))));
        return found.stream().map(statute::get).toList();
    }

    /** The record with this id among those opened, or null. */
    OpenedRecord record(String id) {
        return records.stream().filter(r -> r.id().equals(id)).findFirst().orElse(null);
    }

    private void show(Page next) {
        if (wiped) {
            return;
        }
        page = next;
        listeners.forEach(Runnable::run);
    }

    /** Lock: the opened records and the unlocked key are dropped. */
    @Override
    public void wipe() {
        wiped = true;
        List<OpenedRecord> opened = records;
        records = List.of();
        opened.forEach(OpenedRecord::wipe);
        own = null;
        signer = null;
        query = "";
        place = "";
    }
}
