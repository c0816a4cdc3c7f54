package org.gawah.desktop;

import org.gawah.openpgp.SigningKey;

/**
 * The documenter's signing key, unlocked once for the window's session and held in memory only:
 * every record sealed in the window is signed with it without asking again. Lock drops it, and
 * nothing is held after that. (Bouncy Castle's key object cannot be overwritten from here;
 * dropped, it is the collector's: SECURITY.md says what lock cannot reach in the JVM.)
 */
final class UnlockedKey implements Wipeable {
    private SigningKey key;
    private boolean wiped;

    /** The key, or null when it is not unlocked (yet, or any more). */
    synchronized SigningKey get() {
        return key;
    }

    synchronized void hold(SigningKey unlocked) {
        if (!wiped) {
            key = unlocked;
        }
    }

    @Override
    public synchronized void wipe() {
        wiped = true;
        key = null;
    }
}
