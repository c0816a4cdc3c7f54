package org.gawah.cli;

import java.nio.file.Path;
import java.util.List;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import org.gawah.app.Home;

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

    /** The home this command works in; says so, in one line, when others could open it (and goes on). */
    Home resolve(Terminal terminal) {
        Home resolved = new Home(chosen(terminal), terminal::warn);
        List<Home.Exposed> open = resolved.openToOthers();
        if (!open.isEmpty()) {
            Home.Exposed first = open.get(0);
            terminal.warn(open.size() == 1 ? Messages.of("home.open-to-others", first.path(), first.mode())
                    : Messages.of("home.open-to-others.more", first.path(), first.mode(), open.size() - 1));
        }
        return resolved;
    }

    private Path chosen(Terminal terminal) {
        Path given = given();
        if (given != null) {
            return given;
        }
        String fromEnv = terminal.env("GAWAH_HOME");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Path.of(fromEnv);
        }
        return Path.of(System.getProperty("user.home"), ".gawah");
    }
}
