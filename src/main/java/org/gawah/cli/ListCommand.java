package org.gawah.cli;

import java.util.List;
import java.util.concurrent.Callable;

import org.gawah.vault.RecordSummary;
import org.gawah.vault.Vault;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

@Command(name = "list")
final class ListCommand implements Callable<Integer> {
    @ParentCommand
    GawahCommand root;

    @Mixin
    HomeOptions homeOptions;

    @Override
    public Integer call() {
        Terminal terminal = root.terminal;
        List<RecordSummary> records;
        try (Vault vault = homeOptions.resolve(terminal).vault()) {
            records = vault.list();
        }
        if (records.isEmpty()) {
            terminal.info(Messages.of("list.empty"));
            return 0;
        }
        terminal.row("%-23s  %-20s  %-16s  %10s  %-8s  %-22s  %-10s  %s",
                Messages.of("list.heading.record"), Messages.of("list.heading.sealed"),
                Messages.of("list.heading.signer"), Messages.of("list.heading.size"),
                Messages.of("list.heading.identity"), Messages.of("list.heading.attachments"),
                Messages.of("list.heading.recipients"), "SHA-256");
        for (RecordSummary r : records) {
            String attachments = r.attachmentCount() == 0 ? "-"
                    : r.attachmentCount() + " (" + Display.size(r.attachmentBytes()) + ")";
            terminal.row("%-23s  %-20s  %-16s  %10s  %-8s  %-22s  %-10d  %s",
                    r.id(), r.sealedAt(), r.signer().substring(r.signer().length() - 16), Display.size(r.testimonySize()),
                    r.identitySize() > 0 ? Messages.of("list.identity-sealed") : "-", attachments,
                    r.recipients().size(), r.testimonySha256());
        }
        return 0;
    }
}
