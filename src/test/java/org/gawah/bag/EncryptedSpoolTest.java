package org.gawah.bag;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The spool gives back exactly what was written, at any position; on disk it holds only ciphertext, and no longer once closed. */
class EncryptedSpoolTest {
    private static final int CHUNK = EncryptedSpool.CHUNK;

    @Test
    void givesBackEveryByteAtAnyPosition(@TempDir Path dir) throws IOException {
        Random random = new Random(7);
        for (int size : List.of(0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 3 * CHUNK + 5)) {
            byte[] data = new byte[size];
            random.nextBytes(data);
            try (EncryptedSpool spool = EncryptedSpool.create(dir)) {
                try (OutputStream out = spool.output()) {
                    for (int at = 0; at < size; ) {   // uneven writes, across chunk boundaries
                        int n = Math.min(size - at, 1 + random.nextInt(CHUNK / 3));
                        out.write(data, at, n);
                        at += n;
                    }
                }
                assertEquals(size, spool.size());
                try (SeekableByteChannel channel = spool.channel()) {
                    assertArrayEquals(data, readAll(channel, 0, size), "size " + size);
                    for (int i = 0; i < 20 && size > 0; i++) {   // backwards and forwards, as a zip is read
                        int from = random.nextInt(size);
                        int length = Math.min(size - from, random.nextInt(2 * CHUNK + 1));
                        assertArrayEquals(Arrays.copyOfRange(data, from, from + length), readAll(channel, from, length));
                    }
                    channel.position(size);
                    assertEquals(-1, channel.read(ByteBuffer.allocate(1)));
                }
            }
        }
    }

    @Test
    void holdsNoPlaintextOnDiskAndIsGoneWhenClosed(@TempDir Path dir) throws IOException {
        byte[] data = new byte[5 * CHUNK];
        Arrays.fill(data, (byte) 'A');   // a run no ciphertext would show
        Path file;
        try (EncryptedSpool spool = EncryptedSpool.create(dir)) {
            try (OutputStream out = spool.output()) {
                out.write(data);
            }
            file = only(dir);
            byte[] stored = Files.readAllBytes(file);
            assertEquals(data.length + 5 * 16, stored.length, "each chunk and its tag");
            assertFalse(contains(stored, new byte[64]) || contains(stored, Arrays.copyOf(data, 64)), "no plaintext on disk");
            if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
                assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
            }
        }
        assertFalse(Files.exists(file), "deleted when closed");
    }

    @Test
    void aCopyChangedOnDiskIsRefused(@TempDir Path dir) throws IOException {
        try (EncryptedSpool spool = EncryptedSpool.create(dir)) {
            try (OutputStream out = spool.output()) {
                out.write(new byte[2 * CHUNK]);
            }
            try (SeekableByteChannel disk = Files.newByteChannel(only(dir), StandardOpenOption.WRITE)) {
                disk.position(CHUNK + 16 + 100).write(ByteBuffer.wrap(new byte[] {1}));
            }
            try (SeekableByteChannel channel = spool.channel()) {
                assertEquals(CHUNK, channel.read(ByteBuffer.allocate(CHUNK)), "the first chunk is sound");
                assertThrows(IOException.class, () -> channel.read(ByteBuffer.allocate(CHUNK)));
            }
        }
    }

    @Test
    void isReadOnlyOnceWritten(@TempDir Path dir) throws IOException {
        try (EncryptedSpool spool = EncryptedSpool.create(dir)) {
            assertThrows(IllegalStateException.class, spool::channel, "not before the output is closed");
            OutputStream out = spool.output();
            out.write(1);
            out.close();
            assertThrows(IOException.class, () -> out.write(2));
            assertTrue(spool.channel().isOpen());
        }
    }

    private static byte[] readAll(SeekableByteChannel channel, long from, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        channel.position(from);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer) < 0) {
                break;
            }
        }
        return buffer.array();
    }

    private static Path only(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> all = files.toList();
            assertEquals(1, all.size(), all.toString());
            assertTrue(all.get(0).getFileName().toString().startsWith(".gawah-"));
            return all.get(0);
        }
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int k = 0; k < needle.length; k++) {
                if (haystack[i + k] != needle[k]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
