package org.gawah.testsupport;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A program on a real pseudo-terminal, driven like a person at the keyboard: util-linux's
 * {@code script} gives the child a pty; this side writes keystrokes and waits for words on the
 * screen. Echo, line editing and Ctrl-C are the kernel's own, as on a laptop.
 */
public final class Pty implements AutoCloseable {
    private final Process process;
    private final OutputStream keys;
    private final StringBuilder screen = new StringBuilder();
    private final Thread reader;
    private int mark;

    private Pty(Process process) {
        this.process = process;
        this.keys = process.getOutputStream();
        reader = new Thread(this::readScreen, "pty-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code command} on a new pty, in {@code dir}, with {@code env} added to this environment. */
    public static Pty start(List<String> command, Map<String, String> env, Path dir) {
        // "exec": without it, a shell that stays between (dash, when SHELL is unset) dies of the
        // Ctrl-C itself and script reports 130 whatever the program did.
        String line = "exec " + command.stream().map(Pty::quote).collect(Collectors.joining(" "));
        ProcessBuilder builder = new ProcessBuilder("script", "-qfec", line, "/dev/null")
                .directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        try {
            return new Pty(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The java command that runs gawah from the test class path. */
    public static List<String> gawah(List<String> jvmOptions, String... args) {
        String classpath = System.getProperty("surefire.test.class.path");
        if (classpath == null || classpath.isBlank()) {
            classpath = System.getProperty("java.class.path");
        }
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classpath);
        command.add("org.gawah.cli.Main");
        command.addAll(List.of(args));
        return command;
    }

    private void readScreen() {
        try (Reader in = new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)) {
            char[] buffer = new char[4096];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                synchronized (screen) {
                    screen.append(buffer, 0, n);
                    screen.notifyAll();
                }
            }
        } catch (IOException e) {
            // The process ended.
        }
    }

    /** Waits until {@code text} appears after what was already matched; fails with the screen after 20 s. */
    public String expect(String text) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        synchronized (screen) {
            while (true) {
                int at = screen.indexOf(text, mark);
                if (at >= 0) {
                    String before = screen.substring(mark, at);
                    mark = at + text.length();
                    return before;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || (!process.isAlive() && screen.indexOf(text, mark) < 0 && waitedForOutput())) {
                    throw new AssertionError("never saw \"" + text + "\"; the screen after the last match:\n"
                            + screen.substring(mark));
                }
                try {
                    screen.wait(Math.max(1, Math.min(200, left / 1_000_000)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(e);
                }
            }
        }
    }

    private boolean waitedForOutput() {
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return true;
    }

    /** Types {@code line} and Enter. */
    public void type(String line) {
        keys(line + "\r");
    }

    /** Sends keystrokes as they are, e.g. "\u0003" for Ctrl-C. */
    public void keys(String typed) {
        try {
            keys.write(typed.getBytes(StandardCharsets.UTF_8));
            keys.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Everything the screen showed so far. */
    public String screen() {
        synchronized (screen) {
            return screen.toString();
        }
    }

    /** Everything the screen showed, once the program has ended and its last output was read (up to 30 s). */
    public String finalScreen() {
        exitCode();
        try {
            reader.join(Duration.ofSeconds(30).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        return screen();
    }

    /** The exit code, waiting up to 30 s. */
    public int exitCode() {
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new AssertionError("still running; the screen:\n" + screen());
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The processes the terminal's program started (the command under test among them). */
    public java.util.stream.Stream<ProcessHandle> descendants() {
        return process.descendants();
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
