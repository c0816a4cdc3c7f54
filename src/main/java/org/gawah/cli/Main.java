package org.gawah.cli;

import org.gawah.Failure;
import org.gawah.GawahException;

import picocli.CommandLine;

/** Entry point. {@link #execute} returns the exit code, so tests run the program in-process. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(execute(Terminal.system(), args));
    }

    public static int execute(Terminal terminal, String... args) {
        CommandLine cli = new CommandLine(new GawahCommand(terminal));
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
