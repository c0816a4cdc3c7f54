package org.gawah.bag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.gawah.GawahException;
import org.gawah.testsupport.Bags;
import org.gawah.testsupport.Bags.Item;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZipScanTest {
    @TempDir
    Path dir;

    @Test
    void listsEveryEntryWithItsSizes() throws IOException {
        Path zip = dir.resolve("ok.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("bag/"));
            out.putNextEntry(new ZipEntry("bag/data/a.pgp"));
            out.write(new byte[1000]);
            out.putNextEntry(new ZipEntry("bag/bagit.txt"));
            out.write("BagIt-Version: 1.0\n".getBytes(StandardCharsets.UTF_8));
        }
        List<ZipScan.Entry> entries = ZipScan.scan(zip);
        assertEquals(List.of("bag/", "bag/data/a.pgp", "bag/bagit.txt"), entries.stream().map(ZipScan.Entry::name).toList());
        assertEquals(1000, entries.get(1).size());
        assertTrue(entries.get(1).compressedSize() < 1000);
    }

    @Test
    void readsZip64CentralDirectories() throws IOException {
        // Over 65,535 entries: ZipOutputStream switches to the ZIP64 end records.
        Path zip = dir.resolve("many.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (int i = 0; i < 70_000; i++) {
                out.putNextEntry(new ZipEntry("bag/" + i));
            }
        }
        assertEquals(70_000, ZipScan.scan(zip).size());
    }

    @Test
    void refusesClimbingOutOfTheFolder() {
        assertRefused(List.of(new Item("bag/../../.bashrc", new byte[1])), "'..'");
    }

    @Test
    void refusesAbsolutePaths() {
        assertRefused(List.of(new Item("/etc/passwd", new byte[1])), "absolute");
    }

    @Test
    void refusesDriveLettersAndBackslashes() {
        assertRefused(List.of(new Item("C:/x", new byte[1])), "drive letter");
        assertRefused(List.of(new Item("bag\\..\\x", new byte[1])), "backslash");
        assertRefused(List.of(new Item("bag/a\0.txt", new byte[1])), "NUL");
    }

    @Test
    void refusesEmptyAndDotSegments() {
        assertRefused(List.of(new Item("bag//x", new byte[1])), "empty");
        assertRefused(List.of(new Item("bag/./x", new byte[1])), "'.'");
    }

    @Test
    void refusesSymbolicLinksAndSpecialFiles() {
        assertRefused(List.of(new Item("bag/link", "/etc/shadow".getBytes(StandardCharsets.UTF_8), 0120777)), "symbolic link");
        assertRefused(List.of(new Item("bag/fifo", new byte[0], 0010644)), "not a regular file");
    }

    @Test
    void refusesDuplicatesEvenWhenTheyDifferInCaseOnly() {
        assertRefused(List.of(new Item("bag/a", new byte[1]), new Item("bag/a", new byte[2])), "twice");
        assertRefused(List.of(new Item("bag/Data", new byte[1]), new Item("bag/data", new byte[2])), "twice");
        assertRefused(List.of(new Item("bag/x", new byte[1]), new Item("bag/x/", new byte[0])), "twice");
    }

    @Test
    void refusesNamesThatAreNotUtf8() throws IOException {
        Path zip = write(List.of(new Item("bag/ab", new byte[1])));
        patchName(zip, "bag/ab", new byte[] {'b', 'a', 'g', '/', (byte) 0xc3, (byte) 0x28});
        assertEquals("bag: an entry's name is not UTF-8", assertThrows(GawahException.class, () -> ZipScan.scan(zip)).getMessage());
    }

    @Test
    void refusesEncryptedEntriesAndUnknownMethods() throws IOException {
        Path encrypted = write(List.of(new Item("bag/a", new byte[1])));
        patchCentral(encrypted, 8, 0x0801);
        assertTrue(assertThrows(GawahException.class, () -> ZipScan.scan(encrypted)).getMessage().contains("encrypted"));
        Path lzma = write(List.of(new Item("bag/a", new byte[1])));
        patchCentral(lzma, 10, 14);
        assertTrue(assertThrows(GawahException.class, () -> ZipScan.scan(lzma)).getMessage().contains("method 14"));
    }

    @Test
    void refusesSizesThatClaimABomb() throws IOException {
        Path zip = write(List.of(new Item("bag/a", new byte[10])));
        patchCentral(zip, 24, 200 << 20);
        assertTrue(assertThrows(GawahException.class, () -> ZipScan.scan(zip)).getMessage().contains("zip bomb"));
    }

    @Test
    void refusesTooManyEntriesBeforeReadingThem() throws IOException {
        Path zip = write(List.of(new Item("bag/a", new byte[1])));
        byte[] bytes = Files.readAllBytes(zip);
        ByteBuffer end = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        // Point the end record at a ZIP64 end record that declares 200,001 entries.
        int eocd = bytes.length - 22;
        ByteBuffer zip64 = ByteBuffer.allocate(56 + 20).order(ByteOrder.LITTLE_ENDIAN);
        zip64.putInt(0x06064b50).putLong(44).putShort((short) 45).putShort((short) 45).putInt(0).putInt(0)
                .putLong(200_001).putLong(200_001).putLong(end.getInt(eocd + 12)).putLong(end.getInt(eocd + 16));
        zip64.putInt(0x07064b50).putInt(0).putLong(eocd).putInt(1);
        end.putShort(eocd + 10, (short) 0xffff);
        end.putShort(eocd + 8, (short) 0xffff);
        byte[] crafted = new byte[bytes.length + 76];
        System.arraycopy(bytes, 0, crafted, 0, eocd);
        System.arraycopy(zip64.array(), 0, crafted, eocd, 76);
        System.arraycopy(bytes, eocd, crafted, eocd + 76, 22);
        Files.write(zip, crafted);
        assertTrue(assertThrows(GawahException.class, () -> ZipScan.scan(zip)).getMessage().contains("200001 entries"));
    }

    @Test
    void refusesATruncatedCentralDirectory() throws IOException {
        Path zip = write(List.of(new Item("bag/a", new byte[100])));
        byte[] bytes = Files.readAllBytes(zip);
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(bytes.length - 22 + 12, 10_000);
        Files.write(zip, bytes);
        assertTrue(assertThrows(GawahException.class, () -> ZipScan.scan(zip)).getMessage().contains("damaged or truncated"));
    }

    private void assertRefused(List<Item> items, String reason) {
        GawahException e = assertThrows(GawahException.class, () -> ZipScan.scan(write(items)));
        assertTrue(e.getMessage().startsWith("bag: "), e.getMessage());
        assertTrue(e.getMessage().contains(reason), e.getMessage());
        assertTrue(e.getMessage().chars().noneMatch(c -> c < 0x20), "no control characters reach the terminal");
    }

    private int count;

    private Path write(List<Item> items) throws IOException {
        Path zip = dir.resolve("crafted-" + count++ + ".zip");
        Bags.write(zip, items);
        return zip;
    }

    /** Sets a 16- or 32-bit field of the (first) central directory header. */
    private static void patchCentral(Path zip, int offset, int value) throws IOException {
        byte[] bytes = Files.readAllBytes(zip);
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int at = buffer.getInt(bytes.length - 22 + 16);
        if (offset == 24 || offset == 20) {
            buffer.putInt(at + offset, value);
        } else {
            buffer.putShort(at + offset, (short) value);
        }
        Files.write(zip, bytes);
    }

    private static void patchName(Path zip, String name, byte[] replacement) throws IOException {
        byte[] bytes = Files.readAllBytes(zip);
        byte[] find = name.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i + find.length <= bytes.length; i++) {
            if (java.util.Arrays.equals(bytes, i, i + find.length, find, 0, find.length)) {
                System.arraycopy(replacement, 0, bytes, i, replacement.length);
            }
        }
        Files.write(zip, bytes);
    }
}
