package org.gawah.cli;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * The command or option a mistyped word most likely meant: {@code lsit} is {@code list},
 * {@code imprt} is {@code import}, {@code --hme} is {@code --home}. Picocli's own suggestions
 * compare pairs of letters, and so miss a swap of two letters, the commonest slip of all.
 */
final class Suggestion {
    private Suggestion() {
    }

    /**
     * The candidate nearest to {@code typed} by optimal string alignment distance (a swap of two
     * neighbours, an insertion, a deletion or a substitution each count one), if it is near
     * enough to be a slip: at most one edit in a word of up to four letters, two in a longer one.
     * A candidate the typed word starts (three letters or more) counts as near too. On a tie, the
     * first candidate wins (commands are listed in the order help shows them).
     */
    static Optional<String> nearest(String typed, Collection<String> candidates) {
        String word = typed.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int distance = distance(word, candidate.toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        int letters = word.replaceFirst("^-+", "").length();
        if (bestDistance <= (letters <= 4 ? 1 : 2)) {
            return Optional.of(best);
        }
        for (String candidate : candidates) {
            if (letters >= 3 && candidate.toLowerCase(Locale.ROOT).startsWith(word)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Optimal string alignment distance: Levenshtein with the swap of two adjacent letters as one edit. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
