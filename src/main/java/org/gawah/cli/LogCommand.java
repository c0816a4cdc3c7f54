package org.gawah.cli;

import java.util.concurrent.Callable;

import org.gawah.custody.Entry;
import org.gawah.vault.Vault;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "log",
        description = {
            "Show the vault's custody log: every action on every record (sealed, attached, submitted, imported, opened, exported, verified, key imported), oldest first.",
            "Each entry is signed by the key that acted and names the entry before it; this command shows them, gawah verify --vault checks them. No key is needed.",
        },
        footer = {"", "Examples:", "  gawah log", "  gawah log --jsonl > custody.jsonl     (one signed entry a line: docs/format/custody-log.md)",
            "  gawah verify --vault"})
final class LogCommand implements Callable<Integer> {
    @ParentCommand
    GawahCommand root;

    @Mixin
    HomeOptions homeOptions;

    @Option(names = "--jsonl", description = "Print the entries as exported: canonical JSON with the signature, one a line.")
    boolean jsonl;

    @Override
    public Integer call() {
        Terminal terminal = root.terminal;
        int[] count = {0};
        try (Vault vault = homeOptions.resolve(terminal).vault()) {
            if (!jsonl) {
                terminal.out().printf("%6s  %-20s  %-12s  %-40s  %-16s  %s%n",
                        "SEQ", "TIME (UTC)", "ACTION", "SUBJECT", "ACTOR", "SUBJECT SHA-256");
            }
            vault.forEachCustody(row -> {
                count[0]++;
                Entry entry;
                try {
                    entry = Entry.parse(row.entry());
                } catch (RuntimeException e) {
                    terminal.warn("entry " + row.seq() + " is not a well-formed entry: run gawah verify --vault");
                    return;
                }
                if (jsonl) {
                    terminal.out().println(entry.line(row.signature()));
                } else {
                    terminal.out().printf("%6d  %-20s  %-12s  %-40s  %-16s  %s%n", entry.seq(), entry.time(),
                            entry.action().wire(), entry.subject(), entry.actor().substring(entry.actor().length() - 16),
                            entry.subjectSha256());
                }
            });
        }
        if (count[0] == 0) {
            terminal.info("the custody log is empty");
        }
        return 0;
    }
}
