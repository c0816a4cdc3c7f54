package org.gawah.interop.matrix;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Runs a partner's program as a child process: arguments as a list (no shell), stdin from
 * bytes, stdout and stderr into files in {@code dir} (no pipe can fill up), C locale, a time
 * limit. A program that is not installed fails the run with what to install.
 */
final class Tool {
    private static final long TIMEOUT_SECONDS = 120;

    private final Path dir;
    private final Map<String, String> env;
    private int runs;

    Tool(Path dir, Map<String, String> env) {
        this.dir = dir;
        this.env = env;
    }

    Run run(List<String> command) {
        return run(null, command);
    }

    Run run(byte[] stdin, List<String> command) {
        try {
            Files.createDirectories(dir);
            int n = ++runs;
            Path out = dir.resolve("run-" + n + ".out");
            Path err = dir.resolve("run-" + n + ".err");
            ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().putAll(env);
            builder.environment().put("LC_ALL", "C.UTF-8");
            builder.environment().put("LANGUAGE", "C");
            Process process;
            try {
                process = builder.start();
            } catch (IOException e) {
                throw new AssertionError("cannot run " + command.get(0)
                        + ": install it (.ci/run does: apt-get install gnupg sq sqop rnp nodejs npm; npm ci in src/test/node)", e);
            }
            try (OutputStream in = process.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin);
                }
            } catch (IOException e) {
                // The program stopped reading (it refused the input); its exit code and stderr say why.
            }
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish within " + TIMEOUT_SECONDS + " s");
            }
            return new Run(process.exitValue(), Files.readAllBytes(out), Files.readString(err, StandardCharsets.UTF_8),
                    String.join(" ", command));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /**
     * Runs {@code command} on a pseudo-terminal (util-linux {@code script}) and types
     * {@code typed} into it: for programs that read passwords from the terminal only (sq 0.27).
     * Their data must go to files: what reaches the terminal is not kept byte for byte.
     */
    Run onTerminal(String typed, List<String> command) {
        String line = "exec " + command.stream().map(Tool::quote).collect(Collectors.joining(" "));
        List<String> script = new ArrayList<>(List.of("script", "-qfec", line, "/dev/null"));
        return run((typed + "\n").getBytes(StandardCharsets.UTF_8), script);
    }

    private static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }

    Path write(String name, byte[] bytes) {
        try {
            Files.createDirectories(dir);
            return Files.write(dir.resolve(name), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bytes of a file a program was to write; fails when it is not there. */
    static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new AssertionError("cannot read " + file + " (did the program write it?)", e);
        }
    }

    Path file(String name) {
        return dir.resolve(name);
    }

    /** One run: exit code, stdout bytes, stderr text. */
    record Run(int code, byte[] stdout, String stderr, String command) {
        Run ok() {
            if (code != 0) {
                throw new AssertionError(command + "\nexited " + code + "\nstdout:\n" + out() + "\nstderr:\n" + stderr);
            }
            return this;
        }

        String out() {
            return new String(stdout, StandardCharsets.UTF_8);
        }

        /** stdout and stderr together, for programs that report on either. */
        String all() {
            return out() + "\n" + stderr;
        }

        /** Fails with the transcript unless {@code text} was said (on stdout or stderr). */
        Run says(String text) {
            if (!all().contains(text)) {
                throw new AssertionError(command + " did not say \"" + text + "\" (exit " + code + ")\nstdout:\n" + out()
                        + "\nstderr:\n" + stderr);
            }
            return this;
        }
    }
}
