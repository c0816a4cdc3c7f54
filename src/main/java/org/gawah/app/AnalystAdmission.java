package org.gawah.app;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.gawah.Digests;
import org.gawah.Failure;
import org.gawah.GawahException;
import org.gawah.custody.Action;
import org.gawah.custody.Entry;
import org.gawah.custody.EntrySigner;
import org.gawah.custody.SignedLog;
import org.gawah.openpgp.Certificate;
import org.gawah.openpgp.SecretKey;
import org.gawah.openpgp.SigningKey;
import org.gawah.vault.Vault;
import org.gawah.vault.VaultWrite;

/**
 * Admitting another analyst to a vault several homes share ({@code gawah vault admit CERT}):
 * from the next entry on, the log accepts entries that key signs. The admission is itself a
 * signed link of the chain, an {@code analyst_added} entry by an analyst already admitted, and
 * the certificate is kept in the vault under the SHA-256 the entry logs, so every analyst's home
 * can check every entry (docs/format/custody-log.md, "Analysts"). The vault's first analyst logs
 * its own certificate the same way the first time it admits someone. Prints nothing.
 */
public final class AnalystAdmission {
    /** What was admitted, and at which entry; {@code seq} 0 when the log admitted exactly this certificate already. */
    public record Admitted(Certificate certificate, long seq) {
        public boolean already() {
            return seq == 0;
        }
    }

    private AnalystAdmission() {
    }

    /**
     * The one certificate of {@code file}, checked: it can sign custody entries now, it is not
     * this home's own key, and it has the fingerprint given by another channel, if one was.
     */
    public static Certificate offered(Home home, Path file, String fingerprint, SecretKey own, Instant now) {
        requireShared(home);
        List<Certificate> found = Certificate.parseAll(InputFile.read(file, InputFile.Kind.CERTIFICATE));
        if (found.size() != 1) {
            throw new GawahException(Failure.CERTIFICATE_REFUSED, Messages.of("admit.one-certificate", file, found.size()),
                    Messages.of("admit.one-certificate.hint"));
        }
        Certificate certificate = found.get(0);
        if (fingerprint != null) {
            String want = fingerprint.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
            if (!want.equals(certificate.fingerprint())) {
                throw new GawahException(Failure.CERTIFICATE_REFUSED,
                        Messages.of("admit.fingerprint-mismatch", certificate.fingerprint(), want),
                        Messages.of("admit.fingerprint-mismatch.hint"));
            }
        }
        if (certificate.fingerprint().equals(own.fingerprint())) {
            throw new GawahException(Failure.USAGE, Messages.of("admit.own-key"), Messages.of("admit.own-key.hint"));
        }
        certificate.checkCanSign(now);
        return certificate;
    }

    /** Whether the vault's log admits exactly this certificate already (nothing to sign, no passphrase to ask). */
    public static boolean admitted(Home home, Certificate certificate) {
        requireShared(home);
        String sha256 = Digests.sha256(certificate.encoded());
        try (Vault vault = home.vault()) {
            return latest(home.signed(vault).log(), certificate.fingerprint())
                    .filter(e -> e.subjectSha256().equals(sha256)).isPresent();
        }
    }

    /**
     * Logs the admission, signed by {@code key} (this home's, admitted already), with the
     * certificate kept beside it, in one transaction; before it, if this home's key is the
     * vault's first analyst and never logged its own certificate, the entry that does. Nothing is
     * written when the log admits exactly this certificate already.
     */
    public static Admitted admit(Home home, Certificate certificate, SecretKey own, SigningKey key) {
        requireShared(home);
        String sha256 = Digests.sha256(certificate.encoded());
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        EntrySigner signer = new EntrySigner(key);
        try (Vault vault = home.vault()) {
            SignedLog log = home.signed(vault).log();
            if (latest(log, certificate.fingerprint()).filter(e -> e.subjectSha256().equals(sha256)).isPresent()) {
                return new Admitted(certificate, 0);
            }
            try (VaultWrite write = vault.begin()) {
                if (latest(log, own.fingerprint()).isEmpty()) {
                    // The first analyst: its certificate was never logged, so the others could not check its entries.
                    Certificate mine = own.certificate();
                    write.keepAnalyst(mine.fingerprint(), mine.encoded());
                    write.append(Action.ANALYST_ADDED, mine.fingerprint(), Digests.sha256(mine.encoded()), now, signer);
                }
                write.keepAnalyst(certificate.fingerprint(), certificate.encoded());
                Entry.Signed entry = write.append(Action.ANALYST_ADDED, certificate.fingerprint(), sha256, now, signer);
                write.commit();
                return new Admitted(certificate, entry.entry().seq());
            }
        }
    }

    /** The latest {@code analyst_added} entry naming this key, if the log holds one. */
    private static Optional<Entry> latest(SignedLog log, String fingerprint) {
        return log.last(fingerprint, Action.ANALYST_ADDED);
    }

    /** Admitting is for a vault several homes share: a home's own {@code vault.db} is one analyst's. */
    private static void requireShared(Home home) {
        if (!home.sharesItsVault()) {
            throw new GawahException(Failure.NOT_READY, Messages.of("admit.not-shared", home.vaultName()),
                    Messages.of("admit.not-shared.hint"));
        }
    }
}
