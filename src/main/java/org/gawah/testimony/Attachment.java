package org.gawah.testimony;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One attachment as the testimony lists it. Gawah fills these in while it seals the files (the
 * hashes are of the plaintext), so the one testimony signature vouches for every attachment.
 *
 * @param id         attachment id, "GWA-" and four groups of four (random, like record ids)
 * @param fileName   the original file's name (no folders)
 * @param mediaType  IANA media type, e.g. image/jpeg; application/octet-stream when unknown
 * @param size       bytes of plaintext
 * @param sha256     lower-case hex SHA-256 of the plaintext
 * @param sha512     lower-case hex SHA-512 of the plaintext
 * @param generation "original" (captured by the documenter) or "copy" (received from someone)
 */
public record Attachment(String id, String fileName, String mediaType, long size, String sha256, String sha512,
                         String generation) {
    private static final Pattern ID = Pattern.compile("GWA(-[0-9A-Z]{4}){4}");
    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern HEX128 = Pattern.compile("[0-9a-f]{128}");

    public Attachment {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(mediaType, "mediaType");
        if (!ID.matcher(id).matches() || !HEX64.matcher(sha256).matches() || !HEX128.matcher(sha512).matches()
                || size < 0 || !(generation.equals("original") || generation.equals("copy"))) {
            // Made by gawah while sealing, never typed: a wrong value is a bug.
            throw new IllegalArgumentException("malformed attachment entry " + id);
        }
    }
}
