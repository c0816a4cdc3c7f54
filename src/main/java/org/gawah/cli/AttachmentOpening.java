package org.gawah.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
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
import org.gawah.openpgp.Certificate;
import org.gawah.openpgp.Opened;
import org.gawah.openpgp.Opener;
import org.gawah.openpgp.SecretKey;
import org.gawah.vault.StoredAttachment;
import org.gawah.vault.Vault;

/**
 * open --attachments DIR: streams each attachment to a hidden partial file, and renames it to
 * its own name only when the message's integrity, its signature (by the testimony's signer) and
 * the plaintext's size and hashes (as the signed testimony lists them) all check. Otherwise the
 * partial file is deleted and the command fails.
 */
final class AttachmentOpening {
    /** Decryption hands out small pieces; writing each straight to the file cost more than decrypting them. */
    private static final int BUFFER = 1 << 20;

    private AttachmentOpening() {
    }

    static void openAll(Terminal terminal, Vault vault, String recordId, Opened testimony, Path dir, SecretKey key,
                        Opener.PassphraseSource passphrase, List<Certificate> signers) {
        JsonNode listed = org.gawah.testimony.Testimonies.readRecord(testimony.content()).get("attachments");
        List<StoredAttachment> stored = vault.attachments(recordId);
        if (listed.size() != stored.size()) {
            throw new GawahException(Failure.BAD_DATA, "the testimony lists " + listed.size()
                    + " attachments but the vault holds " + stored.size() + " for record " + recordId);
        }
        List<Path> targets = new ArrayList<>();
        for (JsonNode entry : listed) {
            Path target = dir.resolve(safeName(entry.get("file_name").asText(), entry.get("id").asText()));
            if (Files.exists(target) || targets.contains(target)) {
                throw new GawahException(Failure.OUTPUT_EXISTS, target + " already exists; nothing was written");
            }
            targets.add(target);
        }
        for (int i = 0; i < stored.size(); i++) {
            JsonNode entry = listed.get(i);
            if (!entry.get("id").asText().equals(stored.get(i).id())) {
                throw new GawahException(Failure.BAD_DATA, "attachment " + (i + 1) + " of record " + recordId
                        + " is not the one its testimony lists");
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
            Progress progress = new Progress(terminal, "opening " + target.getFileName(), size);
            OutputFile.createPrivate(partial);
            Opened opened;
            try (InputStream sealed = vault.openAttachment(attachment);
                 OutputStream out = new DigestOutputStream(
                         new BufferedOutputStream(Files.newOutputStream(partial), BUFFER), sha256)) {
                opened = Opener.openTo(progress.counting(sealed), out, key, passphrase, signers);
            }
            progress.finish();
            if (!opened.signerFingerprint().equals(signer)) {
                throw new GawahException(Failure.BAD_SIGNATURE, "attachment " + attachment.id()
                        + " is signed by " + opened.signerFingerprint() + ", not by the testimony's signer " + signer);
            }
            if (Files.size(partial) != size
                    || !HexFormat.of().formatHex(sha256.digest()).equals(entry.get("sha256").asText())
                    || !opened.contentSha512().equals(entry.get("sha512").asText())) {
                throw new GawahException(Failure.BAD_DATA, "attachment " + attachment.id()
                        + " does not match the size and hashes its signed testimony lists");
            }
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            kept = true;
            terminal.info("attachment " + attachment.id() + ": good signature, hashes match; wrote " + target);
        } catch (IOException e) {
            throw new GawahException(Failure.MISSING_INPUT, "cannot write " + target + ": " + e.getMessage(), null, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } finally {
            if (!kept) {
                try {
                    Files.deleteIfExists(partial);
                } catch (IOException e) {
                    terminal.warn("could not delete the partial file " + partial + ": delete it by hand");
                }
            }
        }
    }

    /** The file's own name, with no folder part and nothing that could climb out of DIR. */
    static String safeName(String fileName, String id) {
        String base = fileName.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1).replaceAll("[\\x00-\\x1f]", "_");
        if (base.isBlank() || base.equals(".") || base.equals("..") || base.startsWith(".")) {
            base = id + (base.startsWith(".") && base.length() > 1 ? base : "");
        }
        return base;
    }
}
