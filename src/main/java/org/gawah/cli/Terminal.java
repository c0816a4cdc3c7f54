package org.gawah.cli;

import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.gawah.Message;

/**
 * Everything the program says and hears: stdout for data only, stderr for messages in one
 * grammar ({@code gawah: error: ...}, {@code gawah: hint: ...}), stdin, the environment and the
 * console for passphrase prompts. Tests build one over byte arrays.
 */
public final class Terminal {
    private final OutputStream stdout;
    private final PrintWriter out;
    private final PrintWriter err;
    private final InputStream in;
    private final Map<String, String> env;
    private final Console console;
    private final boolean visualOrder;

    public Terminal(OutputStream stdout, OutputStream stderr, InputStream in, Map<String, String> env, Console console) {
        this.stdout = stdout;
        this.out = new PrintWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8), true);
        this.err = new PrintWriter(new OutputStreamWriter(stderr, StandardCharsets.UTF_8), true);
        this.in = in;
        this.env = env;
        this.console = console;
        this.visualOrder = Bidi.visualOrderWanted(env.get("GAWAH_BIDI"), System.getProperty("os.name", ""));
    }

    static Terminal system() {
        return new Terminal(System.out, System.err, System.in, System.getenv(), System.console());
    }

    /** A terminal with its own stdout, stdin and environment that shares this one's stderr and console. */
    Terminal derive(OutputStream otherStdout, InputStream otherIn, Map<String, String> otherEnv) {
        return new Terminal(otherStdout, new WriterStream(err), otherIn, otherEnv, console);
    }

    PrintWriter out() {
        return out;
    }

    PrintWriter err() {
        return err;
    }

    InputStream in() {
        return in;
    }

    String env(String name) {
        return env.get(name);
    }

    /** Null when there is no interactive terminal (piped, CI, tests). */
    Console console() {
        return console;
    }

    /** Writes bytes to stdout exactly as they are (decrypted content is never re-encoded). */
    void writeData(byte[] data) {
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
        err.println(Bidi.forTerminal(line.render(), visualOrder));
    }

    /** As {@link #say}, without ending the line: a prompt. */
    void prompt(Message words) {
        err.print(Bidi.forTerminal(words.render(), visualOrder));
        err.flush();
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
