package org.gawah.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "case",
        description = {
            "Group records into cases and add the legal team's analysis of each: legal qualification (Rome Statute tags), reliability, notes.",
            "Analyst data is kept apart from the witness's words, signed by you, sealed to the legal team and logged. See docs/format/case.md.",
        },
        subcommands = {CaseCreateCommand.class, CaseAddCommand.class, CaseListCommand.class, CaseShowCommand.class,
            CaseTagsCommand.class},
        footer = {"", "Example:",
            "  gawah case create --title \"Detentions, Herat 2025\"",
            "  gawah case add GWC-4F2K-9QXA-7M3B-2D8Z GWH-7K3M-9QXA-2D4F-8ZZP --tag rome:7(1)(h) --reliability high"})
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
