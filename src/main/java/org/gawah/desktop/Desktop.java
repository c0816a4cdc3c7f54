package org.gawah.desktop;

import java.awt.AWTError;
import java.awt.GraphicsEnvironment;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;

import javax.imageio.ImageIO;
import javax.swing.SwingUtilities;

import com.formdev.flatlaf.FlatLightLaf;

import org.gawah.Failure;
import org.gawah.GawahException;

/**
 * Gawah in a window ({@code gawah desktop}): opens it, and tells whoever opened it when it has
 * closed and whether it was locked. The window is closed at once, wiping what it held, by its lock
 * button, Ctrl+L, {@link #lockFromTerminal} (which {@code gawah lock} reaches through the home's
 * session file) or the idle limit; closing it wipes too.
 */
public final class Desktop implements AutoCloseable {
    public static final int DEFAULT_LOCK_AFTER_MINUTES = 10;
    static final int MOST_LOCK_AFTER_MINUTES = 24 * 60;

    private static boolean prepared;

    private final WindowModel model;
    private final MainWindow window;

    private Desktop(WindowModel model, MainWindow window) {
        this.model = model;
        this.window = window;
    }

    /**
     * Opens the window on the home in {@code home}, speaking {@code language}, locking itself after
     * {@code lockAfterMinutes} without use. Refuses a limit outside 1 minute to a day, and a
     * computer without a screen (a terminal over SSH, a server).
     */
    public static Desktop open(Path home, Locale language, int lockAfterMinutes) {
        if (lockAfterMinutes < 1 || lockAfterMinutes > MOST_LOCK_AFTER_MINUTES) {
            throw new GawahException(Failure.USAGE, Messages.of("desktop.lock-after.invalid", lockAfterMinutes),
                    Messages.of("desktop.lock-after.invalid.hint", MOST_LOCK_AFTER_MINUTES, DEFAULT_LOCK_AFTER_MINUTES));
        }
        return open(home, language, Duration.ofMinutes(lockAfterMinutes));
    }

    static Desktop open(Path home, Locale language, Duration lockAfter) {
        if (GraphicsEnvironment.isHeadless()) {
            throw new GawahException(Failure.NOT_READY, Messages.of("desktop.no-screen"), Messages.of("desktop.no-screen.hint"));
        }
        WindowModel model = new WindowModel(language, lockAfter);
        try {
            prepare();
            return new Desktop(model, onEventThread(() -> MainWindow.show(model, home)));
        } catch (AWTError e) {
            // DISPLAY names a screen that cannot be reached; the JDK's message says which.
            throw new GawahException(Failure.NOT_READY, Messages.of("desktop.screen-unreachable", e.getMessage()),
                    Messages.of("desktop.no-screen.hint"), e);
        }
    }

    /**
     * What the window needs before its first control, once a process: no image data cached in the
     * temporary folder, FlatLaf without its native library (which it would copy into the temporary
     * folder), the bundled font, the look.
     */
    private static synchronized void prepare() {
        if (prepared) {
            return;
        }
        ImageIO.setUseCache(false);
        System.setProperty("flatlaf.useNativeLibrary", "false");
        BundledFonts.register();
        onEventThread(() -> {
            FlatLightLaf.setup();
            return null;
        });
        prepared = true;
    }

    /**
     * Uses the records page of this window as a legal team does (unlock with {@code passphrase},
     * which is wiped, open every record, search), then locks the window: the run dist/build.sh
     * trains the window's ahead-of-time cache on, over a throw-away home ({@code gawah desktop
     * --train-records-page}).
     */
    public void trainOnRecords(char[] passphrase) throws InterruptedException {
        RecordsTraining.run(this, passphrase);
    }

    /** Locks the window, from any thread: what {@code gawah lock} does through the home's session file. */
    public void lockFromTerminal() {
        model.lock(LockReason.TERMINAL);
    }

    /** Waits until the window has closed; true when it was locked, false when it was only closed. */
    public boolean awaitClosed() throws InterruptedException {
        window.awaitClosed();
        return model.lockedBy().locked();
    }

    /** What lock did that the closed window can no longer say (an interview kept as a sealed draft, or not): for the terminal. */
    public java.util.List<org.gawah.Message> saidAfterLock() {
        return model.saidAfterLock();
    }

    WindowModel model() {
        return model;
    }

    MainWindow window() {
        return window;
    }

    /** Closes the window (wiping what it held) if it is still open, and waits until it has. */
    @Override
    public void close() {
        model.lock(LockReason.CLOSED);
        try {
            window.awaitClosed();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private interface Action<T> {
        T run();
    }

    /** Runs {@code action} on the event thread and waits for its result (never called from that thread). */
    private static <T> T onEventThread(Action<T> action) {
        if (SwingUtilities.isEventDispatchThread()) {
            return action.run();
        }
        AtomicReference<T> result = new AtomicReference<>();
        try {
            SwingUtilities.invokeAndWait(() -> result.set(action.run()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the window opened", e);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            if (cause instanceof Error) {
                throw (Error) cause;
            }
            throw new IllegalStateException(cause);
        }
        return result.get();
    }
}
