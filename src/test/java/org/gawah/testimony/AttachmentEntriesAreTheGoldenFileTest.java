package org.gawah.testimony;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.gawah.media.MediaMetadata;
import org.junit.jupiter.api.Test;

/**
 * Attachment entries with their metadata and a transcript's and a translation's references,
 * byte for byte as docs/format/testimony.md ("attachments[].metadata", "Transcripts and
 * translations") lays them out: the golden file attachments-golden.json, an addendum.
 */
class AttachmentEntriesAreTheGoldenFileTest {
    static final String PHOTO = "GWA-4T9K-2M8Q-7XRA-C3PD";
    static final String SOUND = "GWA-7QX2-9M4K-3ZRT-1PWD";
    static final String TRANSCRIPT = "GWA-8ZK2-4T9Q-2M7R-XA3C";
    static final String TRANSLATION = "GWA-2B6N-8V3C-5X1Z-9MQR";

    static List<Attachment> entries() {
        MediaMetadata photo = new MediaMetadata("metadata-extractor 2.19.0", MediaMetadata.Status.READ, "JPEG",
                "2025-08-15T10:12:03+04:30", new MediaMetadata.Gps(34.3482361, 62.1997222, null), "Canon", "Canon EOS 80D",
                List.of("083024001234", "0000c1d2e3"), "Maryam Namuna", null);
        MediaMetadata sound = new MediaMetadata("metadata-extractor 2.19.0", MediaMetadata.Status.READ, "MP4",
                "2025-08-15T05:42:03Z", null, null, null, List.of(), null, 1834.56);
        MediaMetadata scan = new MediaMetadata("metadata-extractor 2.19.0", MediaMetadata.Status.READ_WITH_ERRORS, "JPEG",
                null, new MediaMetadata.Gps(null, null, "34,20.8941N 62,11.9833E"), null, null, List.of(), null, null);
        return List.of(
                new Attachment(PHOTO, "IMG_2041.jpg", "image/jpeg", 2432, "a".repeat(64), "b".repeat(128), "original", null, photo),
                new Attachment(SOUND, "interview.m4a", "audio/mp4", 27627, "c".repeat(64), "d".repeat(128), "original", null, sound),
                new Attachment(TRANSCRIPT, "نوشته.txt", "text/plain", 1200, "e".repeat(64), "f".repeat(128), "original",
                        new Attachment.Derived(Attachment.Derived.Kind.TRANSCRIPT, SOUND), null),
                new Attachment(TRANSLATION, "translation-en.txt", "text/plain", 1100, "1".repeat(64), "2".repeat(128), "copy",
                        new Attachment.Derived(Attachment.Derived.Kind.TRANSLATION, TRANSCRIPT), null),
                new Attachment("GWA-5KQ3-1X8Z-7M2C-4VNB", "scan.jpg", "image/jpeg", 900, "3".repeat(64), "4".repeat(128), "copy",
                        null, scan),
                new Attachment("GWA-6PW1-3Z9Q-8K4M-2TXR", "broken.jpg", "image/jpeg", 40, "5".repeat(64), "6".repeat(128), "original",
                        null, MediaMetadata.unreadable("metadata-extractor 2.19.0")));
    }

    @Test
    void anAddendumListsEachEntryAsTheGoldenFile() throws Exception {
        byte[] addendum = Testimonies.buildAddendum("GWH-9XQ2-4KTM-7ZRC-3PWD", Instant.parse("2026-11-28T05:55:22Z"),
                "GWH-7K3M-9QXA-2D4F-8ZZP", entries());
        try (InputStream golden = getClass().getResourceAsStream("attachments-golden.json")) {
            assertEquals(new String(golden.readAllBytes(), StandardCharsets.UTF_8), new String(addendum, StandardCharsets.UTF_8));
        }
    }

    @Test
    void anAttachmentCannotBeATranscriptOfItself() {
        assertThrows(IllegalArgumentException.class, () -> new Attachment(SOUND, "x.txt", "text/plain", 1, "a".repeat(64),
                "b".repeat(128), "original", new Attachment.Derived(Attachment.Derived.Kind.TRANSCRIPT, SOUND), null));
    }
}
