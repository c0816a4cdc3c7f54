package org.gawah.export;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import org.gawah.Message;
import org.gawah.media.MediaMetadata;
import org.gawah.media.MediaReader;

/**
 * What an attachment's contents may say about the witness, when the identity does not go
 * (docs/format/evidence-package.md, "Consent and protection"). A file that can hold text (plain
 * text, PDF, office documents, anything not an image, a sound or a film) cannot be masked without
 * losing the documenter's signature, so it stays out unless a person read it. A photo, a sound or
 * a film is judged by what it says of itself: the metadata signed with it at sealing, and its own
 * bytes read again as it is decrypted, by the one bounded reader sealing uses ({@link MediaReader}),
 * whether or not a person looked at it: a location is not something one sees. Sound and
 * pictures themselves are not searched: the report says so.
 */
public final class AttachmentContents {
    public enum Kind { PHOTO, SOUND_OR_PICTURES, TEXT }

    /** How far a file's own metadata was read at export. */
    public enum Reading {
        /** Read whole, or not read again because nothing needed it (see {@link #readAgain}). */
        READ,
        /** A format the reader knows, whose metadata it could not read whole (now or at sealing): nobody can say what it holds. */
        UNREADABLE,
        /** A format the reader does not know (Ogg, AMR, ...): its location, if any, was not looked for. */
        FORMAT_UNKNOWN
    }

    /**
     * What a photo's, sound's or film's metadata says that decides whether it may go.
     *
     * @param location coordinates of where it was made: they may locate the witness
     * @param device   a serial number of its device or its owner's name: they may identify the witness
     * @param reading  how far it was read
     */
    public record Said(boolean location, boolean device, Reading reading) {
        /** Both: what either says, read as far as {@code now} was. */
        public Said and(Said now) {
            return new Said(location || now.location, device || now.device, now.reading);
        }
    }

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
     * What an attachment's signed metadata (docs/format/testimony.md, "attachments[].metadata")
     * records that could locate or identify the witness; a missing node (a file sealed before
     * metadata was recorded) records nothing.
     */
    public static Said signed(JsonNode signedMetadata) {
        return new Said(signedMetadata.has("gps"), signedMetadata.has("serial_numbers") || signedMetadata.has("owner"),
                Reading.READ);
    }

    /**
     * Whether the file's own metadata is read again at export: when sealing read it whole, or
     * recorded nothing (sealed before metadata was recorded). A file sealing could not read whole
     * (a crafted bomb among them) is not read again beside the decryption to find the same.
     */
    public static boolean readAgain(JsonNode signedMetadata) {
        String status = signedMetadata.path("status").asText("read");
        return status.isEmpty() || status.equals(MediaMetadata.Status.READ.wire());
    }

    /**
     * What the file read from {@code in} says of itself (read to where the reader stops; the
     * caller drains the rest), on the caller's thread (the reading end of a pipe). Its format is
     * always recognised first; its metadata is read only when {@code readMetadata}, else a known
     * format counts as unreadable.
     */
    public static Said read(InputStream in, boolean readMetadata) {
        BufferedInputStream file = new BufferedInputStream(in, 1 << 16);
        try {
            if (!MediaReader.knowsFormat(file)) {
                return new Said(false, false, Reading.FORMAT_UNKNOWN);
            }
        } catch (IOException e) {
            return new Said(false, false, Reading.UNREADABLE);
        }
        if (!readMetadata) {
            return new Said(false, false, Reading.UNREADABLE);
        }
        MediaMetadata metadata = MediaReader.readOnThisThread(file);
        // Coordinates read before a damaged part are coordinates all the same: kept with the status.
        return new Said(metadata.locates(), metadata.identifiesDevice(),
                metadata.status() == MediaMetadata.Status.READ ? Reading.READ : Reading.UNREADABLE);
    }

    /** Why a file that records where it was made stays out. */
    public static Message location() {
        return Messages.of("contents.gps");
    }

    /** Why a file that names its device or owner stays out. */
    public static Message device() {
        return Messages.of("contents.device");
    }

    /** Why a file whose metadata cannot be read stays out. */
    public static Message unreadable() {
        return Messages.of("contents.unreadable");
    }
}
