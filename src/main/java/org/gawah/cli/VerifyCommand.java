package org.gawah.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.gawah.app.CustodyLog;
import org.gawah.app.Home;
import org.gawah.app.PackageVerification;
import org.gawah.app.VaultCheck;
import org.gawah.custody.Action;
import org.gawah.openpgp.SecretKey;
import org.gawah.vault.VaultAudit;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "verify")
final class VerifyCommand implements Callable<Integer> {
    @ParentCommand
    GawahCommand root;

    @Mixin
    HomeOptions homeOptions;

    @Mixin
    PassphraseOptions passphrase;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    static final class Target {
        @Parameters(paramLabel = "FILE", descriptionKey = "gawah.verify.file")
        Path bag;

        @Option(names = "--vault")
        boolean vault;
    }

    @Option(names = "--no-entry")
    boolean noEntry;

    @Override
    public Integer call() {
        Terminal terminal = root.terminal;
        Home home = homeOptions.resolve(terminal);
        if (target.bag != null) {
            if (Files.isRegularFile(target.bag) && PackageVerification.isEncrypted(target.bag)) {
                return PackageReportLines.verifyEncrypted(terminal, home, target.bag, passphrase);
            }
            return BagVerification.verify(terminal, home, target.bag);
        }
        SecretKey own = VaultCheck.ownKey(home);
        terminal.info(Messages.of("verify.checking-vault", home.vaultName()));
        VaultCheck.Report checked = VaultCheck.run(home);
        VaultAudit.Report report = checked.audit();
        terminal.line(Messages.of("verify.vault-intact", report.entries()).render());
        terminal.line("  " + Messages.of("verify.vault-records", report.records(), report.attachments(),
                Display.size(report.attachmentBytes())).render());
        if (report.documenterLogs() > 0) {
            terminal.line("  " + Messages.of("verify.vault-documenter-logs", report.documenterLogs(),
                    report.documenterEntries()).render());
        }
        if (!checked.timestamps().isEmpty()) {
            terminal.line("  " + Messages.of("verify.vault-timestamps", checked.timestamps().size(),
                    checked.firstTimestamp().get(), checked.lastTimestamp().get()).render());
        }
        if (!checked.evidence().isEmpty()) {
            Instant now = Instant.now();
            // A chain whose newest certificate has ended still proves its time, but cannot be renewed:
            // "renew before" is said of the others only.
            Optional<Instant> renewBefore = checked.renewBefore(now);
            long ended = checked.evidenceEnded(now);
            terminal.line("  " + (renewBefore.isPresent()
                    ? Messages.of("verify.vault-evidence", checked.evidence().size(), checked.evidenceFrom().get(), renewBefore.get())
                    : Messages.of("verify.vault-evidence-final", checked.evidence().size(), checked.evidenceFrom().get())).render());
            if (ended > 0 && renewBefore.isPresent()) {
                terminal.line("  " + Messages.of("verify.vault-evidence-ended", ended).render());
            }
        }
        terminal.line("  " + Messages.of("verify.vault-head", report.headSha256()).render());
        if (!noEntry) {
            CustodyLog.append(home, passphrase.unlockForSigning(terminal, own, Instant.now()), Action.VERIFIED,
                    "vault", report.headSha256());
            terminal.info(Messages.of("verify.appended"));
        }
        return 0;
    }
}
