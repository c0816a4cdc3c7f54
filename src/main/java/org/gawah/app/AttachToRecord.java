package org.gawah.app;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;

import org.gawah.Failure;
import org.gawah.GawahException;
import org.gawah.Message;
import org.gawah.custody.EntrySigner;
import org.gawah.keys.Keyring;
import org.gawah.keys.Role;
import org.gawah.openpgp.Certificate;
import org.gawah.openpgp.SealedRecipients;
import org.gawah.openpgp.Sealer;
import org.gawah.openpgp.SecretKey;
import org.gawah.openpgp.SigningKey;
import org.gawah.testimony.Attachment;
import org.gawah.testimony.RecordId;
import org.gawah.testimony.Testimonies;
import org.gawah.vault.LoggedRecord;
import org.gawah.vault.RecordWrite;
import org.gawah.vault.SealedRecord;
import org.gawah.vault.StoredAttachment;
import org.gawah.vault.Vault;

/**
 * Adding files to a sealed record ({@code gawah attach RECORD-ID FILE...}, and the window's
 * attachments page): the files are sealed as a new, linked record whose signed addendum lists
 * them with their hashes, encrypted to the same keys as the record it adds to. First the
 * {@link #target}, before the passphrase is asked: the record as the signed log vouches for it,
 * and the keys it was sealed to, each still pinned. Then {@link #seal}: every file streamed into
 * the vault and the addendum committed in one transaction, or, refused or cancelled, nothing.
 * Prints nothing: what happened comes back as an {@link Attached}.
 */
public final class AttachToRecord {
    /** The record files are added to: its id, the keys its testimony was sealed to, the ids of its own attachments. */
    public record Target(String recordId, List<Certificate> recipients, List<String> attachmentIds) {
        public Target {
            recipients = List.copyOf(recipients);
            attachmentIds = List.copyOf(attachmentIds);
        }
    }

    /**
     * What attaching did: the new record's id and time, the record it adds to, each file as its
     * addendum lists it (name, size, hashes), and the keys that can open them (those of the record
     * it adds to).
     */
    public record Attached(String recordId, Instant sealedAt, String addsTo, List<Attachment> files,
                           List<Sealed.Reader> readers) {
        public Attached {
            files = List.copyOf(files);
            readers = List.copyOf(readers);
        }
    }

    private AttachToRecord() {
    }

    /**
     * The record {@code addsTo} as this home's signed log vouches for it, with the certificates its
     * testimony was sealed to (as its own session-key packets name them: the vault's list of
     * recipients is only a cache); each must still be pinned here, or nothing can be added.
     */
    public static Target target(Home home, Vault vault, Keyring keyring, SecretKey own, String addsTo) {
        LoggedRecord earlier = home.signed(vault).record(addsTo).orElseThrow(() -> new GawahException(Failure.NOT_FOUND,
                Messages.of("home.no-record", addsTo, home.vaultName()), Messages.of("home.no-record.hint")));
        List<Certificate> known = new ArrayList<>(keyring.pinned(Role.LEGAL));
        known.addAll(keyring.pinned(Role.PROTECTION));
        known.add(own.certificate());
        SealedRecipients.Matched sealedTo = SealedRecipients.of(earlier.testimony()).match(known);
        if (!sealedTo.unknown().isEmpty()) {
            throw new GawahException(Failure.NOT_READY,
                    Messages.of("attach.recipient-gone", earlier.id(), sealedTo.unknown().get(0)),
                    Messages.of("attach.recipient-gone.hint"));
        }
        // A transcript may be of a file the earlier record holds: its ids are known in the clear.
        return new Target(earlier.id(), sealedTo.certificates(),
                earlier.attachments().stream().map(StoredAttachment::id).toList());
    }

    /**
     * Seals {@code files} (planned by {@link AttachmentSeal#plan}) as a new record adding to
     * {@code target}, signed by {@code signer} at {@code now}, in one transaction with its custody
     * entries. A cancel from {@code progress}, up to the commit, throws a CancellationException
     * and stores nothing; so does any refusal.
     */
    public static Attached seal(Vault vault, Target target, List<AttachmentSeal.Planned> files, SigningKey signer,
                                Instant now, SealProgress progress, Consumer<Message> warn) {
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no file to attach");
        }
        String id = RecordId.random();
        try (RecordWrite write = vault.beginRecord(id)) {
            List<Attachment> attachments = AttachmentSeal.sealAll(files, write, signer, target.recipients(), now,
                    progress, warn);
            byte[] addendum = Testimonies.buildAddendum(id, now, target.recordId(), attachments);
            byte[] sealed;
            try {
                sealed = Sealer.seal(addendum, signer, target.recipients(), now);
            } finally {
                Arrays.fill(addendum, (byte) 0);
            }
            if (progress.cancelled()) {
                throw new CancellationException();
            }
            write.commit(new SealedRecord(id, now, signer.fingerprint(), sealed,
                    target.recipients().stream().map(Certificate::fingerprint).toList(), null, List.of()),
                    new EntrySigner(signer));
            return new Attached(id, now, target.recordId(), attachments, Sealed.Reader.of(target.recipients()));
        }
    }
}
