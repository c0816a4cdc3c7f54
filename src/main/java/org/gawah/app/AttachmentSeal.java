package org.gawah.app;

import java.io.FilterInputStream;
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
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;

import org.gawah.Failure;
import org.gawah.GawahException;
import org.gawah.Message;
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
 * Seals attachment files into a record being written, for every face ({@code record},
 * {@code interview}, {@code attach} and the window). First each file is planned: checked, given
 * its id, its transcript or translation reference resolved, its own metadata read
 * (metadata-extractor, within bounds) and what in it could locate or identify the witness
 * (coordinates, serial numbers, owners' names) said, all before anything is asked or written.
 * Then each is streamed once, in constant memory, through the plaintext hashes (SHA-256, SHA-512,
 * for the testimony) and the sealer, into the vault's chunks, reporting its progress and stopping
 * when the face cancels.
 */
public final class AttachmentSeal {
    /**
     * A file ready to seal, with its metadata as read and the file's size and time of change then:
     * a file that changes after is read again, and one that changes while it is sealed is refused.
     */
    public record Planned(Path file, String generation, String id, Attachment.Derived derived, String mediaType,
                          MediaMetadata metadata, long size, FileTime modified) {
        /** What this file's own metadata could tell of the witness, one line each (none for most files). */
        public List<Message> warnings() {
            return AttachmentSeal.warnings(file, metadata);
        }
    }

    private AttachmentSeal() {
    }

    /**
     * Checks, names and reads every file, in order; {@code warn} is told what each file's metadata
     * could tell of the witness as it is read. {@code recordAttachments} are the ids a reference
     * may name besides these files (the record an addendum adds to), with {@code addsTo} naming
     * that record in messages; empty and null for a new testimony.
     */
    public static List<Planned> plan(AttachmentList list, List<String> recordAttachments, String addsTo,
                                     Consumer<Message> warn) {
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
            planned.add(read(entry.file(), entry.generation(), ids.get(i), derived, warn));
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
    private static Planned read(Path file, String generation, String id, Attachment.Derived derived, Consumer<Message> warn) {
        String mediaType = mediaType(file);
        try {
            long size = Files.size(file);
            FileTime modified = Files.getLastModifiedTime(file);
            MediaMetadata metadata = MediaReader.read(file, mediaType);
            warnings(file, metadata).forEach(warn);
            return new Planned(file, generation, id, derived, mediaType, metadata, size, modified);
        } catch (IOException e) {
            throw new GawahException(Failure.MISSING_INPUT, Messages.of("attach.cannot-seal", file, e.getMessage()),
                    Messages.of("attach.cannot-seal.hint"), e);
        }
    }

    /** What a photo's, sound's or film's own metadata could tell of the witness, in one line each. */
    public static List<Message> warnings(Path file, MediaMetadata metadata) {
        List<Message> lines = new ArrayList<>();
        if (metadata != null && metadata.locates()) {
            lines.add(Messages.of("attach.gps", file.getFileName()));
        }
        if (metadata != null && metadata.identifiesDevice()) {
            lines.add(Messages.of("attach.device", file.getFileName()));
        }
        return lines;
    }

    /**
     * Seals every file into {@code write}, in order, reporting to {@code progress}; {@code warn}
     * hears of a file read again because it changed since it was planned. A cancel stops it with
     * a CancellationException; the caller's write, not committed, then stores nothing.
     */
    public static List<Attachment> sealAll(List<Planned> files, RecordWrite write, SigningKey signer,
                                           List<Certificate> recipients, Instant now, SealProgress progress,
                                           Consumer<Message> warn) {
        long[] total = {files.stream().mapToLong(Planned::size).sum()};
        long[] done = {0};
        List<Attachment> sealed = new ArrayList<>();
        for (Planned file : files) {
            sealed.add(seal(file, write, signer, recipients, now, progress, warn, done, total));
        }
        return sealed;
    }

    private static Attachment seal(Planned planned, RecordWrite write, SigningKey signer, List<Certificate> recipients,
                                   Instant now, SealProgress progress, Consumer<Message> warn, long[] done, long[] total) {
        Path file = planned.file();
        try {
            if (changed(planned)) {
                // Changed since it was read (an interview is long): read again, so the metadata is of what is sealed.
                long before = planned.size();
                planned = read(file, planned.generation(), planned.id(), planned.derived(), warn);
                total[0] += planned.size() - before;
            }
            long size = planned.size();
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            progress.file(file, size);
            String sha512;
            // Reading the file and its SHA-256 on a thread of their own: the sealing has the other core.
            try (InputStream in = counting(new ReadAhead(new DigestInputStream(Files.newInputStream(file), sha256),
                         1 << 18, "gawah-file-reader"), progress, done, total);
                 OutputStream out = write.attachment(planned.id())) {
                // The SHA-512 comes from the signature's own hash of the same bytes: one pass fewer.
                sha512 = Sealer.seal(in, size, out, signer, recipients, now);
            }
            progress.fileDone(file);
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

    /** Counts what is read through it for {@code progress}, and stops at the first read after a cancel. */
    private static InputStream counting(InputStream in, SealProgress progress, long[] done, long[] total) {
        return new FilterInputStream(in) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (progress.cancelled()) {
                    throw new CancellationException();
                }
                int n = super.read(b, off, len);
                if (n > 0) {
                    done[0] += n;
                    progress.bytes(done[0], total[0]);
                }
                return n;
            }
        };
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
