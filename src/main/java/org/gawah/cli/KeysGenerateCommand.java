package org.gawah.cli;

import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.Callable;

import org.gawah.keys.Keyring;
import org.gawah.openpgp.KeyGenerator;
import org.gawah.openpgp.SecretKey;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "generate",
        description = {
            "Make this home's own key: Ed25519 for signing, X25519 for encryption (OpenPGP v4, readable by GnuPG 2.2 and every current OpenPGP tool).",
            "The secret part is locked with your passphrase (AES-256, the strongest iterated S2K).",
        },
        footer = {"", "Example:", "  gawah keys generate --name \"Documenter D-14\" --email d14@example.org"})
final class KeysGenerateCommand implements Callable<Integer> {
    @ParentCommand
    KeysCommand keys;

    @Mixin
    HomeOptions homeOptions;

    @Mixin
    PassphraseOptions passphrase;

    @Option(names = "--name", required = true, paramLabel = "NAME",
            description = "Name in the key's user ID. A work name is safer than a legal name.")
    String name;

    @Option(names = "--email", paramLabel = "ADDRESS", description = "Optional e-mail address in the user ID.")
    String email;

    @Override
    public Integer call() {
        Terminal terminal = keys.root.terminal;
        Keyring keyring = homeOptions.resolve(terminal).keyring();
        keyring.ownKey().ifPresent(existing -> {
            throw new org.gawah.GawahException(org.gawah.Failure.NOT_READY,
                    "this home already has its own key " + existing.fingerprint(),
                    "use a separate --home for another identity");
        });
        String userId = email == null ? name : name + " <" + email + ">";
        char[] secret = passphrase.readNew(terminal, "New passphrase for the key");
        SecretKey key;
        try {
            key = KeyGenerator.generate(userId, secret, Instant.now());
        } finally {
            Arrays.fill(secret, '\0');
        }
        keyring.saveOwnKey(key);
        terminal.info("generated key " + Display.fingerprint(key.fingerprint()) + "  " + userId);
        terminal.info("give your certificate to your team: gawah keys export --out my-certificate.asc");
        terminal.out().println(key.fingerprint());
        return 0;
    }
}
