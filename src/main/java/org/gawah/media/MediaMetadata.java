package org.gawah.media;

import java.util.List;
import java.util.Objects;

/**
 * What a photo, sound or film says about itself, as metadata-extractor read it at sealing
 * (docs/format/testimony.md, "attachments[].metadata"): when and with what it was made, where,
 * and how long it runs. Every text value is as the file holds it, made safe to sign and show
 * (NFC, no control characters, at most {@link Fields#MAX_TEXT} characters).
 *
 * @param readBy        the library and its version, e.g. "metadata-extractor 2.19.0"
 * @param status        how far the library got
 * @param format        the format the library recognised ("JPEG", "MP4"), or null
 * @param capturedAt    ISO 8601: local date-time, with its offset when the file gives one
 * @param gps           the position the file records, or null
 * @param make          the device's maker, or null
 * @param model         the device's model, or null
 * @param serialNumbers serial numbers of the device and its lens, as the file names them
 * @param owner         the owner's name the camera was set up with, or null
 * @param durationSeconds the running time of a sound or film, or null
 */
public record MediaMetadata(String readBy, Status status, String format, String capturedAt, Gps gps, String make,
                            String model, List<String> serialNumbers, String owner, Double durationSeconds) {

    /** How far reading went. */
    public enum Status {
        /** Read to the end, without an error. */
        READ("read"),
        /** Read, but the library reported errors: the fields are what it could read. */
        READ_WITH_ERRORS("read_with_errors"),
        /** Stopped at the bound (bytes read, memory, time): the fields are what was read before. */
        TOO_LARGE("too_large"),
        /** Not a format the library reads, or too damaged to read at all: no fields. */
        UNREADABLE("unreadable");

        private final String wire;

        Status(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }

        public static Status of(String wire) {
            for (Status status : values()) {
                if (status.wire.equals(wire)) {
                    return status;
                }
            }
            throw new IllegalArgumentException("unknown metadata status " + wire);
        }
    }

    /**
     * A position: decimal degrees (WGS 84, north and east positive) when the library gives
     * numbers, else the text as written (XMP's "34,20.894N").
     */
    public record Gps(Double latitude, Double longitude, String asWritten) {
        public Gps {
            if ((latitude == null) != (longitude == null) || latitude == null && asWritten == null) {
                throw new IllegalArgumentException("a position needs both coordinates or the text");
            }
        }
    }

    public MediaMetadata {
        Objects.requireNonNull(readBy, "readBy");
        Objects.requireNonNull(status, "status");
        serialNumbers = serialNumbers == null ? List.of() : List.copyOf(serialNumbers);
    }

    /** Nothing read: the library does not know the format, or it failed at once. */
    public static MediaMetadata unreadable(String readBy) {
        return new MediaMetadata(readBy, Status.UNREADABLE, null, null, null, null, null, List.of(), null, null);
    }

    /** Whether it records where it was made: coordinates that could locate the witness. */
    public boolean locates() {
        return gps != null;
    }

    /** Whether it names the device or its owner: a serial number or an owner's name could identify the witness. */
    public boolean identifiesDevice() {
        return !serialNumbers.isEmpty() || owner != null;
    }
}
