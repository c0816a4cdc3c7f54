package org.gawah.cli;

import java.util.concurrent.Callable;

import org.gawah.keys.Keyring;
import org.gawah.keys.Role;
import org.gawah.openpgp.Certificate;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

@Command(name = "list")
final class KeysListCommand implements Callable<Integer> {
    @ParentCommand
    KeysCommand keys;

    @Mixin
    HomeOptions homeOptions;

    @Override
    public Integer call() {
        Terminal terminal = keys.root.terminal;
        Keyring keyring = homeOptions.resolve(terminal).keyring();
        keyring.ownKey().ifPresent(key -> line(terminal, "own", key.certificate()));
        for (Role role : Role.values()) {
            for (Certificate certificate : keyring.pinned(role)) {
                line(terminal, role.label(), certificate);
            }
        }
        return 0;
    }

    private static void line(Terminal terminal, String role, Certificate certificate) {
        String expiry = certificate.expires().map(at -> "  " + Messages.of("keys.list.expires", at).render()).orElse("");
        terminal.row("%-10s  %s  %s%s", role, certificate.fingerprint(), certificate.userId(), expiry);
    }
}
