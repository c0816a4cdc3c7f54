package org.gawah.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "case",
        subcommands = {CaseCreateCommand.class, CaseAddCommand.class, CaseListCommand.class, CaseShowCommand.class,
            CaseTagsCommand.class})
final class CaseCommand implements Callable<Integer> {
    @ParentCommand
    GawahCommand root;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        return GawahCommand.usage(spec, root.terminal);
    }
}
