package org.gawah.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import org.gawah.Failure;
import org.gawah.testimony.Testimonies;
import org.gawah.testsupport.Gawah.Result;
import org.gawah.testsupport.Homes;
import org.gawah.testsupport.TestEngine;
import org.gawah.vault.VaultTamper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(TestEngine.class)
class AttachmentsTest {
    @Parameter
    TestEngine engine;

    @TempDir
    static Path root;
    /** This engine's folder under root. */
    static Path base;
    static Homes homes;
    static Path video;
    static Path scan;
    static String id;

    @BeforeParameterizedClassInvocation
    static void setUp(TestEngine engine) throws Exception {
        base = java.nio.file.Files.createDirectories(root.resolve(engine.name()));
        homes = engine.homes(base);
        video = base.resolve("interview.mp4");
        byte[] random = new byte[5 * 1024 * 1024 + 12345]; // more than five chunks, the last one short
        new Random(7).nextBytes(random);
        Files.write(video, random);
        scan = base.resolve("statement scan.pdf");
        Files.writeString(scan, "%PDF-1.4 a scanned statement");
        id = record("--attach", video.toString(), "--attach-copy", scan.toString());
    }

    private static String record(String... attachments) {
        String[] args = new String[3 + attachments.length];
        args[0] = "record";
        args[1] = "--from";
        args[2] = "-";
        System.arraycopy(attachments, 0, args, 3, attachments.length);
        // Self-readable, so the documenter's home can open its own records in these tests.
        String[] full = java.util.Arrays.copyOf(args, args.length + 1);
        full[args.length] = "--self-readable";
        return homes.gawah.inWithInput(homes.documenter, Homes.sampleInput(), full).ok().out().strip();
    }

    @Test
    void testimonyListsEachAttachmentWithItsHashesUnderTheOneSignature() throws Exception {
        Result opened = homes.gawah.in(homes.documenter, "open", id).ok();
        JsonNode listed = Testimonies.read(opened.stdout()).get("attachments");
        assertEquals(2, listed.size());
        JsonNode first = listed.get(0);
        assertEquals("interview.mp4", first.get("file_name").asText());
        assertEquals(Files.size(video), first.get("size").asLong());
        assertEquals(hex("SHA-256", video), first.get("sha256").asText());
        assertEquals(hex("SHA-512", video), first.get("sha512").asText());
        assertEquals("original", first.get("generation").asText());
        assertEquals("copy", listed.get(1).get("generation").asText());
    }

    @Test
    void openWritesEveryAttachmentBackExactly() throws Exception {
        Path out = Files.createDirectories(base.resolve("opened"));
        homes.gawah.in(homes.documenter, "open", id, "--attachments", out.toString()).ok();
        assertArrayEquals(Files.readAllBytes(video), Files.readAllBytes(out.resolve("interview.mp4")));
        assertArrayEquals(Files.readAllBytes(scan), Files.readAllBytes(out.resolve("statement scan.pdf")));
    }

    @Test
    void listShowsAttachmentCountAndSize() {
        String listing = homes.gawah.in(homes.documenter, "list").ok().out();
        assertTrue(listing.contains(id), listing);
        assertTrue(listing.contains("2 (5."), listing);
    }

    @Test
    void oneFlippedByteInAnyChunkIsDetectedAndNothingIsLeftBehind() throws Exception {
        for (int seq : new int[] {0, 3, 5}) {
            Path home = base.resolve("tampered-" + seq);
            Homes.copy(homes.documenter, home);
            VaultTamper.flipChunkByte(home, id, seq, 4242);
            Path out = Files.createDirectories(base.resolve("out-" + seq));
            Result result = homes.gawah.in(home, "open", id, "--attachments", out.toString());
            assertEquals(Failure.BAD_DATA.exitCode(), result.code(), "chunk " + seq + ": " + result.stderr());
            try (var left = Files.list(out)) {
                assertEquals(0, left.count(), "no file, partial or whole, is left after a failed open");
            }
        }
    }

    /**
     * Two {@code open --attachments} of one record into one folder: the second finds the first's
     * hidden partial file (made here as the first leaves it while it writes), refuses, and leaves
     * that file alone, so that the first can still check it and rename it into place.
     */
    @Test
    void aSecondOpenIntoTheSameFolderLeavesTheFirstsPartialFileAlone() throws Exception {
        Path out = Files.createDirectories(base.resolve("opened-twice"));
        String attachmentId = Testimonies.read(homes.gawah.in(homes.documenter, "open", id).ok().stdout())
                .at("/attachments/0/id").asText();
        Path theFirsts = Files.writeString(out.resolve("." + attachmentId + ".gawah-partial"), "being written by another gawah");

        Result second = homes.gawah.in(homes.documenter, "open", id, "--attachments", out.toString());
        assertEquals(Failure.OUTPUT_EXISTS.exitCode(), second.code(), second.stderr());
        assertTrue(second.stderr().contains(theFirsts.toString()), second.stderr());
        assertEquals("being written by another gawah", Files.readString(theFirsts));
        try (var left = Files.list(out)) {
            assertEquals(List.of(theFirsts), left.toList(), "the second wrote nothing");
        }
        // Nor did it leave a row naming the other's file: the next command settles nothing there.
        homes.gawah.in(homes.documenter, "list").ok();
        assertEquals("being written by another gawah", Files.readString(theFirsts));
    }

    @Test
    void missingAttachmentIsRefusedBeforeAnythingIsStored() throws Exception {
        int before = VaultTamper.count(homes.documenter, "records");
        Result result = homes.gawah.inWithInput(homes.documenter, Homes.sampleInput(),
                "record", "--from", "-", "--attach", base.resolve("no-such-file.jpg").toString());
        assertEquals(Failure.MISSING_INPUT.exitCode(), result.code(), result.stderr());
        assertEquals(before, VaultTamper.count(homes.documenter, "records"));
    }

    @Test
    void shredOriginalDeletesTheSourceOnlyAfterTheSealIsStored() throws Exception {
        Path photo = base.resolve("photo-to-shred.jpg");
        Files.write(photo, new byte[300_000]);
        Result result = homes.gawah.inWithInput(homes.documenter, Homes.sampleInput(), "record", "--from", "-",
                "--self-readable", "--attach", photo.toString(), "--shred-original").ok();
        assertTrue(Files.notExists(photo));
        assertTrue(result.stderr().contains("SSDs"), result.stderr());
        String shreddedId = result.out().strip();
        Path out = Files.createDirectories(base.resolve("shredded"));
        homes.gawah.in(homes.documenter, "open", shreddedId, "--attachments", out.toString()).ok();
        assertArrayEquals(new byte[300_000], Files.readAllBytes(out.resolve("photo-to-shred.jpg")));
    }

    @Test
    void attachAddsALinkedRecordWhoseSignedAddendumListsTheFiles() throws Exception {
        Path later = base.resolve("voice-note.m4a");
        Files.write(later, new byte[] {1, 2, 3, 4, 5});
        String addendum = homes.gawah.in(homes.documenter, "attach", id, later.toString(), "--copy").ok().out().strip();
        Result opened = homes.gawah.in(homes.documenter, "open", addendum).ok();
        JsonNode tree = Testimonies.readRecord(opened.stdout());
        assertEquals("gawah.addendum/1", tree.get("schema").asText());
        assertEquals(id, tree.get("adds_to").asText());
        assertEquals(hex("SHA-256", later), tree.at("/attachments/0/sha256").asText());
        assertEquals("copy", tree.at("/attachments/0/generation").asText());
        Path out = Files.createDirectories(base.resolve("addendum"));
        homes.gawah.in(homes.documenter, "open", addendum, "--attachments", out.toString()).ok();
        assertArrayEquals(Files.readAllBytes(later), Files.readAllBytes(out.resolve("voice-note.m4a")));
    }

    @Test
    void attachToAnUnknownRecordIsRefused() {
        Result result = homes.gawah.in(homes.documenter, "attach", "GWH-0000-0000-0000-0000", scan.toString());
        assertEquals(Failure.NOT_FOUND.exitCode(), result.code(), result.stderr());
    }

    @Test
    void exportOfAnAttachmentThatDoesNotExistWritesNoFile() {
        Path out = base.resolve("none.pgp");
        Result result = homes.gawah.in(homes.documenter, "export-sealed", id, "--attachment", "9", "--out", out.toString());
        assertEquals(Failure.NOT_FOUND.exitCode(), result.code(), result.stderr());
        assertTrue(Files.notExists(out));
    }

    @Test
    void openIntoAFolderWhoseParentIsMissingIsRefusedBeforeDecrypting() {
        Path folder = base.resolve("no-such-dir").resolve("evidence");
        Result result = homes.gawah.in(homes.documenter, "open", id, "--attachments", folder.toString());
        assertEquals(Failure.MISSING_INPUT.exitCode(), result.code(), result.stderr());
        assertEquals(0, result.stdout().length);
        assertTrue(Files.notExists(folder.getParent()), "nothing made");
    }

    /** As `gawah open --help` shows it (`--attachments ./evidence`): the last folder is made, owner-only. */
    @Test
    void openMakesAMissingLastFolderForItsOwnerOnly() throws Exception {
        Path folder = base.resolve("made-for-open");
        homes.gawah.in(homes.documenter, "open", id, "--attachments", folder.toString()).ok();
        assertTrue(Files.isDirectory(folder));
        assertEquals("rwx------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)));
    }

    private static String hex(String algorithm, Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(Files.readAllBytes(file)));
    }
}
