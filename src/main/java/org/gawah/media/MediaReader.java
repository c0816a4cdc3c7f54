package org.gawah.media;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;

import com.drew.imaging.FileType;
import com.drew.imaging.FileTypeDetector;
import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;

/**
 * Reads a photo's, a sound's or a film's own metadata with metadata-extractor, never by hand, and
 * within bounds whatever the file is (docs/format/testimony.md, "attachments[].metadata"):
 * at most {@link #MAX_READ} bytes are handed to the library (it skips a film's data by seeking,
 * so the metadata at the end of a large film is still read), on a thread of its own with a small
 * stack, for at most {@link #MAX_MILLIS}. What the library cannot read, or stops at a bound, is
 * recorded as such: a file is never refused for its metadata.
 *
 * <p>The library allocates what a file declares before reading it and inflates compressed PNG
 * text without a limit, so a crafted file can still ask it for much memory; that thread's
 * OutOfMemoryError (and StackOverflowError, for boxes nested a million deep) ends the reading
 * as "too_large" or "unreadable" and nothing else: the caller waits without allocating, and the
 * memory is free again once that thread lets go of it.
 */
public final class MediaReader {
    /** Bytes of the file the library may read: metadata sits in the first few hundred KiB of a photo. */
    public static final long MAX_READ = 4L << 20;
    /** Calls into the file: a loop that reads nothing new ends here. */
    static final long MAX_CALLS = 1_000_000;
    /** Time the library may take for one file. */
    static final long MAX_MILLIS = 20_000;
    /** The reading thread's stack: deep nesting ends in a StackOverflowError here, not in the caller's. */
    private static final long STACK = 1L << 20;
    public static final String READ_BY = "metadata-extractor " + version();

    private MediaReader() {
    }

    /**
     * Whether metadata is read for a file of this media type: photos, sound and film (others are
     * read only when the library recognises one of those formats from the first bytes).
     */
    public static boolean isMedia(String mediaType) {
        String type = mediaType.toLowerCase(Locale.ROOT).split(";")[0].strip();
        return type.startsWith("image/") || type.startsWith("audio/") || type.startsWith("video/");
    }

    /**
     * The metadata of {@code file}, or null when it is neither a photo, sound or film by its media
     * type nor by its first bytes (a PDF, a text).
     */
    public static MediaMetadata read(Path file, String mediaType) throws IOException {
        boolean media = isMedia(mediaType);
        if (!media) {
            try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
                if (!recognised(in)) {
                    return null;
                }
            }
        }
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        }
    }

    /** The metadata of the file read from {@code in} (not closed here), within the bounds above. */
    public static MediaMetadata read(InputStream in) {
        BoundedInput bounded = new BoundedInput(in, MAX_READ, MAX_CALLS);
        AtomicReference<MediaMetadata> result = new AtomicReference<>();
        Thread reader = new Thread(null, () -> result.set(readHere(bounded)), "gawah-media-metadata", STACK);
        reader.setDaemon(true);
        reader.start();
        try {
            reader.join(MAX_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (reader.isAlive()) {
            // Past its time: every further read fails, and what it finds is not waited for.
            bounded.stop();
            return new MediaMetadata(READ_BY, MediaMetadata.Status.TOO_LARGE, null, null, null, null, null, null, null, null);
        }
        MediaMetadata read = result.get();
        return read != null ? read : MediaMetadata.unreadable(READ_BY);
    }

    /**
     * As {@link #read(InputStream)}, on the calling thread and without the time bound: for a
     * caller that already reads on a thread of its own (a pipe's reading end must stay with the
     * thread that reads it).
     */
    public static MediaMetadata readOnThisThread(InputStream in) {
        return readHere(new BoundedInput(in, MAX_READ, MAX_CALLS));
    }

    private static MediaMetadata readHere(BoundedInput in) {
        Metadata metadata;
        try {
            metadata = ImageMetadataReader.readMetadata(in);
        } catch (OutOfMemoryError e) {
            return new MediaMetadata(READ_BY, MediaMetadata.Status.TOO_LARGE, null, null, null, null, null, null, null, null);
        } catch (StackOverflowError | IOException | RuntimeException | com.drew.imaging.ImageProcessingException e) {
            return in.exceeded()
                    ? new MediaMetadata(READ_BY, MediaMetadata.Status.TOO_LARGE, null, null, null, null, null, null, null, null)
                    : MediaMetadata.unreadable(READ_BY);
        }
        try {
            return Fields.of(metadata, READ_BY, in.exceeded());
        } catch (RuntimeException e) {
            // A value the library parsed but cannot describe: nothing said is better than half.
            return MediaMetadata.unreadable(READ_BY);
        }
    }

    /**
     * Whether the library knows the first bytes of {@code in} as a photo, sound or film: it reads
     * a few bytes and resets (a BufferedInputStream marks), so {@link #readOnThisThread} can read
     * the same stream after. An Ogg or AMR recording is not known.
     */
    public static boolean knowsFormat(BufferedInputStream in) throws IOException {
        return recognised(in);
    }

    /** Whether the library knows the first bytes as a photo, sound or film. */
    private static boolean recognised(InputStream in) throws IOException {
        // A BufferedInputStream: the detector marks and resets it.
        FileType type;
        try {
            type = FileTypeDetector.detectFileType((BufferedInputStream) in);
        } catch (RuntimeException e) {
            return false;
        }
        return Fields.isMediaType(type);
    }

    private static String version() {
        Properties properties = new Properties();
        try (InputStream in = ImageMetadataReader.class.getResourceAsStream(
                "/META-INF/maven/com.drewnoakes/metadata-extractor/pom.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            // Named without its version below.
        }
        return properties.getProperty("version", "(version unknown)");
    }
}
