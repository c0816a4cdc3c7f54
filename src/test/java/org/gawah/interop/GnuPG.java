package org.gawah.interop;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The real gpg binary, run as a child process with a throwaway GNUPGHOME (0700). Every run is
 * batch, loopback pinentry (the passphrase comes from a file, never stdin) and writes status
 * lines to stderr, which {@link Result#status} parses. Public for the window's tests, which check
 * what the window seals with it too. No test skips when gpg is missing: CI
 * installs gnupg, so a missing gpg is a failure.
 */
public final class GnuPG implements AutoCloseable {
    private static final long TIMEOUT_SECONDS = 120;

    final Path home;
    private final Path work;
    private Path passphraseFile;

    /** {@code dir} is a fresh folder, e.g. a @TempDir; GNUPGHOME is made inside it. */
    public GnuPG(Path dir) {
        try {
            work = dir;
            home = dir.resolve("gnupg");
            Files.createDirectories(home, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            Files.writeString(home.resolve("gpg-agent.conf"), "allow-loopback-pinentry\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The passphrase every later run offers when gpg asks for one (set it after generating keys). */
    public GnuPG passphrase(String passphrase) {
        try {
            passphraseFile = work.resolve("passphrase.txt");
            Files.writeString(passphraseFile, passphrase + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public Result run(String... args) {
        return runWithInput(null, args);
    }

    public Result runWithInput(byte[] stdin, String... args) {
        List<String> command = new ArrayList<>(List.of("gpg", "--homedir", home.toString(),
                "--batch", "--no-tty", "--status-fd", "2", "--pinentry-mode", "loopback"));
        if (passphraseFile != null) {
            command.addAll(List.of("--passphrase-file", passphraseFile.toString()));
        }
        command.addAll(Arrays.asList(args));
        return exec(command, stdin);
    }

    /**
     * Revokes a key the way its owner would, answering {@code gpg --gen-revoke}'s questions (it
     * refuses batch mode), at {@code fakedTime} (e.g. {@code 20250101T000000!}), and imports the
     * revocation. {@code menuReason}: gpg's menu, 0 no reason, 1 compromised, 2 superseded, 3 no
     * longer used.
     */
    void revoke(String fingerprint, int menuReason, String fakedTime) {
        Path revocation = work.resolve(fingerprint + "-" + menuReason + ".rev");
        List<String> command = new ArrayList<>(List.of("gpg", "--homedir", home.toString(), "--no-tty", "--command-fd", "0",
                "--status-fd", "2", "--pinentry-mode", "loopback", "--passphrase", "", "--faked-system-time", fakedTime,
                "--armor", "--output", revocation.toString(), "--gen-revoke", fingerprint));
        exec(command, ("y\n" + menuReason + "\nrevoked by its owner\n\ny\n").getBytes(StandardCharsets.US_ASCII)).ok();
        run("--import", revocation.toString()).ok();
    }

    /** Revokes subkey number {@code index} (1 = the first subkey) as its owner would, with {@code gpg --edit-key}. */
    void revokeSubkey(String fingerprint, int index) {
        List<String> command = new ArrayList<>(List.of("gpg", "--homedir", home.toString(), "--no-tty", "--command-fd", "0",
                "--status-fd", "2", "--pinentry-mode", "loopback", "--passphrase", "", "--edit-key", fingerprint));
        exec(command, ("key " + index + "\nrevkey\ny\n1\nsubkey revoked by its owner\n\ny\nsave\n")
                .getBytes(StandardCharsets.US_ASCII)).ok();
    }

    private Result exec(List<String> command, byte[] stdin) {
        try {
            Path out = Files.createTempFile(work, "gpg", ".out");
            Path err = Files.createTempFile(work, "gpg", ".err");
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().put("GNUPGHOME", home.toString());
            builder.environment().put("LC_ALL", "C");
            builder.environment().put("LANGUAGE", "C");
            Process process;
            try {
                process = builder.start();
            } catch (IOException e) {
                throw new AssertionError("cannot run " + command.get(0) + " (install gnupg; these tests need it on PATH)", e);
            }
            try (OutputStream in = process.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin);
                }
            }
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail(String.join(" ", command) + " did not finish within " + TIMEOUT_SECONDS + " s");
            }
            return new Result(process.exitValue(), Files.readAllBytes(out),
                    Files.readString(err, StandardCharsets.UTF_8), String.join(" ", command));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Imports keys from a file; returns the fingerprint of the (first) key imported. */
    public String importKey(Path file) {
        return run("--import", file.toString()).ok().require("IMPORT_OK").get(2);
    }

    /** {@code gpg --quick-gen-key}, unprotected; returns the new primary key's fingerprint. */
    public String generate(String userId, String algo, String usage, String expire, String... options) {
        List<String> args = new ArrayList<>(Arrays.asList(options));
        args.addAll(List.of("--passphrase", "", "--quick-gen-key", userId, algo, usage, expire));
        return run(args.toArray(new String[0])).ok().require("KEY_CREATED").get(2);
    }

    /** {@code gpg --quick-add-key} to an unprotected key. */
    public void addSubkey(String fingerprint, String algo, String usage, String expire) {
        run("--passphrase", "", "--quick-add-key", fingerprint, algo, usage, expire).ok();
    }

    /** {@code gpg --export --armor}, written to {@code file}. */
    public Path export(String fingerprint, Path file) {
        return write(file, run("--export", "--armor", fingerprint).ok().stdout());
    }

    static Path write(Path file, byte[] bytes) {
        try {
            return Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the gpg-agent this home started, so no process outlives the test. */
    @Override
    public void close() {
        exec(List.of("gpgconf", "--homedir", home.toString(), "--kill", "all"), null);
    }

    /** One run of gpg: exit code, stdout bytes, stderr text with its [GNUPG:] status lines. */
    public record Result(int code, byte[] stdout, String stderr, String command) {
        public Result ok() {
            if (code != 0) {
                throw new AssertionError(command + "\nexited " + code + "\nstderr:\n" + stderr);
            }
            return this;
        }

        public String out() {
            return new String(stdout, StandardCharsets.UTF_8);
        }

        /** The first status line with this keyword, as its words (the keyword is word 0). */
        public Optional<List<String>> status(String keyword) {
            return stderr.lines().filter(line -> line.startsWith("[GNUPG:] " + keyword + " ") || line.equals("[GNUPG:] " + keyword))
                    .map(line -> List.of(line.substring(9).split(" "))).findFirst();
        }

        /** The first status line with this keyword; fails with the transcript when absent. */
        public List<String> require(String keyword) {
            return status(keyword).orElseThrow(() -> new AssertionError("no " + keyword + " status from " + command + "\n" + stderr));
        }
    }
}
