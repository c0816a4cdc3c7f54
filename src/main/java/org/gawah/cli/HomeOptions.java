package org.gawah.cli;

import java.nio.file.Path;

import picocli.CommandLine.Option;

/** The --home option every command shares. */
final class HomeOptions {
    @Option(names = "--home", paramLabel = "DIR")
    Path home;

    Home resolve(Terminal terminal) {
        if (home != null) {
            return new Home(home);
        }
        String fromEnv = terminal.env("GAWAH_HOME");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return new Home(Path.of(fromEnv));
        }
        return new Home(Path.of(System.getProperty("user.home"), ".gawah"));
    }
}
