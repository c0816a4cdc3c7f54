package org.gawah.cli;

import java.nio.charset.StandardCharsets;

/**
 * Content from outside (an opened testimony: whatever its signer put in it) made harmless for a
 * terminal, which obeys what it is sent: an escape sequence can set the window title, clear the
 * screen, move the cursor and write over what was shown, and bidirectional overrides reorder it.
 * C0 controls but line feed and tab, DEL, C1 controls (U+0080 to U+009F) and the bidi embeddings,
 * overrides and isolates (U+202A to U+202E, U+2066 to U+2069) are shown as JSON escapes
 * ({@code \u001b}), which is what they are inside a JSON string: the testimony shown still reads
 * as the same JSON. Bytes that are not UTF-8 are shown as {@code \xE9}. Everything else, Dari and
 * Pashto included, passes as it is. Only for a screen: piped or written to a file, content keeps
 * its exact bytes.
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
        for (int i = 0; i < data.length; ) {
            int n = sequence(data, i);
            if (n < 0) {
                escaped++;
                length += 4;
                i++;
            } else {
                if (unsafe(codePoint(data, i, n))) {
                    escaped++;
                    length += 6;
                } else {
                    length += n;
                }
                i += n;
            }
        }
        if (escaped == 0) {
            return new Shown(data, 0);
        }
        // Sized exactly, so that no grown and abandoned copy of the plaintext is left behind.
        byte[] out = new byte[Math.toIntExact(length)];
        int at = 0;
        for (int i = 0; i < data.length; ) {
            int n = sequence(data, i);
            if (n < 0) {
                at = put(out, at, String.format("\\x%02X", data[i] & 0xff));
                i++;
                continue;
            }
            int c = codePoint(data, i, n);
            if (unsafe(c)) {
                at = put(out, at, String.format("\\u%04x", c));
            } else {
                System.arraycopy(data, i, out, at, n);
                at += n;
            }
            i += n;
        }
        return new Shown(out, escaped);
    }

    /** Whether a terminal could act on this character instead of showing it. */
    static boolean unsafe(int c) {
        return (c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7f && c <= 0x9f)
                || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
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
