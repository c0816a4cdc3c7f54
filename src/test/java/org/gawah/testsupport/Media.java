package org.gawah.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Real photos, sounds and films for the metadata tests, made by other programs than Gawah's
 * reader: ExifTool writes a photo's EXIF (GPS, serial numbers, owner), FFmpeg makes films and
 * sounds with a creation time, a running time and a location ({@code .ci/run} installs both).
 */
public final class Media {
    /** Where the test photos and films were "taken". */
    public static final double LATITUDE = 34.3482361;
    public static final double LONGITUDE = 62.1997222;
    public static final String BODY_SERIAL = "083024001234";
    public static final String LENS_SERIAL = "0000c1d2e3";
    public static final String OWNER = "Maryam Namuna";

    private Media() {
    }

    /** A JPEG (FFmpeg) with EXIF written by ExifTool: GPS, Canon EOS 80D, both serial numbers, owner, DateTimeOriginal with its offset. */
    public static Path photoWithGps(Path dir, String name) {
        Path photo = dir.resolve(name);
        run(dir, "ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", "testsrc=size=64x48", "-frames:v", "1", photo.toString());
        run(dir, "exiftool", "-q", "-overwrite_original", "-GPSLatitude=" + LATITUDE, "-GPSLatitudeRef=N",
                "-GPSLongitude=" + LONGITUDE, "-GPSLongitudeRef=E", "-Make=Canon", "-Model=Canon EOS 80D",
                "-SerialNumber=" + BODY_SERIAL, "-LensSerialNumber=" + LENS_SERIAL, "-OwnerName=" + OWNER,
                "-DateTimeOriginal=2025:08:15 10:12:03", "-OffsetTimeOriginal=+04:30", photo.toString());
        return photo;
    }

    /** A JPEG (FFmpeg) with EXIF written by ExifTool naming the camera's serial number and owner, and no position. */
    public static Path photoWithSerial(Path dir, String name) {
        Path photo = dir.resolve(name);
        run(dir, "ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", "testsrc=size=64x48", "-frames:v", "1", photo.toString());
        run(dir, "exiftool", "-q", "-overwrite_original", "-Make=Canon", "-Model=Canon EOS 80D",
                "-SerialNumber=" + BODY_SERIAL, "-OwnerName=" + OWNER, photo.toString());
        return photo;
    }

    /** An MP4 (FFmpeg, MPEG-4 video and AAC sound) of 2.5 s, created 2025-08-15T05:42:03Z. */
    public static Path mp4(Path dir, String name) {
        Path film = dir.resolve(name);
        run(dir, "ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", "testsrc=size=64x48:rate=10", "-f", "lavfi",
                "-i", "sine=frequency=440", "-t", "2.5", "-c:v", "mpeg4", "-c:a", "aac",
                "-metadata", "creation_time=2025-08-15T05:42:03Z", film.toString());
        return film;
    }

    /** A QuickTime film as a phone writes it (FFmpeg with Apple's keys): location, make, model, local creation date. */
    public static Path phoneMov(Path dir, String name) {
        Path film = dir.resolve(name);
        run(dir, "ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", "testsrc=size=64x48:rate=10", "-t", "1",
                "-c:v", "mpeg4", "-movflags", "use_metadata_tags",
                "-metadata", "com.apple.quicktime.location.ISO6709=+34.3482+062.1997+012.000/",
                "-metadata", "com.apple.quicktime.make=Apple", "-metadata", "com.apple.quicktime.model=iPhone 12",
                "-metadata", "com.apple.quicktime.creationdate=2025-08-15T10:12:03+0430", film.toString());
        return film;
    }

    /** An AAC sound in MP4 (an .m4a, as phones record interviews) of 3 s. */
    public static Path m4a(Path dir, String name) {
        Path sound = dir.resolve(name);
        run(dir, "ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", "sine=frequency=440", "-t", "3", "-c:a", "aac",
                sound.toString());
        return sound;
    }

    // ------------------------------------------------------------------ boxes, built here

    /** An ISO base media box: size, type, payload. */
    public static byte[] box(String type, byte[]... payload) {
        int size = 8;
        for (byte[] p : payload) {
            size += p.length;
        }
        ByteBuffer box = ByteBuffer.allocate(size).putInt(size).put(type.getBytes(StandardCharsets.ISO_8859_1));
        for (byte[] p : payload) {
            box.put(p);
        }
        return box.array();
    }

    /** ftyp of an MP4 (isom). */
    public static byte[] ftyp() {
        return box("ftyp", "isom".getBytes(StandardCharsets.US_ASCII), new byte[] {0, 0, 2, 0},
                "isomiso2mp41".getBytes(StandardCharsets.US_ASCII));
    }

    /** A version 0 movie header: created at {@code created1904} (seconds since 1904), {@code seconds} long at timescale 1000. */
    public static byte[] mvhd(long created1904, long seconds) {
        ByteBuffer b = ByteBuffer.allocate(100);
        b.putInt(0).putInt((int) created1904).putInt((int) created1904).putInt(1000).putInt((int) (seconds * 1000));
        b.putInt(0x00010000).putShort((short) 0x0100).put(new byte[10]);
        int[] matrix = {0x10000, 0, 0, 0, 0x10000, 0, 0, 0, 0x40000000};
        for (int m : matrix) {
            b.putInt(m);
        }
        b.put(new byte[24]).putInt(2);
        return box("mvhd", b.array());
    }

    /** udta holding ©xyz as Android phones write a location. */
    public static byte[] udtaXyz(String iso6709) {
        byte[] text = iso6709.getBytes(StandardCharsets.US_ASCII);
        ByteBuffer xyz = ByteBuffer.allocate(4 + text.length).putShort((short) text.length).putShort((short) 0x15c7).put(text);
        return box("udta", box("\u00a9xyz", xyz.array()));
    }

    /** 1904-01-01 to 2025-08-15T05:42:03Z in seconds. */
    public static final long CREATED_1904 = java.time.Duration.between(java.time.Instant.parse("1904-01-01T00:00:00Z"),
            java.time.Instant.parse("2025-08-15T05:42:03Z")).getSeconds();

    /** An MP4 as an Android phone lays it out: ftyp, moov (mvhd, udta ©xyz), then the media data. */
    public static byte[] androidMp4(byte[] mediaData) {
        return concat(ftyp(), box("moov", mvhd(CREATED_1904, 7), udtaXyz("+34.3482+062.1997/")), box("mdat", mediaData));
    }

    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static void run(Path dir, String... command) {
        try {
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            byte[] output = p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: "
                        + new String(output, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(command[0] + " is needed (.ci/run installs it)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Every form a coordinate may take in bytes, to search a package for: decimal, comma, degrees and minutes. */
    public static List<String> coordinateForms() {
        List<String> forms = new ArrayList<>();
        for (double v : new double[] {LATITUDE, LONGITUDE}) {
            String decimal = String.valueOf(v);
            forms.add(decimal.substring(0, decimal.indexOf('.') + 5)); // 34.3482
            forms.add(decimal.substring(0, decimal.indexOf('.') + 5).replace('.', ',')); // 34,3482
            int degrees = (int) v;
            double minutes = (v - degrees) * 60;
            forms.add(degrees + "°" + (int) minutes); // 34°20
            forms.add(degrees + " deg " + (int) minutes); // ExifTool's
            forms.add(String.format(java.util.Locale.ROOT, "%d,%.4f", degrees, minutes)); // XMP's 34,20.8941
        }
        forms.add("+34.3482+062.1997");
        return forms;
    }
}
