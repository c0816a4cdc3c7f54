package org.gawah.app;

import java.util.List;
import java.util.Locale;

import org.gawah.keys.TsaPins;
import org.gawah.tsp.TsaCertificate;

/**
 * The TSA certificates this home trusts: those in {@code tsa/} that a {@code tsa_pinned} entry
 * of the home's own signed custody log names, with the same digest. The keyring's check holds
 * {@code tsa/} to the log as it holds {@code keys/} (a file copied in without its entry, changed
 * after it, or anything else there stops the command, named): only what is signed is trusted.
 */
public final class TsaTrust {
    private TsaTrust() {
    }

    public static TsaPins pins(Home home) {
        return new TsaPins(home.dir().resolve("tsa"));
    }

    /** Every pinned TSA certificate, each bound to its signed entry; none when the home has none. */
    public static List<TsaCertificate> pinned(Home home) {
        if (!home.exists()) {
            return List.of();
        }
        return home.keyring().tsaPinned();
    }

    /** The fingerprint as the custody entry's subject (the certificate's SHA-256, upper case). */
    public static String subject(TsaCertificate certificate) {
        return certificate.fingerprint().toUpperCase(Locale.ROOT);
    }
}
