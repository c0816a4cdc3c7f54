package org.gawah.cli;

import java.nio.charset.StandardCharsets;

import org.gawah.Screen;

/**
 * Content from outside (an opened testimony: whatever its signer put in it) made harmless for a
 * terminal, by the same rules as every other text from outside ({@link Screen#disguises}): what
 * a terminal would obey or what would disguise (C0 controls but line feed and tab, DEL, C1
 * controls, bidi marks, embeddings, overrides and isolates, invisible and unassigned characters)
 * is shown as a JSON escape (<code>&#92;u001b</code>), which is what it is inside a JSON string: the
 * testimony shown still reads as the same JSON. Bytes that are not UTF-8 are shown as
 * {@code \xE9}. Everything else, Dari and Pashto included, passes as it is. Only for a screen:
 * piped or written to a file, content keeps its exact bytes. Works on the bytes, so that no
 * String copy of the plaintext is made.
 */
final class ScreenText {
    private ScreenText() {
    }

    /** What {@link #visible} does to one byte array: the bytes to show, and how many characters were escaped. */
    record Shown(byte[] bytes, int escaped) {
    }

    static Shown visible(byte[] data) {
        int escaped = 0;
        long length = 0;
        int before = -1;
        for (int i = 0; i < data.length; ) {
            int n = sequence(data, i);
            if (n < 0) {
                escaped++;
                length += 4;
                before = -1;
                i++;
            } else {
                int c = codePoint(data, i, n);
                if (unsafe(c, before, after(data, i + n))) {
                    escaped++;
                    length += c > 0xffff ? 12 : 6;
                } else {
                    length += n;
                }
                before = c;
                i += n;
            }
        }
        if (escaped == 0) {
            return new Shown(data, 0);
        }
        // Sized exactly, so that no grown and abandoned copy of the plaintext is left behind.
        byte[] out = new byte[Math.toIntExact(length)];
        int at = 0;
        before = -1;
        for (int i = 0; i < data.length; ) {
            int n = sequence(data, i);
            if (n < 0) {
                at = put(out, at, String.format("\\x%02X", data[i] & 0xff));
                before = -1;
                i++;
                continue;
            }
            int c = codePoint(data, i, n);
            if (unsafe(c, before, after(data, i + n))) {
                StringBuilder escape = new StringBuilder(12);
                Screen.escape(c, escape);
                at = put(out, at, escape.toString());
            } else {
                System.arraycopy(data, i, out, at, n);
                at += n;
            }
            before = c;
            i += n;
        }
        return new Shown(out, escaped);
    }

    /** Whether a terminal could act on this character, or be made to hide something by it, instead of showing it. */
    static boolean unsafe(int c, int before, int after) {
        return c != '\n' && c != '\t' && Screen.disguises(c, before, after);
    }

    /** The character that starts at {@code i}, or -1 at the end or before bytes that are not UTF-8. */
    private static int after(byte[] data, int i) {
        if (i >= data.length) {
            return -1;
        }
        int n = sequence(data, i);
        return n < 0 ? -1 : codePoint(data, i, n);
    }

    private static int put(byte[] out, int at, String ascii) {
        byte[] bytes = ascii.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(bytes, 0, out, at, bytes.length);
        return at + bytes.length;
    }

    /** The length of the well-formed UTF-8 sequence at {@code i} (RFC 3629: no overlong forms, no surrogates), or -1. */
    static int sequence(byte[] b, int i) {
        int lead = b[i] & 0xff;
        if (lead < 0x80) {
            return 1;
        }
        int n;
        int min;
        if (lead >= 0xc2 && lead <= 0xdf) {
            n = 2;
            min = 0x80;
        } else if (lead >= 0xe0 && lead <= 0xef) {
            n = 3;
            min = 0x800;
        } else if (lead >= 0xf0 && lead <= 0xf4) {
            n = 4;
            min = 0x10000;
        } else {
            return -1;
        }
        if (i + n > b.length) {
            return -1;
        }
        for (int k = 1; k < n; k++) {
            if ((b[i + k] & 0xc0) != 0x80) {
                return -1;
            }
        }
        int c = codePoint(b, i, n);
        return c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff) ? -1 : n;
    }

    private static int codePoint(byte[] b, int i, int n) {
        if (n == 1) {
            return b[i] & 0xff;
        }
        int c = b[i] & (0xff >> (n + 1));
        for (int k = 1; k < n; k++) {
            c = (c << 6) | (b[i + k] & 0x3f);
        }
        return c;
    }
}
