package org.gawah.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.gawah.app.Home;
import org.gawah.keys.Keyring;
import org.gawah.keys.Role;
import org.gawah.openpgp.Certificate;
import org.gawah.openpgp.SecretKey;
import org.gawah.vault.Vault;
import org.gawah.vault.VaultAudit;
import org.gawah.vault.VaultCopy;
import org.gawah.vault.VaultLocation;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code gawah vault copy --to TARGET}: this home's vault into a new SQLite file or an empty
 * database on a PostgreSQL server, either way, checked by the audit of {@code verify --vault}
 * before and after (docs/format/vault.md, "Copying a vault"). The home keeps using its vault:
 * switching is the reader's step, told at the end, never done behind their back.
 */
@Command(name = "copy")
final class VaultCopyCommand implements Callable<Integer> {
    @ParentCommand
    VaultCommand parent;

    @Mixin
    HomeOptions homeOptions;

    /** A path, or a postgresql:// URL whose password is in pgpass (VaultLocation refuses one in the URL). */
    @Option(names = "--to", paramLabel = "TARGET", required = true)
    String to;

    @Override
    public Integer call() {
        Terminal terminal = parent.root.terminal;
        Home home = homeOptions.resolve(terminal);
        VaultLocation target = to.toLowerCase(Locale.ROOT).startsWith("postgres")
                ? VaultLocation.parse(to) : new VaultLocation.File(Path.of(to).toAbsolutePath());
        Keyring keyring = home.keyring();
        SecretKey own = keyring.ownKeyDespiteProblems().orElseGet(keyring::requireOwnKey);
        if (!keyring.problems().isEmpty()) {
            throw keyring.problems().get(0);
        }
        // As verify --vault: this home's own key, and the analysts the log admits, write this vault's log.
        List<Certificate> actors = List.of(own.certificate());
        VaultAudit.Report report;
        try (Vault vault = home.vault()) {
            terminal.info(Messages.of("vault.copy.copying", home.vaultName(), target.display()));
            Shown shown = new Shown(terminal);
            report = VaultCopy.run(vault, target, actors, keyring.pinned(Role.DOCUMENTER), shown);
            shown.finish();
        }
        terminal.line(Messages.of("vault.copy.done", target.display(), report.entries()).render());
        terminal.line("  " + Messages.of("verify.vault-records", report.records(), report.attachments(),
                Display.size(report.attachmentBytes())).render());
        if (report.documenterLogs() > 0) {
            terminal.line("  " + Messages.of("verify.vault-documenter-logs", report.documenterLogs(),
                    report.documenterEntries()).render());
        }
        terminal.line("  " + Messages.of("verify.vault-head", report.headSha256()).render());
        if (target instanceof VaultLocation.Postgres) {
            // A home has vault.db or vault.url, never both (docs/format/vault.md).
            terminal.info(Messages.of("vault.copy.use-team", home.dir().resolve(VaultLocation.URL_FILE), target.display(),
                    home.vaultName(), home.dir().resolve("vault.db")));
        } else {
            terminal.info(Messages.of("vault.copy.use-file", home.dir().resolve("vault.db"), target.display(),
                    home.dir().resolve(VaultLocation.URL_FILE)));
        }
        return 0;
    }

    /** Progress on stderr while the attachments' chunks are copied, once the source's audit is known. */
    private static final class Shown implements VaultCopy.Progress {
        private final Terminal terminal;
        private Progress progress;

        Shown(Terminal terminal) {
            this.terminal = terminal;
        }

        @Override
        public void audited(VaultAudit.Report source) {
            progress = new Progress(terminal, Messages.of("vault.copy.progress"), source.attachmentBytes());
        }

        @Override
        public void copied(long bytes) {
            progress.advance(bytes);
        }

        void finish() {
            if (progress != null) {
                progress.finish();
            }
        }
    }
}
