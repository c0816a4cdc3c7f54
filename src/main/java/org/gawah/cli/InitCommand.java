package org.gawah.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

import org.gawah.app.Home;

@Command(name = "init")
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
            terminal.info(Messages.of("init.created", home.dir()));
            terminal.info(homeOptions.given() != null
                    ? Messages.of("init.next-with-home", home.dir())
                    : Messages.of("init.next"));
        } else {
            terminal.info(Messages.of("init.exists", home.dir()));
        }
        return 0;
    }
}
