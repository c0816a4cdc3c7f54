package org.gawah.cli;

import java.util.Locale;

import org.gawah.Failure;
import org.gawah.GawahException;
import org.gawah.Language;
import org.gawah.Message;

import picocli.CommandLine;

/** Entry point. {@link #execute} returns the exit code, so tests run the program in-process. */
public final class Main {
    /** Every command's help text, in picocli's keys (qualified by command, e.g. {@code gawah.record.usage.description}). */
    static final String HELP = "org.gawah.cli.help";

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(execute(Terminal.system(), args));
    }

    public static int execute(Terminal terminal, String... args) {
        Locale language;
        try {
            language = language(terminal, args);
        } catch (GawahException e) {
            return report(terminal, e, false);
        }
        Language.use(language);
        CommandLine cli = new CommandLine(new GawahCommand(terminal));
        cli.setResourceBundle(Message.bundle(HELP, language));
        cli.setOut(terminal.out());
        cli.setErr(terminal.err());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> report(terminal, e, parseResult.hasMatchedOption("--stacktrace")));
        cli.setParameterExceptionHandler((e, args2) -> {
            terminal.error(e.getMessage(), "see: gawah " + e.getCommandLine().getCommandName() + " --help");
            return Failure.USAGE.exitCode();
        });
        int code = cli.execute(args);
        terminal.out().flush();
        terminal.err().flush();
        return code;
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
            throw new GawahException(Failure.USAGE, Messages.of("lang.unknown", Display.safe(chosen)),
                    Messages.of("lang.unknown.hint"));
        }
        return locale;
    }

    /** The one place where failures become messages and exit codes. */
    static int report(Terminal terminal, Exception e, boolean stacktrace) {
        if (e instanceof GawahException) {
            GawahException failure = (GawahException) e;
            terminal.error(failure.getMessage(), failure.hint());
            if (stacktrace && failure.getCause() != null) {
                printTrace(terminal, failure.getCause());
            }
            return failure.failure().exitCode();
        }
        // A bug: say so plainly. Exception messages here come from our code or libraries, never plaintext.
        terminal.error("unexpected failure (" + e.getClass().getName() + ")", "run again with --stacktrace and report it");
        if (stacktrace) {
            printTrace(terminal, e);
        }
        return Failure.INTERNAL.exitCode();
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
