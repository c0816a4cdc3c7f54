package org.gawah.cli;

import java.util.concurrent.Callable;

import org.gawah.app.Home;
import org.gawah.custody.Entry;
import org.gawah.vault.Vault;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "log")
final class LogCommand implements Callable<Integer> {
    @ParentCommand
    GawahCommand root;

    @Mixin
    HomeOptions homeOptions;

    @Option(names = "--jsonl")
    boolean jsonl;

    @Override
    public Integer call() {
        Terminal terminal = root.terminal;
        int[] count = {0};
        Home home = homeOptions.resolve(terminal);
        Names names = Names.of(home);
        Object[] headings = {Messages.of("log.heading.seq"), Messages.of("log.heading.time"),
                Messages.of("log.heading.action"), Messages.of("log.heading.subject"),
                Messages.of("log.heading.actor"), Messages.of("log.heading.name"),
                Messages.of("log.heading.subject-sha256")};
        Table table = new Table(-6, 20, 16, 40, 16, 20, 0).fitting(headings);
        try (Vault vault = home.vault()) {
            if (!jsonl) {
                terminal.line(table.row(headings));
            }
            vault.forEachCustody(row -> {
                count[0]++;
                Entry entry;
                try {
                    entry = Entry.parse(row.entry());
                } catch (RuntimeException e) {
                    terminal.warn(Messages.of("log.malformed-entry", row.seq()));
                    return;
                }
                if (jsonl) {
                    terminal.line(entry.line(row.signature()));
                } else {
                    terminal.line(table.row(entry.seq(), entry.time(), entry.action().words(), entry.subject(),
                            entry.actor().substring(entry.actor().length() - 16), names.of(entry.actor()),
                            entry.subjectSha256()));
                }
            });
            // Shown as stored, then held to its signatures: an edited, forged or missing entry is named.
            home.signed(vault);
        }
        if (count[0] == 0) {
            terminal.info(Messages.of("log.empty"));
        }
        return 0;
    }
}
