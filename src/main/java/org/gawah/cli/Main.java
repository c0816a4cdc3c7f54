package org.gawah.cli;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gawah.Failure;
import org.gawah.GawahException;
import org.gawah.Language;
import org.gawah.Message;
import org.gawah.openpgp.Implementation;

import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.MutuallyExclusiveArgsException;
import picocli.CommandLine.OverwrittenOptionException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/** Entry point. {@link #execute} returns the exit code, so tests run the program in-process. */
public final class Main {
    /** Every command's help text, in picocli's keys (qualified by command, e.g. {@code gawah.record.usage.description}). */
    static final String HELP = "org.gawah.cli.help";

    private Main() {
    }

    public static void main(String[] args) {
        // Gawah formats nothing with the JVM's default format locale: every message, number and
        // date it shows names its locale (org.gawah.Message, Locale.ROOT). Bouncy Castle's
        // default policy parses its cut-off dates with it ("2023-02-01 00:00:00 UTC"), which makes
        // the JDK name all 600 time zones in that locale first: 0.3 CPU-seconds more on every run
        // under a Dari or Pashto system locale (the runtime has no names in them and derives
        // every one) than in English, where the names are there. English it is, for formats only;
        // the language Gawah speaks is chosen apart (Language, --lang).
        Locale.setDefault(Locale.Category.FORMAT, Locale.US);
        System.exit(execute(Terminal.system(), args));
    }

    public static int execute(Terminal terminal, String... args) {
        if (namesACommand(args)) {
            // Bouncy Castle's OpenPGP set-up (a fifth of a CPU-second, mostly time-zone names) on a
            // thread of its own from the first moment: a command's keyring check waits for it, and
            // started after the language and picocli's command classes were found, it came too late.
            Implementation.prepare();
        }
        Locale language;
        try {
            language = language(terminal, args);
        } catch (GawahException e) {
            return report(terminal, e, false);
        }
        Language.use(language);
        List<Class<?>> commands = GawahCommand.commandsFor(args);
        CommandLine cli = commandLine(terminal, language, commands);
        cli.setOut(terminal.out());
        cli.setErr(terminal.err());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> report(terminal, e, parseResult.hasMatchedOption("--stacktrace")));
        cli.setParameterExceptionHandler((e, args2) -> {
            terminal.error(parseError(e), parseHint(e));
            return Failure.USAGE.exitCode();
        });
        cli.setExecutionStrategy(parseResult -> {
            GlobalOptions.check(parseResult);
            return new CommandLine.RunLast().execute(parseResult);
        });
        int code = cli.execute(args);
        terminal.out().flush();
        terminal.err().flush();
        return code;
    }

    /**
     * Whether the line names a command to run: a word before any {@code --} other than
     * {@code help} (a mistyped one only costs the set-up's CPU). Without reflecting over the
     * command classes as {@link GawahCommand#commandsFor} does, which takes longer than this may wait.
     */
    static boolean namesACommand(String... args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (GawahCommand.GLOBAL_OPTIONS.contains(arg)) {
                i++; // its value
                continue;
            }
            if (arg.equals("--") || arg.equals("--help") || arg.equals("-h") || arg.equals("--version") || arg.equals("-V")) {
                return false;
            }
            if (!arg.startsWith("-")) {
                return !arg.equals("help");
            }
        }
        return false;
    }

    /** The command tree with {@code commands} under the root, its help in {@code language} and laid out by {@link HelpLayout}. */
    static CommandLine commandLine(Terminal terminal, Locale language, List<Class<?>> commands) {
        CommandLine cli = new CommandLine(new GawahCommand(terminal));
        for (Class<?> command : commands) {
            cli.addSubcommand(command);
        }
        cli.setResourceBundle(Message.bundle(HELP, language));
        // Picocli's help goes through the terminal's guarded writers like every other line, and
        // without ANSI styles: the guard would show them as escapes (Terminal sends none but its own).
        cli.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
        HelpLayout.install(cli);
        return cli;
    }

    /**
     * The language of this run, from {@code --lang} anywhere before {@code --}, else the
     * locale. Read before picocli parses anything, so that help and parse errors speak it too.
     */
    static Locale language(Terminal terminal, String... args) {
        String chosen = null;
        for (int i = 0; i < args.length && !args[i].equals("--"); i++) {
            if (args[i].equals("--lang") && i + 1 < args.length) {
                chosen = args[++i];
            } else if (args[i].startsWith("--lang=")) {
                chosen = args[i].substring("--lang=".length());
            }
        }
        if (chosen == null) {
            return Language.fromEnvironment(terminal::env);
        }
        Locale locale = Language.parse(chosen);
        if (locale == null) {
            throw new GawahException(Failure.USAGE, Messages.of("lang.unknown", chosen),
                    Messages.of("lang.unknown.hint"));
        }
        return locale;
    }

    /** The one place where failures become messages and exit codes. */
    static int report(Terminal terminal, Exception e, boolean stacktrace) {
        if (e instanceof GawahException) {
            GawahException failure = (GawahException) e;
            terminal.error(failure.message(), failure.hintMessage());
            if (stacktrace && failure.getCause() != null) {
                printTrace(terminal, failure.getCause());
            }
            return failure.failure().exitCode();
        }
        // A bug: say so plainly. Exception messages here come from our code or libraries, never plaintext.
        terminal.error(Messages.of("main.unexpected", e.getClass().getName()), Messages.of("main.unexpected.hint"));
        if (stacktrace) {
            printTrace(terminal, e);
        }
        return Failure.INTERNAL.exitCode();
    }

    private static final Pattern UNKNOWN_OPTION_AS_VALUE =
            Pattern.compile("Unknown option: '(.*)'; Expected parameter for option '([^']*)' but found '.*'", Pattern.DOTALL);
    private static final Pattern EXPECTED_VALUE =
            Pattern.compile("Expected parameter for option '([^']*)' but found '(.*)'", Pattern.DOTALL);
    private static final Pattern UNMATCHED_INDEX = Pattern.compile("Unmatched arguments? (?:at|from) index (\\d+): .*", Pattern.DOTALL);
    private static final Pattern OPTION_NEEDS_VALUE = Pattern.compile("Missing required parameter for option '([^']*)' \\((.*)\\)");
    private static final Pattern MISSING = Pattern.compile("Missing required (option|options|parameter|parameters|options and parameters): (.*)", Pattern.DOTALL);
    private static final Pattern MISSING_ONE_OF = Pattern.compile("Error: Missing required argument \\(specify one of these\\): (.*)", Pattern.DOTALL);
    private static final Pattern MISSING_IN_GROUP = Pattern.compile("Error: Missing required argument\\(s\\): (.*)", Pattern.DOTALL);
    private static final Pattern EXCLUSIVE = Pattern.compile("Error: (.*) are mutually exclusive \\(specify only one\\)", Pattern.DOTALL);
    private static final Pattern TWICE = Pattern.compile("option '([^']*)'(?: \\((.*)\\))? should be specified only once");
    private static final Pattern WITHOUT_VALUE = Pattern.compile("option '([^']*)' should be specified without '(.*)' parameter", Pattern.DOTALL);
    private static final Pattern NOT_A = Pattern.compile("Invalid value for option '([^']*)': '(.*)' is not an? (int|long|boolean)", Pattern.DOTALL);

    /**
     * Picocli's parse errors, which it words in English, in the run's language: by the kind of
     * exception and the shape of picocli's message, the names and values taken from it. The
     * English patterns reproduce picocli's own wording. Anything else is shown as picocli words
     * it, under a translated heading.
     */
    static Message parseError(ParameterException e) {
        String text = e.getMessage() == null ? "" : e.getMessage();
        Matcher m;
        if (e instanceof GlobalOptions.Refused) {
            return ((GlobalOptions.Refused) e).words();
        }
        if (e instanceof UnmatchedArgumentException) {
            UnmatchedArgumentException unmatched = (UnmatchedArgumentException) e;
            List<String> args = unmatched.getUnmatched();
            if (unknownCommand(unmatched)) {
                return Messages.of("parse.unknown-command", args.get(0), e.getCommandLine().getCommandSpec().qualifiedName(" "));
            }
            if (!args.isEmpty() && unmatched.isUnknownOption()) {
                return args.size() == 1
                        ? Messages.of("parse.unknown-option", args.get(0))
                        : Messages.of("parse.unknown-options", quoted(args));
            }
            if (!args.isEmpty() && (m = UNMATCHED_INDEX.matcher(text)).matches()) {
                return args.size() == 1
                        ? Messages.of("parse.unmatched-argument", m.group(1), args.get(0))
                        : Messages.of("parse.unmatched-arguments", m.group(1), quoted(args));
            }
            if ((m = UNKNOWN_OPTION_AS_VALUE.matcher(text)).matches()) {
                return Messages.of("parse.unknown-option-as-value", m.group(1), m.group(2));
            }
        } else if (e instanceof MissingParameterException) {
            if ((m = OPTION_NEEDS_VALUE.matcher(text)).matches()) {
                return Messages.of("parse.option-needs-value", m.group(1), m.group(2));
            }
            if ((m = EXPECTED_VALUE.matcher(text)).matches()) {
                return Messages.of("parse.expected-value", m.group(1), m.group(2));
            }
            if ((m = MISSING.matcher(text)).matches()) {
                String what = m.group(2);
                switch (m.group(1)) {
                    case "option": return Messages.of("parse.missing-option", what);
                    case "options": return Messages.of("parse.missing-options", what);
                    case "parameter": return Messages.of("parse.missing-parameter", what);
                    case "parameters": return Messages.of("parse.missing-parameters", what);
                    default: return Messages.of("parse.missing-options-and-parameters", what);
                }
            }
            if ((m = MISSING_ONE_OF.matcher(text)).matches()) {
                return Messages.of("parse.missing-one-of", m.group(1));
            }
            if ((m = MISSING_IN_GROUP.matcher(text)).matches()) {
                return Messages.of("parse.missing-in-group", m.group(1));
            }
            if (!((MissingParameterException) e).getMissing().isEmpty()) {
                return Messages.of("parse.missing", names(((MissingParameterException) e).getMissing()));
            }
        } else if (e instanceof MutuallyExclusiveArgsException) {
            if ((m = EXCLUSIVE.matcher(text)).matches()) {
                return Messages.of("parse.mutually-exclusive", m.group(1));
            }
        } else if (e instanceof OverwrittenOptionException) {
            if ((m = TWICE.matcher(text)).matches()) {
                return m.group(2) == null
                        ? Messages.of("parse.option-twice", m.group(1))
                        : Messages.of("parse.option-twice-with-value", m.group(1), m.group(2));
            }
            ArgSpec overwritten = ((OverwrittenOptionException) e).getOverwritten();
            if (overwritten != null) {
                return Messages.of("parse.given-twice", names(List.of(overwritten)));
            }
        }
        if ((m = WITHOUT_VALUE.matcher(text)).matches()) {
            return Messages.of("parse.option-takes-no-value", m.group(1), m.group(2));
        }
        if ((m = NOT_A.matcher(text)).matches()) {
            switch (m.group(3)) {
                case "int": return Messages.of("parse.not-an-int", m.group(1), m.group(2));
                case "long": return Messages.of("parse.not-a-long", m.group(1), m.group(2));
                default: return Messages.of("parse.not-a-boolean", m.group(1), m.group(2));
            }
        }
        if (e.getArgSpec() != null) {
            return e.getValue() == null
                    ? Messages.of("parse.invalid-use", names(List.of(e.getArgSpec())))
                    : Messages.of("parse.invalid-value", names(List.of(e.getArgSpec())), e.getValue());
        }
        return Messages.of("parse.invalid", text);
    }

    /** What to do about a parse error: see the command's help, and first, for a slip of the keyboard, what was meant. */
    static Message parseHint(ParameterException e) {
        CommandLine.Model.CommandSpec command = e.getCommandLine().getCommandSpec();
        String see = command.qualifiedName(" ");
        java.util.Optional<String> meant = java.util.Optional.empty();
        if (e instanceof UnmatchedArgumentException && !((UnmatchedArgumentException) e).getUnmatched().isEmpty()) {
            UnmatchedArgumentException unmatched = (UnmatchedArgumentException) e;
            String typed = unmatched.getUnmatched().get(0);
            if (unknownCommand(unmatched)) {
                meant = Suggestion.nearest(typed, e.getCommandLine().getSubcommands().keySet()).map(name -> see + " " + name);
            } else if (typed.startsWith("--")) {
                String name = typed.contains("=") ? typed.substring(0, typed.indexOf('=')) : typed;
                meant = Suggestion.nearest(name, command.optionsMap().keySet().stream().filter(o -> o.startsWith("--")).toList());
            }
        }
        return meant.isPresent() ? Messages.of("parse.did-you-mean", meant.get(), see) : Messages.of("parse.see-help", see);
    }

    /** A word where a command's subcommand is expected ("gawah lsit", "gawah keys imprt"). */
    private static boolean unknownCommand(UnmatchedArgumentException e) {
        List<String> args = e.getUnmatched();
        return !args.isEmpty() && !args.get(0).startsWith("-") && !e.getCommandLine().getSubcommands().isEmpty();
    }

    /** 'a', 'b': the user's own arguments, as picocli quotes them. */
    private static String quoted(List<String> args) {
        StringBuilder out = new StringBuilder();
        for (String arg : args) {
            out.append(out.length() == 0 ? "" : ", ").append('\'').append(arg).append('\'');
        }
        return out.toString();
    }

    /** '--role=ROLE', 'FILE': options and parameters by name, as picocli names them. */
    private static String names(List<ArgSpec> specs) {
        StringBuilder out = new StringBuilder();
        for (ArgSpec spec : specs) {
            out.append(out.length() == 0 ? "" : ", ").append('\'');
            if (spec instanceof OptionSpec) {
                out.append(((OptionSpec) spec).longestName());
                if (spec.arity().min() > 0) {
                    out.append('=').append(spec.paramLabel());
                }
            } else if (spec instanceof PositionalParamSpec) {
                out.append(spec.paramLabel());
            }
            out.append('\'');
        }
        return out.toString();
    }

    /**
     * Classes and frames, without the messages of other libraries' exceptions: a parser's message
     * may quote the input it choked on, and the input may be testimony.
     */
    private static void printTrace(Terminal terminal, Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            terminal.err().println((t == e ? "" : "caused by: ") + t.getClass().getName()
                    + (t instanceof GawahException ? ": " + t.getMessage() : ""));
            for (StackTraceElement frame : t.getStackTrace()) {
                terminal.err().println("\tat " + frame);
            }
        }
    }
}
