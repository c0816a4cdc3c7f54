package org.gawah.cli;

import java.util.List;
import java.util.concurrent.Callable;

import org.gawah.vault.RecordSummary;
import org.gawah.vault.Vault;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

@Command(name = "list",
        description = {
            "List the records in the vault.",
            "Shows only what is kept in clear: id, time sealed, signer, size and SHA-256 of the ciphertext, number of recipients. No key is needed.",
        },
        footer = {"", "Example:", "  gawah list --home ~/.gawah"})
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
            terminal.info("the vault is empty");
            return 0;
        }
        terminal.out().printf("%-23s  %-20s  %-16s  %10s  %-8s  %-22s  %s%n",
                "RECORD", "SEALED (UTC)", "SIGNER", "SIZE", "IDENTITY", "ATTACHMENTS", "RECIPIENTS  SHA-256");
        for (RecordSummary r : records) {
            String attachments = r.attachmentCount() == 0 ? "-"
                    : r.attachmentCount() + " (" + Display.size(r.attachmentBytes()) + ")";
            terminal.out().printf("%-23s  %-20s  %-16s  %10s  %-8s  %-22s  %-10d  %s%n",
                    r.id(), r.sealedAt(), r.signer().substring(r.signer().length() - 16), Display.size(r.testimonySize()),
                    r.identitySize() > 0 ? "sealed" : "-", attachments, r.recipients().size(), r.testimonySha256());
        }
        return 0;
    }
}
