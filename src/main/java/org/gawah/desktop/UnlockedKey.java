package org.gawah.desktop;

import org.gawah.openpgp.SecretKey;
import org.gawah.openpgp.SigningKey;

/**
 * The documenter's key, unlocked once for the window's session and held in memory only: every
 * record sealed in the window is signed with it without asking again, and the secret key it was
 * unlocked from (whose decryption part the same unlock opened) opens the documenter's own drafts
 * to resume them. Lock drops both, and nothing is held after that. (Bouncy Castle's key objects
 * cannot be overwritten from here; dropped, they are the collector's: SECURITY.md says what lock
 * cannot reach in the JVM.)
 */
final class UnlockedKey implements Wipeable {
    private SigningKey key;
    private SecretKey own;
    private boolean wiped;

    /** The key, or null when it is not unlocked (yet, or any more). */
    synchronized SigningKey get() {
        return key;
    }

    /** The secret key {@link #get} was unlocked from, or null (not unlocked, or unlocked without it). */
    synchronized SecretKey own() {
        return own;
    }

    synchronized void hold(SigningKey unlocked) {
        if (!wiped) {
            key = unlocked;
        }
    }

    /** Holds the signing key with the secret key whose unlock made it. */
    synchronized void hold(SigningKey unlocked, SecretKey from) {
        if (!wiped) {
            key = unlocked;
            own = from;
        }
    }

    @Override
    public synchronized void wipe() {
        wiped = true;
        key = null;
        own = null;
    }
}
