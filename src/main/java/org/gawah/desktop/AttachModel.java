package org.gawah.desktop;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;

import org.gawah.GawahException;
import org.gawah.Message;
import org.gawah.app.AttachToRecord;
import org.gawah.app.AttachmentList;
import org.gawah.app.AttachmentSeal;
import org.gawah.app.Home;
import org.gawah.app.SealProgress;
import org.gawah.app.Shredding;
import org.gawah.keys.Keyring;
import org.gawah.openpgp.SecretKey;
import org.gawah.openpgp.SigningKey;
import org.gawah.vault.RecordSummary;
import org.gawah.vault.Vault;

/**
 * The attachments page without a control: files added to one of the records of this home, as
 * {@code gawah attach RECORD-ID FILE...} adds them (org.gawah.app's {@link AttachToRecord} and
 * {@link AttachmentSeal}, the same operation): a new record, linked to the one chosen, whose
 * signed addendum lists every file with its hashes, encrypted to the same keys. Its pages: unlock
 * the key (once a window session), choose the record and the files (each read as it is added, and
 * what its own metadata could tell of the witness said at once), whether to shred the originals
 * (asked every time), then the sealing with its progress, which Cancel (and lock) stop with
 * nothing stored, and what was sealed. Reading, sealing and shredding are slow: the view calls
 * them off the event thread. Files are streamed, never read whole: any size.
 */
final class AttachModel implements Wipeable {
    enum Page { READING, CANNOT_BEGIN, UNLOCK, CHOOSE, SEALING, SEALED }

    /** One file to seal: as it was read (its size, its id to be, what it could tell of the witness). */
    record File(AttachmentSeal.Planned planned, List<Message> warnings) {
        Path path() {
            return planned.file();
        }
    }

    /** What the last seal did to the originals when shredding was chosen: those shredded, and why it stopped, if it did. */
    record Shredded(List<Path> files, GawahException problem) {
    }

    private final Path dir;
    private final UnlockedKey key;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final List<Runnable> progressListeners = new CopyOnWriteArrayList<>();
    private final List<Message> notices = new CopyOnWriteArrayList<>();
    private volatile Page page = Page.READING;
    private volatile SecretKey own;
    private volatile List<RecordSummary> records = List.of();
    private volatile String chosen;
    private volatile List<File> files = List.of();
    private volatile boolean shred;
    private volatile GawahException problem;
    /** Said once on the page (sealing cancelled, nothing stored), or null. */
    private volatile Message said;
    private volatile AttachToRecord.Attached attached;
    private volatile Shredded shredded;
    private volatile boolean cancelRequested;
    private volatile long done;
    private volatile long total;
    private volatile Path current;
    private volatile int currentNumber;
    private volatile boolean wiped;

    AttachModel(Path dir, UnlockedKey key) {
        this.dir = dir;
        this.key = key;
    }

    void onChange(Runnable listener) {
        listeners.add(listener);
    }

    /** Told (on the sealing thread, often) when more bytes are sealed: a view redraws its bar in its own time. */
    void onProgress(Runnable listener) {
        progressListeners.add(listener);
    }

    Page page() {
        return page;
    }

    /**
     * Begins: reads the home's key and its records (slow: keys are parsed, the signed log read);
     * then the unlock page, or the choice when the key is unlocked already. {@code recordId}, if
     * not null, is the record chosen beforehand (from a list of records).
     */
    void begin(String recordId) {
        try {
            Home home = new Home(dir, this::notice);
            SecretKey ownKey = home.keyring().requireOwnKey();
            List<RecordSummary> listed;
            try (Vault vault = home.vault()) {
                listed = new ArrayList<>(home.signed(vault).list());
            }
            listed.sort(Comparator.comparing(RecordSummary::sealedAt).reversed());
            if (listed.isEmpty()) {
                problem = null;
                said = Messages.of("attach.no-records");
                show(Page.CANNOT_BEGIN);
                return;
            }
            own = ownKey;
            records = List.copyOf(listed);
            chosen = recordId != null && listed.stream().anyMatch(r -> r.id().equals(recordId)) ? recordId : listed.get(0).id();
            startAfresh();
            show(key.get() == null ? Page.UNLOCK : Page.CHOOSE);
        } catch (GawahException e) {
            problem = e;
            said = null;
            show(Page.CANNOT_BEGIN);
        }
    }

    /** The fingerprint of the key to unlock. */
    String keyFingerprint() {
        SecretKey k = own;
        return k == null ? "" : k.fingerprint();
    }

    /** Unlocks the key with {@code passphrase} (wiped here, whatever happens), then the choice. Slow: S2K. */
    void unlock(char[] passphrase) {
        try {
            key.hold(own.unlockForSigning(passphrase, Instant.now()), own);
            problem = null;
            show(Page.CHOOSE);
        } catch (GawahException e) {
            problem = e;
            show(Page.UNLOCK);
        } finally {
            Arrays.fill(passphrase, '\0');
        }
    }

    /** This home's records, newest first. */
    List<RecordSummary> records() {
        return records;
    }

    String chosen() {
        return chosen;
    }

    void choose(String recordId) {
        chosen = recordId;
    }

    /**
     * Adds files (dropped or chosen; slow: each is read for what its metadata says): each checked
     * as {@code gawah attach} checks it, a folder or an unreadable file refused with the reason and
     * nothing of this drop added; a file already in the list is not added twice.
     */
    void add(List<Path> paths) {
        List<Path> fresh = new ArrayList<>();
        for (Path path : paths) {
            Path absolute = path.toAbsolutePath().normalize();
            if (!fresh.contains(absolute) && !listed(absolute)) {
                fresh.add(absolute);
            }
        }
        AttachmentList list = new AttachmentList();
        fresh.forEach(path -> list.add(path, "original"));
        try {
            // Read without holding the list: a file's metadata may take seconds, and Remove must not wait for it.
            List<File> read = new ArrayList<>();
            for (AttachmentSeal.Planned planned : AttachmentSeal.plan(list, List.of(), null, warning -> { })) {
                read.add(new File(planned, planned.warnings()));
            }
            synchronized (this) {
                List<File> all = new ArrayList<>(files);
                read.stream().filter(file -> !listed(file.path())).forEach(all::add);
                files = List.copyOf(all);
            }
            problem = null;
        } catch (GawahException e) {
            problem = e;
        }
        said = null;
        show(Page.CHOOSE);
    }

    private boolean listed(Path path) {
        return files.stream().anyMatch(f -> f.path().equals(path));
    }

    void remove(int index) {
        synchronized (this) {
            List<File> left = new ArrayList<>(files);
            if (index >= 0 && index < left.size()) {
                left.remove(index);
            }
            files = List.copyOf(left);
        }
        problem = null;
        said = null;
        show(Page.CHOOSE);
    }

    List<File> files() {
        return files;
    }

    /** All the files' bytes. */
    long size() {
        return files.stream().mapToLong(f -> f.planned().size()).sum();
    }

    boolean shred() {
        return shred;
    }

    /** Whether to shred the originals once sealed and read back: asked for every attach, never remembered. */
    void shred(boolean chosenToShred) {
        shred = chosenToShred;
    }

    boolean canSeal() {
        return chosen != null && !files.isEmpty() && key.get() != null;
    }

    /**
     * Seals the files as a new record adding to the one chosen (slow: every byte is read, sealed and
     * written; any size, streamed). The home is opened afresh, as every command opens it, and the
     * record added to is held to the signed log again. Cancel (or lock) stops it with nothing
     * stored; a refusal leaves the files listed and says why. When shredding was chosen, the
     * originals are shredded after the seal is stored and read back.
     */
    void seal() {
        SigningKey signer = key.get();
        List<File> sealing = files;
        boolean shredding = shred;
        if (signer == null || sealing.isEmpty() || chosen == null) {
            return;
        }
        cancelRequested = false;
        done = 0;
        total = sealing.stream().mapToLong(f -> f.planned().size()).sum();
        currentNumber = 0;
        current = null;
        problem = null;
        said = null;
        show(Page.SEALING);
        Home home = new Home(dir, this::notice);
        try {
            Keyring keyring = home.keyring();
            SecretKey ownKey = keyring.requireOwnKey();
            try (Vault vault = home.vault()) {
                AttachToRecord.Target target = AttachToRecord.target(home, vault, keyring, ownKey, chosen);
                List<AttachmentSeal.Planned> planned = sealing.stream().map(File::planned).toList();
                AttachToRecord.Attached done = AttachToRecord.seal(vault, target, planned, signer,
                        Instant.now().truncatedTo(ChronoUnit.SECONDS), progress(), warning -> { });
                shredded = shredding ? shred(home, vault, done, planned) : null;
                attached = done;
            }
            files = List.of();
            shred = false;
            show(Page.SEALED);
        } catch (CancellationException e) {
            said = Messages.of("attach.cancelled");
            show(Page.CHOOSE);
        } catch (GawahException e) {
            problem = e;
            show(Page.CHOOSE);
        }
    }

    /** The originals shredded once the seal reads back whole, as --shred-original does; a failure stops there, said. */
    private static Shredded shred(Home home, Vault vault, AttachToRecord.Attached attached, List<AttachmentSeal.Planned> files) {
        List<Path> shredded = new ArrayList<>();
        try {
            Shredding.checkStored(home, vault, attached.recordId(), files.size());
            for (AttachmentSeal.Planned file : files) {
                Shredding.shred(file.file());
                shredded.add(file.file());
            }
            return new Shredded(shredded, null);
        } catch (GawahException e) {
            return new Shredded(shredded, e);
        }
    }

    private SealProgress progress() {
        return new SealProgress() {
            @Override
            public void file(Path file, long size) {
                current = file;
                currentNumber++;
            }

            @Override
            public void bytes(long sealed, long all) {
                done = sealed;
                total = all;
                progressListeners.forEach(Runnable::run);
            }

            @Override
            public boolean cancelled() {
                return cancelRequested || wiped;
            }
        };
    }

    /** Stops the sealing at its next read; nothing is stored. */
    void cancel() {
        cancelRequested = true;
    }

    boolean cancelRequested() {
        return cancelRequested;
    }

    /** Bytes sealed so far, of {@link #total}. */
    long done() {
        return done;
    }

    long total() {
        return total;
    }

    /** The file being sealed, or null. */
    Path current() {
        return current;
    }

    /** Which of the files is being sealed, from 1. */
    int currentNumber() {
        return currentNumber;
    }

    /** What the last seal made: the new record and each file with its hashes; or null. */
    AttachToRecord.Attached attached() {
        return attached;
    }

    /** What shredding did after the last seal, or null when it was not chosen. */
    Shredded shredded() {
        return shredded;
    }

    /** Back to the choice, to attach other files (to the same record unless another is chosen). */
    void again() {
        startAfresh();
        show(Page.CHOOSE);
    }

    private void startAfresh() {
        files = List.of();
        shred = false;
        attached = null;
        shredded = null;
        problem = null;
        said = null;
    }

    /** Why the last attempt failed (begin, unlock, a file, the seal), or null. */
    GawahException problem() {
        return problem;
    }

    /** What the page says once (the sealing cancelled; no record yet), or null. */
    Message said() {
        return said;
    }

    /** What opening the home said it did to files a killed command left (a line each on the page). */
    List<Message> notices() {
        return List.copyOf(notices);
    }

    private void notice(Message message) {
        notices.add(message);
    }

    private void show(Page next) {
        if (wiped) {
            return;
        }
        page = next;
        listeners.forEach(Runnable::run);
    }

    /**
     * Lock: a sealing under way stops at its next read (nothing stored), and what was chosen and
     * read is dropped (the key is the session's, wiped with it).
     */
    @Override
    public void wipe() {
        wiped = true;
        cancelRequested = true;
        own = null;
        records = List.of();
        chosen = null;
        files = List.of();
        attached = null;
        shredded = null;
        current = null;
    }
}
