package org.gawah.app;

import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.gawah.custody.EntrySigner;
import org.gawah.openpgp.Sealer;
import org.gawah.openpgp.SigningKey;
import org.gawah.testimony.Drafts;
import org.gawah.testimony.NameKeys;
import org.gawah.testimony.RecordId;
import org.gawah.testimony.SealableTestimony;
import org.gawah.testimony.Testimonies;
import org.gawah.vault.RecordWrite;
import org.gawah.vault.SealedRecord;
import org.gawah.vault.Vault;

/**
 * Sealing a record, as a plain operation that both faces call: the testimony signed by the
 * documenter and encrypted to every recipient, the identity to the protection officers only,
 * stored with its custody entry in one transaction. Nothing here prints; what happened comes back
 * as a {@link Sealed}, a refusal as a GawahException (nothing stored then).
 */
public final class RecordSeal {
    private RecordSeal() {
    }

    /**
     * Seals testimony input (the shape of {@code gawah record --from FILE.json}) without
     * attachments as a new record in {@code vault}: validated first, so that an answer the
     * record refuses costs nothing and stores nothing. The plaintext is wiped once sealed.
     */
    public static Sealed seal(Vault vault, ObjectNode input, SigningKey signer, Recipients to, ZoneId zone) {
        to.requireProtectionFor(input.has("identity"));
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String id = RecordId.random();
        SealableTestimony plaintext = Testimonies.build(input, id, now, List.of(), keySealer(signer, to, now), zone);
        try {
            try (RecordWrite write = vault.beginRecord(id)) {
                commit(write, id, plaintext, signer, to, now);
            }
            return sealed(id, now, to, plaintext.identity() != null);
        } finally {
            plaintext.wipe();
        }
    }

    /**
     * Seals an unfinished interview as a draft ({@code gawah.draft/1}, docs/format/testimony.md):
     * signed and encrypted like a testimony, its witness identity, if one was typed, in its own
     * envelope to the protection officers. {@code stoppedAt}: the step the documenter was at.
     * Refused (nothing stored) without complete consent: no consent, no draft. The plaintext is
     * wiped once sealed.
     */
    public static Sealed sealDraft(Vault vault, ObjectNode input, String stoppedAt, SigningKey signer, Recipients to) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String id = RecordId.random();
        SealableTestimony plaintext = Drafts.build(input, id, now, stoppedAt);
        try {
            to.requireProtectionFor(plaintext.identity() != null);
            try (RecordWrite write = vault.beginRecord(id)) {
                commit(write, id, plaintext, signer, to, now);
            }
            return sealed(id, now, to, plaintext.identity() != null);
        } finally {
            plaintext.wipe();
        }
    }

    /** What a record sealed to {@code to} at {@code now} tells the documenter. */
    public static Sealed sealed(String id, Instant now, Recipients to, boolean withIdentity) {
        return new Sealed(id, now, Sealed.Reader.of(to.all()), withIdentity ? Sealed.Reader.of(to.protection()) : List.of());
    }

    /**
     * Seals the key of a testimony's name_keys like the testimony itself: signed, and encrypted to
     * everyone the testimony goes to, so a legal team that cannot open the identity can search for it.
     */
    public static NameKeys.Sealer keySealer(SigningKey signer, Recipients to, Instant now) {
        return secret -> Sealer.seal(secret, signer, to.all(), now);
    }

    /** Seals the testimony (to all) and the identity (to protection only) and commits the record's write. */
    public static void commit(RecordWrite write, String id, SealableTestimony plaintext, SigningKey signer, Recipients to,
                              Instant now) {
        byte[] testimony = Sealer.seal(plaintext.testimony(), signer, to.all(), now);
        byte[] identity = plaintext.identity() == null ? null : Sealer.seal(plaintext.identity(), signer, to.protection(), now);
        write.commit(new SealedRecord(id, now, signer.fingerprint(), testimony, to.allFingerprints(),
                identity, identity == null ? List.of() : to.protectionFingerprints()), new EntrySigner(signer));
    }
}
