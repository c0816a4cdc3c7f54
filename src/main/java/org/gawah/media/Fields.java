package org.gawah.media;

import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.drew.imaging.FileType;
import com.drew.lang.GeoLocation;
import com.drew.lang.Rational;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.Tag;
import com.drew.metadata.avi.AviDirectory;
import com.drew.metadata.exif.ExifDirectoryBase;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.exif.GpsDirectory;
import com.drew.metadata.file.FileTypeDirectory;
import com.drew.metadata.mov.QuickTimeDirectory;
import com.drew.metadata.mov.metadata.QuickTimeMetadataDirectory;
import com.drew.metadata.mp4.Mp4Directory;
import com.drew.metadata.wav.WavDirectory;
import com.drew.metadata.xmp.XmpDirectory;

/**
 * The few fields Gawah records, taken from what metadata-extractor read: the library parses the
 * file; this only chooses among its values and makes each safe to sign (NFC, no control
 * characters, bounded), never reading a byte of the file itself.
 */
final class Fields {
    /** Characters kept of any text value; a longer one is cut. */
    static final int MAX_TEXT = 256;
    /** Serial numbers kept. */
    private static final int MAX_SERIALS = 8;
    private static final DateTimeFormatter EXIF_TIME = DateTimeFormatter.ofPattern("uuuu:MM:dd HH:mm:ss", Locale.ROOT);
    private static final Pattern OFFSET = Pattern.compile("[+-]\\d{2}:\\d{2}");
    /** ISO 6709 as QuickTime writes a position: "+34.3482+062.1997+012.000/". */
    private static final Pattern ISO_6709 = Pattern.compile("([+-]\\d{1,2}(?:\\.\\d+)?)([+-]\\d{1,3}(?:\\.\\d+)?)");
    private static final Pattern CLOCK = Pattern.compile("(\\d{1,6}):(\\d{2}):(\\d{2})");
    /** 1904-01-01, QuickTime's "no time": a film whose creation time was never set. */
    private static final Instant NO_TIME = Instant.parse("1904-01-01T00:00:00Z");

    /** How metadata-extractor 2.19.0 ends every film (see {@link #errors}). */
    private static final String END_OF_FILM = "End of data reached.";

    private Fields() {
    }

    static boolean isMediaType(FileType type) {
        if (type == null || type == FileType.Unknown) {
            return false;
        }
        String mime = type.getMimeType();
        if (mime == null) {
            // The raw formats (ARW, CR2, NEF, ORF, RAF, RW2, CRW, CRX) have no media type of their own.
            return Set.of(FileType.Arw, FileType.Cr2, FileType.Crw, FileType.Crx, FileType.Nef, FileType.Orf,
                    FileType.Raf, FileType.Rw2).contains(type);
        }
        return mime.startsWith("image/") || mime.startsWith("audio/") || mime.startsWith("video/");
    }

    static MediaMetadata of(Metadata metadata, String readBy, boolean stoppedAtBound) {
        MediaMetadata.Status status = stoppedAtBound ? MediaMetadata.Status.TOO_LARGE
                : errors(metadata) ? MediaMetadata.Status.READ_WITH_ERRORS : MediaMetadata.Status.READ;
        return new MediaMetadata(readBy, status, format(metadata), capturedAt(metadata), gps(metadata),
                firstText(metadata, ExifIFD0Directory.class, ExifDirectoryBase.TAG_MAKE, QuickTimeMetadataDirectory.TAG_MAKE),
                firstText(metadata, ExifIFD0Directory.class, ExifDirectoryBase.TAG_MODEL, QuickTimeMetadataDirectory.TAG_MODEL),
                serialNumbers(metadata), owner(metadata), duration(metadata));
    }

    /**
     * Errors the library reported; an XMP packet's own are left aside, as the export's photo check
     * does, and so is the end of a film: the library reads a film's boxes until the data ends and
     * reports that end as an error, whole films included.
     */
    private static boolean errors(Metadata metadata) {
        for (Directory directory : metadata.getDirectories()) {
            if (directory.hasErrors() && !(directory instanceof XmpDirectory)) {
                boolean film = directory.getClass() == Mp4Directory.class || directory.getClass() == QuickTimeDirectory.class;
                for (String error : directory.getErrors()) {
                    if (!(film && error.equals(END_OF_FILM))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static String format(Metadata metadata) {
        FileTypeDirectory type = metadata.getFirstDirectoryOfType(FileTypeDirectory.class);
        return type == null ? null : text(type.getString(FileTypeDirectory.TAG_DETECTED_FILE_TYPE_NAME));
    }

    /**
     * When it was made: EXIF's DateTimeOriginal (local time, with OffsetTimeOriginal when given),
     * else QuickTime's creation date (with its offset), else the film header's creation time (UTC).
     */
    private static String capturedAt(Metadata metadata) {
        for (ExifSubIFDDirectory exif : metadata.getDirectoriesOfType(ExifSubIFDDirectory.class)) {
            String written = exif.getString(ExifDirectoryBase.TAG_DATETIME_ORIGINAL);
            if (written != null) {
                try {
                    LocalDateTime local = LocalDateTime.parse(written.strip(), EXIF_TIME);
                    String offset = exif.getString(ExifDirectoryBase.TAG_TIME_ZONE_ORIGINAL);
                    return offset != null && OFFSET.matcher(offset.strip()).matches()
                            ? local.atOffset(ZoneOffset.of(offset.strip())).toString() : local.toString();
                } catch (java.time.DateTimeException e) {
                    // Not a time: looked for elsewhere.
                }
            }
        }
        for (QuickTimeMetadataDirectory quickTime : metadata.getDirectoriesOfType(QuickTimeMetadataDirectory.class)) {
            String written = quickTime.getString(QuickTimeMetadataDirectory.TAG_CREATION_DATE);
            if (written != null) {
                try {
                    return OffsetDateTime.parse(written.strip(), DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss[.SSS]XX", Locale.ROOT)).toString();
                } catch (DateTimeParseException e) {
                    // Looked for in the header below.
                }
            }
        }
        for (Class<? extends Directory> type : List.of(Mp4Directory.class, QuickTimeDirectory.class)) {
            for (Directory directory : metadata.getDirectoriesOfType(type)) {
                Object value = directory.getObject(Mp4Directory.TAG_CREATION_TIME); // the same number in both
                if (value instanceof Date && ((Date) value).toInstant().isAfter(NO_TIME)) {
                    return ((Date) value).toInstant().toString();
                }
            }
        }
        return null;
    }

    /** Coordinates: EXIF GPS, a film's ©xyz or ISO 6709 location, else XMP's as written. */
    private static MediaMetadata.Gps gps(Metadata metadata) {
        for (GpsDirectory gps : metadata.getDirectoriesOfType(GpsDirectory.class)) {
            GeoLocation location = gps.getGeoLocation();
            if (location != null) {
                return new MediaMetadata.Gps(round(location.getLatitude()), round(location.getLongitude()), null);
            }
            if (gps.containsTag(GpsDirectory.TAG_LATITUDE) || gps.containsTag(GpsDirectory.TAG_LONGITUDE)) {
                return new MediaMetadata.Gps(null, null, text(String.join(" ",
                        String.valueOf(gps.getDescription(GpsDirectory.TAG_LATITUDE)),
                        String.valueOf(gps.getDescription(GpsDirectory.TAG_LONGITUDE)))));
            }
        }
        for (Mp4Directory mp4 : metadata.getDirectoriesOfType(Mp4Directory.class)) {
            Double latitude = mp4.getDoubleObject(Mp4Directory.TAG_LATITUDE);
            Double longitude = mp4.getDoubleObject(Mp4Directory.TAG_LONGITUDE);
            if (latitude != null && longitude != null) {
                return new MediaMetadata.Gps(round(latitude), round(longitude), null);
            }
        }
        for (QuickTimeMetadataDirectory quickTime : metadata.getDirectoriesOfType(QuickTimeMetadataDirectory.class)) {
            String written = quickTime.getString(QuickTimeMetadataDirectory.TAG_LOCATION_ISO6709);
            if (written != null) {
                Matcher m = ISO_6709.matcher(written);
                return m.lookingAt()
                        ? new MediaMetadata.Gps(round(Double.parseDouble(m.group(1))), round(Double.parseDouble(m.group(2))), null)
                        : new MediaMetadata.Gps(null, null, text(written));
            }
        }
        List<String> xmp = new ArrayList<>();
        for (XmpDirectory directory : metadata.getDirectoriesOfType(XmpDirectory.class)) {
            for (Map.Entry<String, String> property : directory.getXmpProperties().entrySet()) {
                String key = property.getKey().toLowerCase(Locale.ROOT);
                if (key.endsWith("gpslatitude") || key.endsWith("gpslongitude")) {
                    xmp.add(property.getValue());
                }
            }
        }
        return xmp.isEmpty() ? null : new MediaMetadata.Gps(null, null, text(String.join(" ", xmp)));
    }

    /** Serial numbers of the body and lens, by any directory's tag named so (makers' notes too) and XMP's. */
    private static List<String> serialNumbers(Metadata metadata) {
        Set<String> found = new LinkedHashSet<>();
        for (Directory directory : metadata.getDirectories()) {
            for (Tag tag : directory.getTags()) {
                if (tag.getTagName().toLowerCase(Locale.ROOT).contains("serial number") && found.size() < MAX_SERIALS) {
                    addText(found, directory.getString(tag.getTagType()));
                }
            }
            if (directory instanceof XmpDirectory) {
                for (Map.Entry<String, String> property : ((XmpDirectory) directory).getXmpProperties().entrySet()) {
                    if (property.getKey().toLowerCase(Locale.ROOT).endsWith("serialnumber") && found.size() < MAX_SERIALS) {
                        addText(found, property.getValue());
                    }
                }
            }
        }
        return List.copyOf(found);
    }

    private static String owner(Metadata metadata) {
        String exif = firstText(metadata, ExifSubIFDDirectory.class, ExifDirectoryBase.TAG_CAMERA_OWNER_NAME, -1);
        if (exif != null) {
            return exif;
        }
        for (XmpDirectory directory : metadata.getDirectoriesOfType(XmpDirectory.class)) {
            for (Map.Entry<String, String> property : directory.getXmpProperties().entrySet()) {
                if (property.getKey().toLowerCase(Locale.ROOT).endsWith("ownername")) {
                    String owner = text(property.getValue());
                    if (owner != null) {
                        return owner;
                    }
                }
            }
        }
        return null;
    }

    /** Seconds a sound or film runs: the film header's duration, or WAV's and AVI's "h:mm:ss". */
    private static Double duration(Metadata metadata) {
        for (Class<? extends Directory> type : List.of(Mp4Directory.class, QuickTimeDirectory.class)) {
            for (Directory directory : metadata.getDirectoriesOfType(type)) {
                Rational seconds = directory.getRational(Mp4Directory.TAG_DURATION_SECONDS); // the same number in both
                if (seconds != null && seconds.getDenominator() != 0 && seconds.doubleValue() >= 0) {
                    return Math.round(seconds.doubleValue() * 1000) / 1000.0;
                }
            }
        }
        for (Directory directory : metadata.getDirectories()) {
            String clock = directory instanceof WavDirectory ? directory.getString(WavDirectory.TAG_DURATION)
                    : directory instanceof AviDirectory ? directory.getString(AviDirectory.TAG_DURATION) : null;
            Matcher m = clock == null ? null : CLOCK.matcher(clock.strip());
            if (m != null && m.matches()) {
                return (double) (Long.parseLong(m.group(1)) * 3600 + Long.parseLong(m.group(2)) * 60 + Long.parseLong(m.group(3)));
            }
        }
        return null;
    }

    /** The first text of the tag in a directory of {@code exifType}, else of {@code quickTimeTag} in QuickTime's. */
    private static String firstText(Metadata metadata, Class<? extends Directory> exifType, int exifTag, int quickTimeTag) {
        for (Directory directory : metadata.getDirectoriesOfType(exifType)) {
            String value = text(directory.getString(exifTag));
            if (value != null) {
                return value;
            }
        }
        if (quickTimeTag >= 0) {
            for (QuickTimeMetadataDirectory directory : metadata.getDirectoriesOfType(QuickTimeMetadataDirectory.class)) {
                String value = text(directory.getString(quickTimeTag));
                if (value != null) {
                    return value;
                }
            }
        }
        return null;
    }

    private static void addText(Set<String> into, String value) {
        String text = text(value);
        if (text != null) {
            into.add(text);
        }
    }

    /** 1e-7 degrees, about a centimetre: finer than any GPS, and the same digits every time. */
    private static double round(double degrees) {
        return Math.round(degrees * 1e7) / 1e7;
    }

    /**
     * A value from the file made safe to sign and show: NUL padding and spaces at either end
     * dropped, each control character and unpaired surrogate replaced by U+FFFD, NFC, at most
     * {@link #MAX_TEXT} characters; null when nothing is left.
     */
    static String text(String value) {
        if (value == null) {
            return null;
        }
        StringBuilder safe = new StringBuilder(Math.min(value.length(), MAX_TEXT * 2));
        for (int i = 0; i < value.length() && safe.length() < MAX_TEXT * 2; i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                safe.append(c).append(value.charAt(++i));
            } else if (c == 0) {
                safe.append(' ');
            } else if (Character.isISOControl(c) || Character.isSurrogate(c)) {
                safe.append('\uFFFD');
            } else {
                safe.append(c);
            }
        }
        String normal = Normalizer.normalize(safe.toString().strip(), Normalizer.Form.NFC);
        if (normal.length() > MAX_TEXT) {
            int cut = Character.isHighSurrogate(normal.charAt(MAX_TEXT - 1)) ? MAX_TEXT - 1 : MAX_TEXT;
            normal = normal.substring(0, cut).strip();
        }
        return normal.isEmpty() ? null : normal;
    }
}
