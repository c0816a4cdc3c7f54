package org.gawah.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.gawah.Failure;
import org.gawah.GawahException;
import org.gawah.ReadAhead;
import org.gawah.Screen;
import org.gawah.WriteBehind;
import org.gawah.app.Home;
import org.gawah.app.PartialFiles;
import org.gawah.openpgp.Certificate;
import org.gawah.openpgp.Opened;
import org.gawah.openpgp.Opener;
import org.gawah.openpgp.SecretKey;
import org.gawah.vault.LoggedRecord;
import org.gawah.vault.StoredAttachment;
import org.gawah.vault.Vault;

/**
 * open --attachments DIR: streams each attachment to a hidden partial file, and renames it to
 * its own name only when the message's integrity, its signature (by the testimony's signer) and
 * the plaintext's size and hashes (as the signed testimony lists them) all check. Otherwise the
 * partial file is deleted and the command fails.
 */
final class AttachmentOpening {
    /** Decryption hands out small pieces: the file gets them 256 KiB at a time (larger arrays are costly in a small heap). */
    private static final int BUFFER = 1 << 18;

    private AttachmentOpening() {
    }

    /** {@code record}: as the signed log vouches for it, each attachment with the SHA-256 its entry logged. */
    static void openAll(Terminal terminal, Home home, Vault vault, LoggedRecord record, Opened testimony, Path dir, SecretKey key,
                        Opener.PassphraseSource passphrase, List<Certificate> signers) {
        String recordId = record.id();
        JsonNode listed = org.gawah.testimony.Testimonies.readRecord(testimony.content()).get("attachments");
        List<StoredAttachment> stored = record.attachments();
        if (listed.size() != stored.size()) {
            throw new GawahException(Failure.BAD_DATA,
                    Messages.of("open.attachments-count-mismatch", listed.size(), stored.size(), recordId));
        }
        List<Path> targets = new ArrayList<>();
        for (JsonNode entry : listed) {
            Path target = dir.resolve(safeName(entry.get("file_name").asText(), entry.get("id").asText()));
            if (Files.exists(target) || targets.contains(target)) {
                throw new GawahException(Failure.OUTPUT_EXISTS, Messages.of("output.exists", target));
            }
            targets.add(target);
        }
        for (int i = 0; i < stored.size(); i++) {
            JsonNode entry = listed.get(i);
            if (!entry.get("id").asText().equals(stored.get(i).id())) {
                throw new GawahException(Failure.BAD_DATA, Messages.of("open.attachment-not-listed", i + 1, recordId));
            }
            openOne(terminal, home, vault, stored.get(i), entry, targets.get(i), testimony.signerFingerprint(), key, passphrase, signers);
        }
    }

    private static void openOne(Terminal terminal, Home home, Vault vault, StoredAttachment attachment, JsonNode entry, Path target,
                                String signer, SecretKey key, Opener.PassphraseSource passphrase, List<Certificate> signers) {
        // Named by the attachment's id: the vault lists it while it is written, and never learns the file's own name.
        Path partial = PartialFiles.attachment(target, attachment.id());
        // Never over an existing file: one already there is another command's (an open of the same
        // record into the same folder), which this call must neither write into nor delete.
        PartialFiles.Writing writing = PartialFiles.create(home, vault, partial, PartialFiles.OPEN);
        boolean kept = false;
        try {
            long size = entry.get("size").asLong();
            Progress progress = new Progress(terminal, Messages.of("open.attachment-progress", target.getFileName()), size);
            Opened opened;
            // Three threads: the vault's chunks read (and their SHA-256 checked against the signed
            // custody log) ahead, the decryption and signature here, the file written behind. The
            // plaintext's own SHA-256 is not computed: its SHA-512 (shared with the signature's hash)
            // and the documenter's signature over these very bytes already prove them the ones the
            // signed testimony lists; export, which shows the SHA-256, computes and checks it.
            try (InputStream sealed = new ReadAhead(vault.openAttachment(attachment), BUFFER, "gawah-chunk-reader")) {
                WriteBehind out = new WriteBehind(Files.newOutputStream(partial), BUFFER, "gawah-file-writer");
                try {
                    opened = Opener.openTo(progress.counting(sealed), out, key, passphrase, signers);
                } catch (IOException | RuntimeException e) {
                    // What is still queued came from a message that did not check: it never reaches the file.
                    abandon(out, e);
                    throw e;
                }
                out.close();
            }
            progress.finish();
            if (!opened.signerFingerprint().equals(signer)) {
                throw new GawahException(Failure.BAD_SIGNATURE,
                        Messages.of("open.attachment-other-signer", attachment.id(), opened.signerFingerprint(), signer));
            }
            if (Files.size(partial) != size || !opened.contentSha512().equals(entry.get("sha512").asText())) {
                throw new GawahException(Failure.BAD_DATA, Messages.of("open.attachment-mismatch", attachment.id()));
            }
            // Not ATOMIC_MOVE: on Linux that would silently replace a file made at the target meanwhile.
            Files.move(partial, target);
            kept = true;
            terminal.info(Messages.of("open.attachment-written", attachment.id(), target));
            String named = entry.get("file_name").asText();
            if (!named.equals(target.getFileName().toString())) {
                terminal.info(Messages.of("open.attachment-renamed", attachment.id(), named, target.getFileName()));
            }
        } catch (IOException e) {
            throw new GawahException(Failure.MISSING_INPUT, Messages.of("output.cannot-write", target, e.getMessage()), null, e);
        } finally {
            settle(terminal, vault, writing, partial, kept);
        }
    }

    /** After the attachment was kept or failed: this call's partial file deleted unless kept, and forgotten once gone. */
    private static void settle(Terminal terminal, Vault vault, PartialFiles.Writing writing, Path partial, boolean kept) {
        try (writing) {
            if (!kept) {
                try {
                    Files.deleteIfExists(partial);
                } catch (IOException e) {
                    // Still listed: the next command in this home tries again, and doctor names it.
                    terminal.warn(Messages.of("open.partial-not-deleted", partial));
                    return;
                }
            }
            try {
                PartialFiles.forget(vault, writing);
            } catch (GawahException e) {
                terminal.warn(e.message()); // the next command finds the file gone and forgets it then
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
    static String safeName(String fileName, String id) {
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
