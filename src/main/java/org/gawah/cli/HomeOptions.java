package org.gawah.cli;

import java.nio.file.Path;
import java.util.List;

import picocli.CommandLine.Option;

/** The --home option every command shares. */
final class HomeOptions {
    @Option(names = "--home", paramLabel = "DIR")
    Path home;

    /** The home this command works in; says so, in one line, when others could open it (and goes on). */
    Home resolve(Terminal terminal) {
        Home resolved = new Home(chosen(terminal), terminal);
        List<Home.Exposed> open = resolved.openToOthers();
        if (!open.isEmpty()) {
            Home.Exposed first = open.get(0);
            terminal.warn(open.size() == 1 ? Messages.of("home.open-to-others", first.path(), first.mode())
                    : Messages.of("home.open-to-others.more", first.path(), first.mode(), open.size() - 1));
        }
        return resolved;
    }

    private Path chosen(Terminal terminal) {
        if (home != null) {
            return home;
        }
        String fromEnv = terminal.env("GAWAH_HOME");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Path.of(fromEnv);
        }
        return Path.of(System.getProperty("user.home"), ".gawah");
    }
}
