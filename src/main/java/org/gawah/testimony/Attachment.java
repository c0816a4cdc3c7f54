package org.gawah.testimony;

import java.util.Objects;
import java.util.regex.Pattern;

import org.gawah.media.MediaMetadata;

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
 * @param derived    the attachment this one is a transcript or translation of, or null
 * @param metadata   what a photo, sound or film says about itself, or null for other files
 */
public record Attachment(String id, String fileName, String mediaType, long size, String sha256, String sha512,
                         String generation, Derived derived, MediaMetadata metadata) {
    private static final Pattern ID = Pattern.compile("GWA(-[0-9A-Z]{4}){4}");
    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern HEX128 = Pattern.compile("[0-9a-f]{128}");

    /** A transcript or a translation of another attachment (docs/format/testimony.md, "Transcripts and translations"). */
    public record Derived(Kind kind, String of) {
        public enum Kind {
            TRANSCRIPT("transcript_of"), TRANSLATION("translation_of");

            private final String key;

            Kind(String key) {
                this.key = key;
            }

            /** The attachment entry's key: {@code transcript_of}, {@code translation_of}. */
            public String key() {
                return key;
            }
        }

        public Derived {
            Objects.requireNonNull(kind, "kind");
            if (of == null || !ID.matcher(of).matches()) {
                throw new IllegalArgumentException("not an attachment id: " + of);
            }
        }
    }

    public Attachment(String id, String fileName, String mediaType, long size, String sha256, String sha512,
                      String generation) {
        this(id, fileName, mediaType, size, sha256, sha512, generation, null, null);
    }

    public Attachment {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(mediaType, "mediaType");
        if (!ID.matcher(id).matches() || !HEX64.matcher(sha256).matches() || !HEX128.matcher(sha512).matches()
                || size < 0 || !(generation.equals("original") || generation.equals("copy"))
                || derived != null && derived.of().equals(id)) {
            // Made by gawah while sealing, never typed: a wrong value is a bug.
            throw new IllegalArgumentException("malformed attachment entry " + id);
        }
    }

    /** Whether {@code text} is an attachment id, "GWA-" and four groups of four. */
    public static boolean isId(String text) {
        return text != null && ID.matcher(text).matches();
    }
}
