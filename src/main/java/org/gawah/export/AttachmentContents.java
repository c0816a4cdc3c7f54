package org.gawah.export;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.GpsDirectory;
import com.drew.metadata.xmp.XmpDirectory;
import org.gawah.Message;

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
     * Why a photo must stay out, or empty when it may go: it carries GPS coordinates, or its
     * metadata cannot be read (then nobody can say it has none).
     */
    public static Optional<Message> location(InputStream photo) {
        Metadata metadata;
        try {
            metadata = ImageMetadataReader.readMetadata(photo);
        } catch (ImageProcessingException | IOException | RuntimeException e) {
            return Optional.of(Messages.of("contents.unreadable"));
        }
        for (Directory directory : metadata.getDirectories()) {
            if (directory.hasErrors() && !(directory instanceof XmpDirectory)) {
                return Optional.of(Messages.of("contents.unreadable"));
            }
        }
        for (GpsDirectory gps : metadata.getDirectoriesOfType(GpsDirectory.class)) {
            if (gps.getGeoLocation() != null || gps.containsTag(GpsDirectory.TAG_LATITUDE)
                    || gps.containsTag(GpsDirectory.TAG_LONGITUDE)) {
                return Optional.of(Messages.of("contents.gps"));
            }
        }
        for (XmpDirectory xmp : metadata.getDirectoriesOfType(XmpDirectory.class)) {
            for (Map.Entry<String, String> property : xmp.getXmpProperties().entrySet()) {
                if (property.getKey().toLowerCase(Locale.ROOT).contains("gpslatitude")
                        || property.getKey().toLowerCase(Locale.ROOT).contains("gpslongitude")) {
                    return Optional.of(Messages.of("contents.gps"));
                }
            }
        }
        return Optional.empty();
    }
}
