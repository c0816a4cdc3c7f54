package org.gawah.desktop;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.gawah.GawahException;
import org.gawah.Message;
import org.gawah.app.CheckStep;
import org.gawah.app.Home;
import org.gawah.app.SubmissionCheck;
import org.gawah.app.SubmissionImport;
import org.gawah.app.SubmissionReport;

/**
 * The import page without a control: a submission bag chosen or dropped is checked and judged
 * first ({@link SubmissionImport}, as {@code gawah import} does), and the whole report shown before
 * anything is stored; then, with the passphrase of this home's key, imported with progress. A bag
 * refused says why, and nothing is stored. The bag stays open from the report to the import, so
 * that what is stored is what was reported (a file changed meanwhile is refused as it is stored).
 * Checking and importing are slow: the view calls them off the event thread.
 */
final class ImportModel implements Wipeable {
    enum Page { CHOOSE, CHECKING, REPORT, INVALID, IMPORTING, IMPORTED }

    private final Path dir;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final List<Message> notes = new CopyOnWriteArrayList<>();
    private final CheckProgress steps = new CheckProgress();
    private volatile Page page = Page.CHOOSE;
    private volatile Path file;
    private volatile SubmissionImport open;
    private volatile SubmissionReport report;
    private volatile GawahException problem;
    private volatile SubmissionImport.Outcome outcome;
    private volatile int unchecked;
    private volatile long done;
    private volatile long of;
    private volatile long lastTold;
    private volatile boolean wiped;

    ImportModel(Path dir) {
        this.dir = dir;
    }

    void onChange(Runnable listener) {
        listeners.add(listener);
    }

    Page page() {
        return page;
    }

    /**
     * Checks the bag in {@code chosen} (a zip, as gawah import takes it) and judges it against this
     * vault, storing nothing: the report page, or the refusal.
     */
    void check(Path chosen) {
        closeBag();
        steps.clear();
        notes.clear();
        file = chosen;
        report = null;
        outcome = null;
        problem = null;
        done = 0;
        of = 0;
        show(Page.CHECKING);
        SubmissionImport opening = null;
        try {
            opening = SubmissionImport.open(home(), chosen, true, steps::begin);
            open = opening;
            of = SubmissionCheck.size(chosen);
            SubmissionReport checked = opening.check(this::advance, steps::begin);
            steps.finish();
            if (checked.signer() == SubmissionReport.Signer.NOT_PINNED) {
                steps.warn(CheckStep.SIGNATURE);
            } else if (checked.refusedHere() != null || checked.refusal() != null) {
                steps.warn(CheckStep.THIS_VAULT);
            }
            report = checked;
            show(Page.REPORT);
        } catch (GawahException e) {
            steps.fail();
            problem = e;
            if (opening != null) {
                opening.close();
            }
            open = null;
            show(Page.INVALID);
        }
        if (wiped) {
            closeBag();
        }
    }

    /**
     * Imports the bag reported, the entries signed with this home's key unlocked by
     * {@code passphrase} (wiped here, whatever happens). A wrong passphrase, or a refusal found
     * under the write lock, goes back to the report with the reason; nothing was stored then.
     */
    void importBag(char[] passphrase) {
        SubmissionImport bag = open;
        SubmissionReport checked = report;
        try {
            if (bag == null || checked == null) {
                return;
            }
            problem = null;
            done = 0;
            of = checked.bag().payloadBytes();
            show(Page.IMPORTING);
            org.gawah.openpgp.Opener.PassphraseSource ask = fingerprint -> passphrase.clone();
            unchecked = bag.checkSigners(checked, ask);
            outcome = bag.store(checked, ask, this::advance);
            closeBag();
            show(Page.IMPORTED);
        } catch (GawahException e) {
            problem = e;
            show(Page.REPORT);
        } finally {
            Arrays.fill(passphrase, '\0');
        }
    }

    /** Back to choosing a bag. */
    void again() {
        closeBag();
        report = null;
        problem = null;
        outcome = null;
        steps.clear();
        show(Page.CHOOSE);
    }

    Path file() {
        return file;
    }

    SubmissionReport report() {
        return report;
    }

    GawahException problem() {
        return problem;
    }

    SubmissionImport.Outcome outcome() {
        return outcome;
    }

    /** How many records were stored without their inner signer checked here (not sealed to this home's key). */
    int unchecked() {
        return unchecked;
    }

    List<CheckProgress.Shown> steps() {
        return steps.shown();
    }

    /** What the home said of files a killed command left (settled as any command settles them). */
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

    /** Counts what was read or stored, telling the view about ten times a second at most. */
    private void advance(long bytes) {
        done += bytes;
        long now = System.nanoTime();
        if (now - lastTold > 100_000_000L) {
            lastTold = now;
            listeners.forEach(Runnable::run);
        }
    }

    private void closeBag() {
        SubmissionImport bag = open;
        open = null;
        if (bag != null) {
            bag.close();
        }
    }

    private void show(Page next) {
        if (wiped) {
            return;
        }
        page = next;
        listeners.forEach(Runnable::run);
    }

    /** Lock: the bag is closed and its report forgotten. */
    @Override
    public void wipe() {
        wiped = true;
        closeBag();
        report = null;
        outcome = null;
        file = null;
    }
}
