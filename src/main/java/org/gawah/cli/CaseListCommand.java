package org.gawah.cli;

import java.util.concurrent.Callable;

import org.gawah.vault.Vault;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

@Command(name = "list")
final class CaseListCommand implements Callable<Integer> {
    @ParentCommand
    CaseCommand parent;

    @Mixin
    HomeOptions homeOptions;

    @Override
    public Integer call() {
        Terminal terminal = parent.root.terminal;
        Home home = homeOptions.resolve(terminal);
        try (Vault vault = home.vault()) {
            for (Vault.CaseSummary summary : home.signed(vault).cases()) {
                terminal.line(Messages.of("case.list.row", summary.id(), summary.createdAt(), summary.records())
                        .render());
            }
        }
        return 0;
    }
}
