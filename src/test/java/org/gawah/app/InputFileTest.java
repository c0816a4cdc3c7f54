package org.gawah.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;

import org.gawah.Failure;
import org.gawah.GawahException;
import org.gawah.Language;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files read whole are refused by their size before they are read, each kind at its own cap, named in the message. */
class InputFileTest {
    @Test
    void aFileLargerThanItsKindIsRefusedUnread(@TempDir Path dir) throws IOException {
        Path big = dir.resolve("big");
        try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
            file.setLength(300L << 20); // sparse; read whole, it would fill a small heap
        }
        assertRefused(big, InputFile.Kind.CERTIFICATE, Failure.BAD_DATA, "1 MiB");
        assertRefused(big, InputFile.Kind.SEALED_RECORD, Failure.BAD_DATA, "96 MiB");
        assertRefused(big, InputFile.Kind.TESTIMONY_INPUT, Failure.INVALID_TESTIMONY, "16 MiB");
        assertRefused(big, InputFile.Kind.NOTE, Failure.USAGE, "1 MiB");
    }

    @Test
    void aStreamWithoutASizeIsCutAtTheCap() {
        Path zeros = Path.of("/dev/zero");
        Assumptions.assumeTrue(Files.isReadable(zeros), "a device that never ends");
        assertRefused(zeros, InputFile.Kind.CERTIFICATE, Failure.BAD_DATA, "1 MiB");
        assertRefused(zeros, InputFile.Kind.NOTE, Failure.USAGE, "1 MiB");
    }

    @Test
    void aFileAtTheCapIsReadWhole(@TempDir Path dir) throws IOException {
        byte[] data = new byte[InputFile.Kind.CERTIFICATE.cap];
        data[data.length - 1] = 7;
        Path file = Files.write(dir.resolve("exact"), data);
        assertArrayEquals(data, InputFile.read(file, InputFile.Kind.CERTIFICATE));
    }

    private static void assertRefused(Path file, InputFile.Kind kind, Failure failure, String cap) {
        GawahException refused = assertThrows(GawahException.class, () -> InputFile.read(file, kind));
        assertEquals(failure, refused.failure());
        String line = refused.message().render(Language.ENGLISH);
        assertTrue(line.contains("larger than " + cap) && line.contains(file.toString()), line);
    }
}
