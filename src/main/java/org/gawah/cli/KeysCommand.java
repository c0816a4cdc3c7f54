package org.gawah.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.ParentCommand;

@Command(name = "keys",
        subcommands = {KeysGenerateCommand.class, KeysImportCommand.class, KeysListCommand.class, KeysExportCommand.class})
final class KeysCommand implements Callable<Integer> {
    @ParentCommand
    GawahCommand root;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        return GawahCommand.usage(spec, root.terminal);
    }
}
