package org.gawah.hostile;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

import org.gawah.testsupport.Media;
import org.gawah.testsupport.Photos;

/**
 * Crafted photos and films for the metadata reader (the hostile corpus's media, made at test
 * time: see the corpus README): truncated files, sizes declared far beyond the file, boxes nested
 * a hundred thousand deep, loops, decompression bombs. Each must be sealed, its metadata recorded
 * as not read ("unreadable", "too_large" or "read_with_errors"), never refused, never out of memory.
 */
final class CraftedMedia {
    private CraftedMedia() {
    }

    /** File name → bytes, with how each was made in {@link #HOW}. */
    static Map<String, byte[]> all() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        byte[] photo = Photos.withGps(Photos.jpeg(9), 34, 62);
        files.put("jpeg-truncated-in-exif.jpg", java.util.Arrays.copyOf(photo, 40));
        files.put("jpeg-300-exif-segments.jpg", jpegWithManyExifSegments(300));
        files.put("jpeg-random-after-marker.jpg", Media.concat(new byte[] {(byte) 0xFF, (byte) 0xD8}, random(4096, 3)));
        files.put("png-ztxt-bomb-2gib.png", png(chunk("zTXt", Media.concat("Comment\0\0".getBytes(StandardCharsets.ISO_8859_1),
                deflatedZeros(2L << 30)))));
        files.put("png-iccp-tag-at-1gib.png", png(chunk("iCCP", Media.concat("icc\0\0".getBytes(StandardCharsets.ISO_8859_1),
                deflated(iccWithTagAt(1L << 30), 1L << 30)))));
        files.put("png-chunk-length-2gib.png", png(lyingChunk("tEXt", Integer.MAX_VALUE)));
        files.put("mp4-mvhd-size-2gib.mp4", Media.concat(Media.ftyp(), header(0x7FFF_FFF0L, "moov"), header(0x7FFF_FFE0L, "mvhd"),
                new byte[64]));
        files.put("mp4-moov-nested-100000-deep.mp4", nested(100_000));
        files.put("mp4-600000-empty-boxes.mp4", Media.concat(Media.ftyp(), emptyBoxes(600_000)));
        files.put("mp4-box-size-zero.mp4", Media.concat(Media.ftyp(), header(0, "moov"), new byte[32]));
        files.put("mp4-truncated-in-moov.mp4", java.util.Arrays.copyOf(Media.androidMp4(new byte[64]), 60));
        files.put("mp4-random-bytes.mp4", Media.concat(Media.ftyp(), random(8192, 4)));
        files.put("tiff-ifd-loop.tif", tiffLoop());
        files.put("tiff-ifd-at-4gib.tif", ByteBuffer.allocate(16).put(new byte[] {'M', 'M', 0, 42}).putInt(0xFFFF_FFF0).array());
        return files;
    }

    static final Map<String, String> HOW = Map.ofEntries(
            Map.entry("jpeg-truncated-in-exif.jpg", "a JPEG with a GPS block cut in its EXIF segment"),
            Map.entry("jpeg-300-exif-segments.jpg", "300 EXIF segments of 64 KiB, each an IFD of 5,000 entries: 19 MiB of tags before the image"),
            Map.entry("jpeg-random-after-marker.jpg", "a JPEG start marker, then random bytes"),
            Map.entry("png-ztxt-bomb-2gib.png", "a zTXt chunk of 2 MiB that inflates to 2 GiB of zeros"),
            Map.entry("png-iccp-tag-at-1gib.png", "an iCCP colour profile whose tag lies 1 GiB into it, the way there 1 MiB deflated"),
            Map.entry("png-chunk-length-2gib.png", "a tEXt chunk declaring 2 GiB - 1 bytes; the file holds a few"),
            Map.entry("mp4-mvhd-size-2gib.mp4", "moov and mvhd declaring 2 GiB; the file holds a few hundred bytes"),
            Map.entry("mp4-moov-nested-100000-deep.mp4", "100,000 moov boxes, each inside the one before"),
            Map.entry("mp4-600000-empty-boxes.mp4", "600,000 empty free boxes (8 bytes each)"),
            Map.entry("mp4-box-size-zero.mp4", "a moov box of size 0"),
            Map.entry("mp4-truncated-in-moov.mp4", "an Android-style MP4 cut inside its movie header"),
            Map.entry("mp4-random-bytes.mp4", "an MP4 file type box, then random bytes"),
            Map.entry("tiff-ifd-loop.tif", "a TIFF whose IFD names itself as the next one"),
            Map.entry("tiff-ifd-at-4gib.tif", "a TIFF whose first IFD lies 4 GiB into a 16-byte file"));

    private static byte[] random(int size, long seed) {
        byte[] bytes = new byte[size];
        new java.util.Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static byte[] jpegWithManyExifSegments(int segments) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xFF);
        out.write(0xD8);
        int entries = 5000;
        ByteBuffer tiff = ByteBuffer.allocate(8 + 2 + entries * 12 + 4);
        tiff.put(new byte[] {'M', 'M', 0, 42}).putInt(8).putShort((short) entries);
        for (int i = 0; i < entries; i++) {
            tiff.putShort((short) (0x9000 + i)).putShort((short) 4).putInt(1).putInt(i); // LONG, inline
        }
        tiff.putInt(0);
        byte[] exif = Media.concat("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1), tiff.array());
        for (int s = 0; s < segments; s++) {
            out.write(0xFF);
            out.write(0xE1);
            out.write((exif.length + 2) >> 8);
            out.write((exif.length + 2) & 0xFF);
            out.writeBytes(exif);
        }
        byte[] image = Photos.jpeg(1);
        out.write(image, 2, image.length - 2);
        return out.toByteArray();
    }

    private static byte[] png(byte[] chunk) {
        byte[] ihdr = chunk("IHDR", ByteBuffer.allocate(13).putInt(1).putInt(1).put((byte) 8).put((byte) 0).array());
        return Media.concat(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, ihdr, chunk, chunk("IEND"));
    }

    private static byte[] chunk(String type, byte[]... data) {
        byte[] payload = Media.concat(data);
        CRC32 crc = new CRC32();
        crc.update(type.getBytes(StandardCharsets.ISO_8859_1));
        crc.update(payload);
        return ByteBuffer.allocate(12 + payload.length).putInt(payload.length).put(type.getBytes(StandardCharsets.ISO_8859_1))
                .put(payload).putInt((int) crc.getValue()).array();
    }

    private static byte[] lyingChunk(String type, int declared) {
        return ByteBuffer.allocate(8 + 16).putInt(declared).put(type.getBytes(StandardCharsets.ISO_8859_1)).array();
    }

    /** {@code count} zero bytes, deflated (zlib), without holding them: about 1 KiB a MiB. */
    private static byte[] deflatedZeros(long count) {
        return deflated(new byte[0], count);
    }

    /** {@code head}, then zeros up to {@code total} bytes, deflated (zlib). */
    private static byte[] deflated(byte[] head, long total) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[1 << 16];
        byte[] zeros = new byte[1 << 20];
        deflater.setInput(head);
        long left = total - head.length;
        while (true) {
            int n = deflater.deflate(buffer);
            out.write(buffer, 0, n);
            if (deflater.needsInput()) {
                if (left <= 0) {
                    break;
                }
                int next = (int) Math.min(zeros.length, left);
                deflater.setInput(zeros, 0, next);
                left -= next;
            }
        }
        deflater.finish();
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return out.toByteArray();
    }

    /** An ICC profile header declaring {@code size}, with one tag at {@code offset}. */
    private static byte[] iccWithTagAt(long offset) {
        ByteBuffer icc = ByteBuffer.allocate(128 + 4 + 12);
        icc.putInt((int) Math.min(offset + 64, Integer.MAX_VALUE)).put("lcms".getBytes(StandardCharsets.ISO_8859_1));
        icc.position(36);
        icc.put("acsp".getBytes(StandardCharsets.ISO_8859_1));
        icc.position(128);
        icc.putInt(1).put("desc".getBytes(StandardCharsets.ISO_8859_1)).putInt((int) offset).putInt(64);
        return icc.array();
    }

    private static byte[] header(long size, String type) {
        return ByteBuffer.allocate(8).putInt((int) size).put(type.getBytes(StandardCharsets.ISO_8859_1)).array();
    }

    private static byte[] nested(int depth) {
        ByteBuffer b = ByteBuffer.allocate(8 * depth + 40);
        for (int i = 0; i < depth; i++) {
            b.putInt(8 * (depth - i) + 32).put("moov".getBytes(StandardCharsets.ISO_8859_1));
        }
        b.put(new byte[40]);
        return Media.concat(Media.ftyp(), b.array());
    }

    private static byte[] emptyBoxes(int count) {
        ByteBuffer b = ByteBuffer.allocate(8 * count);
        for (int i = 0; i < count; i++) {
            b.putInt(8).put("free".getBytes(StandardCharsets.ISO_8859_1));
        }
        return b.array();
    }

    private static byte[] tiffLoop() {
        ByteBuffer b = ByteBuffer.allocate(8 + 2 + 12 + 4);
        b.put(new byte[] {'M', 'M', 0, 42}).putInt(8).putShort((short) 1);
        b.putShort((short) 0x010F).putShort((short) 2).putInt(4).put("Can\0".getBytes(StandardCharsets.ISO_8859_1));
        b.putInt(8); // the next IFD: itself
        return b.array();
    }
}
