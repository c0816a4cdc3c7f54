package org.gawah.desktop;

import java.util.Arrays;

/** Something the window holds in memory that lock must overwrite: typed answers, an unlocked key, a buffer. */
interface Wipeable {
    /** Overwrites what is held and forgets it; safe to call twice and from any thread. */
    void wipe();

    static Wipeable of(char[] chars) {
        return () -> Arrays.fill(chars, '\0');
    }

    static Wipeable of(byte[] bytes) {
        return () -> Arrays.fill(bytes, (byte) 0);
    }
}
