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

    /** Whether {@code text} is an id of this form with the given prefix ("GWH", "GWA", "GWB"). */
    public static boolean isValid(String prefix, String text) {
        return text != null && text.matches(prefix + "(-[0-9A-HJKMNP-TV-Z]{4}){4}");
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
