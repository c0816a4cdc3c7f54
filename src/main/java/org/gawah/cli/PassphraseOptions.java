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
import org.gawah.app.OwnKeyGeneration;
import org.gawah.Message;
import org.gawah.openpgp.Opener;
import org.gawah.openpgp.SecretKey;
import org.gawah.openpgp.SigningKey;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Where a passphrase comes from: a prompt (default), a file, or an environment variable named
 * by a flag. Never the command line itself, where other users and shell history would see it.
 * Passphrases are char arrays, wiped by whoever asked for them.
 */
final class PassphraseOptions {
    @Option(names = "--passphrase-file", paramLabel = "FILE")
    Path file;

    @Option(names = "--passphrase-env", paramLabel = "VAR")
    String envVar;

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    /** --passphrase-file, given after the command name or before it ({@link GlobalOptions}). */
    private Path file() {
        GawahCommand root = GlobalOptions.root(mixee);
        return file != null ? file : root == null ? null : root.passphraseFile;
    }

    /** --passphrase-env, given after the command name or before it. */
    private String envVar() {
        GawahCommand root = GlobalOptions.root(mixee);
        return envVar != null ? envVar : root == null ? null : root.passphraseEnv;
    }

    /** Whether a passphrase can be had without asking at a terminal. */
    boolean given() {
        return file() != null || envVar() != null;
    }

    /** The passphrase of an existing key; {@code prompt} is what to ask if it is typed. */
    char[] read(Terminal terminal, Message prompt) {
        Path file = file();
        String envVar = envVar();
        if (file != null) {
            return fromFile(file);
        }
        if (envVar != null) {
            String value = terminal.env(envVar);
            if (value == null || value.isEmpty()) {
                throw new GawahException(Failure.BAD_PASSPHRASE, Messages.of("passphrase.env-not-set", envVar));
            }
            return value.toCharArray();
        }
        Console console = requireConsole(terminal);
        terminal.prompt(Messages.of("passphrase.prompt", prompt));
        char[] typed = console.readPassword();
        if (typed == null || typed.length == 0) {
            throw new GawahException(Failure.BAD_PASSPHRASE, Messages.of("passphrase.none-given"));
        }
        return typed;
    }

    /** Asks for the passphrase of the key a message names ("Passphrase for your key 0A1B ..."): for {@link AskOnce}. */
    Opener.PassphraseSource forKeys(Terminal terminal) {
        return fingerprint -> read(terminal, Messages.of("passphrase.prompt.key", Display.fingerprint(fingerprint)));
    }

    /** The passphrase of the home's own key, asked by its fingerprint if typed; the caller wipes it. */
    char[] forKey(Terminal terminal, SecretKey own) {
        return read(terminal, Messages.of("passphrase.prompt.key", Display.fingerprint(own.fingerprint())));
    }

    /** Unlocks the home's own key for signing; the passphrase is wiped at once. */
    SigningKey unlockForSigning(Terminal terminal, SecretKey own, Instant now) {
        char[] secret = forKey(terminal, own);
        try {
            return own.unlockForSigning(secret, now);
        } finally {
            Arrays.fill(secret, '\0');
        }
    }

    /** A new passphrase: asked twice when typed, checked for a sane length. */
    char[] readNew(Terminal terminal, Message prompt) {
        char[] first = read(terminal, prompt);
        if (!given()) {
            terminal.prompt(Messages.of("passphrase.prompt.again", prompt));
            char[] again = requireConsole(terminal).readPassword();
            try {
                OwnKeyGeneration.checkSame(first, again == null ? new char[0] : again);
            } catch (GawahException e) {
                Arrays.fill(first, '\0');
                throw e;
            } finally {
                if (again != null) {
                    Arrays.fill(again, '\0');
                }
            }
        }
        try {
            OwnKeyGeneration.checkPassphrase(first);
        } catch (GawahException e) {
            Arrays.fill(first, '\0');
            throw e;
        }
        return first;
    }

    private static Console requireConsole(Terminal terminal) {
        Console console = terminal.console();
        if (console == null) {
            throw new GawahException(Failure.BAD_PASSPHRASE, Messages.of("passphrase.no-terminal"),
                    Messages.of("passphrase.no-terminal.hint"));
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
                throw new GawahException(Failure.BAD_PASSPHRASE, Messages.of("passphrase.file-empty", path));
            }
            return passphrase;
        } catch (CharacterCodingException e) {
            throw new GawahException(Failure.BAD_PASSPHRASE, Messages.of("passphrase.file-not-utf8", path));
        } catch (IOException e) {
            throw new GawahException(Failure.MISSING_INPUT, Messages.of("passphrase.cannot-read-file", path));
        } finally {
            if (bytes != null) {
                Arrays.fill(bytes, (byte) 0);
            }
        }
    }
}
