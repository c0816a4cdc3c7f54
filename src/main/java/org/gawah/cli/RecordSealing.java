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

/** Who a record is sealed to, and the sealing of one record without attachments (interviews, drafts). */
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
            throw new GawahException(Failure.NOT_READY, Messages.of("sealing.no-legal-key"), Messages.of("sealing.no-legal-key.hint"));
        }
        for (Certificate recipient : byFingerprint.values()) {
            recipient.checkCanEncrypt(now);
        }
        return new Recipients(List.copyOf(byFingerprint.values()), protection);
    }

    /** Seals and stores one record in one transaction, with its custody entry. */
    static void seal(Home home, String id, SealableTestimony plaintext, SigningKey signer, Recipients to, Instant now) {
        if (plaintext.identity() != null && to.protection().isEmpty()) {
            throw new GawahException(Failure.NOT_READY, Messages.of("sealing.no-protection-key"), Messages.of("sealing.no-protection-key.hint"));
        }
        try (Vault vault = home.vault(); RecordWrite write = vault.beginRecord(id)) {
            byte[] testimony = Sealer.seal(plaintext.testimony(), signer, to.all(), now);
            byte[] identity = plaintext.identity() == null ? null : Sealer.seal(plaintext.identity(), signer, to.protection(), now);
            write.commit(new SealedRecord(id, now, signer.fingerprint(), testimony, fingerprints(to.all()),
                    identity, identity == null ? List.of() : fingerprints(to.protection())), new EntrySigner(signer));
        }
    }

    /** "sealed: ID, encrypted to:" and each key, then the id alone on stdout. */
    static void report(Terminal terminal, String id, Recipients to, boolean withIdentity) {
        terminal.info(Messages.of("sealing.sealed", id));
        for (Certificate recipient : to.all()) {
            terminal.info(Messages.of("sealing.recipient", Display.fingerprint(recipient.fingerprint()), Display.safe(recipient.userId())));
        }
        if (withIdentity) {
            terminal.info(Messages.of("sealing.identity-apart", to.protection().size()));
        }
        if (to.all().size() == 1) {
            terminal.warn(Messages.of("sealing.single-key"));
        }
        terminal.out().println(id);
    }

    private static List<String> fingerprints(List<Certificate> certificates) {
        return certificates.stream().map(Certificate::fingerprint).distinct().toList();
    }
}
