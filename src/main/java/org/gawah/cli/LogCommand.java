package org.gawah.cli;

import java.util.concurrent.Callable;

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
        try (Vault vault = home.vault()) {
            if (!jsonl) {
                terminal.row("%6s  %-20s  %-12s  %-40s  %-16s  %s",
                        Messages.of("log.heading.seq"), Messages.of("log.heading.time"),
                        Messages.of("log.heading.action"), Messages.of("log.heading.subject"),
                        Messages.of("log.heading.actor"), Messages.of("log.heading.subject-sha256"));
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
                    terminal.row("%6d  %-20s  %-12s  %-40s  %-16s  %s", entry.seq(), entry.time(),
                            entry.action().wire(), entry.subject(), entry.actor().substring(entry.actor().length() - 16),
                            entry.subjectSha256());
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
