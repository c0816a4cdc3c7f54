package org.gawah.cli;

/** How values are shown to people (text from outside goes through {@link org.gawah.Screen}). */
final class Display {
    private Display() {
    }

    /** A fingerprint in groups of four ({@link org.gawah.Fingerprints#grouped}). */
    static String fingerprint(String hex) {
        return org.gawah.Fingerprints.grouped(hex);
    }

    /** A size as people read it: B, KiB, MiB or GiB, one decimal, ASCII digits in every language (docs/i18n.md). */
    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(java.util.Locale.ROOT, "%.1f KiB", bytes / 1024.0);
        }
        if (bytes < 1024L * 1024 * 1024) {
            return String.format(java.util.Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024));
        }
        return String.format(java.util.Locale.ROOT, "%.1f GiB", bytes / (1024.0 * 1024 * 1024));
    }
}
