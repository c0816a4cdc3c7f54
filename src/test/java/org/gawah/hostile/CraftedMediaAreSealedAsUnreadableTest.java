package org.gawah.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.gawah.testsupport.GawahProcess;
import org.gawah.testsupport.Homes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every crafted photo and film of {@link CraftedMedia}, attached to one record by a real gawah
 * process with 64 MiB of heap: the record is sealed (never refused, never out of memory), each
 * file with its exact hashes and its metadata recorded as not (wholly) read.
 */
class CraftedMediaAreSealedAsUnreadableTest {
    /**
     * What each is recorded as: "read" where metadata-extractor reports nothing wrong (random bytes
     * after a JPEG marker hold no segment it knows; it follows a TIFF's looping IFD once; a film cut
     * inside its header ends as every film ends, see docs/format/testimony.md).
     */
    private static final Map<String, String> STATUS = Map.ofEntries(
            Map.entry("jpeg-truncated-in-exif.jpg", "unreadable"),
            Map.entry("jpeg-300-exif-segments.jpg", "too_large"),
            Map.entry("jpeg-random-after-marker.jpg", "read"),
            Map.entry("png-ztxt-bomb-2gib.png", "too_large"),
            Map.entry("png-iccp-tag-at-1gib.png", "too_large"),
            Map.entry("png-chunk-length-2gib.png", "unreadable"),
            Map.entry("mp4-mvhd-size-2gib.mp4", "read_with_errors"),
            Map.entry("mp4-moov-nested-100000-deep.mp4", "unreadable"),
            Map.entry("mp4-600000-empty-boxes.mp4", "too_large"),
            Map.entry("mp4-box-size-zero.mp4", "read_with_errors"),
            Map.entry("mp4-truncated-in-moov.mp4", "read"),
            Map.entry("mp4-random-bytes.mp4", "read_with_errors"),
            Map.entry("tiff-ifd-loop.tif", "read"),
            Map.entry("tiff-ifd-at-4gib.tif", "read_with_errors"));

    @TempDir
    Path base;

    @Test
    void eachCraftedFileIsSealedWithItsMetadataRecordedAsNotRead() throws Exception {
        Homes homes = Homes.copied(base);
        Path input = Files.write(base.resolve("testimony.json"), Homes.sampleInput());
        Map<String, byte[]> crafted = CraftedMedia.all();
        List<String> args = new ArrayList<>(List.of("record", "--from", input.toString(), "--self-readable"));
        for (Map.Entry<String, byte[]> file : crafted.entrySet()) {
            args.add("--attach");
            args.add(Files.write(base.resolve(file.getKey()), file.getValue()).toString());
        }
        long start = System.nanoTime();
        // An OutOfMemoryError on the reading thread is how the decompression bombs end, by design: no ExitOnOutOfMemoryError.
        Process record = GawahProcess.start(List.of("-Xmx64m"), homes.documenter,
                base.resolve("record"), args.toArray(new String[0]));
        assertTrue(record.waitFor(5, TimeUnit.MINUTES), "record did not finish");
        String err = Files.readString(base.resolve("record.err"));
        assertEquals(0, record.exitValue(), err);
        assertFalse(err.contains("OutOfMemory") || err.contains("\tat "), err);
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
        String id = Files.readString(base.resolve("record.out")).strip();

        byte[] testimony = homes.gawah.in(homes.documenter, "open", id).ok().stdout();
        JsonNode attachments = new ObjectMapper().readTree(testimony).get("attachments");
        assertEquals(crafted.size(), attachments.size());
        int i = 0;
        for (Map.Entry<String, byte[]> file : crafted.entrySet()) {
            JsonNode entry = attachments.get(i++);
            String what = file.getKey() + " (" + CraftedMedia.HOW.get(file.getKey()) + "): " + entry;
            assertEquals(file.getKey(), entry.path("file_name").asText(), what);
            assertEquals(file.getValue().length, entry.path("size").asLong(), what);
            assertEquals(STATUS.get(file.getKey()), entry.path("metadata").path("status").asText(), what);
            assertFalse(entry.path("metadata").has("gps"), what);
        }
        assertTrue(seconds < 60, "took " + seconds + " s");

        // Exported without identities, by a process with as small a heap: every crafted photo sealing could not read
        // whole stays out, without being read again, and the export ends well.
        Path bag = base.resolve("bag.zip");
        homes.gawah.in(homes.documenter, "submit", "--out", bag.toString()).ok();
        homes.gawah.in(homes.legal, "import", bag.toString()).ok();
        String caseId = homes.gawah.caseCreate(homes.legal, "Crafted").ok().out().strip();
        homes.gawah.in(homes.legal, "case", "add", caseId, id).ok();
        Path icc = base.resolve("icc.zip");
        Process export = GawahProcess.start(List.of("-Xmx64m"), homes.legal, base.resolve("export"),
                "export", "--case", caseId, "--for", "icc", "--out", icc.toString());
        assertTrue(export.waitFor(5, TimeUnit.MINUTES), "export did not finish");
        assertEquals(0, export.exitValue(), Files.readString(base.resolve("export.err")));
        String report = Files.readString(Path.of(icc + ".report.txt"));
        for (JsonNode entry : attachments) {
            String file = entry.path("file_name").asText();
            boolean picture = file.endsWith(".jpg") || file.endsWith(".png") || file.endsWith(".tif");
            if (picture && !entry.path("metadata").path("status").asText().equals("read")) {
                assertTrue(report.contains(entry.path("id").asText() + ": its metadata cannot be read"), file + ": " + report);
                assertFalse(CaseFixtureFiles.names(icc).stream().anyMatch(n -> n.contains(entry.path("id").asText())), file);
            }
        }
    }

    /** Every name in a zipped package. */
    private static final class CaseFixtureFiles {
        static List<String> names(Path zip) {
            return new ArrayList<>(org.gawah.testsupport.CaseFixture.files(zip).keySet());
        }
    }
}
