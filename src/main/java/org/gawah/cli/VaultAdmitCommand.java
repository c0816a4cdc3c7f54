package org.gawah.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;

import org.gawah.app.AnalystAdmission;
import org.gawah.app.Home;
import org.gawah.openpgp.Certificate;
import org.gawah.openpgp.SecretKey;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code gawah vault admit FILE}: another analyst's key, shown with its fingerprint, admitted to
 * the vault this home shares with its team, by a signed {@code analyst_added} entry
 * (docs/format/custody-log.md, "Analysts"). From then on the log accepts that key's entries.
 */
@Command(name = "admit")
final class VaultAdmitCommand implements Callable<Integer> {
    @ParentCommand
    VaultCommand parent;

    @Mixin
    HomeOptions homeOptions;

    @Mixin
    PassphraseOptions passphrase;

    @Option(names = "--fingerprint", paramLabel = "HEX")
    String fingerprint;

    @Parameters(paramLabel = "FILE", descriptionKey = "gawah.vault.admit.file")
    Path file;

    @Override
    public Integer call() {
        Terminal terminal = parent.root.terminal;
        Home home = homeOptions.resolve(terminal);
        SecretKey own = home.keyring().requireOwnKey();
        Instant now = Instant.now();
        Certificate certificate = AnalystAdmission.offered(home, file, fingerprint, own, now);
        terminal.info(Messages.of("vault.admit.offered", certificate.userId()));
        terminal.info(Messages.of("keys.import.fingerprint", Display.fingerprint(certificate.fingerprint())));
        if (AnalystAdmission.admitted(home, certificate)) {
            terminal.info(Messages.of("vault.admit.already", home.vaultName()));
            terminal.line(certificate.fingerprint());
            return 0;
        }
        // Passphrase first: a typo admits no one.
        AnalystAdmission.Admitted admitted = AnalystAdmission.admit(home, certificate, own,
                passphrase.unlockForSigning(terminal, own, now));
        if (admitted.already()) {
            terminal.info(Messages.of("vault.admit.already", home.vaultName()));
        } else {
            terminal.info(Messages.of("vault.admit.done", home.vaultName(), admitted.seq()));
            terminal.info(Messages.of("vault.admit.next"));
        }
        terminal.line(certificate.fingerprint());
        return 0;
    }
}
