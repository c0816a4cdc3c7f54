package org.gawah.cli;

/** How values are shown to people (text from outside goes through {@link org.gawah.Screen}). */
final class Display {
    private Display() {
    }

    /** A fingerprint in groups of four ({@link org.gawah.Fingerprints#grouped}). */
    static String fingerprint(String hex) {
        return org.gawah.Fingerprints.grouped(hex);
    }

    /** A size as people read it ({@link org.gawah.Sizes#of}). */
    static String size(long bytes) {
        return org.gawah.Sizes.of(bytes);
    }
}
