package org.gawah.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.gawah.Digests;
import org.gawah.Failure;
import org.gawah.GawahException;
import org.gawah.custody.Action;
import org.gawah.custody.Entry;
import org.gawah.keys.TsaPins;
import org.gawah.openpgp.Certificate;
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
        // The pins the home's own log vouches for, read through its signed view (chain and head signature).
        List<String> logged = new ArrayList<>();
        try (Vault vault = home.vault()) {
            for (Entry.Signed signed : home.signed(vault).log().entries()) {
                Entry entry = signed.entry();
                if (entry.action() == Action.TSA_PINNED && entry.actor().equals(own.fingerprint())) {
                    logged.add(entry.subject() + " " + entry.subjectSha256());
                }
            }
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
