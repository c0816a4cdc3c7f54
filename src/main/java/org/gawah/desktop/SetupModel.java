package org.gawah.desktop;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.gawah.Failure;
import org.gawah.GawahException;
import org.gawah.Message;
import org.gawah.app.CertificateImport;
import org.gawah.app.Home;
import org.gawah.app.InputFile;
import org.gawah.app.OwnKeyGeneration;
import org.gawah.keys.Role;
import org.gawah.openpgp.Certificate;
import org.gawah.openpgp.Profile;
import org.gawah.openpgp.SigningKey;

/**
 * The first run without a control: make the home and the key ({@code gawah init} and {@code gawah
 * keys generate}, through the same operations), then pin the team's certificates from files
 * ({@code gawah keys import --role legal|protection}, the same checks and the same signed
 * {@code key_imported} entries), each shown with its fingerprint in groups before it is pinned,
 * to be read out by phone to whoever sent it. The key made here is held unlocked for the window's
 * session, so the pins that follow sign without asking again. Reading, making and pinning are slow:
 * the view calls them off the event thread.
 */
final class SetupModel implements Wipeable {
    enum Page { READING, KEY, CERTIFICATES }

    /** One line of the team's state: its name, whether it is missing, ready or a warning, and its words. */
    record Line(String name, WelcomeModel.Mark mark, Message words) {
    }

    /** The key's kind, as {@code gawah keys generate} makes it by default. */
    private static final String PROFILE = "compat";

    private final Path dir;
    private final UnlockedKey key;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final List<Message> notices = new CopyOnWriteArrayList<>();
    private volatile Page page = Page.READING;
    private volatile HomeStatus status;
    private volatile CertificateImport.Plan plan;
    private volatile Path planned;
    private volatile GawahException problem;
    private volatile Message done;
    /** The name typed for a key refused (the documenter's own work name, shown again to be mended), or null. */
    private volatile String typedName;
    private volatile boolean wiped;

    SetupModel(Path dir, UnlockedKey key) {
        this.dir = dir;
        this.key = key;
    }

    void onChange(Runnable listener) {
        listeners.add(listener);
    }

    Page page() {
        return page;
    }

    Path dir() {
        return dir;
    }

    /** Reads the home: the key page while it has no key, else the certificates page. */
    void read() {
        HomeStatus read = HomeStatus.read(dir);
        status = read;
        show(read.exists() && read.ownKey() ? Page.CERTIFICATES : Page.KEY);
    }

    /** The name typed before a refusal, to show again; or null. */
    String typedName() {
        return typedName;
    }

    /** The meter's reading of what is typed (not kept). */
    PassphraseStrength strength(char[] typed) {
        return PassphraseStrength.of(typed);
    }

    /**
     * Makes the home (when it is not there) and the key, named {@code name}, protected by the
     * passphrase typed twice (both wiped here, whatever happens); the key stays unlocked for
     * this window's session. Then the certificates page.
     */
    void create(String name, char[] first, char[] again) {
        typedName = name;
        try {
            String userId = name == null ? "" : name.strip();
            if (userId.isEmpty()) {
                throw new GawahException(Failure.USAGE, Messages.of("setup.name.required"));
            }
            int at = org.gawah.Screen.disguisingAt(userId);
            if (at >= 0) {
                throw new GawahException(Failure.USAGE, Messages.of("setup.name.invisible",
                        Integer.toHexString(userId.codePointAt(at)).toUpperCase(java.util.Locale.ROOT)));
            }
            OwnKeyGeneration.checkSame(first, again);
            Home home = home();
            home.create(null);
            OwnKeyGeneration.Generated made = OwnKeyGeneration.generate(home, Profile.byLabel(PROFILE), userId, first);
            key.hold(made.signer(), made.key());
            typedName = null;
            problem = null;
            done = Messages.of("setup.key.made", Ltr.of(org.gawah.Fingerprints.grouped(made.key().fingerprint())));
            read();
        } catch (GawahException e) {
            problem = e;
            show(Page.KEY);
        } finally {
            Arrays.fill(first, '\0');
            Arrays.fill(again, '\0');
        }
    }

    /**
     * Reads the certificates in {@code file} and checks them for pinning under {@code role},
     * pinning nothing yet: the page then shows each with its fingerprint, to be confirmed.
     */
    void choose(Role role, Path file) {
        try {
            List<Certificate> found = Certificate.parseAll(InputFile.read(file, InputFile.Kind.CERTIFICATE));
            plan = CertificateImport.plan(home(), role, found);
            planned = file;
            problem = null;
            done = null;
        } catch (GawahException e) {
            plan = null;
            problem = e;
        }
        show(Page.CERTIFICATES);
    }

    /** The certificates read and waiting to be confirmed, or null. */
    CertificateImport.Plan plan() {
        return plan;
    }

    Path planned() {
        return planned;
    }

    /** Whether pinning needs the passphrase first (the key is not unlocked in this window yet). */
    boolean needsPassphrase() {
        return key.get() == null;
    }

    /**
     * Pins what was read and shown, and logs each pin signed; {@code passphrase} (wiped here)
     * unlocks the key when it is not unlocked yet, and is ignored when it is.
     */
    void pin(char[] passphrase) {
        CertificateImport.Plan confirmed = plan;
        try {
            if (confirmed == null) {
                return;
            }
            SigningKey signer = key.get();
            if (signer == null) {
                signer = confirmed.own().unlockForSigning(passphrase, Instant.now());
                key.hold(signer, confirmed.own());
            }
            CertificateImport.commit(home(), confirmed, signer);
            done = confirmed.role() == Role.LEGAL ? Messages.of("setup.pinned.legal", confirmed.pins().size())
                    : Messages.of("setup.pinned.protection", confirmed.pins().size());
            plan = null;
            planned = null;
            problem = null;
            read();
        } catch (GawahException e) {
            problem = e;
            show(Page.CERTIFICATES);
        } finally {
            Arrays.fill(passphrase, '\0');
        }
    }

    /** Forgets what was read, pinning nothing. */
    void cancel() {
        plan = null;
        planned = null;
        problem = null;
        show(Page.CERTIFICATES);
    }

    GawahException problem() {
        return problem;
    }

    /** What the last step did (the key made, certificates pinned), or null. */
    Message done() {
        return done;
    }

    List<Message> notices() {
        return List.copyOf(notices);
    }

    /**
     * The team as this home holds it: the interview waits for a legal-team key; one only is a
     * warning (lose it and every record is lost); a protection officer's key is asked for.
     */
    List<Line> lines() {
        HomeStatus s = status;
        List<Line> lines = new ArrayList<>();
        if (s == null || !s.exists() || !s.ownKey()) {
            return lines;
        }
        int legal = s.pinned(Role.LEGAL);
        lines.add(legal == 0 ? new Line("legal", WelcomeModel.Mark.MISSING, Messages.of("setup.legal.none"))
                : legal == 1 ? new Line("legal", WelcomeModel.Mark.WARNING, Messages.of("setup.legal.one"))
                : new Line("legal", WelcomeModel.Mark.READY, Messages.of("welcome.legal.many", legal)));
        int protection = s.pinned(Role.PROTECTION);
        lines.add(protection == 0 ? new Line("protection", WelcomeModel.Mark.WARNING, Messages.of("setup.protection.none"))
                : new Line("protection", WelcomeModel.Mark.READY, Messages.of("welcome.protection.some", protection)));
        return lines;
    }

    private Home home() {
        return new Home(dir, notices::add);
    }

    private void show(Page next) {
        if (wiped) {
            return;
        }
        page = next;
        listeners.forEach(Runnable::run);
    }

    /** Lock: what was read is dropped (the key is the session's, wiped with it). */
    @Override
    public void wipe() {
        wiped = true;
        plan = null;
        planned = null;
        status = null;
        typedName = null;
        done = null;
        problem = null;
    }
}
