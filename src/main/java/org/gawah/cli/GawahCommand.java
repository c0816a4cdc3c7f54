package org.gawah.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;

@Command(name = "gawah",
        mixinStandardHelpOptions = true,
        scope = ScopeType.INHERIT,
        version = "gawah 0.1.0")
final class GawahCommand implements Callable<Integer> {
    /** Every subcommand, in the order help lists them. */
    static final List<Class<?>> COMMANDS = List.of(
            QuickstartCommand.class,
            InitCommand.class,
            KeysCommand.class,
            InterviewCommand.class,
            LockCommand.class,
            DesktopCommand.class,
            RecordCommand.class,
            AttachCommand.class,
            ListCommand.class,
            OpenCommand.class,
            ExportSealedCommand.class,
            SubmitCommand.class,
            ImportCommand.class,
            VerifyCommand.class,
            TimestampCommand.class,
            LogCommand.class,
            DoctorCommand.class,
            CaseCommand.class,
            ExportCommand.class,
            VaultCommand.class);

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

    /*
     * The options every command takes, accepted before the command name too ("gawah --home X
     * init"), as git and gpg users expect. Declared here as well as on each command (HomeOptions,
     * PassphraseOptions) rather than inherited, so that a command's help lists only what it uses;
     * GlobalOptions refuses one given here to a command that does not take it, or given twice.
     */
    @Option(names = "--home", paramLabel = "DIR", scope = ScopeType.LOCAL)
    Path home;

    @Option(names = "--passphrase-file", paramLabel = "FILE", scope = ScopeType.LOCAL)
    Path passphraseFile;

    @Option(names = "--passphrase-env", paramLabel = "VAR", scope = ScopeType.LOCAL)
    String passphraseEnv;

    /** The options above and --lang: each takes a value, which is not a command name. */
    static final List<String> GLOBAL_OPTIONS = List.of("--home", "--lang", "--passphrase-file", "--passphrase-env");

    GawahCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    /** Without a subcommand: show the help, and say it was not enough. */
    @Override
    public Integer call() {
        return usage(spec, terminal);
    }

    /**
     * The subcommands this run needs: only the one named on the command line when it names one
     * (picocli reflects over every command it is given, a third of a second for all of them), else
     * all of them, for help, suggestions and the error that no command matched.
     */
    static List<Class<?>> commandsFor(String... args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (GLOBAL_OPTIONS.contains(arg)) {
                i++;
            } else if (arg.equals("--")) {
                return COMMANDS;
            } else if (!arg.startsWith("-")) {
                for (Class<?> command : COMMANDS) {
                    Command named = command.getAnnotation(Command.class);
                    if (named.name().equals(arg) || List.of(named.aliases()).contains(arg)) {
                        return List.of(command);
                    }
                }
                return COMMANDS;
            }
        }
        return COMMANDS;
    }

    static int usage(CommandSpec spec, Terminal terminal) {
        spec.commandLine().usage(terminal.err());
        return org.gawah.Failure.USAGE.exitCode();
    }
}
