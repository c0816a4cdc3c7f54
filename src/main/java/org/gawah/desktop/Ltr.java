package org.gawah.desktop;

import org.gawah.Message;

/**
 * A value always written left to right (a folder, a command to type, a fingerprint) put into a
 * sentence that may run right to left. Left alone, the bidirectional algorithm gives the neutral
 * characters at its ends to the sentence: a path's leading slash or a command's closing quote
 * jumps to the other side. The message {@code value.ltr} puts left-to-right marks (U+200E,
 * invisible) at both ends; the value itself goes through the one display path like any other
 * ({@link org.gawah.Screen#value}, which escapes such marks inside a value).
 */
final class Ltr {
    private Ltr() {
    }

    static Message of(Object value) {
        return Messages.of("value.ltr", value);
    }
}
