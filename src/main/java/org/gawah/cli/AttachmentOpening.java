package org.gawah.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.gawah.Failure;
import org.gawah.GawahException;
import org.gawah.ReadAhead;
import org.gawah.WriteBehind;
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
    static void openAll(Terminal terminal, Vault vault, LoggedRecord record, Opened testimony, Path dir, SecretKey key,
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
            openOne(terminal, vault, stored.get(i), entry, targets.get(i), testimony.signerFingerprint(), key, passphrase, signers);
        }
    }

    private static void openOne(Terminal terminal, Vault vault, StoredAttachment attachment, JsonNode entry, Path target,
                                String signer, SecretKey key, Opener.PassphraseSource passphrase, List<Certificate> signers) {
        Path partial = target.resolveSibling("." + target.getFileName() + ".gawah-partial");
        boolean kept = false;
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            long size = entry.get("size").asLong();
            Progress progress = new Progress(terminal, Messages.of("open.attachment-progress", target.getFileName()), size);
            OutputFile.createPrivate(partial);
            Opened opened;
            // Three threads: the vault's chunks read (and their SHA-256 checked) ahead, the decryption
            // and signature here, the plaintext's SHA-256 and the file written behind.
            try (InputStream sealed = new ReadAhead(vault.openAttachment(attachment), BUFFER, "gawah-chunk-reader")) {
                WriteBehind out = new WriteBehind(new DigestOutputStream(Files.newOutputStream(partial), sha256),
                        BUFFER, "gawah-file-writer");
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
            if (Files.size(partial) != size
                    || !HexFormat.of().formatHex(sha256.digest()).equals(entry.get("sha256").asText())
                    || !opened.contentSha512().equals(entry.get("sha512").asText())) {
                throw new GawahException(Failure.BAD_DATA, Messages.of("open.attachment-mismatch", attachment.id()));
            }
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            kept = true;
            terminal.info(Messages.of("open.attachment-written", attachment.id(), target));
        } catch (IOException e) {
            throw new GawahException(Failure.MISSING_INPUT, Messages.of("output.cannot-write", target, e.getMessage()), null, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } finally {
            if (!kept) {
                try {
                    Files.deleteIfExists(partial);
                } catch (IOException e) {
                    terminal.warn(Messages.of("open.partial-not-deleted", partial));
                }
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

    /** The file's own name, with no folder part and nothing that could climb out of DIR. */
    private static final java.util.regex.Pattern WINDOWS_DEVICE =
            java.util.regex.Pattern.compile("(?i)(con|prn|aux|nul|com[0-9]|lpt[0-9])(\\..*)?");

    static String safeName(String fileName, String id) {
        String base = fileName.replace('\\', '/');
        // Characters Windows refuses in names (":" would write into a hidden NTFS stream), on every system alike.
        base = base.substring(base.lastIndexOf('/') + 1).replaceAll("[\\x00-\\x1f<>:\"|?*]", "_");
        base = base.replaceAll("[. ]+$", "");
        if (base.isBlank() || base.startsWith(".")) {
            base = id + (base.startsWith(".") && base.length() > 1 ? base : "");
        }
        // CON, NUL, COM1, LPT1... name devices on Windows, whatever their extension.
        if (WINDOWS_DEVICE.matcher(base).matches()) {
            base = id + "-" + base;
        }
        return base;
    }
}
