package org.gawah.cli;

import java.util.concurrent.Callable;

import org.gawah.vault.VaultLocation;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import org.gawah.app.Home;

@Command(name = "init")
final class InitCommand implements Callable<Integer> {
    @ParentCommand
    GawahCommand root;

    @Mixin
    HomeOptions homeOptions;

    /** A team vault's address (the password is read from the pgpass file, never from here), or a shared vault file's absolute path. */
    @Option(names = "--vault", paramLabel = "URL")
    String vault;

    @Override
    public Integer call() {
        Terminal terminal = root.terminal;
        VaultLocation teamVault = vault == null ? null : VaultLocation.named(vault);
        Home home = homeOptions.resolve(terminal);
        if (home.create(teamVault)) {
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
