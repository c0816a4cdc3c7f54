package org.gawah.cli;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.gawah.GawahException;
import org.gawah.Message;
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
        Instant now = Instant.now();
        keyring.ownKey().ifPresent(key -> line(terminal, "own", key.certificate(), expiry(key.certificate().expires())));
        for (Role role : Role.values()) {
            for (Certificate certificate : keyring.pinned(role)) {
                line(terminal, role.label(), certificate, state(role, certificate, now));
            }
        }
        return 0;
    }

    /**
     * When a recipient stops receiving (its encryption subkeys' expiry counts); how a documenter's
     * or custodian's key stands (expired, retired, compromised), else when it stops signing.
     */
    private static Optional<Message> state(Role role, Certificate certificate, Instant now) {
        if (role == Role.DOCUMENTER || role == Role.CUSTODIAN) {
            Optional<Message> standing = certificate.standing(now);
            return standing.isPresent() ? standing : expiry(certificate.signsUntil(now));
        }
        try {
            certificate.checkCanEncrypt(now);
            return expiry(certificate.encryptsUntil(now));
        } catch (GawahException e) {
            return Optional.of(e.message());
        }
    }

    private static Optional<Message> expiry(Optional<Instant> at) {
        return at.map(when -> Messages.of("keys.list.expires", when));
    }

    private static void line(Terminal terminal, String role, Certificate certificate, Optional<Message> state) {
        if (state.isPresent()) {
            terminal.row("%-10s  %s  %s  %s", role, certificate.fingerprint(), certificate.userId(), state.get());
        } else {
            terminal.row("%-10s  %s  %s", role, certificate.fingerprint(), certificate.userId());
        }
    }
}
