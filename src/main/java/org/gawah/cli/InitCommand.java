package org.gawah.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

@Command(name = "init",
        description = "Create a Gawah home: a private folder with an empty vault and a place for keys.",
        footer = {"", "Example:", "  gawah init --home /media/usb/gawah"})
final class InitCommand implements Callable<Integer> {
    @ParentCommand
    GawahCommand root;

    @Mixin
    HomeOptions homeOptions;

    @Override
    public Integer call() {
        Terminal terminal = root.terminal;
        Home home = homeOptions.resolve(terminal);
        if (home.create()) {
            terminal.info("created the home " + home.dir());
            terminal.info("next: gawah keys generate --name \"Your name\""
                    + (homeOptions.home != null ? " --home " + home.dir() : ""));
        } else {
            terminal.info("the home " + home.dir() + " already exists; nothing changed");
        }
        return 0;
    }
}
