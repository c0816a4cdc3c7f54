package org.gawah.bag;

import static java.nio.file.StandardOpenOption.CREATE_NEW;
import static java.nio.file.StandardOpenOption.WRITE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.gawah.Failure;
import org.gawah.GawahException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real zips from {@link ZipOutputStream} for what honest tools write; for what they cannot, zips
 * crafted byte by byte ({@link #write}), each differing from an accepted one in one respect.
 */
class ZipScanTest {
    private static final long FULL32 = 0xffffffffL;
    private static final long GIB = 1L << 30;

    @TempDir
    Path dir;
    private int files;

    // ---- accepted ----

    @Test
    void listsEveryEntryWithItsSizes() throws IOException {
        Path zip = dir.resolve("ok.zip");
        byte[] text = "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n".getBytes(StandardCharsets.UTF_8);
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("bag/"));
            out.putNextEntry(new ZipEntry("bag/data/a.pgp"));
            out.write(new byte[1000]);
            out.putNextEntry(new ZipEntry("bag/data/deeper/b.pgp"));
            out.write(text);
            ZipEntry stored = new ZipEntry("bag/bagit.txt");
            stored.setMethod(ZipEntry.STORED);
            stored.setSize(text.length);
            stored.setCrc(crc32(text));
            out.putNextEntry(stored);
            out.write(text);
        }
        List<ZipScan.Entry> entries = ZipScan.scan(zip);
        assertEquals(List.of("bag/", "bag/data/a.pgp", "bag/data/deeper/b.pgp", "bag/bagit.txt"),
                entries.stream().map(ZipScan.Entry::name).toList());
        assertEquals(List.of(0L, 1000L, (long) text.length, (long) text.length), entries.stream().map(ZipScan.Entry::size).toList());
        assertEquals(List.of(8, 8, 8, 0), entries.stream().map(ZipScan.Entry::method).toList());
        try (ZipFile file = new ZipFile(zip.toFile())) {
            for (ZipScan.Entry entry : entries) {
                assertEquals(file.getEntry(entry.name()).getCompressedSize(), entry.compressedSize(), entry.name());
            }
        }
    }

    @Test
    void acceptsCraftedFilesAndFoldersWithUnixModes() throws IOException {
        List<ZipScan.Entry> entries = ZipScan.scan(write(Rec.folder("bag/"), Rec.file("bag/a.txt"),
                Rec.file("bag/data/b.pgp").mode(0), Rec.file("bag/caf\u00e9").madeBy(0x0014).mode(0)));
        assertEquals(List.of("bag/", "bag/a.txt", "bag/data/b.pgp", "bag/caf\u00e9"), entries.stream().map(ZipScan.Entry::name).toList());
    }

    @Test
    void readsZip64CentralDirectory() throws IOException {
        // Past 65,534 entries ZipOutputStream writes the ZIP64 end records (APPNOTE 4.3.14, 4.3.15).
        Path zip = dir.resolve("many.zip");
        try (ZipOutputStream out = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(zip), 1 << 16))) {
            for (int i = 0; i < 70_000; i++) {
                out.putNextEntry(new ZipEntry("bag/" + i));
            }
        }
        assertEquals(70_000, ZipScan.scan(zip).size());
    }

    @Test
    void readsZip64SizesAndOffsets() throws IOException {
        // A sparse file: 5 GiB declared and skipped, never written.
        Path zip = write(Rec.file("bag/big").sizes(5 * GIB, 5 * GIB), Rec.file("bag/after"));
        List<ZipScan.Entry> entries = ZipScan.scan(zip);
        assertEquals(5 * GIB, entries.get(0).size());
        assertEquals(5 * GIB, entries.get(0).compressedSize());
        try (ZipFile file = new ZipFile(zip.toFile())) {
            assertEquals(5 * GIB, file.getEntry("bag/big").getSize(), "ZipFile reads the same ZIP64 fields");
        }
    }

    // ---- file types (external attributes, APPNOTE 4.4.15) ----

    @Test
    void refusesSymbolicLink() throws IOException {
        assertEquals("bag: entry \"x/y\" is a symbolic link", refusal(write(Rec.file("x/y").mode(0120777))));
    }

    @Test
    void refusesDevicesPipesAndSockets() throws IOException {
        assertRefused("entry \"bag/fifo\" is not a regular file", Rec.file("bag/fifo").mode(0010644));
        assertRefused("entry \"bag/tty\" is not a regular file", Rec.file("bag/tty").mode(0020620));
    }

    @Test
    void refusesFolderModeOnAFileName() throws IOException {
        assertRefused("entry \"bag/x\" is marked as a folder", Rec.file("bag/x").mode(0040755));
    }

    // ---- names ----

    @Test
    void refusesParentSegments() throws IOException {
        assertRefused("entry \"../x\" has a '..' path segment", Rec.file("../x"));
        assertRefused("entry \"bag/../../.bashrc\" has a '..' path segment", Rec.file("bag/../../.bashrc"));
    }

    @Test
    void refusesDotSegments() throws IOException {
        assertRefused("entry \"bag/./x\" has a '.' path segment", Rec.file("bag/./x"));
    }

    @Test
    void refusesEmptySegments() throws IOException {
        assertRefused("entry \"a//b\" has an empty path segment", Rec.file("a//b"));
    }

    @Test
    void refusesAbsolutePaths() throws IOException {
        assertRefused("entry \"/abs\" is an absolute path", Rec.file("/abs"));
    }

    @Test
    void refusesDriveLetters() throws IOException {
        assertRefused("entry \"C:/x\" names a drive letter", Rec.file("C:/x"));
        assertRefused("entry \"bag/d:x\" names a drive letter", Rec.file("bag/d:x"));
    }

    @Test
    void refusesColons() throws IOException {
        assertRefused("entry \"bag/a.txt:hidden\" holds a ':'", Rec.file("bag/a.txt:hidden"));
    }

    @Test
    void refusesBackslashes() throws IOException {
        assertRefused("entry \"a\\b\" holds a backslash", Rec.file("a\\b"));
        assertRefused("holds a backslash", Rec.file("bag\\..\\x"));
    }

    @Test
    void refusesNul() throws IOException {
        assertRefused("entry \"bag/a?.txt\" holds a NUL character", Rec.file("bag/a\0.txt"));
    }

    @Test
    void refusesEmptyNames() throws IOException {
        assertRefused("an entry has an empty name", Rec.file(""));
    }

    @Test
    void refusesMalformedUtf8() throws IOException {
        byte[] name = {'b', 'a', 'g', '/', (byte) 0xc3, (byte) 0x28};
        assertRefused("entry \"bag/\ufffd(\" has a name that is not valid UTF-8", Rec.file("").name(name));
    }

    @Test
    void refusesOverlongUtf8EvenWithoutTheUtf8Flag() throws IOException {
        // C0 AF is an overlong '/': lenient decoders turn "..\xC0\xAFx" into "../x".
        byte[] name = {'.', '.', (byte) 0xc0, (byte) 0xaf, 'x'};
        assertRefused("has a name that is not valid UTF-8", Rec.file("").name(name).flags(0));
    }

    @Test
    void escapesControlCharactersInMessages() throws IOException {
        String message = refusal(write(Rec.file("bag/\u001b]0;owned\u0007\u009b2J\u202e/../x")));
        assertEquals("bag: entry \"bag/?]0;owned??2J?/../x\" has a '..' path segment", message);
    }

    // ---- duplicates ----

    @Test
    void refusesDuplicateNames() throws IOException {
        assertRefused("entry \"bag/a\" appears twice", Rec.file("bag/a"), Rec.file("bag/a"));
    }

    @Test
    void refusesNamesDifferingOnlyInCase() throws IOException {
        assertRefused("entries \"bag/Data/x\" and \"bag/data/X\" differ only in capitals", Rec.file("bag/Data/x"), Rec.file("bag/data/X"));
    }

    @Test
    void refusesNamesDifferingOnlyInUnicodeForm() throws IOException {
        assertRefused("differ only in capitals or Unicode form", Rec.file("bag/caf\u00e9"), Rec.file("bag/cafe\u0301"));
    }

    @Test
    void refusesAFileAndAFolderOfOneName() throws IOException {
        assertRefused("entry \"bag/x/\" is both a file and a folder", Rec.file("bag/x"), Rec.folder("bag/x/"));
    }

    // ---- entries ----

    @Test
    void refusesEncryptedEntries() throws IOException {
        assertRefused("entry \"bag/a\" is encrypted", Rec.file("bag/a").flags(0x0801));
    }

    @Test
    void refusesCompressionMethodsOtherThanStoredAndDeflated() throws IOException {
        assertRefused("entry \"bag/a\" uses compression method 12", Rec.file("bag/a").method(12));
    }

    @Test
    void refusesZipBombs() throws IOException {
        assertRefused("entry \"bag/a\" declares 1000000000 bytes from 10 compressed: a zip bomb",
                Rec.file("bag/a").method(8).sizes(10, 1_000_000_000));
    }

    @Test
    void refusesStoredEntriesWithTwoSizes() throws IOException {
        assertRefused("entry \"bag/a\" is stored but declares 5 bytes in 1", Rec.file("bag/a").sizes(1, 5));
    }

    @Test
    void refusesFoldersHoldingData() throws IOException {
        assertRefused("entry \"bag/\" is a folder but holds 7 bytes", Rec.folder("bag/").sizes(7, 7));
    }

    @Test
    void refusesOverlappingEntries() throws IOException {
        // Entry two points back into entry one's bytes: Fifield's overlapping zip bomb.
        assertRefused("entries \"bag/a\" and \"bag/b\" overlap", Rec.file("bag/a").sizes(100, 100), Rec.file("bag/b").offset(40));
    }

    @Test
    void refusesDataBeyondTheEntries() throws IOException {
        assertRefused("entry \"bag/b\" claims data beyond the zip's entries", Rec.file("bag/a"), Rec.file("bag/b").offset(1 << 20));
    }

    @Test
    void refusesMoreThanOneTebibyteInTotal() throws IOException {
        // Ten entries each as large as the ratio allows, 1.2 GB apiece in a sparse file.
        long compressed = 1_200_000_000L;
        List<Rec> recs = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            recs.add(Rec.file("bag/" + i).method(8).sizes(compressed, 100 * compressed + (1 << 20)));
        }
        assertEquals("bag: the zip declares more than 1 TiB of content (at entry \"bag/9\")", refusal(write(End.HONEST, recs)));
    }

    // ---- the directory and the end records ----

    @Test
    void refusesMoreThanMaxEntries() throws IOException {
        Path zip = write(new End(200_001, true, 0, 0), List.of(Rec.file("bag/a")));
        assertEquals("bag: the zip declares 200001 entries, more than 200000", refusal(zip));
    }

    @Test
    void refusesEntriesBeyondTheDeclaredCount() throws IOException {
        // The end record says one; ZipFile reads both, and its getEntry would serve the second.
        Path zip = write(new End(1, false, 0, 0), List.of(Rec.file("bag/a"), Rec.file("bag/a")));
        try (ZipFile file = new ZipFile(zip.toFile())) {
            assertEquals(2, file.size());
        }
        assertTrue(refusal(zip).contains("holds more entries than the 1 it declares"));
    }

    @Test
    void refusesFewerEntriesThanDeclared() throws IOException {
        assertTrue(refusal(write(new End(3, false, 0, 0), List.of(Rec.file("bag/a")))).contains("holds 1 entries, not the 3"));
    }

    @Test
    void refusesBytesBeforeTheEntries() throws IOException {
        // ZipFile finds the directory just before the end record and shifts every offset; we do not.
        Path zip = write(new End(-1, false, 100, 0), List.of(Rec.file("bag/a")));
        try (ZipFile file = new ZipFile(zip.toFile())) {
            assertEquals(1, file.size());
        }
        assertTrue(refusal(zip).contains("does not end at the end record"));
    }

    @Test
    void refusesBytesAfterTheEndRecord() throws IOException {
        Path zip = write(new End(-1, false, 0, 5), List.of(Rec.file("bag/a")));
        assertTrue(refusal(zip).contains("bytes after its end record"));
    }

    @Test
    void refusesSplitZips() throws IOException {
        Path zip = write(Rec.file("bag/a"));
        patch(zip, Files.size(zip) - 22 + 4, 1, 2);
        assertEquals("bag: a zip split over several disks is not accepted", refusal(zip));
    }

    @Test
    void refusesDisagreeingEndRecords() throws IOException {
        Path zip = write(new End(-1, true, 0, 0), List.of(Rec.file("bag/a")));
        patch(zip, Files.size(zip) - 22 + 8, 7, 2);   // the 16-bit counts say 7, the ZIP64 ones 1
        patch(zip, Files.size(zip) - 22 + 10, 7, 2);
        assertEquals("bag: the zip's two end records disagree", refusal(zip));
    }

    @Test
    void refusesATruncatedCentralDirectory() throws IOException {
        Path zip = write(Rec.file("bag/a"), Rec.file("bag/b"));
        byte[] bytes = Files.readAllBytes(zip);
        int cut = 20;   // drop the end of the last header, keep the end record; patch its size and offset
        byte[] truncated = new byte[bytes.length - cut];
        System.arraycopy(bytes, 0, truncated, 0, bytes.length - 22 - cut);
        System.arraycopy(bytes, bytes.length - 22, truncated, truncated.length - 22, 22);
        ByteBuffer end = ByteBuffer.wrap(truncated, truncated.length - 22, 22).order(ByteOrder.LITTLE_ENDIAN);
        end.putInt(truncated.length - 22 + 12, end.getInt(truncated.length - 22 + 12) - cut);
        Files.write(zip, truncated);
        assertTrue(refusal(zip).contains("central directory is damaged or truncated (entry 2)"));
    }

    @Test
    void refusesAWrongCentralDirectorySignature() throws IOException {
        Path zip = write(Rec.file("bag/a"));
        patch(zip, 36, 0x12345678, 4);   // after local header 30 + name 5 + data 1: the central header
        assertTrue(refusal(zip).contains("central directory is damaged or truncated (entry 1)"));
    }

    @Test
    void refusesAnOversizedCentralDirectory() throws IOException {
        Path zip = write(Rec.file("bag/a"));
        patch(zip, Files.size(zip) - 22 + 12, 300 << 20, 4);
        assertTrue(refusal(zip).contains("central directory is too large (314572800 bytes)"));
    }

    @Test
    void refusesFilesThatAreNotZips() throws IOException {
        Path zip = dir.resolve("text.zip");
        Files.writeString(zip, "not a zip at all");
        assertEquals("bag: not a zip file (no end of central directory record)", refusal(zip));
    }

    // ---- local headers and data descriptors (APPNOTE 4.3.7 to 4.3.9) ----

    @Test
    void acceptsWhatBagWriterWritesInAnyTimeZone() throws IOException {
        // West of UTC, BagWriter's fixed time falls before 1980: ZipOutputStream then adds an
        // extended timestamp (0x5455) to both headers, and the two must agree.
        java.util.TimeZone zone = java.util.TimeZone.getDefault();
        Path zip = dir.resolve("bag.zip");
        try {
            java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone("America/Los_Angeles"));
            try (BagWriter bag = new BagWriter(Files.newOutputStream(zip), "bag")) {
                try (var data = bag.payload("x.pgp")) {
                    data.write(new byte[70_000]);
                }
                bag.writeManifests();
                bag.writeTagManifest();
            }
        } finally {
            java.util.TimeZone.setDefault(zone);
        }
        assertTrue(new String(Files.readAllBytes(zip), StandardCharsets.ISO_8859_1).contains("UT\u0005\u0000"), "an extended timestamp");
        try (BagReader bag = BagReader.open(zip)) {
            assertEquals(70_000, bag.tag("data/x.pgp").length);
            bag.checkDeclaration();
        }
    }

    @Test
    void acceptsWhatZipOutputStreamWritesPastFourGibibytes() throws IOException {
        // A stored entry of 4 GiB and one byte (ZIP64 sizes in both headers), then a deflated one
        // with a data descriptor at an offset past 4 GiB: its central record says version 4.5,
        // its local header 2.0. The zeros are never written: the file is sparse.
        Path zip = dir.resolve("large.zip");
        long large = (4L << 30) + 1;
        try (FileChannel file = FileChannel.open(zip, CREATE_NEW, WRITE);
             ZipOutputStream out = new ZipOutputStream(new SparseOutput(file))) {
            ZipEntry big = new ZipEntry("bag/big");
            big.setMethod(ZipEntry.STORED);
            big.setSize(large);
            big.setCrc(zerosCrc(large));
            out.putNextEntry(big);
            byte[] zeros = new byte[1 << 20];
            for (long left = large; left > 0; left -= zeros.length) {
                out.write(zeros, 0, (int) Math.min(zeros.length, left));
            }
            out.putNextEntry(new ZipEntry("bag/after.txt"));
            out.write(TEXT);
        }
        List<ZipScan.Entry> entries = ZipScan.scan(zip);
        assertEquals(large, entries.get(0).size());
        assertEquals(TEXT.length, entries.get(1).size());
        assertTrue(entries.get(1).headerOffset() > FULL32);
        try (BagReader bag = BagReader.open(zip)) {
            assertEquals(new String(TEXT, StandardCharsets.UTF_8), bag.text("after.txt"));
        }
    }

    @Test
    void refusesALocalHeaderThatNamesAnotherEntry() throws IOException {
        Path zip = javaZip();
        patch(zip, local(zip, 1) + 30 + 8, 'u', 1);   // "bag/a.txt" to "bag/a.txu"
        assertEquals("bag: entry \"bag/a.txt\"'s local header names \"bag/a.txu\"", refusal(zip));
    }

    @Test
    void refusesALocalHeaderThatDisagreesWithItsCentralRecord() throws IOException {
        String disagree = "entry \"bag/a.txt\"'s local header and its central directory record disagree on the ";
        assertPatchRefused(disagree + "version needed", 1, 4, 45, 2);
        assertPatchRefused(disagree + "general purpose flags", 1, 6, 0x0008, 2);
        assertPatchRefused(disagree + "compression method", 1, 8, 0, 2);
        assertPatchRefused(disagree + "modification time", 1, 10, 0x1234, 2);
        assertPatchRefused(disagree + "modification time", 1, 12, 0x5821, 2);
        String stored = "entry \"bag/b.txt\"'s local header and its central directory record disagree on the ";
        assertPatchRefused(stored + "CRC-32", 2, 14, 0x12345678, 4);
        assertPatchRefused(stored + "sizes", 2, 18, 1, 4);
        assertPatchRefused(stored + "sizes", 2, 22, 1, 4);
    }

    @Test
    void refusesSizesInALocalHeaderFollowedByADataDescriptor() throws IOException {
        // 4.4.4, bit 3: the CRC-32 and sizes are zero in the local header.
        String message = "entry \"bag/a.txt\"'s local header declares a CRC-32 or sizes, yet they follow in a data descriptor";
        for (int field : new int[] {14, 18, 22}) {
            assertPatchRefused(message, 1, field, 1, 1);
        }
    }

    @Test
    void refusesADataDescriptorThatDisagreesWithItsCentralRecord() throws IOException {
        for (int field = 0; field < 16; field += 4) {
            Path zip = javaZip();
            byte[] bytes = Files.readAllBytes(zip);
            int central = central(bytes, 1);
            int descriptor = local(zip, 1) + 30 + 9 + le(bytes).getInt(central + 20);
            patch(zip, descriptor + field, le(bytes).getInt(descriptor + field) ^ 0x100, 4);
            assertEquals("bag: entry \"bag/a.txt\"'s data descriptor and its central directory record disagree", refusal(zip));
        }
    }

    @Test
    void refusesLocalExtraFieldsOtherThanTheCentralOnes() throws IOException {
        // Before 1980, ZipOutputStream writes an extended timestamp in both headers; change the local one.
        Path zip = dir.resolve("old.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            ZipEntry entry = new ZipEntry("bag/old.txt");
            entry.setTime(0);
            out.putNextEntry(entry);
            out.write(TEXT);
        }
        assertEquals(1, ZipScan.scan(zip).size());
        patch(zip, 30 + 11 + 5, 1, 1);   // the first byte of the local mtime
        assertEquals("bag: entry \"bag/old.txt\"'s local header and its central directory record disagree on the extra fields",
                refusal(zip));
    }

    @Test
    void refusesBytesThatBelongToNoEntry() throws IOException {
        byte[] bytes = Files.readAllBytes(javaZip());
        int second = le(bytes).getInt(central(bytes, 2) + 42);
        assertTrue(refusal(withJunk(bytes, second, 3)).contains(
                "the zip holds 3 bytes that belong to no entry (at offset " + second + ", after entry \"bag/a.txt\", before entry \"bag/b.txt\")"));
        int cd = central(bytes, 0);
        assertTrue(refusal(withJunk(bytes, cd, 1)).contains(
                "the zip holds 1 bytes that belong to no entry (at offset " + cd + ", after entry \"bag/b.txt\", before the central directory)"));
    }

    @Test
    void refusesAnEntryWithoutItsLocalHeader() throws IOException {
        Path zip = javaZip();
        patch(zip, local(zip, 2), 0x08074b50, 4);
        assertTrue(refusal(zip).contains("entry \"bag/b.txt\" has no local header where the central directory says"));
    }

    // ---- what only the central directory says: nothing but what ZipOutputStream writes ----

    @Test
    void refusesAVersionMadeByOtherThanTheVersionNeeded() throws IOException {
        assertRefused("entry \"bag/a\" has an unexpected \"version made by\" (0x031e", Rec.file("bag/a").madeBy(0x031e));
        assertRefused("entry \"bag/a\" has an unexpected \"version made by\" (0x0a14", Rec.file("bag/a").madeBy(0x0a14).mode(0));
    }

    @Test
    void refusesVersionsNeededThatNoWriterOfBagsUses() throws IOException {
        Path zip = javaZip();
        int central = central(Files.readAllBytes(zip), 1);
        patch(zip, central + 4, 0x0033, 2);
        patch(zip, central + 6, 0x0033, 2);
        assertTrue(refusal(zip).contains("entry \"bag/a.txt\" needs zip version 5.1 (only 1.0, 2.0 and 4.5 are accepted)"));
    }

    @Test
    void refusesAttributesOtherThanAPlainFileOrFolder() throws IOException {
        assertRefused("entry \"bag/a\" has external file attributes 0x81ed0000", Rec.file("bag/a").mode(0100755));
        assertRefused("entry \"bag/a\" has external file attributes 0x81a40000", Rec.file("bag/a").madeBy(0x0014));
        assertRefused("entry \"bag/\" has external file attributes 0x41c00000", Rec.folder("bag/").mode(0040700));
        Path zip = javaZip();
        patch(zip, central(Files.readAllBytes(zip), 1) + 36, 1, 2);   // internal attributes: "text"
        assertEquals("bag: entry \"bag/a.txt\" has internal file attributes; a bag's entries have none", refusal(zip));
    }

    @Test
    void refusesGeneralPurposeFlagsOtherThanDataDescriptorAndUtf8() throws IOException {
        assertRefused("entry \"bag/a\" sets general purpose flags 0x0802 (only bits 3 and 11 are accepted)", Rec.file("bag/a").flags(0x0802));
    }

    @Test
    void refusesComments() throws IOException {
        Path zip = dir.resolve("comments.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            ZipEntry entry = new ZipEntry("bag/a.txt");
            entry.setComment("hello");
            out.putNextEntry(entry);
        }
        assertEquals("bag: entry \"bag/a.txt\" has a comment; a bag's entries have none", refusal(zip));
        Path commented = dir.resolve("commented.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(commented))) {
            out.setComment("hello");
            out.putNextEntry(new ZipEntry("bag/a.txt"));
        }
        assertEquals("bag: the zip has a comment (5 bytes); a bag has none", refusal(commented));
    }

    @Test
    void refusesExtraFieldsOtherThanZip64AndTheExtendedTimestamp() throws IOException {
        // Info-ZIP's Unicode path field (0x7075): unzip would take its name, not the checked one.
        byte[] other = "../../evil".getBytes(StandardCharsets.UTF_8);
        ByteBuffer extra = le(4 + 5 + other.length).putShort((short) 0x7075).putShort((short) (5 + other.length))
                .put((byte) 1).putInt(0).put(other);
        Path zip = dir.resolve("unicode-path.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            ZipEntry entry = new ZipEntry("bag/a.txt");
            entry.setExtra(extra.array());
            out.putNextEntry(entry);
        }
        assertEquals("bag: entry \"bag/a.txt\" carries extra field 0x7075 (only ZIP64 and the extended timestamp are accepted)",
                refusal(zip));
    }

    @Test
    void refusesAZip64EndRecordOtherThanZipOutputStreamWrites() throws IOException {
        Path zip = write(new End(-1, true, 0, 0), List.of(Rec.file("bag/a")));
        long z64 = Files.size(zip) - 22 - 20 - 56;
        patch(zip, z64 + 12, 0x031e, 2);
        assertTrue(refusal(zip).contains("the zip's ZIP64 end record has unexpected versions (made by 0x031e, needed 45"));
        Path zero = write(new End(-1, true, 0, 0), List.of(Rec.file("bag/a")));
        patch(zero, Files.size(zero) - 22 - 4, 0, 4);   // the locator's disk count
        assertEquals("bag: a zip split over several disks is not accepted", refusal(zero));
    }

    // ---- reading entries (BagReader) ----

    @Test
    void readsEntriesFromMemoryAsFromAFile() throws IOException {
        byte[] bytes = Files.readAllBytes(javaZip());
        MemoryChannel memory = new MemoryChannel(bytes);
        try (BagReader bag = BagReader.open(memory, "in memory")) {
            assertEquals(java.util.Set.of("a.txt", "b.txt"), bag.files());
            assertEquals(new String(TEXT, StandardCharsets.UTF_8), bag.text("a.txt"));
            assertEquals(new String(TEXT, StandardCharsets.UTF_8), bag.text("b.txt"));
            assertEquals(bytes.length, memory.size());
        }
        assertTrue(!memory.isOpen(), "the reader closes its channel");
        assertThrows(java.nio.channels.ClosedChannelException.class, memory::size);
        MemoryChannel channel = new MemoryChannel(new byte[] {1, 2, 3});
        ByteBuffer two = ByteBuffer.allocate(2);
        assertEquals(2, channel.position(1).read(two));
        assertEquals(-1, channel.read(two.clear()));
        assertThrows(java.nio.channels.NonWritableChannelException.class, () -> channel.write(ByteBuffer.allocate(1)));
        GawahException refused = assertThrows(GawahException.class,
                () -> BagReader.open(new MemoryChannel("not a zip".getBytes(StandardCharsets.UTF_8)), "x"));
        assertEquals("bag: not a zip file (no end of central directory record)", refused.getMessage());
    }

    @Test
    void readsStoredAndDeflatedDataItChecked() throws IOException {
        try (BagReader bag = BagReader.open(write(Rec.file("bag/s.txt", TEXT, false), Rec.file("bag/d.txt", TEXT, true),
                Rec.file("bag/empty", new byte[0], true)))) {
            assertEquals(new String(TEXT, StandardCharsets.UTF_8), bag.text("s.txt"));
            assertEquals(new String(TEXT, StandardCharsets.UTF_8), bag.text("d.txt"));
            assertEquals(0, bag.tag("empty").length);
        }
    }

    @Test
    void refusesDataThatDoesNotMatchItsCrc() throws IOException {
        assertReadRefused("\"a.txt\" does not match its CRC-32", Rec.file("bag/a.txt", TEXT, false).crc(0x1234));
        assertReadRefused("\"a.txt\" does not match its CRC-32", Rec.file("bag/a.txt", TEXT, true).crc(0x1234));
    }

    @Test
    void refusesDeflatedDataThatIsNotItsDeclaredSize() throws IOException {
        Rec rec = Rec.file("bag/a.txt", TEXT, true);
        assertReadRefused("\"a.txt\" holds more bytes than it declares", rec.sizes(rec.compressed(), TEXT.length - 1));
        assertReadRefused("\"a.txt\" ends before its declared size", rec.sizes(rec.compressed(), TEXT.length + 1));
    }

    @Test
    void refusesBytesAfterTheEndOfTheDeflateStream() throws IOException {
        Rec rec = Rec.file("bag/a.txt", TEXT, true);
        byte[] longer = java.util.Arrays.copyOf(rec.data(), rec.data().length + 3);
        assertReadRefused("\"a.txt\" has bytes after the end of its compressed data", rec.data(longer));
    }

    @Test
    void refusesDeflatedDataCutShortOrDamaged() throws IOException {
        Rec rec = Rec.file("bag/a.txt", TEXT, true);
        assertReadRefused("\"a.txt\" ends before its declared size (its compressed data is cut short)",
                rec.data(java.util.Arrays.copyOf(rec.data(), rec.data().length / 2)));
        byte[] damaged = rec.data().clone();
        damaged[0] = (byte) 0xff;   // BTYPE 11: a reserved block type
        assertReadRefused("\"a.txt\" is damaged (invalid block type)", rec.data(damaged));
    }

    // ---- helpers ----

    private void assertRefused(String expected, Rec... recs) throws IOException {
        String message = refusal(write(recs));
        assertTrue(message.contains(expected), message);
    }

    private static String refusal(Path zip) {
        GawahException e = assertThrows(GawahException.class, () -> ZipScan.scan(zip));
        assertEquals(Failure.BAD_DATA, e.failure());
        assertTrue(e.getMessage().startsWith("bag: "), e.getMessage());
        assertTrue(e.getMessage().chars().noneMatch(c -> c < 0x20 || c == 0x7f), "nothing raw reaches the terminal");
        return e.getMessage();
    }

    /**
     * One entry as ZipOutputStream would write it, unless a test says otherwise: its central
     * directory header (APPNOTE 4.3.12) and a local header (4.3.7) that repeats it. {@code madeBy}
     * -1 is "Unix, the version needed"; {@code data} null leaves the data a hole of zeros.
     */
    private record Rec(byte[] name, int madeBy, int flags, int method, long compressed, long size, int mode, long offset,
                       long crc, byte[] data) {
        static Rec file(String name) {
            return new Rec(name.getBytes(StandardCharsets.UTF_8), -1, 0x0800, 0, 1, 1, 0100644, -1, 0, null);
        }

        static Rec folder(String name) {
            return file(name).sizes(0, 0).mode(0040755);
        }

        /** A file with these bytes stored, or deflated ({@code deflate}), and its true CRC-32. */
        static Rec file(String name, byte[] content, boolean deflate) {
            byte[] data = deflate ? deflated(content) : content;
            return new Rec(name.getBytes(StandardCharsets.UTF_8), -1, 0x0800, deflate ? 8 : 0, data.length, content.length,
                    0100644, -1, crc32(content), data);
        }

        Rec name(byte[] n) {
            return new Rec(n, madeBy, flags, method, compressed, size, mode, offset, crc, data);
        }

        Rec madeBy(int m) {
            return new Rec(name, m, flags, method, compressed, size, mode, offset, crc, data);
        }

        Rec flags(int f) {
            return new Rec(name, madeBy, f, method, compressed, size, mode, offset, crc, data);
        }

        Rec method(int m) {
            return new Rec(name, madeBy, flags, m, compressed, size, mode, offset, crc, data);
        }

        Rec sizes(long c, long s) {
            return new Rec(name, madeBy, flags, method, c, s, mode, offset, crc, data);
        }

        Rec mode(int m) {
            return new Rec(name, madeBy, flags, method, compressed, size, m, offset, crc, data);
        }

        /** Claims this offset in the central header instead of where the local header really is. */
        Rec offset(long o) {
            return new Rec(name, madeBy, flags, method, compressed, size, mode, o, crc, data);
        }

        Rec crc(long c) {
            return new Rec(name, madeBy, flags, method, compressed, size, mode, offset, c, data);
        }

        /** Other data bytes, the declared sizes and CRC-32 kept. */
        Rec data(byte[] d) {
            return new Rec(name, madeBy, flags, method, d.length, size, mode, offset, crc, d);
        }
    }

    /**
     * The end records: declared entry count (-1: the true one), ZIP64 records even when not needed,
     * and junk bytes before the first entry or after the end record.
     */
    private record End(long declared, boolean zip64, int before, int after) {
        static final End HONEST = new End(-1, false, 0, 0);
    }

    private Path write(Rec... recs) throws IOException {
        return write(End.HONEST, List.of(recs));
    }

    /** Local headers (4.3.7), data (or holes), central directory (4.3.12), end records (4.3.14 to 4.3.16). */
    private Path write(End end, List<Rec> recs) throws IOException {
        Path zip = dir.resolve("crafted-" + files++ + ".zip");
        try (FileChannel out = FileChannel.open(zip, CREATE_NEW, WRITE)) {
            ByteBuffer central = le(recs.stream().mapToInt(r -> 46 + r.name().length + 28).sum());
            long at = end.before();
            for (Rec r : recs) {
                long offset = r.offset() >= 0 ? r.offset() : at - end.before();
                // 4.5.3: a local header gives both sizes in its ZIP64 field when either is full.
                boolean localZip64 = r.compressed() >= FULL32 || r.size() >= FULL32;
                ByteBuffer local = le(30 + r.name().length + (localZip64 ? 20 : 0)).putInt(0x04034b50)
                        .putShort((short) (localZip64 ? 45 : 20)).putShort((short) r.flags()).putShort((short) r.method())
                        .putInt(0).putInt((int) r.crc()).putInt(localZip64 ? -1 : (int) r.compressed())
                        .putInt(localZip64 ? -1 : (int) r.size()).putShort((short) r.name().length)
                        .putShort((short) (localZip64 ? 20 : 0)).put(r.name());
                if (localZip64) {
                    local.putShort((short) 1).putShort((short) 16).putLong(r.size()).putLong(r.compressed());
                }
                out.write(local.flip(), at);
                at += local.limit();
                if (r.data() != null) {
                    out.write(ByteBuffer.wrap(r.data()), at);
                }
                at += r.compressed();
                List<Long> wide = new ArrayList<>();   // 4.5.3: size, compressed size, offset, when full
                for (long v : new long[] {r.size(), r.compressed(), offset}) {
                    if (v >= FULL32) {
                        wide.add(v);
                    }
                }
                int extra = wide.isEmpty() ? 0 : 4 + 8 * wide.size();
                int needed = wide.isEmpty() ? 20 : 45;
                central.putInt(0x02014b50).putShort((short) (r.madeBy() >= 0 ? r.madeBy() : 0x0300 | needed))
                        .putShort((short) needed).putShort((short) r.flags()).putShort((short) r.method()).putInt(0)
                        .putInt((int) r.crc()).putInt(narrow(r.compressed())).putInt(narrow(r.size()))
                        .putShort((short) r.name().length).putShort((short) extra).putShort((short) 0).putShort((short) 0)
                        .putShort((short) 0).putInt(r.mode() << 16).putInt(narrow(offset)).put(r.name());
                if (extra > 0) {
                    central.putShort((short) 1).putShort((short) (extra - 4));
                    wide.forEach(central::putLong);
                }
            }
            long cdOffset = at - end.before();
            long cdSize = central.position();
            long count = end.declared() >= 0 ? end.declared() : recs.size();
            ByteBuffer tail = le(56 + 20 + 22 + end.after());
            if (end.zip64() || count >= 0xffff || cdOffset >= FULL32) {
                tail.putInt(0x06064b50).putLong(44).putShort((short) 45).putShort((short) 45).putInt(0).putInt(0)
                        .putLong(count).putLong(count).putLong(cdSize).putLong(cdOffset);
                tail.putInt(0x07064b50).putInt(0).putLong(at + cdSize).putInt(1);
            }
            tail.putInt(0x06054b50).putShort((short) 0).putShort((short) 0).putShort((short) Math.min(count, 0xffff))
                    .putShort((short) Math.min(count, 0xffff)).putInt(narrow(cdSize)).putInt(narrow(cdOffset)).putShort((short) 0);
            tail.position(tail.position() + end.after());
            out.write(central.flip(), at);
            out.write(tail.flip(), at + cdSize);
        }
        return zip;
    }

    private static int narrow(long value) {
        return (int) Math.min(value, FULL32);
    }

    private static final byte[] TEXT = "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n".repeat(20)
            .getBytes(StandardCharsets.UTF_8);

    /**
     * A zip as BagWriter's ZipOutputStream writes one: a folder "bag/", "bag/a.txt" deflated with a
     * data descriptor, "bag/b.txt" stored.
     */
    private Path javaZip() throws IOException {
        Path zip = dir.resolve("java-" + files++ + ".zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip), StandardCharsets.UTF_8)) {
            out.putNextEntry(new ZipEntry("bag/"));
            out.putNextEntry(new ZipEntry("bag/a.txt"));
            out.write(TEXT);
            ZipEntry stored = new ZipEntry("bag/b.txt");
            stored.setMethod(ZipEntry.STORED);
            stored.setSize(TEXT.length);
            stored.setCrc(crc32(TEXT));
            out.putNextEntry(stored);
            out.write(TEXT);
        }
        assertEquals(3, ZipScan.scan(zip).size());
        return zip;
    }

    /** Patches one field of entry {@code index}'s local header in a fresh {@link #javaZip()}; it must be refused. */
    private void assertPatchRefused(String expected, int index, int field, int value, int width) throws IOException {
        Path zip = javaZip();
        patch(zip, local(zip, index) + field, value, width);
        String message = refusal(zip);
        assertTrue(message.contains(expected), message);
    }

    private void assertReadRefused(String expected, Rec rec) throws IOException {
        Path zip = write(rec);
        String name = new String(rec.name(), StandardCharsets.UTF_8).substring("bag/".length());
        try (BagReader bag = BagReader.open(zip)) {
            GawahException e = assertThrows(GawahException.class, () -> bag.tag(name));
            assertEquals(Failure.BAD_DATA, e.failure());
            assertTrue(e.getMessage().startsWith("bag: " + expected), e.getMessage());
        }
    }

    /** Where entry {@code index}'s central directory record begins; index 0 is also where the directory begins. */
    private static int central(byte[] zip, int index) {
        ByteBuffer b = le(zip);
        int p = b.getInt(zip.length - 22 + 16);
        for (int i = 0; i < index; i++) {
            p += 46 + (b.getShort(p + 28) & 0xffff) + (b.getShort(p + 30) & 0xffff) + (b.getShort(p + 32) & 0xffff);
        }
        return p;
    }

    private static int local(Path zip, int index) throws IOException {
        byte[] bytes = Files.readAllBytes(zip);
        return le(bytes).getInt(central(bytes, index) + 42);
    }

    /** The zip with {@code n} zero bytes put in at {@code at}, every offset after it moved along. */
    private Path withJunk(byte[] zip, int at, int n) throws IOException {
        byte[] bytes = new byte[zip.length + n];
        System.arraycopy(zip, 0, bytes, 0, at);
        System.arraycopy(zip, at, bytes, at + n, zip.length - at);
        ByteBuffer b = le(bytes);
        int end = bytes.length - 22;
        int cd = b.getInt(end + 16);
        int count = b.getShort(end + 10);
        b.putInt(end + 16, cd + n);
        for (int i = 0, p = cd + n; i < count; i++) {
            if (b.getInt(p + 42) >= at) {
                b.putInt(p + 42, b.getInt(p + 42) + n);
            }
            p += 46 + (b.getShort(p + 28) & 0xffff) + (b.getShort(p + 30) & 0xffff) + (b.getShort(p + 32) & 0xffff);
        }
        Path zipped = dir.resolve("junk-" + files++ + ".zip");
        Files.write(zipped, bytes);
        return zipped;
    }

    private static ByteBuffer le(byte[] bytes) {
        return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static long zerosCrc(long length) {
        CRC32 crc = new CRC32();
        byte[] zeros = new byte[1 << 20];
        for (long left = length; left > 0; left -= zeros.length) {
            crc.update(zeros, 0, (int) Math.min(zeros.length, left));
        }
        return crc.getValue();
    }

    /** Writes to a file, but leaves long runs of zeros as holes: a sparse file of any size. */
    private static final class SparseOutput extends java.io.OutputStream {
        private final FileChannel file;
        private long at;

        SparseOutput(FileChannel file) {
            this.file = file;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            boolean zeros = len >= 4096;
            for (int i = off; zeros && i < off + len; i++) {
                zeros = b[i] == 0;
            }
            if (!zeros) {
                file.write(ByteBuffer.wrap(b, off, len), at);
            }
            at += len;
        }
    }

    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static void patch(Path zip, long at, int value, int width) throws IOException {
        byte[] bytes = Files.readAllBytes(zip);
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (width == 2) {
            buffer.putShort((int) at, (short) value);
        } else {
            buffer.putInt((int) at, value);
        }
        Files.write(zip, bytes);
    }

    private static long crc32(byte[] data) {
        CRC32 crc = new CRC32();
        crc.update(data);
        return crc.getValue();
    }

    /** Raw deflate (RFC 1951), as a zip holds it. */
    private static byte[] deflated(byte[] content) {
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        deflater.setInput(content);
        deflater.finish();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return out.toByteArray();
    }
}
