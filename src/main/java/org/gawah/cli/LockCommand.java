package org.gawah.cli;

import java.time.Duration;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** Panic: ends every running interview of this home at once, with its unlocked key and its unsealed answers. */
@Command(name = "lock")
final class LockCommand implements Callable<Integer> {
    @ParentCommand
    GawahCommand root;

    @Mixin
    HomeOptions homeOptions;

    @Override
    public Integer call() {
        Terminal terminal = root.terminal;
        int closed = Session.lockAll(homeOptions.resolve(terminal), Duration.ofSeconds(2));
        terminal.info(closed == 0 ? Messages.of("lock.none") : Messages.of("lock.closed", closed));
        terminal.info(Messages.of("lock.what-remains"));
        return 0;
    }
}
