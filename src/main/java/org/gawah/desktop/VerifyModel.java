package org.gawah.desktop;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.gawah.Failure;
import org.gawah.GawahException;
import org.gawah.Message;
import org.gawah.app.CheckStep;
import org.gawah.app.Home;
import org.gawah.app.PackageVerification;
import org.gawah.app.SubmissionCheck;
import org.gawah.openpgp.Opener;

/**
 * The verify page without a control: an evidence package received, dropped or chosen, checked as
 * {@code gawah verify FILE} checks it ({@link PackageVerification}), step by step; one encrypted to
 * this home's key asks for the key's passphrase first, and is decrypted into an encrypted spool,
 * never to plaintext on disk. Writes nothing in the home. Checking is slow: the view calls it off
 * the event thread.
 */
final class VerifyModel implements Wipeable {
    enum Page { CHOOSE, PASSPHRASE, CHECKING, RESULT, INVALID }

    private final Path dir;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final List<Message> notes = new CopyOnWriteArrayList<>();
    private final CheckProgress steps = new CheckProgress();
    private volatile Page page = Page.CHOOSE;
    private volatile Path file;
    private volatile PackageVerification.Result result;
    private volatile GawahException problem;
    private volatile long done;
    private volatile long of;
    private volatile long lastTold;
    private volatile boolean wiped;

    VerifyModel(Path dir) {
        this.dir = dir;
    }

    void onChange(Runnable listener) {
        listeners.add(listener);
    }

    Page page() {
        return page;
    }

    /** Checks the package in {@code chosen}; one encrypted to this home's key asks for the passphrase first. */
    void check(Path chosen) {
        file = chosen;
        result = null;
        problem = null;
        steps.clear();
        notes.clear();
        if (java.nio.file.Files.isRegularFile(chosen) && PackageVerification.isEncrypted(chosen)) {
            show(Page.PASSPHRASE);
            return;
        }
        run(null);
    }

    /** Decrypts the package with this home's key unlocked by {@code passphrase} (wiped here), then checks it. */
    void unlock(char[] passphrase) {
        try {
            run(passphrase);
        } finally {
            Arrays.fill(passphrase, '\0');
        }
    }

    private void run(char[] passphrase) {
        steps.clear();
        problem = null;
        done = 0;
        of = java.nio.file.Files.isRegularFile(file) ? SubmissionCheck.size(file) : 0;
        show(Page.CHECKING);
        Opener.PassphraseSource ask = fingerprint -> passphrase == null ? new char[0] : passphrase.clone();
        try {
            PackageVerification.Result checked = PackageVerification.verify(home(), file, ask, this::advance, steps::begin);
            steps.finish();
            if (!checked.verified().trusted()) {
                steps.warn(CheckStep.SIGNATURE);
            }
            result = checked;
            show(Page.RESULT);
        } catch (GawahException e) {
            steps.fail();
            problem = e;
            // A wrong passphrase is typed again; anything else is the package's (or this home's) refusal.
            show(e.failure() == Failure.BAD_PASSPHRASE ? Page.PASSPHRASE : Page.INVALID);
        }
    }

    /** Back to choosing a package. */
    void again() {
        result = null;
        problem = null;
        steps.clear();
        show(Page.CHOOSE);
    }

    Path file() {
        return file;
    }

    PackageVerification.Result result() {
        return result;
    }

    GawahException problem() {
        return problem;
    }

    List<CheckProgress.Shown> steps() {
        return steps.shown();
    }

    List<Message> notes() {
        return List.copyOf(notes);
    }

    long done() {
        return done;
    }

    long of() {
        return of;
    }

    private Home home() {
        return new Home(dir, notes::add);
    }

    private void advance(long bytes) {
        done += bytes;
        long now = System.nanoTime();
        if (now - lastTold > 100_000_000L) {
            lastTold = now;
            listeners.forEach(Runnable::run);
        }
    }

    private void show(Page next) {
        if (wiped) {
            return;
        }
        page = next;
        listeners.forEach(Runnable::run);
    }

    /** Lock: what was found is forgotten (the spool of a package decrypted was deleted when its check ended). */
    @Override
    public void wipe() {
        wiped = true;
        result = null;
        file = null;
    }
}
