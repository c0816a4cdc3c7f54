package org.gawah.cli;

import java.time.Instant;

import org.gawah.app.Home;
import org.gawah.app.RecordSeal;
import org.gawah.app.Recipients;
import org.gawah.keys.Keyring;
import org.gawah.openpgp.Certificate;
import org.gawah.openpgp.SecretKey;
import org.gawah.openpgp.SigningKey;
import org.gawah.testimony.SealableTestimony;
import org.gawah.vault.RecordWrite;
import org.gawah.vault.Vault;

/**
 * Who a record is sealed to, how it is sealed and stored (org.gawah.app, which the window calls
 * too), and what the documenter is told at the terminal: for record and interview alike.
 */
final class RecordSealing {
    private RecordSealing() {
    }

    /** Pinned legal and protection keys (and the own key when asked), each checked for encryption now. */
    static Recipients recipients(Keyring keyring, SecretKey own, boolean selfReadable, Instant now) {
        return Recipients.of(keyring, own, selfReadable, now);
    }

    /** A witness's identity needs someone to seal it to, apart from the testimony. */
    static void requireProtectionFor(boolean withIdentity, Recipients to) {
        to.requireProtectionFor(withIdentity);
    }

    static org.gawah.testimony.NameKeys.Sealer keySealer(SigningKey signer, Recipients to, Instant now) {
        return RecordSeal.keySealer(signer, to, now);
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
        RecordSeal.commit(write, id, plaintext, signer, to, now);
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
}
