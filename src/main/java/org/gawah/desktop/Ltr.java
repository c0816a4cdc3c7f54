package org.gawah.desktop;

/**
 * A value always written left to right (a folder, a command to type, a fingerprint) put into a
 * sentence that may run right to left. Left alone, the bidirectional algorithm gives the
 * neutral characters at its ends to the sentence: a path's leading slash or a command's closing
 * quote jumps to the other side. Left-to-right marks (U+200E, invisible) at both ends keep them
 * with the value.
 */
final class Ltr {
    private static final char MARK = '\u200E';

    private final String value;

    private Ltr(String value) {
        this.value = value;
    }

    static Ltr of(Object value) {
        return new Ltr(String.valueOf(value));
    }

    @Override
    public String toString() {
        return MARK + value + MARK;
    }
}
