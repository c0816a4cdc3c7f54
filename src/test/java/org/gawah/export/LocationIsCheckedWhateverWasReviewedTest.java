package org.gawah.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.gawah.testsupport.CaseFixture;
import org.gawah.testsupport.Gawah;
import org.gawah.testsupport.Homes;
import org.gawah.testsupport.Media;
import org.gawah.testsupport.Photos;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Without the identity, a photo's, a sound's or a film's own metadata is read before it goes,
 * whether or not someone reviewed it: having looked at a picture says nothing of the coordinates
 * inside it. A file that records where it was made (EXIF GPS, an Android film's or m4a's ©xyz,
 * an iPhone film's ISO 6709 location) stays out under --reviewed and --reviewed-all, and goes only
 * when named with --with-location; a film without a location goes; a sound in a format the reader
 * does not know goes, reported as not looked at; a photo naming its camera's serial number or owner
 * goes only when reviewed, and one with both a location and a serial number needs both. Films made by FFmpeg, the Android layout built
 * box by box.
 */
class LocationIsCheckedWhateverWasReviewedTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path base;
    static Gawah gawah;
    static Homes homes;
    static String caseId;
    static String record;
    /** File name → attachment id. */
    static Map<String, String> ids = new LinkedHashMap<>();

    @BeforeAll
    static void aRecordWithLocatedAndCleanFiles() throws Exception {
        homes = Homes.copied(base);
        gawah = homes.gawah;
        Path files = Files.createDirectories(base.resolve("files"));
        Path photo = Files.write(files.resolve("photo.jpg"), Photos.withGps(Photos.jpeg(3), 34, 62));
        Path android = Files.write(files.resolve("android.mp4"), androidStyle("isom", "+34.3482+062.1997/"));
        Path voice = Files.write(files.resolve("voice.m4a"), androidStyle("M4A ", "+34.3482+062.1997/"));
        Path iphone = ffmpeg(files, "iphone.mov", "-f", "lavfi", "-i", "testsrc=size=64x48:rate=10", "-t", "1", "-c:v", "mpeg4",
                "-movflags", "use_metadata_tags", "-metadata", "com.apple.quicktime.location.ISO6709=+34.3482+062.1997+012.000/");
        Path clean = ffmpeg(files, "clean.mp4", "-f", "lavfi", "-i", "testsrc=size=64x48:rate=10", "-t", "1", "-c:v", "mpeg4");
        Path opus = ffmpeg(files, "clean.ogg", "-f", "lavfi", "-i", "sine=frequency=440", "-t", "1", "-c:a", "libopus");
        Path serial = Media.photoWithSerial(files, "serial.jpg");
        Path everything = Media.photoWithGps(files, "everything.jpg");
        ObjectNode input = (ObjectNode) JSON.readTree(Homes.sampleInput());
        ((ObjectNode) input.get("consent")).put("audio_video", true);
        List<String> args = new ArrayList<>(List.of("record", "--from", "-"));
        for (Path file : List.of(photo, android, voice, iphone, clean, opus, serial, everything)) {
            args.addAll(List.of("--attach", file.toString()));
        }
        record = gawah.inWithInput(homes.documenter, JSON.writeValueAsBytes(input), args.toArray(new String[0])).ok().out().strip();
        Path bag = base.resolve("bag.zip");
        gawah.in(homes.documenter, "submit", "--out", bag.toString()).ok();
        gawah.in(homes.legal, "import", bag.toString()).ok();
        caseId = gawah.caseCreate(homes.legal, "c").ok().out().strip();
        gawah.in(homes.legal, "case", "add", caseId, record).ok();
        Path opened = base.resolve("opened.json");
        gawah.in(homes.legal, "open", record, "--out", opened.toString()).ok();
        for (JsonNode attachment : JSON.readTree(opened.toFile()).get("attachments")) {
            ids.put(attachment.get("file_name").asText(), attachment.get("id").asText());
        }
        assertEquals(8, ids.size(), ids.toString());
    }

    @Test
    void reviewedAllNeverSendsALocation() throws IOException {
        Path out = base.resolve("all.zip");
        gawah.in(homes.legal, "export", "--case", caseId, "--for", "icc", "--reviewed-all", caseId, "--out", out.toString()).ok();
        String report = Files.readString(Path.of(out + ".report.txt"));
        Map<String, byte[]> files = CaseFixture.files(out);
        for (String located : List.of("photo.jpg", "android.mp4", "voice.m4a", "iphone.mov", "everything.jpg")) {
            String id = ids.get(located);
            assertTrue(report.contains(id + ": it carries GPS coordinates (where it was taken): withheld with the file; "
                    + "to send it with its location, export again with --with-location " + id), located + ": " + report);
            assertFalse(files.keySet().stream().anyMatch(name -> name.contains(id)), located + " is in the package");
        }
        for (String clean : List.of("clean.mp4", "clean.ogg")) {
            String id = ids.get(clean);
            assertTrue(files.keySet().stream().anyMatch(name -> name.endsWith(id + "." + (clean.endsWith("mp4") ? "mp4" : "ogg"))
                    || name.contains(id + ".")), clean + " goes: " + files.keySet());
        }
    }

    @Test
    void onlyWithLocationSendsTheFileItNames() throws IOException {
        Path out = base.resolve("named.zip");
        String photo = ids.get("photo.jpg");
        String android = ids.get("android.mp4");
        gawah.in(homes.legal, "export", "--case", caseId, "--for", "icc", "--reviewed", photo, "--with-location", android,
                "--out", out.toString()).ok();
        String report = Files.readString(Path.of(out + ".report.txt"));
        Map<String, byte[]> files = CaseFixture.files(out);
        assertTrue(files.keySet().stream().anyMatch(name -> name.contains(android + ".mp4")), files.keySet().toString());
        assertTrue(report.contains(android + ": sent with the location its metadata holds, because --with-location "
                + android + " was given"), report);
        assertFalse(files.keySet().stream().anyMatch(name -> name.contains(photo)), "reviewed is not --with-location");
        assertTrue(report.contains(ids.get("clean.ogg") + ": its format is not one the metadata reader knows"), report);
        assertTrue(report.contains(ids.get("clean.mp4") + ": sound and moving pictures are not searched"), report);
    }

    @Test
    void aSerialNumberOrOwnerWaitsForReviewAndALocationForWithLocationBoth() throws IOException {
        String serial = ids.get("serial.jpg");
        String everything = ids.get("everything.jpg");
        Path located = base.resolve("located-only.zip");
        gawah.in(homes.legal, "export", "--case", caseId, "--for", "icc", "--with-location", everything,
                "--out", located.toString()).ok();
        String report = Files.readString(Path.of(located + ".report.txt"));
        for (String id : List.of(serial, everything)) {
            assertTrue(report.contains(id + ": it names its device's serial number or owner (who could be identified), as the "
                    + "metadata signed with it at sealing says: withheld with the file; to send it as it is, export again with "
                    + "--reviewed " + id), report);
            assertFalse(CaseFixture.files(located).keySet().stream().anyMatch(name -> name.contains(id)), id + " went");
        }

        Path both = base.resolve("located-and-reviewed.zip");
        gawah.in(homes.legal, "export", "--case", caseId, "--for", "icc", "--with-location", everything, "--reviewed",
                everything, "--reviewed", serial, "--out", both.toString()).ok();
        report = Files.readString(Path.of(both + ".report.txt"));
        Map<String, byte[]> files = CaseFixture.files(both);
        for (String id : List.of(serial, everything)) {
            assertTrue(files.keySet().stream().anyMatch(name -> name.endsWith(id + ".jpg")), id + ": " + files.keySet());
        }
        assertTrue(report.contains(everything + ": sent with the location its metadata holds, because --with-location "
                + everything + " was given"), report);
        assertFalse(report.contains(serial + ": sent with the location"), report);
    }

    @Test
    void withLocationTakesAttachmentIdsOnly() throws IOException {
        Path out = base.resolve("wrong.zip");
        Gawah.Result wrong = gawah.in(homes.legal, "export", "--case", caseId, "--for", "icc", "--with-location", record,
                "--out", out.toString());
        assertEquals(2, wrong.code(), wrong.stderr());
        assertTrue(wrong.stderr().contains("--with-location " + record + ": not an attachment id"), wrong.stderr());
        assertFalse(Files.exists(out));
    }

    /** An MP4 (or, with brand "M4A ", an m4a) as an Android phone lays it out: ftyp, moov (mvhd, udta ©xyz), mdat. */
    private static byte[] androidStyle(String brand, String iso6709) {
        byte[] ftyp = box("ftyp", brand.getBytes(StandardCharsets.US_ASCII), new byte[] {0, 0, 0, 0},
                "isommp42".getBytes(StandardCharsets.US_ASCII));
        ByteBuffer mvhd = ByteBuffer.allocate(100).putInt(0).putInt(0).putInt(0).putInt(1000).putInt(1000)
                .putInt(0x00010000).putShort((short) 0x0100);
        mvhd.position(36);
        for (int m : new int[] {0x10000, 0, 0, 0, 0x10000, 0, 0, 0, 0x40000000}) {
            mvhd.putInt(m);
        }
        mvhd.position(96);
        mvhd.putInt(2);
        byte[] text = iso6709.getBytes(StandardCharsets.US_ASCII);
        byte[] xyz = ByteBuffer.allocate(4 + text.length).putShort((short) text.length).putShort((short) 0x15c7).put(text).array();
        return concat(ftyp, box("moov", box("mvhd", mvhd.array()), box("udta", box("\u00a9xyz", xyz))),
                box("mdat", new byte[4096]));
    }

    private static byte[] box(String type, byte[]... payload) {
        byte[] body = concat(payload);
        return concat(ByteBuffer.allocate(4).putInt(8 + body.length).array(), type.getBytes(StandardCharsets.ISO_8859_1), body);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static Path ffmpeg(Path dir, String name, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("ffmpeg", "-v", "error", "-y"));
        command.addAll(List.of(arguments));
        command.add(dir.resolve(name).toString());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0, "ffmpeg (.ci/run installs it): " + output);
        return dir.resolve(name);
    }
}
