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
            stored.setCrc(crc(text));
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
                Rec.file("bag/data/b.pgp").mode(0), Rec.file("bag/caf\u00e9").madeBy(0x0014)));
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
        assertRefused("entries \"bag/Data/x\" and \"bag/data/X\" differ only in case", Rec.file("bag/Data/x"), Rec.file("bag/data/X"));
    }

    @Test
    void refusesNamesDifferingOnlyInUnicodeForm() throws IOException {
        assertRefused("differ only in case or Unicode form", Rec.file("bag/caf\u00e9"), Rec.file("bag/cafe\u0301"));
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

    /** One central directory header (APPNOTE 4.3.12) as honest writers make it, unless a test says otherwise. */
    private record Rec(byte[] name, int madeBy, int flags, int method, long compressed, long size, int mode, long offset) {
        static Rec file(String name) {
            return new Rec(name.getBytes(StandardCharsets.UTF_8), 0x0314, 0x0800, 0, 1, 1, 0100644, -1);
        }

        static Rec folder(String name) {
            return file(name).sizes(0, 0).mode(0040755);
        }

        Rec name(byte[] n) {
            return new Rec(n, madeBy, flags, method, compressed, size, mode, offset);
        }

        Rec madeBy(int m) {
            return new Rec(name, m, flags, method, compressed, size, mode, offset);
        }

        Rec flags(int f) {
            return new Rec(name, madeBy, f, method, compressed, size, mode, offset);
        }

        Rec method(int m) {
            return new Rec(name, madeBy, flags, m, compressed, size, mode, offset);
        }

        Rec sizes(long c, long s) {
            return new Rec(name, madeBy, flags, method, c, s, mode, offset);
        }

        Rec mode(int m) {
            return new Rec(name, madeBy, flags, method, compressed, size, m, offset);
        }

        /** Claims this offset in the central header instead of where the local header really is. */
        Rec offset(long o) {
            return new Rec(name, madeBy, flags, method, compressed, size, mode, o);
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

    /** Local headers (4.3.7), data left as holes, central directory (4.3.12), end records (4.3.14 to 4.3.16). */
    private Path write(End end, List<Rec> recs) throws IOException {
        Path zip = dir.resolve("crafted-" + files++ + ".zip");
        try (FileChannel out = FileChannel.open(zip, CREATE_NEW, WRITE)) {
            ByteBuffer central = le(recs.stream().mapToInt(r -> 46 + r.name().length + 28).sum());
            long at = end.before();
            for (Rec r : recs) {
                long offset = r.offset() >= 0 ? r.offset() : at - end.before();
                out.write(le(30 + r.name().length).putInt(0x04034b50).putShort((short) 20).putShort((short) r.flags())
                        .putShort((short) r.method()).putInt(0).putInt(0).putInt(narrow(r.compressed())).putInt(narrow(r.size()))
                        .putShort((short) r.name().length).putShort((short) 0).put(r.name()).flip(), at);
                at += 30 + r.name().length + r.compressed();
                List<Long> wide = new ArrayList<>();   // 4.5.3: size, compressed size, offset, when full
                for (long v : new long[] {r.size(), r.compressed(), offset}) {
                    if (v >= FULL32) {
                        wide.add(v);
                    }
                }
                int extra = wide.isEmpty() ? 0 : 4 + 8 * wide.size();
                central.putInt(0x02014b50).putShort((short) r.madeBy()).putShort((short) 45).putShort((short) r.flags())
                        .putShort((short) r.method()).putInt(0).putInt(0).putInt(narrow(r.compressed())).putInt(narrow(r.size()))
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

    private static long crc(byte[] data) {
        CRC32 crc = new CRC32();
        crc.update(data);
        return crc.getValue();
    }
}
