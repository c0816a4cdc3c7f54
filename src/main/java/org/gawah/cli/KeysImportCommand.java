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

    @Parameters(paramLabel = "FILE", descriptionKey = "gawah.keys.import.file")
    Path file;

    @Override
    public Integer call() {
        Terminal terminal = keys.root.terminal;
        if (secret == (role != null)) {
            throw new GawahException(Failure.USAGE, Messages.of("keys.import.role-or-secret"),
                    Messages.of("keys.import.unknown-role.hint"));
        }
        Home home = homeOptions.resolve(terminal);
        if (secret) {
            return OwnKeyImport.run(terminal, home, file, expected == null ? List.of() : expected, passphrase);
        }
        return PinImport.run(terminal, home, parseRole(role), file, expected == null ? List.of() : expected, passphrase);
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
