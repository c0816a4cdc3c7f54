package org.gawah;

/** How a fingerprint is written for people: the one layout of Gawah's screens and of VERIFY.txt. */
public final class Fingerprints {
    private Fingerprints() {
    }

    /**
     * Groups of four, two spaces at the middle: how "gpg --with-fingerprint" prints it, and how
     * people compare one aloud or on paper.
     */
    public static String grouped(String hex) {
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < hex.length(); i += 4) {
            if (i > 0) {
                grouped.append(i == hex.length() / 2 ? "  " : " ");
            }
            grouped.append(hex, i, Math.min(hex.length(), i + 4));
        }
        return grouped.toString();
    }
}
