package org.gawah;

import java.util.Locale;

/** A size as people read it, on a terminal or in the window. */
public final class Sizes {
    private Sizes() {
    }

    /** B, KiB, MiB or GiB, one decimal, ASCII digits in every language (docs/i18n.md). */
    public static String of(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
        }
        if (bytes < 1024L * 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024));
        }
        return String.format(Locale.ROOT, "%.1f GiB", bytes / (1024.0 * 1024 * 1024));
    }
}
