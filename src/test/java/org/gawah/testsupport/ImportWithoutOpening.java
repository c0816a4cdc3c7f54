package org.gawah.testsupport;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.gawah.Digests;
import org.gawah.bag.BagReader;
import org.gawah.bag.Submission;
import org.gawah.custody.Action;
import org.gawah.custody.Entry;
import org.gawah.custody.EntrySigner;
import org.gawah.custody.Subjects;
import org.gawah.keys.Keyring;
import org.gawah.keys.Role;
import org.gawah.vault.ImportedBag;
import org.gawah.vault.RecordWrite;
import org.gawah.vault.SealedRecord;
import org.gawah.vault.Vault;
import org.gawah.vault.VaultWrite;

/**
 * Test-only: imports a bag as an import does where it cannot open the records (a home whose key is
 * not one of their recipients; or Gawah before it opened them at import): every check of the bag
 * itself ({@link Submission#read}), the same rows and custody entries, and nothing about who
 * signed inside. What is left for {@code open} and {@code export} to find.
 */
public final class ImportWithoutOpening {
    private ImportWithoutOpening() {
    }

    public static void into(Path home, Path bagFile) throws Exception {
        into(home, bagFile, false);
    }

    /**
     * The same, with the custody entries laid out as Gawah wrote them before vault version 7: the
     * records' entries, then every attachment's, then the bag's, and no entry for the log head
     * (docs/format/custody-log.md): what vaults already in use hold.
     */
    public static void asBeforeVersion7(Path home, Path bagFile) throws Exception {
        into(home, bagFile, true);
    }

    private static void into(Path home, Path bagFile, boolean beforeVersion7) throws Exception {
        Keyring keyring = new Keyring(home.resolve("keys"));
        EntrySigner signer = new EntrySigner(keyring.requireOwnKey()
                .unlockForSigning(Homes.PASSPHRASE.toCharArray(), Instant.now()));
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String zipSha256 = Digests.sha256(Files.readAllBytes(bagFile));
        try (BagReader bag = BagReader.open(bagFile); Vault vault = Vault.openHome(home)) {
            Submission.Verified verified = Submission.read(bag, keyring.pinned(Role.DOCUMENTER), bytes -> { });
            try (VaultWrite write = vault.begin()) {
                for (Submission.RecordMeta meta : verified.records()) {
                    byte[] testimony = bag.tag(meta.testimonyFile());
                    byte[] identity = meta.identityFile() == null ? null : bag.tag(meta.identityFile());
                    int before = write.attachments().size();
                    for (int position = 0; position < meta.attachments().size(); position++) {
                        String attachment = meta.attachments().get(position);
                        try (OutputStream out = write.attachment(meta.id(), position, attachment)) {
                            bag.copy(Submission.RecordMeta.attachmentFile(attachment), out);
                        }
                    }
                    write.insert(new SealedRecord(meta.id(), meta.sealedAt(), verified.documenter().fingerprint(),
                            testimony, meta.testimonyRecipients(), identity, meta.identityRecipients()));
                    write.append(Action.IMPORTED, meta.id(), Digests.sha256(testimony), now, signer);
                    if (identity != null) {
                        write.append(Action.IMPORTED, RecordWrite.identitySubject(meta.id()), Digests.sha256(identity),
                                now, signer);
                    }
                    for (VaultWrite.WrittenAttachment attachment : write.attachments().subList(before,
                            write.attachments().size())) {
                        if (!beforeVersion7) {
                            write.append(Action.IMPORTED, attachment.id(), attachment.sha256(), now, signer);
                        }
                    }
                }
                if (beforeVersion7) {
                    for (VaultWrite.WrittenAttachment attachment : write.attachments()) {
                        write.append(Action.IMPORTED, attachment.id(), attachment.sha256(), now, signer);
                    }
                }
                Entry head = verified.head();
                write.recordImport(new ImportedBag(verified.id(), verified.documenter().fingerprint(), head.seq(),
                        verified.headSha256(), zipSha256, now), verified.log());
                write.append(Action.IMPORTED, verified.id(), zipSha256, now, signer);
                if (!beforeVersion7) {
                    write.append(Action.IMPORTED, Subjects.bagHead(verified.id()), verified.headSha256(), now, signer);
                }
                write.commit();
            }
        }
    }
}
