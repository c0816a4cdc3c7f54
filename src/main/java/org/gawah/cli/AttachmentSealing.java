package org.gawah.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.gawah.Failure;
import org.gawah.GawahException;
import org.gawah.ReadAhead;
import org.gawah.openpgp.Certificate;
import org.gawah.openpgp.Sealer;
import org.gawah.openpgp.SigningKey;
import org.gawah.testimony.Attachment;
import org.gawah.testimony.RecordId;
import org.gawah.vault.RecordWrite;

/**
 * Seals attachment files into a record being written: each file streamed once, in constant
 * memory, through the plaintext hashes (SHA-256, SHA-512, for the testimony) and the sealer,
 * into the vault's chunks.
 */
final class AttachmentSealing {
    /** A file to attach and whether the documenter made it ("original") or received it ("copy"). */
    record Source(Path file, String generation) {
    }

    private AttachmentSealing() {
    }

    /** Refuses missing, unreadable or special files before anything is asked or written. */
    static void check(List<Source> sources) {
        for (Source source : sources) {
            Path file = source.file();
            if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
                throw new GawahException(Failure.MISSING_INPUT, Files.isDirectory(file)
                        ? Messages.of("attach.is-a-folder", file)
                        : Messages.of("attach.cannot-read", file));
            }
        }
    }

    static List<Attachment> sealAll(Terminal terminal, List<Source> sources, RecordWrite write, SigningKey signer,
                                    List<Certificate> recipients, Instant now) {
        List<Attachment> sealed = new ArrayList<>();
        for (Source source : sources) {
            sealed.add(seal(terminal, source, write, signer, recipients, now));
        }
        return sealed;
    }

    private static Attachment seal(Terminal terminal, Source source, RecordWrite write, SigningKey signer,
                                   List<Certificate> recipients, Instant now) {
        Path file = source.file();
        String id = RecordId.randomAttachment();
        try {
            long size = Files.size(file);
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            Progress progress = new Progress(terminal, Messages.of("attach.progress", file.getFileName()), size);
            String sha512;
            // Reading the file and its SHA-256 on a thread of their own: the sealing has the other core.
            try (InputStream in = progress.counting(new ReadAhead(
                         new DigestInputStream(Files.newInputStream(file), sha256), 1 << 18, "gawah-file-reader"));
                 OutputStream out = write.attachment(id)) {
                // The SHA-512 comes from the signature's own hash of the same bytes: one pass fewer.
                sha512 = Sealer.seal(in, size, out, signer, recipients, now);
            }
            progress.finish();
            return new Attachment(id, file.getFileName().toString(), mediaType(file), size,
                    HexFormat.of().formatHex(sha256.digest()), sha512, source.generation());
        } catch (IOException e) {
            throw new GawahException(Failure.MISSING_INPUT, Messages.of("attach.cannot-seal", file, e.getMessage()),
                    Messages.of("attach.cannot-seal.hint"), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String mediaType(Path file) {
        try {
            String probed = Files.probeContentType(file);
            return probed != null ? probed : "application/octet-stream";
        } catch (IOException e) {
            return "application/octet-stream";
        }
    }
}
