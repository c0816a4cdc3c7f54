package org.gawah.export;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;

import com.drew.imaging.FileType;
import com.drew.imaging.FileTypeDetector;
import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.GpsDirectory;
import com.drew.metadata.mov.QuickTimeDirectory;
import com.drew.metadata.mov.metadata.QuickTimeMetadataDirectory;
import com.drew.metadata.mp4.Mp4Directory;
import com.drew.metadata.xmp.XmpDirectory;
import org.gawah.Message;

/**
 * What an attachment's contents may say about the witness, when the identity does not go
 * (docs/format/evidence-package.md, "Consent and protection"). A file that can hold text (plain
 * text, PDF, office documents, anything not an image, a sound or a film) cannot be masked without
 * losing the documenter's signature, so it stays out unless a person read it. A photo, a sound or
 * a film is read for a location (EXIF and XMP GPS coordinates, a film's or an m4a's ©xyz and
 * QuickTime ISO 6709 location, with metadata-extractor) as it is decrypted, whether or not a person
 * looked at it: a location is not something one sees. The one place the export reads what a file
 * says of itself.
 */
public final class AttachmentContents {
    public enum Kind { PHOTO, SOUND_OR_PICTURES, TEXT }

    /** What a photo's, sound's or film's own metadata says that decides whether it may go. */
    public enum Said {
        /** Read, and no location in it. */
        NOTHING,
        /** Coordinates of where it was made: they may locate the witness. */
        LOCATION,
        /** A format the reader knows, which it could not read: nobody can say it holds no location. */
        UNREADABLE,
        /** A format the reader does not know (Ogg, AMR, ...): its location, if any, was not looked for. */
        FORMAT_UNKNOWN
    }

    /** The error metadata-extractor 2.19 reports at the end of every film it reads whole. */
    private static final String END_OF_FILM = "End of data reached.";

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

    /** The reason a file stays out for what its metadata {@code said}, or null when that says nothing against it. */
    public static Message reason(Said said) {
        return switch (said) {
            case LOCATION -> Messages.of("contents.gps");
            case UNREADABLE -> Messages.of("contents.unreadable");
            default -> null;
        };
    }

    /**
     * What a photo's, sound's or film's metadata says ({@code in} read to where the reader stops;
     * the caller drains the rest).
     */
    public static Said read(InputStream in) {
        BufferedInputStream file = new BufferedInputStream(in, 1 << 16);
        Metadata metadata;
        try {
            if (FileTypeDetector.detectFileType(file) == FileType.Unknown) {
                return Said.FORMAT_UNKNOWN;
            }
            metadata = ImageMetadataReader.readMetadata(file);
        } catch (ImageProcessingException | IOException | RuntimeException e) {
            return Said.UNREADABLE;
        }
        if (locates(metadata)) {
            // Before the errors: coordinates read before a damaged part are coordinates all the same.
            return Said.LOCATION;
        }
        for (Directory directory : metadata.getDirectories()) {
            if (directory.hasErrors() && !(directory instanceof XmpDirectory)) {
                boolean film = directory instanceof Mp4Directory || directory instanceof QuickTimeDirectory;
                for (String error : directory.getErrors()) {
                    if (!(film && error.equals(END_OF_FILM))) {
                        return Said.UNREADABLE;
                    }
                }
            }
        }
        return Said.NOTHING;
    }

    private static boolean locates(Metadata metadata) {
        for (GpsDirectory gps : metadata.getDirectoriesOfType(GpsDirectory.class)) {
            if (gps.getGeoLocation() != null || gps.containsTag(GpsDirectory.TAG_LATITUDE)
                    || gps.containsTag(GpsDirectory.TAG_LONGITUDE)) {
                return true;
            }
        }
        for (Mp4Directory mp4 : metadata.getDirectoriesOfType(Mp4Directory.class)) {
            if (mp4.containsTag(Mp4Directory.TAG_LATITUDE) || mp4.containsTag(Mp4Directory.TAG_LONGITUDE)) {
                return true; // ©xyz, as Android phones and FFmpeg write it in an MP4 or an m4a
            }
        }
        for (QuickTimeMetadataDirectory quickTime : metadata.getDirectoriesOfType(QuickTimeMetadataDirectory.class)) {
            if (quickTime.containsTag(QuickTimeMetadataDirectory.TAG_LOCATION_ISO6709)) {
                return true; // com.apple.quicktime.location.ISO6709, as iPhones write it
            }
        }
        for (XmpDirectory xmp : metadata.getDirectoriesOfType(XmpDirectory.class)) {
            for (Map.Entry<String, String> property : xmp.getXmpProperties().entrySet()) {
                if (property.getKey().toLowerCase(Locale.ROOT).contains("gpslatitude")
                        || property.getKey().toLowerCase(Locale.ROOT).contains("gpslongitude")) {
                    return true;
                }
            }
        }
        return false;
    }
}
