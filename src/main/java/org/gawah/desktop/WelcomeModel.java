package org.gawah.desktop;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.gawah.GawahException;
import org.gawah.Message;
import org.gawah.app.DraftResume;
import org.gawah.app.Home;
import org.gawah.keys.Role;

/**
 * The welcome page without its controls: what this computer has of Gawah (a home, a key, the
 * team's certificates) as lines marked ready, warning or missing, each missing thing with how to
 * fix it, and what to do next; an interview the window's lock interrupted, sealed as a draft, to
 * take up again. Reading the home is {@link #read} (off the event thread); the view hands the
 * result to {@link #show} and renders {@link #lines}, {@link #next} and {@link #draft}.
 */
final class WelcomeModel implements Wipeable {
    enum Mark { READY, WARNING, MISSING }

    /** One line of the page: its mark, its words, and how to fix it (or null). */
    record Line(String name, Mark mark, Message words, Message fix) {
    }

    /** Commands to type are not translated (docs/i18n.md), so they are values, not words of the bundle. */
    private static final String KEY_COMMAND = "gawah keys generate --name \"YOUR WORK NAME\"";
    private static final String LEGAL_COMMAND = "gawah keys import --role legal FILE";
    private static final String PROTECTION_COMMAND = "gawah keys import --role protection FILE";
    private static final String INTERVIEW_COMMAND = "gawah interview";

    private final Path home;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private volatile HomeStatus status;
    /** The draft to offer, read with the status (shown with it); or null. */
    private volatile DraftResume.Found found;
    private volatile DraftResume.Found draft;

    WelcomeModel(Path home) {
        this.home = home;
    }

    Path home() {
        return home;
    }

    /**
     * Reads the home: slow enough (keys are parsed, and the signed log read for a draft to take
     * up) to keep off the event thread.
     */
    HomeStatus read() {
        HomeStatus read = HomeStatus.read(home);
        found = read.exists() && read.ownKey() && read.problem() == null ? draftIn() : null;
        return read;
    }

    /** The home's draft to take up, opened as every command opens the home; a home that cannot tell offers none. */
    private DraftResume.Found draftIn() {
        try {
            return DraftResume.find(new Home(home, settled -> { })).orElse(null);
        } catch (GawahException e) {
            return null; // the interview's own pages say what stops it
        }
    }

    void show(HomeStatus read) {
        status = read;
        draft = found;
        listeners.forEach(Runnable::run);
    }

    /** The interrupted interview's draft to take up once the home is ready, or null. */
    DraftResume.Found draft() {
        return ready() ? draft : null;
    }

    void onChange(Runnable listener) {
        listeners.add(listener);
    }

    /** Whether the home has been read yet. */
    boolean checked() {
        return status != null;
    }

    List<Line> lines() {
        HomeStatus s = status;
        List<Line> lines = new ArrayList<>();
        if (s == null) {
            return lines;
        }
        if (!s.exists()) {
            lines.add(new Line("home", Mark.MISSING, Messages.of("welcome.home.missing", Ltr.of(s.dir())),
                    Messages.of("welcome.fix.home", Ltr.of("gawah init --home " + typed(s.dir())))));
            return lines;
        }
        lines.add(new Line("home", Mark.READY, Messages.of("welcome.home.ready", Ltr.of(s.dir())), null));
        if (s.problem() != null) {
            lines.add(new Line("problem", Mark.MISSING, Messages.of("welcome.unreadable", s.problem()), null));
            return lines;
        }
        lines.add(s.ownKey()
                ? new Line("key", Mark.READY, Messages.of("welcome.key.ready"), null)
                : new Line("key", Mark.MISSING, Messages.of("welcome.key.missing"), Messages.of("welcome.fix.key", Ltr.of(KEY_COMMAND))));
        // A legal team's or a receiving body's computer receives records and need seal none (as doctor sees it).
        boolean workstation = HomeRole.of(s) != HomeRole.DOCUMENTER;
        int legal = s.pinned(Role.LEGAL);
        if (legal == 0 && !workstation) {
            lines.add(new Line("legal", Mark.MISSING, Messages.of("welcome.legal.none"), Messages.of("welcome.fix.legal", Ltr.of(LEGAL_COMMAND))));
        } else if (legal == 1 && !workstation) {
            lines.add(new Line("legal", Mark.WARNING, Messages.of("welcome.legal.one"), Messages.of("welcome.fix.legal", Ltr.of(LEGAL_COMMAND))));
        } else if (legal > 0) {
            lines.add(new Line("legal", Mark.READY, Messages.of("welcome.legal.many", legal), null));
        }
        int protection = s.pinned(Role.PROTECTION);
        if (protection == 0 && !workstation) {
            lines.add(new Line("protection", Mark.WARNING, Messages.of("welcome.protection.none"),
                    Messages.of("welcome.fix.protection", Ltr.of(PROTECTION_COMMAND))));
        } else if (protection > 0) {
            lines.add(new Line("protection", Mark.READY, Messages.of("welcome.protection.some", protection), null));
        }
        if (s.pinned(Role.DOCUMENTER) > 0) {
            lines.add(new Line("documenters", Mark.READY, Messages.of("welcome.documenters", s.pinned(Role.DOCUMENTER)), null));
        }
        if (s.pinned(Role.CUSTODIAN) > 0) {
            lines.add(new Line("custodians", Mark.READY, Messages.of("welcome.custodians", s.pinned(Role.CUSTODIAN)), null));
        }
        return lines;
    }

    /** What the home is for, once it was read and could be ({@link HomeRole}); else null. */
    HomeRole role() {
        HomeStatus s = status;
        return s == null || !s.exists() || s.problem() != null ? null : HomeRole.of(s);
    }

    /** Whether the home was read and has its own key: it has records of its own to show. */
    boolean ownKey() {
        HomeStatus s = status;
        return s != null && s.exists() && s.problem() == null && s.ownKey();
    }

    /** Whether an interview can begin: the home was read and nothing it needs is missing. */
    boolean ready() {
        return status != null && lines().stream().noneMatch(line -> line.mark() == Mark.MISSING);
    }

    /**
     * Whether the first run's pages have something to do: the home, the key or a legal-team key
     * missing, or a warning (one legal-team key only, no protection officer's key).
     */
    boolean setupWanted() {
        return status != null && status.problem() == null && lines().stream().anyMatch(line -> line.mark() != Mark.READY);
    }

    /** What to do next, or null before the home was read. */
    Message next() {
        if (status == null) {
            return null;
        }
        boolean missing = lines().stream().anyMatch(line -> line.mark() == Mark.MISSING);
        return missing ? Messages.of("welcome.next.setup") : Messages.of("welcome.next.ready", Ltr.of(INTERVIEW_COMMAND));
    }

    /** A folder as it must be typed in a terminal: quoted when it holds a space. */
    private static String typed(Path dir) {
        String path = dir.toString();
        return path.matches(".*[\\s\"'$`\\\\].*") ? '"' + path.replaceAll("([\"$`\\\\])", "\\\\$1") + '"' : path;
    }

    /** Nothing secret is held here; forgetting the status keeps lock's promise simple: nothing stays. */
    @Override
    public void wipe() {
        status = null;
        found = null;
        draft = null;
    }
}
