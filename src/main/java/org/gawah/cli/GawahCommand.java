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
        subcommands = {
            QuickstartCommand.class,
            InitCommand.class,
            KeysCommand.class,
            InterviewCommand.class,
            LockCommand.class,
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
        })
final class GawahCommand implements Callable<Integer> {
    final Terminal terminal;

    @Spec
    CommandSpec spec;

    @Option(names = "--stacktrace", scope = ScopeType.LOCAL)
    boolean stacktrace;

    /**
     * Read by {@link Main#language} before parsing; declared so that help lists it and parsing
     * accepts it, on the root and on every subcommand.
     */
    @Option(names = "--lang", paramLabel = "LANG", scope = ScopeType.INHERIT)
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
