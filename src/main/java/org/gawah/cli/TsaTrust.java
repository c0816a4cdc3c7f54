package org.gawah.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.gawah.Digests;
import org.gawah.Failure;
import org.gawah.GawahException;
import org.gawah.custody.Action;
import org.gawah.custody.CustodyException;
import org.gawah.custody.Entry;
import org.gawah.keys.TsaPins;
import org.gawah.openpgp.Certificate;
import org.gawah.openpgp.DetachedSignature;
import org.gawah.tsp.TsaCertificate;
import org.gawah.vault.Vault;

/**
 * The TSA certificates this home trusts: those in {@code tsa/} that a {@code tsa_pinned} entry
 * of the home's own signed custody log names, with the same digest. A file copied into the
 * folder without its entry, or changed after it, is refused, naming it: only what is signed is
 * trusted.
 */
final class TsaTrust {
    private TsaTrust() {
    }

    static TsaPins pins(Home home) {
        return new TsaPins(home.dir().resolve("tsa"));
    }

    /** Every pinned TSA certificate, each bound to its signed entry; none when the home has none. */
    static List<TsaCertificate> pinned(Home home) {
        if (!home.exists()) {
            return List.of();
        }
        List<TsaCertificate> files = pins(home).pinned();
        if (files.isEmpty()) {
            return files;
        }
        Certificate own = home.keyring().requireOwnKey().certificate();
        List<String> logged = new ArrayList<>();
        try (Vault vault = home.vault()) {
            vault.forEachCustody(row -> {
                Entry entry;
                try {
                    entry = Entry.parse(row.entry());
                } catch (CustodyException e) {
                    return;
                }
                if (entry.action() == Action.TSA_PINNED && entry.actor().equals(own.fingerprint())) {
                    try {
                        DetachedSignature.verify(row.signature(), row.entry(), List.of(own));
                        logged.add(entry.subject() + " " + entry.subjectSha256());
                    } catch (GawahException e) {
                        // A forged entry vouches for nothing: the pin it names stays unbound.
                    }
                }
            });
        }
        for (TsaCertificate certificate : files) {
            String expected = certificate.fingerprint() + " " + Digests.sha256(certificate.encoded());
            if (!logged.contains(expected)) {
                throw new GawahException(Failure.BAD_DATA, Messages.of("tsa.pin-unlogged",
                        pins(home).dir().resolve(certificate.fingerprint() + ".pem"), certificate.subject()),
                        Messages.of("tsa.pin-unlogged.hint"));
            }
        }
        return files;
    }

    /** The fingerprint as the custody entry's subject (the certificate's SHA-256, upper case). */
    static String subject(TsaCertificate certificate) {
        return certificate.fingerprint().toUpperCase(Locale.ROOT);
    }
}
