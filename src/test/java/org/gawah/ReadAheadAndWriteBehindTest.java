package org.gawah;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The two hand-off streams pass every byte in order, pass failures through as they were, and stop cleanly. */
class ReadAheadAndWriteBehindTest {
    @Test
    void writeBehindPassesEveryByteInWholeBuffersOnlyTheLastShorter() throws IOException {
        Random random = new Random(1);
        for (int round = 0; round < 50; round++) {
            byte[] data = new byte[random.nextInt(100_000)];
            random.nextBytes(data);
            List<Integer> pieces = new ArrayList<>();
            ByteArrayOutputStream sink = new ByteArrayOutputStream() {
                @Override
                public synchronized void write(byte[] b, int off, int len) {
                    pieces.add(len);
                    super.write(b, off, len);
                }
            };
            try (WriteBehind out = new WriteBehind(sink, 4096, "test-writer")) {
                for (int at = 0; at < data.length; ) {
                    int n = Math.min(data.length - at, random.nextInt(10_000));
                    out.write(data, at, n);
                    at += n;
                }
            }
            assertArrayEquals(data, sink.toByteArray(), "round " + round);
            for (int i = 0; i < pieces.size() - 1; i++) {
                assertEquals(4096, pieces.get(i));
            }
        }
    }

    @Test
    void writeBehindThrowsTheWritersOwnFailureAndClosesItsStream() {
        IOException full = new IOException("disk full");
        boolean[] closed = {false};
        OutputStream failing = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw full;
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                throw full;
            }

            @Override
            public void close() {
                closed[0] = true;
            }
        };
        WriteBehind out = new WriteBehind(failing, 1024, "test-writer");
        IOException thrown = assertThrows(IOException.class, () -> {
            try (out) {
                for (int i = 0; i < 100; i++) {
                    out.write(new byte[1000]);
                }
            }
        });
        assertSame(full, thrown);
        assertTrue(closed[0]);
    }

    /**
     * A stream over the writer (an encrypting one) writes its last bytes when closed, after the
     * failure was thrown: the caller still gets the failure itself, never Java's "self-suppression"
     * IllegalArgumentException (what a team vault's connection cut mid-seal gave).
     */
    @Test
    void aStreamClosedOverAFailedWriterReportsTheFailureItself() {
        IllegalStateException lost = new IllegalStateException("connection lost");
        OutputStream failing = new OutputStream() {
            @Override
            public void write(int b) {
                throw lost;
            }

            @Override
            public void write(byte[] b, int off, int len) {
                throw lost;
            }
        };
        WriteBehind behind = new WriteBehind(failing, 1024, "test-writer");
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> {
            try (OutputStream over = new java.io.BufferedOutputStream(behind, 4096)) {
                for (int i = 0; i < 1000; i++) {
                    over.write(new byte[1000]);
                }
            }
        });
        assertSame(lost, thrown);
    }

    @Test
    void readAheadGivesEveryByteWhateverTheReadSizes() throws IOException {
        Random random = new Random(2);
        for (int round = 0; round < 50; round++) {
            byte[] data = new byte[random.nextInt(100_000)];
            random.nextBytes(data);
            ByteArrayOutputStream back = new ByteArrayOutputStream();
            try (InputStream in = new ReadAhead(new ByteArrayInputStream(data), 4096, "test-reader")) {
                byte[] buffer = new byte[10_000];
                while (true) {
                    if (random.nextInt(20) == 0) {
                        int b = in.read();
                        if (b < 0) {
                            break;
                        }
                        back.write(b);
                        continue;
                    }
                    int n = in.read(buffer, 0, 1 + random.nextInt(buffer.length - 1));
                    if (n < 0) {
                        break;
                    }
                    back.write(buffer, 0, n);
                }
                assertEquals(-1, in.read(), "the end stays the end");
            }
            assertArrayEquals(data, back.toByteArray(), "round " + round);
        }
    }

    @Test
    void readAheadThrowsTheReadersOwnFailureWhereTheDataEndsAndAgainAfter() throws IOException {
        IOException altered = new IOException("digest mismatch at the end");
        InputStream checking = new InputStream() {
            private int left = 10_000;

            @Override
            public int read() throws IOException {
                if (left-- > 0) {
                    return 7;
                }
                throw altered;
            }
        };
        try (InputStream in = new ReadAhead(checking, 4096, "test-reader")) {
            byte[] got = new byte[10_000];
            int n = 0;
            while (n < got.length) {
                n += in.read(got, n, got.length - n);
            }
            assertEquals(7, got[9_999], "everything before the failure arrives");
            assertSame(altered, assertThrows(IOException.class, in::read));
            assertSame(altered, assertThrows(IOException.class, in::read));
        }
    }

    @Test
    void closingReadAheadEarlyStopsItsThreadAndClosesItsStream() throws Exception {
        boolean[] closed = {false};
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return 1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                java.util.Arrays.fill(b, off, off + len, (byte) 1);
                return len;
            }

            @Override
            public void close() {
                closed[0] = true;
            }
        };
        int before = Thread.activeCount();
        InputStream in = new ReadAhead(endless, 4096, "test-reader-early");
        assertEquals(1, in.read());
        in.close();
        assertTrue(closed[0]);
        assertTrue(Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().equals("test-reader-early")),
                "the reader thread ended (threads before: " + before + ")");
    }
}
