package org.gawah.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.gawah.openpgp.SecretKey;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "export",
        description = {
            "Write this home's certificate (public key), armoured, to give to your team.",
            "With --secret, write the secret key instead, still locked by its passphrase: for a backup kept offline, or to use the key in GnuPG. Anyone holding it can try to guess the passphrase, so keep it as safe as the records themselves.",
        },
        footer = {"", "Examples:", "  gawah keys export --out documenter-d14.asc",
            "  gawah keys export --secret --out /media/backup/legal-team.sec.asc"})
final class KeysExportCommand implements Callable<Integer> {
    @ParentCommand
    KeysCommand keys;

    @Mixin
    HomeOptions homeOptions;

    @Option(names = "--secret", description = "Export the passphrase-locked secret key.")
    boolean secret;

    @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE (not overwritten) instead of stdout.")
    Path out;

    @Override
    public Integer call() {
        Terminal terminal = keys.root.terminal;
        SecretKey key = homeOptions.resolve(terminal).keyring().requireOwnKey();
        String armored = secret ? key.armored() : key.certificate().armored();
        byte[] bytes = armored.getBytes(StandardCharsets.US_ASCII);
        if (out == null) {
            terminal.writeData(bytes);
        } else {
            OutputFile.writeNew(out, bytes);
            terminal.info("wrote the " + (secret ? "secret key" : "certificate") + " of "
                    + Display.fingerprint(key.fingerprint()) + " to " + out);
        }
        return 0;
    }
}
