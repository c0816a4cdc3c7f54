package org.gawah.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.gawah.testsupport.Media;
import org.gawah.testsupport.Photos;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real files made by other programs (ExifTool, FFmpeg) and by the layouts phones write, read by
 * metadata-extractor through Gawah's bounded reader: each field as the file holds it.
 */
class ReadsWhatAFileSaysOfItselfTest {
    @TempDir
    Path dir;

    @Test
    void aPhotoGivesItsTimeWithOffsetGpsDeviceSerialsAndOwner() throws Exception {
        MediaMetadata m = MediaReader.read(Media.photoWithGps(dir, "photo.jpg"), "image/jpeg");
        assertEquals(MediaMetadata.Status.READ, m.status());
        assertEquals("JPEG", m.format());
        assertEquals("2025-08-15T10:12:03+04:30", m.capturedAt());
        assertEquals(new MediaMetadata.Gps(Media.LATITUDE, Media.LONGITUDE, null), m.gps());
        assertEquals("Canon", m.make());
        assertEquals("Canon EOS 80D", m.model());
        assertEquals(List.of(Media.BODY_SERIAL, Media.LENS_SERIAL), m.serialNumbers());
        assertEquals(Media.OWNER, m.owner());
        assertTrue(m.locates() && m.identifiesDevice());
        assertTrue(m.readBy().matches("metadata-extractor 2\\.[0-9]+\\.[0-9]+"), m.readBy());
    }

    @Test
    void aPhotoWithoutMetadataSaysNothingAndIsRead() throws Exception {
        Path plain = Files.write(dir.resolve("plain.jpg"), Photos.jpeg(3));
        MediaMetadata m = MediaReader.read(plain, "image/jpeg");
        assertEquals(MediaMetadata.Status.READ, m.status());
        assertNull(m.gps());
        assertNull(m.capturedAt());
        assertTrue(!m.locates() && !m.identifiesDevice());
    }

    @Test
    void aPhotoWithAPhoneStyleGpsBlockIsLocatedEvenUnderAnotherName() throws Exception {
        // A JPEG named .bin: the media type does not say photo, the first bytes do.
        Path renamed = Files.write(dir.resolve("evidence.bin"), Photos.withGps(Photos.jpeg(5), 34, 62));
        MediaMetadata m = MediaReader.read(renamed, "application/octet-stream");
        assertEquals(34.2083333, m.gps().latitude(), 1e-6);
        assertEquals(62.2083333, m.gps().longitude(), 1e-6);
    }

    @Test
    void anMp4GivesItsCreationTimeInUtcAndItsDuration() throws Exception {
        MediaMetadata m = MediaReader.read(Media.mp4(dir, "clip.mp4"), "video/mp4");
        assertEquals(MediaMetadata.Status.READ, m.status());
        assertEquals("MP4", m.format());
        assertEquals("2025-08-15T05:42:03Z", m.capturedAt());
        assertEquals(2.5, m.durationSeconds());
        assertNull(m.gps());
    }

    @Test
    void aPhoneQuickTimeFilmGivesItsLocationMakeModelAndLocalTime() throws Exception {
        MediaMetadata m = MediaReader.read(Media.phoneMov(dir, "clip.mov"), "video/quicktime");
        assertEquals(MediaMetadata.Status.READ, m.status());
        assertEquals("MOV", m.format());
        assertEquals("2025-08-15T10:12:03+04:30", m.capturedAt());
        assertEquals(new MediaMetadata.Gps(34.3482, 62.1997, null), m.gps());
        assertEquals("Apple", m.make());
        assertEquals("iPhone 12", m.model());
        assertEquals(1.0, m.durationSeconds());
    }

    @Test
    void anAndroidMp4GivesTheLocationOfItsXyzBox() throws Exception {
        Path film = Files.write(dir.resolve("android.mp4"), Media.androidMp4(new byte[4096]));
        MediaMetadata m = MediaReader.read(film, "video/mp4");
        assertEquals(new MediaMetadata.Gps(34.3482, 62.1997, null), m.gps());
        assertEquals("2025-08-15T05:42:03Z", m.capturedAt());
        assertEquals(7.0, m.durationSeconds());
    }

    @Test
    void aSoundGivesItsDuration() throws Exception {
        MediaMetadata m = MediaReader.read(Media.m4a(dir, "interview.m4a"), "audio/mp4");
        assertEquals(MediaMetadata.Status.READ, m.status());
        assertEquals(3.0, m.durationSeconds(), 0.05);
    }

    @Test
    void aTextOrPdfHasNoMetadataToRead() throws Exception {
        Path text = Files.writeString(dir.resolve("transcript.txt"), "the witness said");
        assertNull(MediaReader.read(text, "text/plain"));
        Path pdf = Files.writeString(dir.resolve("scan.pdf"), "%PDF-1.4\n%%EOF\n");
        assertNull(MediaReader.read(pdf, "application/pdf"));
    }

    @Test
    void aFileCalledAPhotoThatIsNoneIsRecordedAsUnreadable() throws Exception {
        Path fake = Files.writeString(dir.resolve("photo.jpg"), "not a photo at all");
        assertEquals(MediaMetadata.unreadable(MediaReader.READ_BY), MediaReader.read(fake, "image/jpeg"));
    }

    @Test
    void textFromTheFileIsMadeSafeToSignAndShow() {
        assertEquals("Canon", Fields.text("Canon\0\0\0\0"));
        assertEquals("a\uFFFDb", Fields.text("a\u001bb"));
        assertEquals("é", Fields.text("e\u0301"));
        assertEquals(Fields.MAX_TEXT, Fields.text("x".repeat(10_000)).length());
        assertNull(Fields.text("\0 \0"));
        assertEquals("\uFFFD", Fields.text("\ud800"));
    }
}
