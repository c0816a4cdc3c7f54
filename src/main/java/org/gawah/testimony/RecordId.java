package org.gawah.testimony;

import java.security.SecureRandom;

/**
 * Record ids: "GWH-" (attachments: "GWA-") and 16 random Crockford base-32 characters in groups of four (80 bits).
 * Random, so nothing about the witness, the place or the order of interviews can be read from one.
 */
public final class RecordId {
    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private RecordId() {
    }

    public static String random() {
        return random("GWH");
    }

    /** An attachment id: "GWA-" and the same 80 random bits. */
    public static String randomAttachment() {
        return random("GWA");
    }

    /** A submission bag id: "GWB-" and the same 80 random bits. */
    public static String randomBag() {
        return random("GWB");
    }

    /** A case id "GWC-…", an analysis id "GWN-…", an evidence package id "GWE-…". */
    public static String randomCase() {
        return random("GWC");
    }

    public static String randomAnalysis() {
        return random("GWN");
    }

    public static String randomExport() {
        return random("GWE");
    }

    /** A time-stamp token's id "GWT-…": its 80 random bits are the nonce asked of the TSA. */
    public static String randomTimestamp() {
        return random("GWT");
    }

    /** An opening id "GWO-…": one custody entry for many records opened at once (docs/format/custody-log.md). */
    public static String randomOpening() {
        return random("GWO");
    }

    /** Whether {@code text} is an id of this form with the given prefix ("GWH", "GWA", "GWB"). */
    public static boolean isValid(String prefix, String text) {
        return text != null && text.matches(prefix + "(-[0-9A-HJKMNP-TV-Z]{4}){4}");
    }

    /**
     * An id as a person may type it, in the form it is stored: any case ({@code gwh-7k3m-...}),
     * Persian or Arabic-Indic digits (a Dari or Pashto keyboard types them), and, as Crockford's
     * base 32 reads them, O for zero and I or L for one (a handwritten or dictated id). Text that
     * does not become an id so is returned as typed, so that an error can quote it.
     */
    public static String normalised(String typed) {
        if (typed == null) {
            return null;
        }
        String upper = typed.strip().toUpperCase(java.util.Locale.ROOT);
        StringBuilder id = new StringBuilder(upper.length());
        for (int i = 0; i < upper.length(); i++) {
            char c = upper.charAt(i);
            int digit = Character.isDigit(c) ? Character.digit(c, 10) : -1;
            if (digit >= 0) {
                id.append((char) ('0' + digit));
            } else if (i > 3 && (c == 'O')) {
                id.append('0');
            } else if (i > 3 && (c == 'I' || c == 'L')) {
                id.append('1');
            } else {
                id.append(c);
            }
        }
        String candidate = id.toString();
        return candidate.matches("GW[A-Z](-[0-9A-HJKMNP-TV-Z]{4}){4}") ? candidate : typed;
    }

    private static String random(String prefix) {
        StringBuilder id = new StringBuilder(prefix);
        for (int i = 0; i < 16; i++) {
            if (i % 4 == 0) {
                id.append('-');
            }
            id.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return id.toString();
    }
}
