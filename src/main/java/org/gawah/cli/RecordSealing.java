package org.gawah.cli;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gawah.Failure;
import org.gawah.GawahException;
import org.gawah.custody.EntrySigner;
import org.gawah.keys.Keyring;
import org.gawah.keys.Role;
import org.gawah.openpgp.Certificate;
import org.gawah.openpgp.Sealer;
import org.gawah.openpgp.SecretKey;
import org.gawah.openpgp.SigningKey;
import org.gawah.testimony.SealableTestimony;
import org.gawah.vault.RecordWrite;
import org.gawah.vault.SealedRecord;
import org.gawah.vault.Vault;

/** Who a record is sealed to, how it is sealed and stored, and what the documenter is told: for record and interview alike. */
final class RecordSealing {
    /** Everyone the testimony goes to, and the narrower set that also gets the identity. */
    record Recipients(List<Certificate> all, List<Certificate> protection) {
    }

    private RecordSealing() {
    }

    /** Pinned legal and protection keys (and the own key when asked), each checked for encryption now. */
    static Recipients recipients(Keyring keyring, SecretKey own, boolean selfReadable, Instant now) {
        List<Certificate> protection = keyring.pinned(Role.PROTECTION);
        List<Certificate> all = new ArrayList<>(keyring.pinned(Role.LEGAL));
        all.addAll(protection);
        if (selfReadable) {
            all.add(own.certificate());
        }
        Map<String, Certificate> byFingerprint = new LinkedHashMap<>();
        all.forEach(c -> byFingerprint.putIfAbsent(c.fingerprint(), c));
        if (byFingerprint.isEmpty()) {
            throw new GawahException(Failure.NOT_READY, Messages.of("record.no-recipients"), Messages.of("record.no-recipients.hint"));
        }
        for (Certificate recipient : byFingerprint.values()) {
            recipient.checkCanEncrypt(now);
        }
        return new Recipients(List.copyOf(byFingerprint.values()), protection);
    }

    /** A witness's identity needs someone to seal it to, apart from the testimony. */
    static void requireProtectionFor(boolean withIdentity, Recipients to) {
        if (withIdentity && to.protection().isEmpty()) {
            throw new GawahException(Failure.NOT_READY, Messages.of("record.no-protection-key"),
                    Messages.of("record.no-protection-key.hint"));
        }
    }

    /**
     * Seals the key of a testimony's name_keys like the testimony itself: signed, and encrypted to
     * everyone the testimony goes to, so a legal team that cannot open the identity can search for it.
     */
    static org.gawah.testimony.NameKeys.Sealer keySealer(SigningKey signer, Recipients to, Instant now) {
        return secret -> Sealer.seal(secret, signer, to.all(), now);
    }

    /** Seals and stores one record without attachments in one transaction, with its custody entry. */
    static void seal(Home home, String id, SealableTestimony plaintext, SigningKey signer, Recipients to, Instant now) {
        requireProtectionFor(plaintext.identity() != null, to);
        try (Vault vault = home.vault(); RecordWrite write = vault.beginRecord(id)) {
            commit(write, id, plaintext, signer, to, now);
        }
    }

    /** Seals the testimony (to all) and the identity (to protection only) and commits the record's write. */
    static void commit(RecordWrite write, String id, SealableTestimony plaintext, SigningKey signer, Recipients to, Instant now) {
        byte[] testimony = Sealer.seal(plaintext.testimony(), signer, to.all(), now);
        byte[] identity = plaintext.identity() == null ? null : Sealer.seal(plaintext.identity(), signer, to.protection(), now);
        write.commit(new SealedRecord(id, now, signer.fingerprint(), testimony, fingerprints(to.all()),
                identity, identity == null ? List.of() : fingerprints(to.protection())), new EntrySigner(signer));
    }

    /** "sealed record ID, encrypted to:" and each key by name and fingerprint, then the id alone on stdout. */
    static void report(Terminal terminal, String id, Recipients to, boolean withIdentity, int attachments) {
        terminal.info(attachments > 0
                ? Messages.of("record.sealed-with-attachments", id, attachments)
                : Messages.of("record.sealed", id));
        for (Certificate recipient : to.all()) {
            terminal.info(Messages.of("record.recipient", Display.fingerprint(recipient.fingerprint()), recipient.userId()));
        }
        if (withIdentity) {
            terminal.info(Messages.of("record.identity-sealed-apart", to.protection().size()));
        }
        if (to.all().size() == 1) {
            terminal.warn(Messages.of("record.single-key"));
        }
        terminal.line(id);
    }

    private static List<String> fingerprints(List<Certificate> certificates) {
        return certificates.stream().map(Certificate::fingerprint).distinct().toList();
    }
}
