package org.gawah.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** Work on the vault as a whole: copying it to another file or a team vault; admitting another analyst to a team vault. */
@Command(name = "vault", subcommands = {VaultCopyCommand.class, VaultAdmitCommand.class})
final class VaultCommand implements Callable<Integer> {
    @ParentCommand
    GawahCommand root;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        return GawahCommand.usage(spec, root.terminal);
    }
}
