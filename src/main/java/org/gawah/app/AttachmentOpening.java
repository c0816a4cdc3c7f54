package org.gawah.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.gawah.Failure;
import org.gawah.GawahException;
import org.gawah.Message;
import org.gawah.ReadAhead;
import org.gawah.Screen;
import org.gawah.WriteBehind;
import org.gawah.openpgp.Certificate;
import org.gawah.openpgp.Opened;
import org.gawah.openpgp.Opener;
import org.gawah.openpgp.SecretKey;
import org.gawah.vault.LoggedRecord;
import org.gawah.vault.StoredAttachment;
import org.gawah.vault.Vault;

/**
 * A record's attachments opened, for {@code open --attachments DIR} and the window's reader alike:
 * each streamed to a hidden partial file, renamed to its own name only when the message's
 * integrity, its signature (by the testimony's signer) and the plaintext's size and SHA-512 (as
 * the signed testimony lists them) all check; otherwise the partial file is deleted and the call
 * fails. Or one read into memory whole (an image the window shows), after the same checks, never
 * to disk. The caller logs the {@code opened} entries first: nothing is read unrecorded. Prints
 * nothing: a face hears of each file through {@link Told}.
 */
public final class AttachmentOpening {
    /** Decryption hands out small pieces: the file gets them 256 KiB at a time (larger arrays are costly in a small heap). */
    private static final int BUFFER = 1 << 18;

    /** What a face is told while attachments are written (each call on the working thread). */
    public interface Told {
        /** The attachment's ciphertext as it is about to be read into {@code target}: a face may count it (progress). */
        default InputStream reading(Path target, long size, InputStream sealed) {
            return sealed;
        }

        /** Everything of the attachment was read (checks come after). */
        default void read(Path target) {
        }

        /** An attachment written and kept. */
        default void written(Written written) {
        }

        /** Something left behind that the next command settles (a partial file not deleted). */
        default void warning(Message warning) {
        }
    }

    /** An attachment written: its id, the file, and the name its testimony gives it (another when it could disguise its type). */
    public record Written(String attachmentId, Path file, String named) {
        public boolean renamed() {
            return !named.equals(file.getFileName().toString());
        }
    }

    private AttachmentOpening() {
    }

    /**
     * Every attachment of {@code record} (as the signed log vouches for it, each with the SHA-256
     * its entry logged) into {@code dir}, in the order its testimony lists them; {@code testimony}
     * is the record's opened testimony, {@code signer} who signed it. Refused before a byte is
     * written when a file of one of their names is already there.
     */
    public static List<Written> openAll(Home home, Vault vault, LoggedRecord record, JsonNode testimony, String signer, Path dir,
                                        SecretKey key, Opener.PassphraseSource passphrase, List<Certificate> signers, Told told) {
        JsonNode listed = listed(record, testimony);
        List<Path> targets = new ArrayList<>();
        for (JsonNode entry : listed) {
            Path target = target(dir, entry);
            if (targets.contains(target)) {
                throw new GawahException(Failure.OUTPUT_EXISTS, Messages.of("output.exists", target));
            }
            targets.add(target);
        }
        List<Written> written = new ArrayList<>();
        for (int i = 0; i < listed.size(); i++) {
            written.add(openOne(home, vault, record.attachments().get(i), listed.get(i), targets.get(i), signer, key, passphrase,
                    signers, told));
        }
        return written;
    }

    /** The attachment at {@code index} (from 0, as the testimony lists them) into {@code dir}, as {@link #openAll} writes each. */
    public static Written openOne(Home home, Vault vault, LoggedRecord record, JsonNode testimony, int index, String signer,
                                  Path dir, SecretKey key, Opener.PassphraseSource passphrase, List<Certificate> signers, Told told) {
        JsonNode entry = listed(record, testimony).get(index);
        return openOne(home, vault, record.attachments().get(index), entry, target(dir, entry), signer, key, passphrase, signers, told);
    }

    /**
     * The attachment at {@code index} read whole into memory, after every check {@link #openAll}
     * makes; refused unread when its signed size is over {@code limit} bytes. The caller wipes the
     * array when done with it.
     */
    public static byte[] readInMemory(Vault vault, LoggedRecord record, JsonNode testimony, int index, String signer, long limit,
                                      SecretKey key, Opener.PassphraseSource passphrase, List<Certificate> signers) {
        JsonNode entry = listed(record, testimony).get(index);
        StoredAttachment attachment = record.attachments().get(index);
        long size = entry.get("size").asLong();
        if (size > limit) {
            throw new GawahException(Failure.USAGE, Messages.of("attachment.too-large-to-show", attachment.id(), size, limit));
        }
        Exactly into = new Exactly((int) size);
        boolean kept = false;
        try (InputStream sealed = new ReadAhead(vault.openAttachment(attachment), BUFFER, "gawah-chunk-reader")) {
            Opened opened = Opener.openTo(sealed, into, key, passphrase, signers);
            check(attachment, entry, opened, signer, into.filled());
            kept = true;
            return into.bytes;
        } catch (IOException e) {
            throw new GawahException(Failure.BAD_DATA, Messages.of("open.attachment-mismatch", attachment.id()), null, e);
        } finally {
            if (!kept) {
                Arrays.fill(into.bytes, (byte) 0);
            }
        }
    }

    /** The attachments the signed testimony lists, each the one the vault holds at its place. */
    private static JsonNode listed(LoggedRecord record, JsonNode testimony) {
        JsonNode listed = testimony.get("attachments");
        List<StoredAttachment> stored = record.attachments();
        if (listed == null || listed.size() != stored.size()) {
            throw new GawahException(Failure.BAD_DATA,
                    Messages.of("open.attachments-count-mismatch", listed == null ? 0 : listed.size(), stored.size(), record.id()));
        }
        for (int i = 0; i < stored.size(); i++) {
            if (!listed.get(i).get("id").asText().equals(stored.get(i).id())) {
                throw new GawahException(Failure.BAD_DATA, Messages.of("open.attachment-not-listed", i + 1, record.id()));
            }
        }
        return listed;
    }

    private static Path target(Path dir, JsonNode entry) {
        Path target = dir.resolve(safeName(entry.get("file_name").asText(), entry.get("id").asText()));
        if (Files.exists(target)) {
            throw new GawahException(Failure.OUTPUT_EXISTS, Messages.of("output.exists", target));
        }
        return target;
    }

    private static Written openOne(Home home, Vault vault, StoredAttachment attachment, JsonNode entry, Path target,
                                   String signer, SecretKey key, Opener.PassphraseSource passphrase, List<Certificate> signers,
                                   Told told) {
        // Named by the attachment's id: the vault lists it while it is written, and never learns the file's own name.
        Path partial = PartialFiles.attachment(target, attachment.id());
        // Never over an existing file: one already there is another command's (an open of the same
        // record into the same folder), which this call must neither write into nor delete.
        PartialFiles.Writing writing = PartialFiles.create(home, vault, partial, PartialFiles.OPEN);
        boolean kept = false;
        try {
            long size = entry.get("size").asLong();
            Opened opened;
            // Three threads: the vault's chunks read (and their SHA-256 checked against the signed
            // custody log) ahead, the decryption and signature here, the file written behind. The
            // plaintext's own SHA-256 is not computed: its SHA-512 (shared with the signature's hash)
            // and the documenter's signature over these very bytes already prove them the ones the
            // signed testimony lists; export, which shows the SHA-256, computes and checks it.
            try (InputStream sealed = new ReadAhead(vault.openAttachment(attachment), BUFFER, "gawah-chunk-reader")) {
                WriteBehind out = new WriteBehind(Files.newOutputStream(partial), BUFFER, "gawah-file-writer");
                try {
                    opened = Opener.openTo(told.reading(target, size, sealed), out, key, passphrase, signers);
                } catch (IOException | RuntimeException e) {
                    // What is still queued came from a message that did not check: it never reaches the file.
                    abandon(out, e);
                    throw e;
                }
                out.close();
            }
            told.read(target);
            check(attachment, entry, opened, signer, Files.size(partial));
            // Not ATOMIC_MOVE: on Linux that would silently replace a file made at the target meanwhile.
            Files.move(partial, target);
            kept = true;
            Written written = new Written(attachment.id(), target, entry.get("file_name").asText());
            told.written(written);
            return written;
        } catch (IOException e) {
            throw new GawahException(Failure.MISSING_INPUT, Messages.of("output.cannot-write", target, e.getMessage()), null, e);
        } finally {
            settle(vault, writing, partial, kept, told);
        }
    }

    /** The signer and the plaintext's size and SHA-512 against the signed testimony's entry for the attachment. */
    private static void check(StoredAttachment attachment, JsonNode entry, Opened opened, String signer, long size) {
        if (!opened.signerFingerprint().equals(signer)) {
            throw new GawahException(Failure.BAD_SIGNATURE,
                    Messages.of("open.attachment-other-signer", attachment.id(), opened.signerFingerprint(), signer));
        }
        if (size != entry.get("size").asLong() || !opened.contentSha512().equals(entry.get("sha512").asText())) {
            throw new GawahException(Failure.BAD_DATA, Messages.of("open.attachment-mismatch", attachment.id()));
        }
    }

    /** After the attachment was kept or failed: this call's partial file deleted unless kept, and forgotten once gone. */
    private static void settle(Vault vault, PartialFiles.Writing writing, Path partial, boolean kept, Told told) {
        try (writing) {
            if (!kept) {
                try {
                    Files.deleteIfExists(partial);
                } catch (IOException e) {
                    // Still listed: the next command in this home tries again, and doctor names it.
                    told.warning(Messages.of("open.partial-not-deleted", partial));
                    return;
                }
            }
            try {
                PartialFiles.forget(vault, writing);
            } catch (GawahException e) {
                told.warning(e.message()); // the next command finds the file gone and forgets it then
            }
        }
    }

    private static void abandon(WriteBehind out, Exception failure) {
        try {
            out.abandon();
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }

    /** An array of the attachment's signed size, filled by the decryption; more than that is refused, not grown into. */
    private static final class Exactly extends OutputStream {
        final byte[] bytes;
        private int filled;

        Exactly(int size) {
            bytes = new byte[size];
        }

        int filled() {
            return filled;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] data, int offset, int length) throws IOException {
            if (length > bytes.length - filled) {
                throw new IOException("more than the signed size");
            }
            System.arraycopy(data, offset, bytes, filled, length);
            filled += length;
        }
    }

    private static final java.util.regex.Pattern WINDOWS_DEVICE =
            java.util.regex.Pattern.compile("(?i)(con|prn|aux|nul|com[0-9\u00b9\u00b2\u00b3]|lpt[0-9\u00b9\u00b2\u00b3]|conin\\$|conout\\$) ?(\\..*)?");
    /** Linux allows 255 bytes a name; the hidden partial file adds 15 to this. */
    private static final int MAX_BYTES = 200;

    /**
     * The name an attachment is written under: its testimony's file name, made unable to climb
     * out of DIR or to disguise its type (docs/format/testimony.md, file_name):
     * no folder part; every control, bidi, invisible, unassigned or private-use character
     * ({@link Screen#disguises}) and every character Windows refuses in names becomes "_";
     * other spaces become one ASCII space; no leading or trailing space, no trailing dot; a name
     * left empty or starting with a dot, or naming a Windows device, gets the attachment id in
     * front; a name too long is cut in its stem so that its real extension stays at its end.
     */
    public static String safeName(String fileName, String id) {
        String base = fileName.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1);
        StringBuilder shown = new StringBuilder(base.length());
        int before = -1;
        for (int i = 0; i < base.length(); ) {
            int c = base.codePointAt(i);
            i += Character.charCount(c);
            int after = i < base.length() ? base.codePointAt(i) : -1;
            if (Screen.disguises(c, before, after) || "<>:\"|?*".indexOf(c) >= 0) {
                shown.append('_'); // ":" would write into a hidden NTFS stream, on every system alike
            } else if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                shown.append(' ');
            } else {
                shown.appendCodePoint(c);
            }
            before = c;
        }
        base = shown.toString().replaceAll(" {2,}", " ").strip().replaceAll("[. ]+$", "");
        if (base.isEmpty() || base.startsWith(".")) {
            base = id + base;
        }
        // CON, NUL, COM1, LPT1... name devices on Windows, whatever their extension.
        if (WINDOWS_DEVICE.matcher(base).matches()) {
            base = id + "-" + base;
        }
        return shortened(base);
    }

    private static String shortened(String name) {
        if (name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= MAX_BYTES) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        String extension = dot > 0 && name.length() - dot <= 16 ? name.substring(dot) : "";
        String stem = name.substring(0, name.length() - extension.length());
        while ((stem + extension).getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_BYTES) {
            stem = stem.substring(0, stem.offsetByCodePoints(stem.length(), -1));
        }
        return stem.strip() + extension;
    }
}
