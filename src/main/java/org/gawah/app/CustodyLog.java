package org.gawah.app;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.gawah.custody.Action;
import org.gawah.custody.EntrySigner;
import org.gawah.openpgp.SigningKey;
import org.gawah.vault.Vault;
import org.gawah.vault.VaultWrite;

/** Appends one action to the home's custody log, signed, in a transaction of its own. */
public final class CustodyLog {
    private CustodyLog() {
    }

    /** What an entry is about: an id and the SHA-256 of its ciphertext (or package, or key). */
    public record Subject(String id, String sha256) {
    }

    public static void append(Home home, SigningKey key, Action action, String subject, String subjectSha256) {
        append(home, key, action, java.util.List.of(new Subject(subject, subjectSha256)));
    }

    /** Appends one entry per subject, all in one transaction. */
    public static void append(Home home, SigningKey key, Action action, java.util.List<Subject> subjects) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        EntrySigner signer = new EntrySigner(key);
        try (Vault vault = home.vault(); VaultWrite write = vault.begin()) {
            for (Subject subject : subjects) {
                write.append(action, subject.id(), subject.sha256(), now, signer);
            }
            write.commit();
        }
    }

    /**
     * One {@code opened} entry for {@code items} (subject to its ciphertext's SHA-256) read at once
     * by {@code view}, its opening list kept beside it in {@code write}'s transaction
     * (docs/format/custody-log.md, "Many openings in one entry").
     */
    public static void appendOpening(VaultWrite write, String view, java.util.Map<String, String> items, Instant now,
                                     EntrySigner signer) {
        byte[] list = org.gawah.custody.OpenedList.of(view, items).bytes();
        write.keepOpenedList(list);
        write.append(Action.OPENED, org.gawah.testimony.RecordId.randomOpening(), org.gawah.Digests.sha256(list), now, signer);
    }

    /** Unlocks the own key for signing with the passphrase the command already asked for (no second prompt). */
    public static SigningKey signingKey(org.gawah.openpgp.SecretKey own, org.gawah.openpgp.Opener.PassphraseSource ask) {
        char[] passphrase = ask.passphraseFor(own.fingerprint());
        try {
            return own.unlockForSigning(passphrase, Instant.now());
        } finally {
            java.util.Arrays.fill(passphrase, '\0');
        }
    }
}
