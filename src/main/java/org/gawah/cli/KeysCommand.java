package org.gawah.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "keys",
        description = "Make, import, list and export keys.",
        subcommands = {KeysGenerateCommand.class, KeysImportCommand.class, KeysListCommand.class, KeysExportCommand.class},
        footer = {"", "Example:", "  gawah keys list"})
final class KeysCommand {
    @ParentCommand
    GawahCommand root;
}
