package org.gawah.cli;

import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

import org.gawah.Message;
import org.gawah.Screen;

/**
 * Everything the program says and hears: stdout for data only, stderr for messages in one
 * grammar ({@code gawah: error: ...}, {@code gawah: hint: ...}), stdin, the environment and the
 * console for passphrase prompts. Tests build one over byte arrays.
 *
 * <p>The one way to the screen: every line of text written here, on stdout and stderr alike,
 * passes {@link ScreenWriter} ({@link Screen#line}), and content bytes pass
 * {@link ScreenText} when stdout is a terminal; the only control sequences sent are this class's
 * own ({@link #clearScreen}, {@link #clearScreenAndScrollback}, the carriage return of {@link #redraw}). No other class touches
 * System.out, System.err or the console's writer (DisplayPathTest).
 */
public final class Terminal {
    private static final String CLEAR_SCREEN = "\033[H\033[2J";
    private static final String CLEAR_SCROLLBACK = "\033[3J";

    private final OutputStream stdout;
    private final PrintWriter out;
    private final PrintWriter err;
    /** stderr without the guard, for this class's own control sequences only. */
    private final Writer rawErr;
    private final InputStream in;
    private final Map<String, String> env;
    private final Console console;
    private final boolean visualOrder;
    private final boolean screen;
    private boolean typedIn;

    public Terminal(OutputStream stdout, OutputStream stderr, InputStream in, Map<String, String> env, Console console) {
        // On Java 17, System.console() is there only when stdin and stdout are both a terminal.
        this(stdout, stderr, in, env, console, console != null);
    }

    /** {@code screen}: whether stdout is a terminal a person reads (tests stand for one). */
    Terminal(OutputStream stdout, OutputStream stderr, InputStream in, Map<String, String> env, Console console,
             boolean screen) {
        this.screen = screen;
        this.typedIn = console != null;
        this.stdout = stdout;
        this.visualOrder = Bidi.visualOrderWanted(env.get("GAWAH_BIDI"), System.getProperty("os.name", ""));
        this.out = new PrintWriter(new ScreenWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8), visualOrder), true);
        this.rawErr = new OutputStreamWriter(stderr, StandardCharsets.UTF_8);
        this.err = new PrintWriter(new ScreenWriter(rawErr, visualOrder), true);
        this.in = in;
        this.env = env;
        this.console = console;
    }

    static Terminal system() {
        Console console = System.console();
        return new Terminal(System.out, System.err, System.in, System.getenv(), console, stdoutIsTerminal(console));
    }

    /**
     * Whether stdout is a terminal. Java 17 answers only for stdin and stdout together
     * ({@code System.console()}); on Linux, /proc tells stdout apart, so that {@code gawah open
     * ID < /dev/null} on a terminal is still treated as one.
     */
    private static boolean stdoutIsTerminal(Console console) {
        if (console != null) {
            return true;
        }
        try {
            String target = java.nio.file.Files.readSymbolicLink(java.nio.file.Path.of("/proc/self/fd/1")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false; // no /proc (macOS, Windows): System.console() decides
        }
    }

    /** A terminal with its own stdout, stdin and environment that shares this one's stderr and console. */
    Terminal derive(OutputStream otherStdout, InputStream otherIn, Map<String, String> otherEnv) {
        Terminal derived = new Terminal(otherStdout, new WriterStream(err), otherIn, otherEnv, console);
        derived.typedIn = false;
        return derived;
    }

    /** A terminal with its own stdout, stderr, stdin and environment that shares this one's console. */
    Terminal derive(OutputStream otherStdout, OutputStream otherStderr, InputStream otherIn, Map<String, String> otherEnv) {
        return new Terminal(otherStdout, otherStderr, otherIn, otherEnv, console);
    }

    /** stdout's guarded writer, for picocli (help); commands write through {@link #line} and {@link #row}. */
    PrintWriter out() {
        return out;
    }

    /** stderr's guarded writer, for picocli (usage) and stack traces; commands {@link #say}. */
    PrintWriter err() {
        return err;
    }

    /** An empty line on stdout. */
    void line() {
        out.println();
    }

    /** One line on stdout: an id, a fingerprint, or words built from them. */
    void line(String text) {
        out.println(text);
    }

    /** One line of words on stdout, in the run's language. */
    void line(Message words) {
        out.println(words.render());
    }

    /**
     * One table row on stdout, {@code format} as {@link String#format} (without the line end):
     * a {@link Message} value in the run's language, every text value shown through
     * {@link Screen#value}, so that user IDs, titles and names in a row are isolated
     * like a message's values.
     */
    void row(String format, Object... values) {
        Object[] shown = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            shown[i] = values[i] instanceof Message ? ((Message) values[i]).render()
                    : values[i] instanceof CharSequence ? Screen.value(values[i].toString()) : values[i];
        }
        out.println(String.format(Locale.ROOT, format, shown));
    }

    /** Text on stdout as it is, line ends included (another command's captured output). */
    void text(String text) {
        out.print(text);
        out.flush();
    }

    InputStream in() {
        return in;
    }

    String env(String name) {
        return env.get(name);
    }

    /** Whether standard input is a person typing at this terminal (not a pipe, a file, or what a demo feeds it). */
    boolean typedIn() {
        return typedIn;
    }

    /** Null when there is no interactive terminal (piped, CI, tests). */
    Console console() {
        return console;
    }

    /**
     * Whether this is a terminal that clears its screen on ANSI codes: not when TERM is unset or
     * "dumb" (Emacs, serial lines), and on Windows only in Windows Terminal (WT_SESSION), as the
     * old console shows the escape codes as they are.
     */
    boolean clears() {
        if (console == null) {
            return false;
        }
        if (System.getProperty("os.name", "").startsWith("Windows")) {
            return env("WT_SESSION") != null;
        }
        String term = env("TERM");
        return term != null && !term.isEmpty() && !term.equals("dumb");
    }

    /**
     * Clears the screen and the scrollback ({@code ESC[3J}, which xterm, VTE, Konsole, iTerm2 and
     * Windows Terminal obey), so that what an interview showed cannot be scrolled back to once it
     * has ended. Does nothing where {@link #clears()} says the terminal would print the codes.
     */
    void clearScreenAndScrollback() {
        if (clears()) {
            control(CLEAR_SCREEN + CLEAR_SCROLLBACK);
        }
    }

    /**
     * Writes content from outside to stdout: its exact bytes when stdout is a file or a pipe; on
     * a terminal, with what the terminal would obey instead of show (escape sequences, bidi
     * overrides) written as visible escapes ({@link ScreenText}). Returns how many were escaped.
     */
    int showData(byte[] data) {
        if (!screen) {
            writeData(data);
            return 0;
        }
        ScreenText.Shown shown = ScreenText.visible(data);
        try {
            writeData(shown.bytes());
        } finally {
            if (shown.bytes() != data) {
                java.util.Arrays.fill(shown.bytes(), (byte) 0);
            }
        }
        return shown.escaped();
    }

    /** Writes bytes to stdout exactly as they are (decrypted content is never re-encoded). */
    private void writeData(byte[] data) {
        out.flush();
        try {
            stdout.write(data);
            stdout.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void info(Message message) {
        say(Messages.of("terminal.info", message));
    }

    void warn(Message message) {
        say(Messages.of("terminal.warning", message));
    }

    void error(Message message, Message hint) {
        say(Messages.of("terminal.error", message));
        if (hint != null) {
            say(Messages.of("terminal.hint", hint));
        }
    }

    /** One line of words on stderr, in the run's language and in the order this terminal shows. */
    void say(Message line) {
        err.println(shown(line));
    }

    /** An empty line on stderr. */
    void say() {
        err.println();
    }

    /** As {@link #say}, without ending the line: a prompt. */
    void prompt(Message words) {
        err.print(shown(words));
        err.flush();
    }

    /** Words guarded first and then, for a terminal that needs it, reordered (reordering consumes the isolates). */
    private String shown(Message words) {
        return Bidi.forTerminal(Screen.line(words.render()), visualOrder);
    }

    /** Clears the screen (only where the caller knows the terminal speaks ANSI). */
    void clearScreen() {
        control(CLEAR_SCREEN);
    }

    /** Writes {@code words} over the line the cursor is on (a progress line), blanks over a longer previous one. */
    void redraw(Message words) {
        control("\r");
        err.print(shown(words) + "   ");
        err.flush();
    }

    private void control(String sequence) {
        err.flush();
        try {
            rawErr.write(sequence);
            rawErr.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lets a derived terminal write through this one's stderr writer. */
    private static final class WriterStream extends OutputStream {
        private final PrintWriter writer;

        WriterStream(PrintWriter writer) {
            this.writer = writer;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            writer.write(new String(b, off, len, StandardCharsets.UTF_8));
            writer.flush();
        }
    }
}
