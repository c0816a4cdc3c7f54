package org.gawah.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.gawah.Digests;
import org.gawah.Failure;
import org.gawah.GawahException;
import org.gawah.app.CustodyLog;
import org.gawah.app.Home;
import org.gawah.app.InputFile;
import org.gawah.custody.Action;
import org.gawah.keys.Keyring;
import org.gawah.openpgp.Certificate;
import org.gawah.openpgp.DetachedSignature;
import org.gawah.openpgp.Opener;
import org.gawah.openpgp.Sealer;
import org.gawah.openpgp.SecretKey;
import org.gawah.openpgp.SigningKey;

/**
 * {@code keys import --secret FILE}: a team that already has an OpenPGP key (GnuPG's, exported
 * with {@code gpg --export-secret-keys}) makes it this home's own, instead of generating one.
 * Refused, with the reason, before the passphrase is asked: a key Gawah could not sign or
 * receive with (weak, expired, revoked, no encryption subkey), a secret part missing or not
 * protected. Then the passphrase unlocks every secret part, the key signs and opens a probe of
 * its own as every command will, is protected again as Gawah protects the keys it makes, and
 * its import is the first entry of the vault's log, signed by it (docs/format/home.md).
 */
final class OwnKeyImport {
    private static final byte[] PROBE = "gawah keys import --secret".getBytes(StandardCharsets.US_ASCII);

    private OwnKeyImport() {
    }

    static int run(Terminal terminal, Home home, Path file, List<String> expected, PassphraseOptions passphrase) {
        Keyring keyring = home.keyring();
        boolean logged = keyring.checkCanTakeOwnKey();
        SecretKey offered = SecretKey.parseOne(InputFile.read(file, InputFile.Kind.SECRET_KEY));
        checkFingerprint(offered, expected);
        Instant now = Instant.now();
        offered.checkUsableAsOwn(now);
        terminal.info(Messages.of("keys.import.secret.offered", offered.certificate().userId()));
        terminal.info(Messages.of("keys.import.fingerprint", Display.fingerprint(offered.fingerprint())));
        char[] secret = passphrase.read(terminal, Messages.of("keys.import.secret.prompt", file));
        SecretKey key;
        SigningKey signer;
        try {
            key = offered.reprotected(secret);
            signer = key.unlockForSigning(secret, now);
        } finally {
            Arrays.fill(secret, '\0');
        }
        probe(key, signer, now);
        keyring.saveOwnKey(key);
        Certificate certificate = key.certificate();
        if (logged) {
            CustodyLog.append(home, signer, Action.KEY_IMPORTED, Keyring.ownSubject(key.fingerprint()),
                    Digests.sha256(certificate.encoded()));
        }
        terminal.info(Messages.of("keys.import.secret.done", Display.fingerprint(key.fingerprint())));
        if (!logged) {
            terminal.info(Messages.of("keys.own.to-be-admitted"));
        }
        certificate.encryptsUntil(now).ifPresent(at -> terminal.info(Messages.of("keys.import.expires", at)));
        terminal.line(key.fingerprint());
        return 0;
    }

    private static void checkFingerprint(SecretKey offered, List<String> expected) {
        for (String given : expected) {
            String want = given.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
            if (!want.equals(offered.fingerprint())) {
                throw new GawahException(Failure.CERTIFICATE_REFUSED,
                        Messages.of("keys.import.fingerprint-mismatch", offered.fingerprint(), want),
                        Messages.of("keys.import.fingerprint-mismatch.hint"));
            }
        }
    }

    /**
     * Signs and verifies a probe, seals it to the key and opens it again, through the very code
     * every command uses: a key that passes the checks but that Gawah cannot use (an algorithm it
     * signs or decrypts with nowhere else) is refused here, before it becomes the home's.
     */
    private static void probe(SecretKey key, SigningKey signer, Instant now) {
        try {
            DetachedSignature.verify(DetachedSignature.sign(signer, PROBE, now), PROBE, List.of(key.certificate()));
            byte[] sealed = Sealer.seal(PROBE, signer, List.of(key.certificate()), now);
            byte[] opened = Opener.open(sealed, key, fingerprint -> new char[0], List.of(key.certificate())).content();
            if (!Arrays.equals(opened, PROBE)) {
                throw new IllegalStateException("the probe came back changed");
            }
        } catch (RuntimeException e) {
            throw new GawahException(Failure.CERTIFICATE_REFUSED, Messages.of("keys.import.secret.unusable", key.fingerprint(),
                    e instanceof GawahException ? ((GawahException) e).message() : Messages.of("keys.import.secret.probe-failed")),
                    Messages.of("keys.import.secret.unusable.hint"), e);
        }
    }
}
