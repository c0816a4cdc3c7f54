package org.gawah.app;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

import org.gawah.Failure;
import org.gawah.GawahException;
import org.gawah.openpgp.Certificate;
import org.gawah.openpgp.Opener;
import org.gawah.testimony.Testimonies;

/**
 * A file from outside read whole into memory, never past the most its kind can hold: a larger
 * file is refused before a byte of it is read (its size is asked first), and a stream that
 * grows while read (a pipe, a device) is cut at the cap and refused too.
 */
public final class InputFile {
    /** A note is at most 64 Ki characters (docs/format/case.md): 4 bytes each in UTF-8 at the most. */
    public static final int MAX_NOTE = 1 << 20;

    /** What a file is read as; each kind has its cap and its words for a file past it. */
    public enum Kind {
        /** {@code keys import}, {@code export --to}: a certificate ({@link Certificate#MAX_BYTES}). */
        CERTIFICATE(Certificate.MAX_BYTES),
        /** {@code keys import --secret}: a secret key ({@link Certificate#MAX_BYTES}, as for a certificate). */
        SECRET_KEY(Certificate.MAX_BYTES),
        /** {@code open --sealed}: one sealed record ({@link Opener#MAX_SEALED}). */
        SEALED_RECORD(Opener.MAX_SEALED),
        /** {@code record --from}: testimony input JSON ({@link Testimonies#MAX_INPUT}). */
        TESTIMONY_INPUT(Testimonies.MAX_INPUT),
        /** {@code case add --note-file}. */
        NOTE(MAX_NOTE),
        /** {@code export --reviewed-from}: ids, one a line. */
        IDS(MAX_NOTE),
        /** {@code record --attach-from}, {@code attach --files-from}: paths, one a line. */
        FILE_LIST(MAX_NOTE);

        public final int cap;

        Kind(int cap) {
            this.cap = cap;
        }

        public GawahException tooLarge(Path file) {
            long mib = cap >> 20;
            switch (this) {
                case CERTIFICATE:
                    return new GawahException(Failure.BAD_DATA, Messages.of("input-file.certificate-too-large", file, mib),
                            Messages.of("input-file.certificate-too-large.hint"));
                case SECRET_KEY:
                    return new GawahException(Failure.BAD_DATA, Messages.of("input-file.secret-key-too-large", file, mib));
                case SEALED_RECORD:
                    return new GawahException(Failure.BAD_DATA, Messages.of("input-file.sealed-too-large", file, mib),
                            Messages.of("input-file.sealed-too-large.hint"));
                case TESTIMONY_INPUT:
                    return new GawahException(Failure.INVALID_TESTIMONY, Messages.of("input-file.testimony-too-large", file, mib),
                            Messages.of("input-file.testimony-too-large.hint"));
                case IDS:
                    return new GawahException(Failure.USAGE, Messages.of("input-file.ids-too-large", file, mib));
                case FILE_LIST:
                    return new GawahException(Failure.USAGE, Messages.of("input-file.list-too-large", file, mib));
                default:
                    return new GawahException(Failure.USAGE, Messages.of("input-file.note-too-large", file, mib));
            }
        }
    }

    private InputFile() {
    }

    /** The whole file, at most {@code kind}'s cap; the caller wipes the array when it holds plaintext. */
    public static byte[] read(Path file, Kind kind) {
        try {
            if (Files.isRegularFile(file) && Files.size(file) > kind.cap) {
                throw kind.tooLarge(file);
            }
            byte[] data;
            try (InputStream in = Files.newInputStream(file)) {
                data = in.readNBytes(kind.cap + 1);
            }
            if (data.length > kind.cap) {
                Arrays.fill(data, (byte) 0);
                throw kind.tooLarge(file);
            }
            return data;
        } catch (NoSuchFileException e) {
            throw new GawahException(Failure.MISSING_INPUT, Messages.of("input-file.no-such-file", file));
        } catch (IOException e) {
            throw new GawahException(Failure.MISSING_INPUT, Messages.of("input-file.cannot-read", file, e.getMessage()));
        }
    }
}
