package org.gawah.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A real terminal emulator for tests: tmux, on a server of its own (its own socket, no user
 * configuration), one window of a fixed size. A command runs in it as on a person's screen, and
 * {@link #screen} reads back what tmux put in its cells ({@code capture-pane}).
 *
 * <p>What tmux does with right-to-left text: nothing. It has no bidirectional algorithm; it puts
 * each character in the next cell in the order the program wrote it (logical order), as wide as
 * the C library's {@code wcwidth} says (two cells for East Asian wide characters, none for marks
 * and format characters, which it keeps with the cell before them). What it shows is therefore
 * where every character of a line lands before any reordering: the right check for column
 * widths; reordering is for a bidi algorithm to judge.
 */
public final class Tmux implements AutoCloseable {
    private static final String DONE = "__gawah_tmux_done__";

    private final String socket;

    private Tmux(String socket) {
        this.socket = socket;
    }

    /**
     * Starts {@code command} in a new {@code columns} × {@code rows} window, with {@code env} added;
     * its standard error goes elsewhere (the JVM's own warnings, progress lines), so that the
     * window shows its standard output alone.
     */
    public static Tmux run(List<String> command, Map<String, String> env, int columns, int rows) {
        Tmux tmux = new Tmux("gawah-test-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
        StringBuilder line = new StringBuilder();
        env.forEach((name, value) -> line.append(name).append('=').append(quote(value)).append(' '));
        line.append(command.stream().map(Tmux::quote).collect(Collectors.joining(" ")));
        // The window stays open once the program has ended, so that its last screen can be read.
        String shell = line + " 2>/dev/null; echo " + DONE + "; sleep 600";
        tmux.tmux("-f", "/dev/null", "new-session", "-d", "-x", String.valueOf(columns), "-y", String.valueOf(rows),
                "sh", "-c", shell);
        return tmux;
    }

    /** The window's lines once the program has ended (up to 60 s), trailing blank lines left out. */
    public List<String> screen() {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            String shown = tmux("capture-pane", "-p", "-N");
            int done = shown.indexOf(DONE);
            if (done >= 0) {
                List<String> lines = new ArrayList<>(List.of(shown.substring(0, done).split("\n", -1)));
                while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
                    lines.remove(lines.size() - 1);
                }
                return lines;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the program did not end in tmux; its screen:\n" + shown);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    @Override
    public void close() {
        tmux("kill-server");
    }

    private String tmux(String... args) {
        List<String> command = new ArrayList<>(List.of("tmux", "-u", "-L", socket));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("LANG", "C.UTF-8");
        builder.environment().remove("TMUX");
        try {
            Process process = builder.start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int code = process.waitFor();
            if (code != 0 && !args[0].equals("kill-server")) {
                throw new AssertionError("tmux " + String.join(" ", args) + " exited " + code + ": " + out);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
