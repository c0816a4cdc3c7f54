package org.gawah.desktop;

/** What closed the window. Every one of them wipes what the window held. */
enum LockReason {
    /** The lock button. */
    BUTTON,
    /** Ctrl+L. */
    SHORTCUT,
    /** Nobody touched the window for the idle limit. */
    IDLE,
    /** {@code gawah lock} from a terminal. */
    TERMINAL,
    /** The window's own close button: not a lock, but it wipes all the same. */
    CLOSED;

    /** Whether the user (or the idle limit) asked to lock, rather than just closed the window. */
    boolean locked() {
        return this != CLOSED;
    }
}
