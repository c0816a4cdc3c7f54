package org.gawah.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.gawah.app.CustodyLog;
import org.gawah.app.Home;
import org.gawah.custody.Action;
import org.gawah.keys.Keyring;
import org.gawah.keys.Role;
import org.gawah.openpgp.Certificate;
import org.gawah.openpgp.SecretKey;
import org.gawah.vault.Vault;
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
            if (java.nio.file.Files.isRegularFile(target.bag) && PackageVerification.isEncrypted(target.bag)) {
                return verifyEncrypted(terminal, home);
            }
            return BagVerification.verify(terminal, home, target.bag);
        }
        Keyring keyring = home.keyring();
        SecretKey own = keyring.ownKeyDespiteProblems().orElseGet(keyring::requireOwnKey);
        // This home's own key, and on a team vault every analyst its log admits, write to the log: an entry by anyone else is forged.
        List<Certificate> actors = List.of(own.certificate());
        VaultAudit.Report report;
        List<org.gawah.tsp.LogTimestamps.Proof> proofs;
        List<VaultEvidenceRecords.Checked> evidence;
        try (Vault vault = home.vault()) {
            terminal.info(Messages.of("verify.checking-vault", home.vaultName()));
            if (!keyring.problems().isEmpty()) {
                // A log changed by hand is named at the entry where it was changed; then the key file.
                VaultAudit.chain(vault, actors);
                throw keyring.problems().get(0);
            }
            report = VaultAudit.run(vault, actors, keyring.pinned(Role.DOCUMENTER));
            proofs = VaultTimestamps.check(home, vault, own.fingerprint());
            org.gawah.vault.SignedVault signed = home.signed(vault);
            evidence = VaultEvidenceRecords.check(signed, VaultEvidenceRecords.objects(signed, own.fingerprint()),
                    TsaTrust.pinned(home), java.time.Instant.now());
        }
        terminal.line(Messages.of("verify.vault-intact", report.entries()).render());
        terminal.line("  " + Messages.of("verify.vault-records", report.records(), report.attachments(),
                Display.size(report.attachmentBytes())).render());
        if (report.documenterLogs() > 0) {
            terminal.line("  " + Messages.of("verify.vault-documenter-logs", report.documenterLogs(),
                    report.documenterEntries()).render());
        }
        if (!proofs.isEmpty()) {
            terminal.line("  " + Messages.of("verify.vault-timestamps", proofs.size(),
                    proofs.stream().map(org.gawah.tsp.LogTimestamps.Proof::time).min(java.util.Comparator.naturalOrder()).get(),
                    proofs.stream().map(org.gawah.tsp.LogTimestamps.Proof::time).max(java.util.Comparator.naturalOrder()).get()).render());
        }
        if (!evidence.isEmpty()) {
            java.time.Instant from = evidence.stream().map(c -> c.proof().time()).min(java.util.Comparator.naturalOrder()).get();
            java.time.Instant now = java.time.Instant.now();
            // A chain whose newest certificate has ended still proves its time, but cannot be renewed:
            // "renew before" is said of the others only.
            long ended = evidence.stream().filter(c -> !c.proof().renewBy().isAfter(now)).count();
            java.util.Optional<java.time.Instant> renewBy = evidence.stream().map(c -> c.proof().renewBy()).filter(t -> t.isAfter(now))
                    .min(java.util.Comparator.naturalOrder());
            terminal.line("  " + (renewBy.isPresent()
                    ? Messages.of("verify.vault-evidence", evidence.size(), from, renewBy.get().minus(ArchiveRenewal.RENEW_BEFORE))
                    : Messages.of("verify.vault-evidence-final", evidence.size(), from)).render());
            if (ended > 0 && renewBy.isPresent()) {
                terminal.line("  " + Messages.of("verify.vault-evidence-ended", ended).render());
            }
        }
        terminal.line("  " + Messages.of("verify.vault-head", report.headSha256()).render());
        if (!noEntry) {
            CustodyLog.append(home, passphrase.unlockForSigning(terminal, own, java.time.Instant.now()), Action.VERIFIED,
                    "vault", report.headSha256());
            terminal.info(Messages.of("verify.appended"));
        }
        return 0;
    }

    /** An evidence package encrypted to this home's key: decrypted into an encrypted spool, then checked. */
    private int verifyEncrypted(Terminal terminal, Home home) {
        String name = target.bag.getFileName().toString();
        try (PackageVerification.Decrypted decrypted = PackageVerification.decrypt(terminal, home, target.bag, passphrase);
             org.gawah.bag.BagReader bag = org.gawah.bag.BagReader.open(decrypted.spool().channel(), name)) {
            if (!bag.name().startsWith("GWE-")) {
                throw new org.gawah.GawahException(org.gawah.Failure.BAD_DATA, Messages.of("verify.not-a-package"));
            }
            return PackageVerification.verify(terminal, home, bag, name, decrypted.spool().size(), decrypted.signer());
        }
    }
}
