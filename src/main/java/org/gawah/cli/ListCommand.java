package org.gawah.cli;

import java.util.List;
import java.util.concurrent.Callable;

import org.gawah.app.Home;
import org.gawah.app.Names;
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
        Home home = homeOptions.resolve(terminal);
        List<RecordSummary> records;
        try (Vault vault = home.vault()) {
            records = home.signed(vault).list();
        }
        if (records.isEmpty()) {
            terminal.info(Messages.of("list.empty"));
            return 0;
        }
        Names names = Names.of(home);
        Object[] headings = {Messages.of("list.heading.record"), Messages.of("list.heading.sealed"),
                Messages.of("list.heading.signer"), Messages.of("list.heading.name"), Messages.of("list.heading.size"),
                Messages.of("list.heading.identity"), Messages.of("list.heading.attachments"),
                Messages.of("list.heading.recipients"), "SHA-256"};
        Table table = new Table(23, 20, 16, 20, -10, 8, 22, 10, 0).fitting(headings);
        terminal.line(table.row(headings));
        for (RecordSummary r : records) {
            String attachments = r.attachmentCount() == 0 ? "-"
                    : r.attachmentCount() + " (" + Display.size(r.attachmentBytes()) + ")";
            terminal.line(table.row(r.id(), r.sealedAt(), signer(r), r.documenters().size() > 1 ? "-" : names.of(r.signer()),
                    Display.size(r.testimonySize()), r.identitySize() > 0 ? Messages.of("list.identity-sealed") : "-",
                    attachments, r.recipients(), r.testimonySha256()));
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
