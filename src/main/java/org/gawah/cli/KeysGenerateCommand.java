package org.gawah.cli;

import java.util.Arrays;
import java.util.concurrent.Callable;

import org.gawah.app.Home;
import org.gawah.app.OwnKeyGeneration;
import org.gawah.keys.Keyring;
import org.gawah.openpgp.Profile;
import org.gawah.openpgp.SecretKey;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "generate")
final class KeysGenerateCommand implements Callable<Integer> {
    @ParentCommand
    KeysCommand keys;

    @Mixin
    HomeOptions homeOptions;

    @Mixin
    PassphraseOptions passphrase;

    @Option(names = "--name", required = true, paramLabel = "NAME")
    String name;

    @Option(names = "--email", paramLabel = "ADDRESS")
    String email;

    @Option(names = "--profile", paramLabel = "PROFILE", defaultValue = "compat")
    String profile;

    @Override
    public Integer call() {
        Terminal terminal = keys.root.terminal;
        refuseDisguising("--name", name);
        if (email != null) {
            refuseDisguising("--email", email);
        }
        Profile chosen = Profile.byLabel(profile);
        if (chosen == null) {
            throw new org.gawah.GawahException(org.gawah.Failure.USAGE,
                    Messages.of("keys.generate.unknown-profile", profile),
                    Messages.of("keys.generate.unknown-profile.hint"));
        }
        Home home = homeOptions.resolve(terminal);
        Keyring keyring = home.keyring();
        keyring.ownKey().ifPresent(existing -> {
            throw new org.gawah.GawahException(org.gawah.Failure.NOT_READY,
                    Messages.of("keys.generate.exists", existing.fingerprint()),
                    Messages.of("keys.generate.exists.hint"));
        });
        keyring.checkCanTakeOwnKey();
        String userId = email == null ? name : name + " <" + email + ">";
        char[] secret = passphrase.readNew(terminal, Messages.of("keys.generate.prompt"));
        OwnKeyGeneration.Generated made;
        try {
            made = OwnKeyGeneration.generate(home, chosen, userId, secret);
        } finally {
            Arrays.fill(secret, '\0');
        }
        SecretKey key = made.key();
        terminal.info(Messages.of("keys.generate.done", Display.fingerprint(key.fingerprint()), userId));
        if (chosen == Profile.RFC9580) {
            terminal.info(Messages.of("keys.generate.rfc9580"));
        }
        terminal.info(made.logged() ? Messages.of("keys.generate.next") : Messages.of("keys.own.to-be-admitted"));
        terminal.line(key.fingerprint());
        return 0;
    }

    /**
     * A user ID is shown on every screen that pins or checks the key: a control, bidi or
     * invisible character in it could hide or reorder what those screens show, so it is never put
     * in one (docs/format/home.md). Other teams' certificates may still carry them: those are
     * shown through {@link org.gawah.Screen}.
     */
    static void refuseDisguising(String option, String text) {
        int at = org.gawah.Screen.disguisingAt(text);
        if (at >= 0) {
            throw new org.gawah.GawahException(org.gawah.Failure.USAGE,
                    Messages.of("keys.generate.invisible-character", option,
                            String.format(java.util.Locale.ROOT, "%04X", text.codePointAt(at)), text.codePointCount(0, at) + 1),
                    Messages.of("keys.generate.invisible-character.hint"));
        }
    }
}
