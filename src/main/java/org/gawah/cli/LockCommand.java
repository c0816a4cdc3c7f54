package org.gawah.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/**
 * Panic: ends every running interview this user can find, with its unlocked key and its unsealed
 * answers: those of this home (--home, else the default) and those in this user's registry,
 * whatever their home. Its own screen is cleared first.
 */
@Command(name = "lock")
final class LockCommand implements Callable<Integer> {
    @ParentCommand
    GawahCommand root;

    @Mixin
    HomeOptions homeOptions;

    @Override
    public Integer call() {
        Terminal terminal = root.terminal;
        terminal.clearScreenAndScrollback();
        List<Path> folders = new ArrayList<>();
        folders.add(Session.folder(homeOptions.resolve(terminal)));
        SessionRegistry.folder(terminal).ifPresent(folders::add);
        int closed = Session.lockAll(folders, Duration.ofSeconds(2));
        terminal.info(closed == 0 ? Messages.of("lock.none") : Messages.of("lock.closed", closed));
        terminal.info(Messages.of("lock.what-remains"));
        return 0;
    }
}
