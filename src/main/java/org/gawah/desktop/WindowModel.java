package org.gawah.desktop;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.gawah.Language;
import org.gawah.Message;

/**
 * The window as a whole, without a single control: the language it speaks, the session's state,
 * the idle clock, and the lock. Lock may come from any thread (the lock watcher of
 * {@code gawah lock} runs on its own): it lets the pages keep what they must (an interview's
 * draft, sealed), then wipes the session and every page's model on the calling thread, before
 * anyone is told, and happens once.
 */
final class WindowModel {
    private final SessionState session = new SessionState();
    /** The documenter's key, unlocked at most once a window session; wiped with the session. */
    private final UnlockedKey key = new UnlockedKey();
    private final IdleClock idle;
    private final List<Wipeable> pages = new CopyOnWriteArrayList<>();
    private final List<Consumer<Locale>> languageListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<LockReason>> lockListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<LockReason>> savers = new CopyOnWriteArrayList<>();
    private final List<Message> afterLock = new CopyOnWriteArrayList<>();
    private final AtomicReference<LockReason> lockedBy = new AtomicReference<>();
    private volatile Locale language;

    WindowModel(Locale language, Duration lockAfter) {
        this(language, new IdleClock(lockAfter, System::nanoTime));
    }

    WindowModel(Locale language, IdleClock idle) {
        this.idle = idle;
        session.hold(key);
        this.language = supported(language);
        Language.use(this.language);
    }

    SessionState session() {
        return session;
    }

    UnlockedKey key() {
        return key;
    }

    IdleClock idle() {
        return idle;
    }

    Locale language() {
        return language;
    }

    /**
     * Speaks {@code locale} from now on: this window's words and every message of the program
     * (one language a process), then tells the views, which show their words again.
     */
    void language(Locale locale) {
        Locale chosen = supported(locale);
        if (chosen.equals(language)) {
            return;
        }
        language = chosen;
        Language.use(chosen);
        languageListeners.forEach(listener -> listener.accept(chosen));
    }

    void onLanguage(Consumer<Locale> listener) {
        languageListeners.add(listener);
    }

    /** A page's model, wiped with the session on lock. */
    <T extends Wipeable> T page(T model) {
        pages.add(model);
        if (lockedBy.get() != null) {
            model.wipe();
        }
        return model;
    }

    /**
     * Work a page keeps before lock wipes it, run by lock on its thread with the session (the
     * unlocked key) still held: the interview seals what it holds as a draft. A saver that fails
     * does not stop the lock; it says so with {@link #afterLock(Message)}.
     */
    void beforeLock(Consumer<LockReason> saver) {
        savers.add(saver);
    }

    /** What lock did that the window cannot show any more (a draft sealed, or not): for whoever opened the window. */
    void afterLock(Message said) {
        afterLock.add(said);
    }

    List<Message> saidAfterLock() {
        return List.copyOf(afterLock);
    }

    void onLock(Consumer<LockReason> listener) {
        lockListeners.add(listener);
    }

    /** Locks now; true if this call did it, false if the window was already locked. */
    boolean lock(LockReason reason) {
        if (!lockedBy.compareAndSet(null, reason)) {
            return false;
        }
        for (Consumer<LockReason> saver : savers) {
            try {
                saver.accept(reason);
            } catch (RuntimeException e) {
                // Whatever failed, the lock goes on: the saver said what it could not keep.
            }
        }
        session.wipe();
        pages.forEach(Wipeable::wipe);
        lockListeners.forEach(listener -> listener.accept(reason));
        return true;
    }

    /** What locked the window, or null while it is open. */
    LockReason lockedBy() {
        return lockedBy.get();
    }

    /** Called by the view every second or so: locks if nobody used the window for the idle limit. */
    void checkIdle() {
        if (idle.expired()) {
            lock(LockReason.IDLE);
        }
    }

    private static Locale supported(Locale locale) {
        return Language.SUPPORTED.contains(locale) ? locale : Language.ENGLISH;
    }
}
