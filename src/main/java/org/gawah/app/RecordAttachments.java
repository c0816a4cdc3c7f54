package org.gawah.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.gawah.Failure;
import org.gawah.GawahException;
import org.gawah.custody.Action;
import org.gawah.custody.EntrySigner;
import org.gawah.keys.Keyring;
import org.gawah.keys.Role;
import org.gawah.openpgp.Certificate;
import org.gawah.openpgp.SecretKey;
import org.gawah.openpgp.SigningKey;
import org.gawah.vault.LoggedRecord;
import org.gawah.vault.SignedVault;
import org.gawah.vault.StoredAttachment;
import org.gawah.vault.Vault;
import org.gawah.vault.VaultWrite;

/**
 * One attachment of a record the legal team opened ({@link OpenedRecord}), as the window's reader
 * asks for it: saved into a folder through {@code open --attachments}' own path
 * ({@link AttachmentOpening}), or read into memory to be shown (an image). Either way the record
 * is taken again as the signed custody logs vouch for it now, and the attachment is logged
 * {@code opened} (its id, its ciphertext's SHA-256: {@code open --attachments}' entry) before a
 * byte of it is decrypted.
 */
public final class RecordAttachments {
    /** The largest attachment read into memory to be shown; a larger one is saved instead. */
    public static final long SHOWN_LIMIT = 64L << 20;

    private RecordAttachments() {
    }

    /**
     * Saves attachment {@code index} (from 0, as the testimony lists them) of {@code record} into
     * {@code folder}, which must exist, with {@code own} unlocked and {@code signer} signing the
     * entry. Refused, nothing logged or written, when a file of its name is there already.
     */
    public static AttachmentOpening.Written save(Path dir, SecretKey own, SigningKey signer, OpenedRecord record, int index,
                                                 Path folder, AttachmentOpening.Told told) {
        if (!Files.isDirectory(folder)) {
            throw new GawahException(Failure.MISSING_INPUT, Messages.of("attachment.no-such-folder", folder));
        }
        Home home = new Home(dir, settled -> { });
        Keyring keyring = home.keyring();
        JsonNode testimony = record.testimony();
        try (Vault vault = home.vault()) {
            LoggedRecord logged = logged(vault, keyring, own, record.id());
            String name = AttachmentOpening.safeName(listed(testimony, logged, index).get("file_name").asText(),
                    logged.attachments().get(index).id());
            if (Files.exists(folder.resolve(name))) {
                throw new GawahException(Failure.OUTPUT_EXISTS, Messages.of("output.exists", folder.resolve(name)),
                        Messages.of("output.exists.hint"));
            }
            logOpened(vault, signer, logged.attachments().get(index));
            return AttachmentOpening.openOne(home, vault, logged, testimony, index, record.signerFingerprint(), folder, own,
                    LegalRecords::locked, signers(keyring, own), told);
        }
    }

    /**
     * Reads attachment {@code index} of {@code record} into memory, after every check a saved one
     * passes; refused unread over {@link #SHOWN_LIMIT}. The caller wipes the array.
     */
    public static byte[] read(Path dir, SecretKey own, SigningKey signer, OpenedRecord record, int index) {
        Home home = new Home(dir, settled -> { });
        Keyring keyring = home.keyring();
        JsonNode testimony = record.testimony();
        try (Vault vault = home.vault()) {
            LoggedRecord logged = logged(vault, keyring, own, record.id());
            long size = listed(testimony, logged, index).get("size").asLong();
            if (size > SHOWN_LIMIT) {
                throw new GawahException(Failure.USAGE, Messages.of("attachment.too-large-to-show",
                        logged.attachments().get(index).id(), size, SHOWN_LIMIT));
            }
            logOpened(vault, signer, logged.attachments().get(index));
            return AttachmentOpening.readInMemory(vault, logged, testimony, index, record.signerFingerprint(), SHOWN_LIMIT, own,
                    LegalRecords::locked, signers(keyring, own));
        }
    }

    /** The record as the signed logs vouch for it now (the window opened it minutes ago: the vault may have changed). */
    private static LoggedRecord logged(Vault vault, Keyring keyring, SecretKey own, String id) {
        SignedVault signed = SignedVault.read(vault, own.certificate(), keyring.pinned(Role.DOCUMENTER));
        return signed.record(id).orElseThrow(() -> new GawahException(Failure.BAD_DATA, Messages.of("records.no-record", id)));
    }

    /** The testimony's entry for the attachment, once the testimony and the log agree on how many there are. */
    private static JsonNode listed(JsonNode testimony, LoggedRecord logged, int index) {
        JsonNode listed = testimony.path("attachments");
        if (listed.size() != logged.attachments().size() || index < 0 || index >= listed.size()) {
            throw new GawahException(Failure.BAD_DATA, Messages.of("open.attachments-count-mismatch", listed.size(),
                    logged.attachments().size(), logged.id()));
        }
        return listed.get(index);
    }

    private static List<Certificate> signers(Keyring keyring, SecretKey own) {
        List<Certificate> signers = new ArrayList<>(keyring.pinned(Role.DOCUMENTER));
        signers.add(own.certificate());
        return signers;
    }

    /** The entry {@code open --attachments} appends for each attachment, in a transaction of its own. */
    private static void logOpened(Vault vault, SigningKey signer, StoredAttachment attachment) {
        try (VaultWrite write = vault.begin()) {
            write.append(Action.OPENED, attachment.id(), attachment.sealedSha256(), Instant.now().truncatedTo(ChronoUnit.SECONDS),
                    new EntrySigner(signer));
            write.commit();
        }
    }
}
