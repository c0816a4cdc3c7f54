package org.gawah.export;

import java.io.InputStream;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import org.gawah.Message;
import org.gawah.media.MediaMetadata;
import org.gawah.media.MediaReader;

/**
 * What an attachment's contents may say about the witness, when the identity does not go
 * (docs/format/evidence-package.md, "Consent and protection"). A file that can hold text (plain
 * text, PDF, office documents, anything not an image, a sound or a film) cannot be masked without
 * losing the documenter's signature, so it stays out unless a person read it. A photo is read
 * for a location (EXIF and XMP GPS coordinates, with metadata-extractor) as it is decrypted, and
 * stays out when it has one. Sound and pictures themselves are not searched: the report says so.
 */
public final class AttachmentContents {
    public enum Kind { PHOTO, SOUND_OR_PICTURES, TEXT }

    private AttachmentContents() {
    }

    public static Kind kind(String mediaType) {
        String type = mediaType.toLowerCase(Locale.ROOT).split(";")[0].strip();
        if (type.startsWith("image/")) {
            return Kind.PHOTO;
        }
        if (type.startsWith("audio/") || type.startsWith("video/")) {
            return Kind.SOUND_OR_PICTURES;
        }
        return Kind.TEXT;
    }

    /**
     * Why a photo must stay out, or empty when it may go: it carries GPS coordinates, or names its
     * device's serial number or owner, or its metadata cannot be read (then nobody can say it has
     * none). Read by the one bounded reader that sealing uses ({@link MediaReader}), on the caller's
     * thread (the reading end of a pipe).
     */
    public static Optional<Message> location(InputStream photo) {
        MediaMetadata metadata = MediaReader.readOnThisThread(photo);
        if (metadata.status() != MediaMetadata.Status.READ) {
            return Optional.of(Messages.of("contents.unreadable"));
        }
        if (metadata.locates()) {
            return Optional.of(Messages.of("contents.gps"));
        }
        if (metadata.identifiesDevice()) {
            return Optional.of(Messages.of("contents.device"));
        }
        return Optional.empty();
    }

    /** Why a photo whose metadata cannot be read stays out. */
    public static Message unreadable() {
        return Messages.of("contents.unreadable");
    }

    /**
     * What an attachment's signed metadata (docs/format/testimony.md, "attachments[].metadata")
     * records that could locate or identify the witness, or empty.
     */
    public static Optional<Message> deviceDetails(JsonNode signedMetadata) {
        if (signedMetadata.has("gps")) {
            return Optional.of(Messages.of("contents.gps"));
        }
        if (signedMetadata.has("serial_numbers") || signedMetadata.has("owner")) {
            return Optional.of(Messages.of("contents.device"));
        }
        return Optional.empty();
    }
}
