package org.gawah.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.gawah.app.OutputFile;
import org.gawah.openpgp.SecretKey;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "export")
final class KeysExportCommand implements Callable<Integer> {
    @ParentCommand
    KeysCommand keys;

    @Mixin
    HomeOptions homeOptions;

    @Option(names = "--secret")
    boolean secret;

    @Option(names = "--out", paramLabel = "FILE")
    Path out;

    @Override
    public Integer call() {
        Terminal terminal = keys.root.terminal;
        org.gawah.keys.Keyring keyring = homeOptions.resolve(terminal).keyring();
        // A new analyst's certificate goes to the team before anyone admits it (never the secret key).
        SecretKey key = secret ? keyring.requireOwnKey()
                : keyring.ownKeyAwaitingAdmission().orElseGet(keyring::requireOwnKey);
        String armored = secret ? key.armored() : key.certificate().armored();
        byte[] bytes = armored.getBytes(StandardCharsets.US_ASCII);
        if (out == null) {
            terminal.showData(bytes);
        } else {
            OutputFile.writeNew(out, bytes);
            terminal.info(secret
                    ? Messages.of("keys.export.wrote-secret", Display.fingerprint(key.fingerprint()), out)
                    : Messages.of("keys.export.wrote-certificate", Display.fingerprint(key.fingerprint()), out));
        }
        return 0;
    }
}
