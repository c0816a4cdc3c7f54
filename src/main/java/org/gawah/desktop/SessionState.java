package org.gawah.desktop;

import java.nio.CharBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the window's pages hold of one session in memory, so that lock can wipe it all at once:
 * typed answers as {@code char[]} (never {@code String}, which cannot be overwritten), and
 * anything else that can wipe itself (an unlocked key, a buffer). Pages keep nothing typed
 * anywhere else. After {@link #wipe}, the state is spent: whatever is still handed to it (a
 * background task finishing late) is wiped at once instead of kept.
 */
final class SessionState implements Wipeable {
    private final Map<String, char[]> answers = new LinkedHashMap<>();
    private final List<Wipeable> held = new ArrayList<>();
    private boolean wiped;

    /**
     * Keeps {@code text} as the answer to {@code field}; the array is the state's from now on
     * (the caller keeps no copy). An earlier answer to the field is overwritten.
     */
    synchronized void answer(String field, char[] text) {
        if (wiped) {
            Arrays.fill(text, '\0');
            return;
        }
        char[] before = answers.put(field, text);
        if (before != null && before != text) {
            Arrays.fill(before, '\0');
        }
    }

    /** The answer to {@code field}, read-only and not copied, or null; it reads as zeros once wiped. */
    synchronized CharSequence answer(String field) {
        char[] text = answers.get(field);
        return text == null ? null : CharBuffer.wrap(text).asReadOnlyBuffer();
    }

    /** Keeps something to wipe with the answers (an unlocked key, a buffer). */
    synchronized void hold(Wipeable secret) {
        if (wiped) {
            secret.wipe();
            return;
        }
        held.add(secret);
    }

    synchronized boolean wiped() {
        return wiped;
    }

    @Override
    public synchronized void wipe() {
        wiped = true;
        for (char[] text : answers.values()) {
            Arrays.fill(text, '\0');
        }
        answers.clear();
        for (Wipeable secret : held) {
            secret.wipe();
        }
        held.clear();
    }
}
