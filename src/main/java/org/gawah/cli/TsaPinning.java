package org.gawah.cli;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;

import org.gawah.Digests;
import org.gawah.Failure;
import org.gawah.GawahException;
import org.gawah.app.CustodyLog;
import org.gawah.app.Home;
import org.gawah.app.InputFile;
import org.gawah.app.TsaTrust;
import org.gawah.custody.Action;
import org.gawah.keys.TsaPins;
import org.gawah.openpgp.SecretKey;
import org.gawah.openpgp.SigningKey;
import org.gawah.tsp.TsaCertificate;
import org.gawah.tsp.TsaConnection;

/**
 * {@code gawah keys import --role tsa [--url URL] CERT}: pins a time-stamping authority's X.509
 * certificate (or the CA certificate that issues its certificates) and logs it, signed, as
 * {@code tsa_pinned}; {@code --url} adds where to ask it. Nothing is contacted.
 */
final class TsaPinning {
    static final String ROLE = "tsa";

    private TsaPinning() {
    }

    static int pin(Terminal terminal, Home home, PassphraseOptions passphrase, Path file, String expected, String url) {
        URI address = url == null ? null : TsaConnection.parse(url);
        TsaCertificate certificate = TsaCertificate.parse(InputFile.read(file, InputFile.Kind.CERTIFICATE));
        // Any other problem of the keyring (tsa/ included) stops the pin; a file of this certificate it replaces.
        SecretKey own = home.keyringReplacing(Set.of(certificate.fingerprint())).requireOwnKey();
        if (expected != null) {
            String want = expected.replaceAll("[\\s:]", "").toUpperCase(Locale.ROOT);
            if (!want.equals(certificate.fingerprint())) {
                throw new GawahException(Failure.CERTIFICATE_REFUSED,
                        Messages.of("keys.import.fingerprint-mismatch", certificate.fingerprint(), want),
                        Messages.of("tsa.pin.fingerprint-mismatch.hint"));
            }
        }
        Instant now = Instant.now();
        if (certificate.notAfter().isBefore(now)) {
            throw new GawahException(Failure.CERTIFICATE_REFUSED, Messages.of("tsa.pin.expired", certificate.subject(),
                    certificate.notAfter()), Messages.of("tsa.pin.expired.hint"));
        }
        // Passphrase first (a typo pins nothing), then the pin, then its entry.
        SigningKey key = passphrase.unlockForSigning(terminal, own, now);
        TsaPins pins = TsaTrust.pins(home);
        pins.pin(certificate);
        CustodyLog.append(home, key, Action.TSA_PINNED, TsaTrust.subject(certificate), Digests.sha256(certificate.encoded()));
        if (address != null) {
            pins.addUrl(address);
        }
        terminal.info(certificate.isCa() ? Messages.of("tsa.pin.pinned-ca", certificate.subject())
                : Messages.of("tsa.pin.pinned", certificate.subject()));
        terminal.info(Messages.of("tsa.pin.fingerprint", certificate.fingerprint()));
        terminal.info(Messages.of("tsa.pin.expires", certificate.notAfter()));
        if (address != null) {
            terminal.info(Messages.of("tsa.pin.url", address));
        }
        terminal.line(certificate.fingerprint());
        return 0;
    }
}
