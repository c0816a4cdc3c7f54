package org.gawah.desktop;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;

import org.gawah.GawahException;
import org.gawah.Message;
import org.gawah.app.Home;
import org.gawah.app.Submit;
import org.gawah.openpgp.SecretKey;
import org.gawah.openpgp.SigningKey;
import org.gawah.vault.RecordSummary;
import org.gawah.vault.SignedVault;
import org.gawah.vault.Vault;

/**
 * The documenter's own records without a control: what {@code gawah list} shows a documenter of
 * the records this home's key sealed (the clear metadata only: the key is write-only, so no
 * testimony is read), and whether a bag has carried each one yet; then submitting them
 * ({@link Submit}, the operation {@code gawah submit} runs) into a folder chosen, a USB stick,
 * with the key unlocked once a window session, progress, and cancel, which leaves nothing
 * half-written; then what went and who can read it. Reading and submitting are slow: the view
 * calls them off the event thread.
 */
final class MyRecordsModel implements Wipeable {
    enum Page { CANNOT_BEGIN, LIST, UNLOCK, SUBMITTING, SUBMITTED }

    /** One record as the page lists it, from signed metadata: nothing of what it says. */
    record Row(String id, Instant sealedAt, long testimonySize, boolean identityApart, int attachments,
               long attachmentBytes, int keys, boolean submitted) {
    }

    private final Path home;
    private final UnlockedKey key;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final List<Message> notices = new CopyOnWriteArrayList<>();
    private volatile Page page;
    private volatile SecretKey own;
    private volatile List<Row> rows = List.of();
    private volatile GawahException problem;
    /** Said on the list after a cancel: nothing was written; or null. */
    private volatile Message said;
    private volatile Path folder;
    private volatile boolean since;
    private volatile long done;
    private volatile long total;
    private volatile boolean signing;
    private volatile boolean cancelled;
    private volatile Submit.Submitted submitted;
    private volatile boolean wiped;
    /** Open while a submission runs: lock waits (a little) for a cancelled one to remove its bag. */
    private volatile java.util.concurrent.CountDownLatch running = new java.util.concurrent.CountDownLatch(0);

    MyRecordsModel(Path home, UnlockedKey key) {
        this.home = home;
        this.key = key;
    }

    void onChange(Runnable listener) {
        listeners.add(listener);
    }

    Page page() {
        return page;
    }

    /**
     * Reads the home as {@code gawah list} does (the signed log, each record checked against it),
     * keeping this home's own records; slow: keys are parsed, the log's signatures checked.
     */
    void begin() {
        try {
            read();
            // Only what no earlier bag held, once a bag has gone and something is left to send.
            since = rows.stream().anyMatch(Row::submitted) && rows.stream().anyMatch(r -> !r.submitted());
            problem = null;
            show(Page.LIST);
        } catch (GawahException e) {
            problem = e;
            show(Page.CANNOT_BEGIN);
        }
    }

    private void read() {
        Home opened = new Home(home, this::notice);
        SecretKey ownKey = opened.keyring().requireOwnKey();
        List<Row> read;
        try (Vault vault = opened.vault()) {
            SignedVault signed = opened.signed(vault);
            Set<String> waiting = new HashSet<>(signed.unsubmittedRecords());
            read = signed.list().stream().filter(r -> r.documenters().contains(ownKey.fingerprint()))
                    .map(r -> row(r, !waiting.contains(r.id()))).toList();
        }
        own = ownKey;
        rows = read;
    }

    /** The list read again after a submission (what went is marked); a failure to read it is the list's to say. */
    private void readAgain() {
        try {
            read();
        } catch (GawahException e) {
            problem = e;
        }
    }

    private static Row row(RecordSummary r, boolean submitted) {
        return new Row(r.id(), r.sealedAt(), r.testimonySize(), r.identitySize() > 0, r.attachmentCount(),
                r.attachmentBytes(), r.recipients(), submitted);
    }

    List<Row> rows() {
        return rows;
    }

    /** Why the last attempt failed (reading, unlocking, submitting), or null. */
    GawahException problem() {
        return problem;
    }

    /** What to say on the list (a submission cancelled), or null. */
    Message said() {
        return said;
    }

    /** What opening the home said it did to files a killed command left. */
    List<Message> notices() {
        return List.copyOf(notices);
    }

    private void notice(Message message) {
        notices.add(message);
    }

    /** Whether only the records no earlier bag held go ({@code gawah submit --since}). */
    boolean since() {
        return since;
    }

    void since(boolean onlyNew) {
        since = onlyNew;
    }

    /** How many records go with the choice as it stands. */
    int toGo() {
        return (int) rows.stream().filter(r -> !since || !r.submitted()).count();
    }

    String keyFingerprint() {
        return own == null ? "" : own.fingerprint();
    }

    Path folder() {
        return folder;
    }

    /**
     * Submits into {@code chosen} (a folder), the bag named by its id there: at once when the key
     * is unlocked in this window, else the unlock page first. Slow: the view calls it off the event thread.
     */
    void submitTo(Path chosen) {
        folder = chosen;
        said = null;
        if (key.get() == null) {
            problem = null;
            show(Page.UNLOCK);
            return;
        }
        submit();
    }

    /** Unlocks the key with {@code passphrase} (wiped here, whatever happens), then submits. Slow: S2K. */
    void unlock(char[] passphrase) {
        try {
            key.hold(own.unlockForSigning(passphrase, Instant.now()), own);
        } catch (GawahException e) {
            problem = e;
            show(Page.UNLOCK);
            return;
        } finally {
            Arrays.fill(passphrase, '\0');
        }
        submit();
    }

    /** Back to the list from the unlock page, nothing sent. */
    void back() {
        problem = null;
        show(Page.LIST);
    }

    private void submit() {
        running = new java.util.concurrent.CountDownLatch(1);
        try {
            submitNow();
        } finally {
            running.countDown();
        }
    }

    private void submitNow() {
        done = 0;
        total = 0;
        signing = false;
        cancelled = false;
        problem = null;
        show(Page.SUBMITTING);
        try {
            submitted = Submit.submit(new Home(home, this::notice), Submit.Request.intoFolder(folder, since),
                    ownKey -> signer(), new Progress());
            readAgain(); // what went is marked as submitted
            show(Page.SUBMITTED);
        } catch (CancellationException e) {
            said = Messages.of("my-records.cancelled");
            readAgain();
            show(Page.LIST);
        } catch (GawahException e) {
            readAgain();
            problem = e;
            show(Page.LIST);
        }
    }

    /** The window's key; lock took it meanwhile: the submission stops, and nothing of it stays. */
    private SigningKey signer() {
        SigningKey signer = key.get();
        if (signer == null) {
            throw new CancellationException();
        }
        return signer;
    }

    /** The progress the page shows, and the cancel it asks for; lock cancels too. */
    private final class Progress implements Submit.Progress {
        private long shown;

        @Override
        public void packing(long bytes, long of) {
            done = bytes;
            total = of;
            // The page is told about ten times a second at most, however small the steps.
            long now = System.nanoTime();
            if (now - shown > 100_000_000L || bytes == of) {
                shown = now;
                listeners.forEach(Runnable::run);
            }
        }

        @Override
        public void signing() {
            signing = true;
            listeners.forEach(Runnable::run);
        }

        @Override
        public boolean cancelled() {
            return cancelled || wiped;
        }
    }

    long done() {
        return done;
    }

    long total() {
        return total;
    }

    /** Whether the bag is being signed and logged: past this, cancel no longer stops it. */
    boolean signing() {
        return signing;
    }

    /** Asks the submission to stop: its bag is removed and nothing is logged. */
    void cancel() {
        cancelled = true;
    }

    /**
     * Lock: a submission running is cancelled, and lock waits up to {@code most} for it to have
     * removed its partial bag (else the next command in the home removes it), while a bag being
     * signed is let finish: it is whole then, not half-written.
     */
    void stopForLock(java.time.Duration most) {
        cancelled = true;
        try {
            running.await(most.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** What went, once submitted. */
    Submit.Submitted submitted() {
        return submitted;
    }

    private void show(Page next) {
        if (wiped) {
            return;
        }
        page = next;
        listeners.forEach(Runnable::run);
    }

    /** Lock: nothing secret is held here (the key is the session's); what was listed and sent is forgotten too. */
    @Override
    public void wipe() {
        wiped = true;
        rows = List.of();
        submitted = null;
        own = null;
    }
}
