package org.gawah.cli;

/** How values are shown to people. */
final class Display {
    private Display() {
    }

    /** A fingerprint in groups of four, the way people compare them aloud or on paper. */
    static String fingerprint(String hex) {
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < hex.length(); i += 4) {
            if (i > 0) {
                grouped.append(i == hex.length() / 2 ? "  " : " ");
            }
            grouped.append(hex, i, Math.min(hex.length(), i + 4));
        }
        return grouped.toString();
    }

    /**
     * Text from outside (a certificate's user ID, a bag's fields) made safe for a terminal:
     * control characters and bidirectional overrides, which could rewrite what is shown, become '?'.
     */
    static String safe(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder safe = new StringBuilder(text.length());
        text.codePoints().forEach(c -> safe.appendCodePoint(Character.isISOControl(c) || c == 0x200e || c == 0x200f
                || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) ? '?' : c));
        return safe.toString();
    }

    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(java.util.Locale.ROOT, "%.1f KiB", bytes / 1024.0);
        }
        return String.format(java.util.Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024));
    }
}
