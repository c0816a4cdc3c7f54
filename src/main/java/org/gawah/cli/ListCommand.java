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
        Home home = homeOptions.resolve(terminal);
        try (Vault vault = home.vault()) {
            records = home.signed(vault).list();
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
                    r.id(), r.sealedAt(), signer(r), Display.size(r.testimonySize()),
                    r.identitySize() > 0 ? Messages.of("list.identity-sealed") : "-", attachments,
                    r.recipients(), r.testimonySha256());
        }
        return 0;
    }

    /** The documenter whose custody entry brought the record, or how many claim it when several bags did. */
    private static String signer(RecordSummary r) {
        if (r.documenters().size() > 1) {
            return Messages.of("list.claimed-by", r.documenters().size()).render();
        }
        return r.signer().substring(r.signer().length() - 16);
    }
}
