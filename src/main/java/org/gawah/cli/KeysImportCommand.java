package org.gawah.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
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

@Command(name = "import",
        description = {
            "Pin someone else's certificate (public key) under a role:   legal       a legal-team member; every record is encrypted to them   protection  a protection officer; also receives the witness-identity envelope   documenter  a documenter whose signed records this home accepts   custodian   a legal team whose evidence packages this home accepts (never sealed to) Expired, revoked or unusable certificates are refused.",
            "Compare the fingerprint shown with its owner by another channel (phone, in person), or give it with --fingerprint.",
        },
        footer = {"", "Example:", "  gawah keys import --role legal --fingerprint 0A1B...9F legal-team.asc", "", "The pin is signed into the custody log with your own key, so it asks for your passphrase."})
final class KeysImportCommand implements Callable<Integer> {
    @ParentCommand
    KeysCommand keys;

    @Mixin
    HomeOptions homeOptions;

    @Mixin
    PassphraseOptions passphrase;

    @Option(names = "--role", required = true, paramLabel = "ROLE",
            description = "legal, protection, documenter or custodian.")
    String role;

    @Option(names = "--fingerprint", paramLabel = "HEX",
            description = "The fingerprint you expect (spaces allowed); anything else is refused.")
    String expected;

    @Parameters(paramLabel = "FILE", description = "The certificate, armoured (.asc) or binary.")
    Path file;

    @Override
    public Integer call() {
        Terminal terminal = keys.root.terminal;
        Role parsedRole = parseRole(role);
        Home home = homeOptions.resolve(terminal);
        var keyring = home.keyring();
        // Every pin is signed into the custody log: without an own key there is no one to sign it.
        SecretKey own = keyring.requireOwnKey();
        Certificate certificate = Certificate.parse(read(file));
        if (expected != null) {
            String want = expected.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
            if (!want.equals(certificate.fingerprint())) {
                throw new GawahException(Failure.CERTIFICATE_REFUSED, "the certificate's fingerprint is "
                        + certificate.fingerprint() + ", not the expected " + want,
                        "someone may have swapped the file; get it again from its owner");
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
        terminal.info("pinned as " + parsedRole.label() + ": " + certificate.userId());
        terminal.info("fingerprint " + Display.fingerprint(certificate.fingerprint()));
        certificate.expires().ifPresent(at -> terminal.info("expires " + at));
        terminal.out().println(certificate.fingerprint());
        return 0;
    }

    static Role parseRole(String text) {
        for (Role candidate : Role.values()) {
            if (candidate.label().equals(text)) {
                return candidate;
            }
        }
        throw new GawahException(Failure.USAGE, "unknown role '" + text + "'", "use legal, protection, documenter or custodian");
    }

    static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new GawahException(Failure.MISSING_INPUT, "no such file: " + file);
        } catch (IOException e) {
            throw new GawahException(Failure.MISSING_INPUT, "cannot read " + file + ": " + e.getMessage());
        }
    }
}
