package org.gawah.cli;

import java.io.ByteArrayOutputStream;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;

import org.gawah.Failure;
import org.gawah.GawahException;
import org.gawah.openpgp.SecretKey;
import org.gawah.openpgp.SigningKey;

import picocli.CommandLine.Option;

/**
 * Where a passphrase comes from: a prompt (default), a file, or an environment variable named
 * by a flag. Never the command line itself, where other users and shell history would see it.
 * Passphrases are char arrays, wiped by whoever asked for them.
 */
final class PassphraseOptions {
    @Option(names = "--passphrase-file", paramLabel = "FILE",
            description = "Read the passphrase from the first line of FILE instead of asking.")
    Path file;

    @Option(names = "--passphrase-env", paramLabel = "VAR",
            description = "Read the passphrase from the environment variable VAR instead of asking.")
    String envVar;

    /** The passphrase of an existing key. */
    char[] read(Terminal terminal, String prompt) {
        if (file != null) {
            return fromFile(file);
        }
        if (envVar != null) {
            String value = terminal.env(envVar);
            if (value == null || value.isEmpty()) {
                throw new GawahException(Failure.BAD_PASSPHRASE, "the environment variable " + envVar + " is not set");
            }
            return value.toCharArray();
        }
        Console console = requireConsole(terminal);
        char[] typed = console.readPassword("%s: ", prompt);
        if (typed == null || typed.length == 0) {
            throw new GawahException(Failure.BAD_PASSPHRASE, "no passphrase given");
        }
        return typed;
    }

    /** Unlocks the home's own key for signing; the passphrase is wiped at once. */
    SigningKey unlockForSigning(Terminal terminal, SecretKey own, Instant now) {
        char[] secret = read(terminal, "Passphrase for your key " + Display.fingerprint(own.fingerprint()));
        try {
            return own.unlockForSigning(secret, now);
        } finally {
            Arrays.fill(secret, '\0');
        }
    }

    /** A new passphrase: asked twice when typed, checked for a sane length. */
    char[] readNew(Terminal terminal, String prompt) {
        char[] first = read(terminal, prompt);
        if (file == null && envVar == null) {
            char[] again = requireConsole(terminal).readPassword("%s (again): ", prompt);
            boolean same = Arrays.equals(first, again);
            if (again != null) {
                Arrays.fill(again, '\0');
            }
            if (!same) {
                Arrays.fill(first, '\0');
                throw new GawahException(Failure.BAD_PASSPHRASE, "the two passphrases differ");
            }
        }
        if (first.length < 8) {
            Arrays.fill(first, '\0');
            throw new GawahException(Failure.BAD_PASSPHRASE, "the passphrase is shorter than 8 characters",
                    "use a few unrelated words: long is strong, and easier to type under stress");
        }
        return first;
    }

    private static Console requireConsole(Terminal terminal) {
        Console console = terminal.console();
        if (console == null) {
            throw new GawahException(Failure.BAD_PASSPHRASE, "no terminal to ask for the passphrase",
                    "use --passphrase-file FILE or --passphrase-env VAR");
        }
        return console;
    }

    /** The first line of the file, decoded without going through a String. */
    private static char[] fromFile(Path path) {
        byte[] bytes = null;
        try (InputStream in = Files.newInputStream(path)) {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) >= 0 && b != '\n' && line.size() < 4096) {
                if (b != '\r') {
                    line.write(b);
                }
            }
            bytes = line.toByteArray();
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            char[] passphrase = Arrays.copyOf(chars.array(), chars.limit());
            Arrays.fill(chars.array(), '\0');
            if (passphrase.length == 0) {
                throw new GawahException(Failure.BAD_PASSPHRASE, "the passphrase file " + path + " is empty");
            }
            return passphrase;
        } catch (CharacterCodingException e) {
            throw new GawahException(Failure.BAD_PASSPHRASE, "the passphrase file " + path + " is not UTF-8 text");
        } catch (IOException e) {
            throw new GawahException(Failure.MISSING_INPUT, "cannot read the passphrase file " + path);
        } finally {
            if (bytes != null) {
                Arrays.fill(bytes, (byte) 0);
            }
        }
    }
}
