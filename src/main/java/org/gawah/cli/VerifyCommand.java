package org.gawah.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

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

@Command(name = "verify",
        description = {
            "Check a submission bag, an evidence package (zipped, or encrypted to this home's key: it is decrypted in memory only), or this home's whole vault, and say plainly whether it is intact.",
            "A bag (FILE): every manifest line, no extra or missing file, the documenter's signature on the tag manifest, the custody log it carries, and that each sealed record is one its documenter logged. Nothing is written.",
            "The vault (--vault): the custody chain entry by entry (a deleted, reordered, edited or forged entry is named), then every record and attachment against the digest its entry logged. When all is well, a signed 'verified' entry is appended (your passphrase is asked), unless --no-entry.",
        },
        footer = {"", "Examples:", "  gawah verify submission-GWB-4T9K-2M8Q-7XRA-C3PD.zip", "  gawah verify case-icc.zip",
            "  gawah verify case-icc.zip.pgp              (encrypted to this home: asks your passphrase)", "  gawah verify --vault",
            "  gawah verify --vault --no-entry     (read-only audit, no passphrase)"})
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
        @Parameters(paramLabel = "FILE", description = "A submission bag or an evidence package (.zip), or an evidence package encrypted to this home's key.")
        Path bag;

        @Option(names = "--vault", description = "Check this home's vault and custody log instead.")
        boolean vault;
    }

    @Option(names = "--no-entry", description = "With --vault: do not append a 'verified' entry (and ask no passphrase).")
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
        SecretKey own = keyring.requireOwnKey();
        // Only this home's own key writes to this vault's log: an entry by anyone else is forged.
        List<Certificate> actors = List.of(own.certificate());
        VaultAudit.Report report;
        try (Vault vault = home.vault()) {
            terminal.info("checking the custody log and every record in " + home.vaultFile() + " ...");
            report = VaultAudit.run(vault, actors, keyring.pinned(Role.DOCUMENTER));
        }
        terminal.out().println("vault intact: " + report.entries() + " custody entries, chain unbroken, every signature good");
        terminal.out().println("  " + report.records() + " records and " + report.attachments() + " attachments ("
                + Display.size(report.attachmentBytes()) + ") match the digests their entries logged");
        if (report.documenterLogs() > 0) {
            terminal.out().println("  " + report.documenterLogs() + " documenter log(s) received in bags, "
                    + report.documenterEntries() + " entries, each unbroken up to its last imported bag");
        }
        terminal.out().println("  log head SHA-256 " + report.headSha256());
        if (!noEntry) {
            CustodyLog.append(home, passphrase.unlockForSigning(terminal, own, java.time.Instant.now()), Action.VERIFIED,
                    "vault", report.headSha256());
            terminal.info("appended a signed 'verified' entry to the custody log");
        }
        return 0;
    }

    /** An evidence package encrypted to this home's key: decrypted in memory only, then checked. */
    private int verifyEncrypted(Terminal terminal, Home home) {
        PackageVerification.Decrypted decrypted = PackageVerification.decrypt(terminal, home, target.bag, passphrase);
        byte[] zip = decrypted.zip();
        try (org.gawah.bag.BagReader bag = org.gawah.bag.BagReader.open(new org.gawah.bag.MemoryChannel(zip),
                target.bag.getFileName().toString())) {
            if (!bag.name().startsWith("GWE-")) {
                throw new org.gawah.GawahException(org.gawah.Failure.BAD_DATA,
                        "the encrypted file holds a zip that is not an evidence package");
            }
            return PackageVerification.verify(terminal, home, bag, target.bag.getFileName().toString(), zip.length,
                    decrypted.signer());
        } finally {
            java.util.Arrays.fill(zip, (byte) 0);
        }
    }
}
