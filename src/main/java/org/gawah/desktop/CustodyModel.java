package org.gawah.desktop;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.gawah.GawahException;
import org.gawah.Message;
import org.gawah.app.CustodyTimeline;
import org.gawah.app.Home;
import org.gawah.app.VaultCheck;

/**
 * The custody page without a control: the vault's own custody log as a timeline, every entry as
 * {@code gawah log} shows it ({@link CustodyTimeline}: its kind, time, signer and subject), and
 * above it what {@code gawah verify --vault} finds ({@link VaultCheck}: the chain, every signature,
 * every record against its entry, the time-stamps). Both read only: the window appends no
 * {@code verified} entry (the command does, with the key's passphrase). The timeline is read first,
 * then the slower check; the view calls {@link #load} off the event thread.
 */
final class CustodyModel implements Wipeable {
    enum Page { LOADING, SHOWN }

    private final Path dir;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final List<Message> notes = new CopyOnWriteArrayList<>();
    private volatile Page page = Page.LOADING;
    private volatile List<CustodyTimeline.Line> lines = List.of();
    private volatile GawahException logProblem;
    private volatile boolean checking;
    private volatile VaultCheck.Report check;
    private volatile GawahException checkProblem;
    private volatile boolean wiped;

    CustodyModel(Path dir) {
        this.dir = dir;
    }

    void onChange(Runnable listener) {
        listeners.add(listener);
    }

    Page page() {
        return page;
    }

    /** Reads the log, shows it, then checks the vault and shows what the check found. */
    void load() {
        notes.clear();
        Home home = new Home(dir, notes::add);
        List<CustodyTimeline.Line> read = new ArrayList<>();
        logProblem = null;
        check = null;
        checkProblem = null;
        checking = true;
        try {
            CustodyTimeline.read(home, () -> { }, read::add);
        } catch (GawahException e) {
            logProblem = e;
        }
        lines = List.copyOf(read);
        show(Page.SHOWN);
        try {
            check = VaultCheck.run(home);
        } catch (GawahException e) {
            checkProblem = e;
        } finally {
            checking = false;
        }
        show(Page.SHOWN);
    }

    /** Every entry of the log as stored, in order (one not well formed has only its number). */
    List<CustodyTimeline.Line> lines() {
        return lines;
    }

    /** Why the log does not hold up to its signatures (named after every entry was read), or null. */
    GawahException logProblem() {
        return logProblem;
    }

    boolean checking() {
        return checking;
    }

    /** What verify --vault found, or null while it runs or when it refused. */
    VaultCheck.Report check() {
        return check;
    }

    GawahException checkProblem() {
        return checkProblem;
    }

    List<Message> notes() {
        return List.copyOf(notes);
    }

    private void show(Page next) {
        if (wiped) {
            return;
        }
        page = next;
        listeners.forEach(Runnable::run);
    }

    /** Lock: the log read is forgotten. */
    @Override
    public void wipe() {
        wiped = true;
        lines = List.of();
        check = null;
    }
}
