package org.gawah.cli;

import java.nio.file.Path;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The --home option every command shares, given after the command's name or before it ({@link GlobalOptions}). */
final class HomeOptions {
    @Option(names = "--home", paramLabel = "DIR")
    Path home;

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    /** The folder given with --home, after the command name or before it; null when none was. */
    Path given() {
        GawahCommand root = GlobalOptions.root(mixee);
        return home != null ? home : root == null ? null : root.home;
    }

    Home resolve(Terminal terminal) {
        Path given = given();
        if (given != null) {
            return new Home(given);
        }
        String fromEnv = terminal.env("GAWAH_HOME");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return new Home(Path.of(fromEnv));
        }
        return new Home(Path.of(System.getProperty("user.home"), ".gawah"));
    }
}
