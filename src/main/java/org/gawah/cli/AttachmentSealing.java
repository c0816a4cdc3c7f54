package org.gawah.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
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
import org.gawah.media.MediaMetadata;
import org.gawah.media.MediaReader;
import org.gawah.openpgp.Certificate;
import org.gawah.openpgp.Sealer;
import org.gawah.openpgp.SigningKey;
import org.gawah.testimony.Attachment;
import org.gawah.testimony.RecordId;
import org.gawah.vault.RecordWrite;

/**
 * Seals attachment files into a record being written. First each file is planned: checked,
 * given its id, its transcript or translation reference resolved, its own metadata read
 * (metadata-extractor, within bounds) and the documenter warned of coordinates, serial numbers and
 * owners' names in it, all before anything is asked or written. Then each is streamed once, in
 * constant memory, through the plaintext hashes (SHA-256, SHA-512, for the testimony) and the
 * sealer, into the vault's chunks.
 */
final class AttachmentSealing {
    /**
     * A file ready to seal, with its metadata as read and the file's size and time of change then:
     * a file that changes after is read again, and one that changes while it is sealed is refused.
     */
    record Planned(Path file, String generation, String id, Attachment.Derived derived, String mediaType,
                   MediaMetadata metadata, long size, FileTime modified) {
    }

    private AttachmentSealing() {
    }

    /**
     * Checks, names and reads every file, in order. {@code recordAttachments} are the ids a
     * reference may name besides this command's own files (the record an addendum adds to), with
     * {@code addsTo} naming that record in messages; empty and null for a new testimony.
     */
    static List<Planned> plan(Terminal terminal, AttachmentList list, List<String> recordAttachments, String addsTo) {
        if (list.misplaced() != null) {
            throw new GawahException(Failure.USAGE, Messages.of("attach.ref-misplaced", list.misplaced()),
                    Messages.of("attach.ref-misplaced.hint"));
        }
        List<AttachmentList.Entry> entries = list.entries();
        for (AttachmentList.Entry entry : entries) {
            Path file = entry.file();
            if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
                throw new GawahException(Failure.MISSING_INPUT, Files.isDirectory(file)
                        ? Messages.of("attach.is-a-folder", file)
                        : Messages.of("attach.cannot-read", file));
            }
        }
        List<String> ids = new ArrayList<>();
        entries.forEach(e -> ids.add(RecordId.randomAttachment()));
        List<Planned> planned = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            AttachmentList.Entry entry = entries.get(i);
            Attachment.Derived derived = entry.kind() == null ? null
                    : new Attachment.Derived(entry.kind(), resolve(entry.ref(), i, entries, ids, recordAttachments, addsTo));
            planned.add(read(terminal, entry.file(), entry.generation(), ids.get(i), derived));
        }
        return planned;
    }

    /** The attachment id {@code ref} names for the {@code at}-th file: a number, a file name, or an id of the record. */
    private static String resolve(String ref, int at, List<AttachmentList.Entry> entries, List<String> ids,
                                  List<String> recordAttachments, String addsTo) {
        Path self = entries.get(at).file();
        String typed = ref.strip();
        if (typed.matches("[0-9]{1,9}")) {
            int number = Integer.parseInt(typed);
            if (number >= 1 && number <= at) {
                return ids.get(number - 1);
            }
            throw new GawahException(Failure.USAGE, number == at + 1
                    ? Messages.of("attach.ref-itself", self) : Messages.of("attach.ref-later", self, number),
                    Messages.of("attach.ref.hint"));
        }
        if (Attachment.isId(typed)) {
            if (recordAttachments.contains(typed)) {
                return typed;
            }
            throw new GawahException(Failure.USAGE, addsTo == null ? Messages.of("attach.ref-id-new-record", typed)
                    : Messages.of("attach.ref-not-in-record", typed, addsTo), Messages.of("attach.ref.hint"));
        }
        List<Integer> named = new ArrayList<>();
        for (int i = 0; i < at; i++) {
            if (entries.get(i).file().getFileName().toString().equals(typed)) {
                named.add(i);
            }
        }
        if (named.size() == 1) {
            return ids.get(named.get(0));
        }
        throw new GawahException(Failure.USAGE, named.isEmpty() ? Messages.of("attach.ref-unknown", typed, self)
                : Messages.of("attach.ref-ambiguous", typed), Messages.of("attach.ref.hint"));
    }

    /** The file's metadata and state now, and a warning for whatever in it could locate or identify the witness. */
    private static Planned read(Terminal terminal, Path file, String generation, String id, Attachment.Derived derived) {
        String mediaType = mediaType(file);
        try {
            long size = Files.size(file);
            FileTime modified = Files.getLastModifiedTime(file);
            MediaMetadata metadata = MediaReader.read(file, mediaType);
            warn(terminal, file, metadata);
            return new Planned(file, generation, id, derived, mediaType, metadata, size, modified);
        } catch (IOException e) {
            throw new GawahException(Failure.MISSING_INPUT, Messages.of("attach.cannot-seal", file, e.getMessage()),
                    Messages.of("attach.cannot-seal.hint"), e);
        }
    }

    /** What a photo's, sound's or film's own metadata could tell of the witness, in one line each. */
    static void warn(Terminal terminal, Path file, MediaMetadata metadata) {
        for (org.gawah.Message line : warnings(file, metadata)) {
            terminal.warn(line);
        }
    }

    static List<org.gawah.Message> warnings(Path file, MediaMetadata metadata) {
        List<org.gawah.Message> lines = new ArrayList<>();
        if (metadata != null && metadata.locates()) {
            lines.add(Messages.of("attach.gps", file.getFileName()));
        }
        if (metadata != null && metadata.identifiesDevice()) {
            lines.add(Messages.of("attach.device", file.getFileName()));
        }
        return lines;
    }

    static List<Attachment> sealAll(Terminal terminal, List<Planned> files, RecordWrite write, SigningKey signer,
                                    List<Certificate> recipients, Instant now) {
        List<Attachment> sealed = new ArrayList<>();
        for (Planned file : files) {
            sealed.add(seal(terminal, file, write, signer, recipients, now));
        }
        return sealed;
    }

    /** Each sealed file's id and name, so that a later {@code attach --transcript-of GWA-…} can name it. */
    static void report(Terminal terminal, List<Planned> files) {
        for (Planned file : files) {
            terminal.info(Messages.of("attach.sealed-file", file.id(), file.file().getFileName()));
        }
    }

    private static Attachment seal(Terminal terminal, Planned planned, RecordWrite write, SigningKey signer,
                                   List<Certificate> recipients, Instant now) {
        Path file = planned.file();
        try {
            if (changed(planned)) {
                // Changed since it was read (an interview is long): read again, so the metadata is of what is sealed.
                planned = read(terminal, file, planned.generation(), planned.id(), planned.derived());
            }
            long size = planned.size();
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            Progress progress = new Progress(terminal, Messages.of("attach.progress", file.getFileName()), size);
            String sha512;
            // Reading the file and its SHA-256 on a thread of their own: the sealing has the other core.
            try (InputStream in = progress.counting(new ReadAhead(
                         new DigestInputStream(Files.newInputStream(file), sha256), 1 << 18, "gawah-file-reader"));
                 OutputStream out = write.attachment(planned.id())) {
                // The SHA-512 comes from the signature's own hash of the same bytes: one pass fewer.
                sha512 = Sealer.seal(in, size, out, signer, recipients, now);
            }
            progress.finish();
            if (changed(planned)) {
                throw new GawahException(Failure.MISSING_INPUT, Messages.of("attach.changed", file),
                        Messages.of("attach.changed.hint"));
            }
            return new Attachment(planned.id(), file.getFileName().toString(), planned.mediaType(), size,
                    HexFormat.of().formatHex(sha256.digest()), sha512, planned.generation(), planned.derived(),
                    planned.metadata());
        } catch (IOException e) {
            throw new GawahException(Failure.MISSING_INPUT, Messages.of("attach.cannot-seal", file, e.getMessage()),
                    Messages.of("attach.cannot-seal.hint"), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether the file's size or time of change differs from when it was read. */
    private static boolean changed(Planned planned) throws IOException {
        return Files.size(planned.file()) != planned.size()
                || !Files.getLastModifiedTime(planned.file()).equals(planned.modified());
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
