package org.gawah.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.gawah.Failure;
import org.gawah.GawahException;
import org.gawah.keys.Role;

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

    @Option(names = "--role", paramLabel = "ROLE")
    String role;

    @Option(names = "--secret")
    boolean secret;

    @Option(names = "--fingerprint", paramLabel = "HEX")
    List<String> expected;

    /** With {@code --role tsa}: where that time-stamping authority is asked. */
    @Option(names = "--url", paramLabel = "URL")
    String url;

    @Parameters(paramLabel = "FILE", descriptionKey = "gawah.keys.import.file")
    Path file;

    @Override
    public Integer call() {
        Terminal terminal = keys.root.terminal;
        if (secret == (role != null)) {
            throw new GawahException(Failure.USAGE, Messages.of("keys.import.role-or-secret"),
                    Messages.of("keys.import.unknown-role.hint"));
        }
        if (TsaPinning.ROLE.equals(role)) {
            // An X.509 certificate, not an OpenPGP one: its own folder and entry (docs/format/home.md).
            return TsaPinning.pin(terminal, homeOptions.resolve(terminal), passphrase, file, oneFingerprint(), url);
        }
        if (url != null) {
            throw new GawahException(Failure.USAGE, Messages.of("keys.import.url-without-tsa"),
                    Messages.of("keys.import.url-without-tsa.hint"));
        }
        List<String> fingerprints = expected == null ? List.of() : expected;
        if (secret) {
            return OwnKeyImport.run(terminal, homeOptions.resolve(terminal), file, fingerprints, passphrase);
        }
        Role parsedRole = parseRole(role);
        return PinImport.run(terminal, homeOptions.resolve(terminal), parsedRole, file, fingerprints, passphrase);
    }

    /** A TSA's file holds one certificate: at most one fingerprint to expect. */
    private String oneFingerprint() {
        if (expected == null || expected.isEmpty()) {
            return null;
        }
        if (expected.size() > 1) {
            throw new GawahException(Failure.USAGE, Messages.of("keys.import.tsa-one-fingerprint"),
                    Messages.of("keys.import.url-without-tsa.hint"));
        }
        return expected.get(0);
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
