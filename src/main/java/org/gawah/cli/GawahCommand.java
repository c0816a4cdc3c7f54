package org.gawah.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;

@Command(name = "gawah",
        mixinStandardHelpOptions = true,
        scope = ScopeType.INHERIT,
        version = "gawah 0.1.0",
        description = {
            "Seal witness testimony with OpenPGP the moment it is saved.",
            "",
            "Each record is signed with the documenter's key and encrypted to the legal team's keys, then kept in one SQLite vault. Nothing readable is left on this computer.",
        },
        footer = {
            "",
            "Example (see it all work in a throwaway folder):",
            "  gawah quickstart",
            "",
            "Example (a documenter's first steps):",
            "  gawah init",
            "  gawah keys generate --name \"Documenter D-14\"",
            "  gawah keys import --role legal legal-team.asc",
            "  gawah record --from testimony.json",
            "",
            "The home folder is --home, else $GAWAH_HOME, else ~/.gawah. Exit codes: see README.md.",
        },
        subcommands = {
            QuickstartCommand.class,
            InitCommand.class,
            KeysCommand.class,
            RecordCommand.class,
            AttachCommand.class,
            ListCommand.class,
            OpenCommand.class,
            ExportSealedCommand.class,
            SubmitCommand.class,
            ImportCommand.class,
            VerifyCommand.class,
            LogCommand.class,
            DoctorCommand.class,
            CaseCommand.class,
            ExportCommand.class,
            InterviewCommand.class,
            LockCommand.class,
        })
final class GawahCommand implements Callable<Integer> {
    final Terminal terminal;

    @Spec
    CommandSpec spec;

    @Option(names = "--stacktrace", scope = ScopeType.LOCAL, description = "On failure, also print the Java stack trace (for bug reports).")
    boolean stacktrace;

    /** Read by {@link Main#language} before parsing; declared so that help lists it and parsing accepts it. */
    @Option(names = "--lang", paramLabel = "LANG", scope = ScopeType.INHERIT, description = "Language: en, fa-AF (Dari) or ps (Pashto). Default: from the locale.")
    String lang;

    GawahCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    /** Without a subcommand: show the help, and say it was not enough. */
    @Override
    public Integer call() {
        return usage(spec, terminal);
    }

    static int usage(CommandSpec spec, Terminal terminal) {
        spec.commandLine().usage(terminal.err());
        return org.gawah.Failure.USAGE.exitCode();
    }
}
