package org.gawah.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.gawah.Digests;
import org.gawah.Failure;
import org.gawah.GawahException;
import org.gawah.keys.Role;
import org.gawah.custody.Action;
import org.gawah.openpgp.Certificate;
import org.gawah.openpgp.SecretKey;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "import")
final class KeysImportCommand implements Callable<Integer> {
    @ParentCommand
    KeysCommand keys;

    @Mixin
    HomeOptions homeOptions;

    @Mixin
    PassphraseOptions passphrase;

    @Option(names = "--role", required = true, paramLabel = "ROLE")
    String role;

    @Option(names = "--fingerprint", paramLabel = "HEX")
    String expected;

    /** With {@code --role tsa}: where that time-stamping authority is asked. */
    @Option(names = "--url", paramLabel = "URL")
    String url;

    @Parameters(paramLabel = "FILE", descriptionKey = "gawah.keys.import.file")
    Path file;

    @Override
    public Integer call() {
        Terminal terminal = keys.root.terminal;
        if (TsaPinning.ROLE.equals(role)) {
            // An X.509 certificate, not an OpenPGP one: its own folder and entry (docs/format/home.md).
            return TsaPinning.pin(terminal, homeOptions.resolve(terminal), passphrase, file, expected, url);
        }
        if (url != null) {
            throw new GawahException(Failure.USAGE, Messages.of("keys.import.url-without-tsa"),
                    Messages.of("keys.import.url-without-tsa.hint"));
        }
        Role parsedRole = parseRole(role);
        Home home = homeOptions.resolve(terminal);
        var keyring = home.keyring();
        // Every pin is signed into the custody log: without an own key there is no one to sign it.
        SecretKey own = keyring.requireOwnKey();
        Certificate certificate = Certificate.parse(InputFile.read(file, InputFile.Kind.CERTIFICATE));
        if (expected != null) {
            String want = expected.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
            if (!want.equals(certificate.fingerprint())) {
                throw new GawahException(Failure.CERTIFICATE_REFUSED,
                        Messages.of("keys.import.fingerprint-mismatch", certificate.fingerprint(), want),
                        Messages.of("keys.import.fingerprint-mismatch.hint"));
            }
        }
        Instant now = Instant.now();
        if (parsedRole == Role.DOCUMENTER || parsedRole == Role.CUSTODIAN) {
            certificate.checkCanSign(now);
        } else {
            certificate.checkCanEncrypt(now);
        }
        // Passphrase first (a typo pins nothing), then the pin, then its entry.
        var key = passphrase.unlockForSigning(terminal, own, now);
        keyring.pin(parsedRole, certificate);
        CustodyLog.append(home, key, Action.KEY_IMPORTED, certificate.fingerprint(), Digests.sha256(certificate.encoded()));
        terminal.info(Messages.of("keys.import.pinned", parsedRole.label(), certificate.userId()));
        terminal.info(Messages.of("keys.import.fingerprint", Display.fingerprint(certificate.fingerprint())));
        certificate.expires().ifPresent(at -> terminal.info(Messages.of("keys.import.expires", at)));
        terminal.line(certificate.fingerprint());
        return 0;
    }

    static Role parseRole(String text) {
        for (Role candidate : Role.values()) {
            if (candidate.label().equals(text)) {
                return candidate;
            }
        }
        throw new GawahException(Failure.USAGE, Messages.of("keys.import.unknown-role", text),
                Messages.of("keys.import.unknown-role.hint"));
    }
}
