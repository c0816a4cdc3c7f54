package org.gawah.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import org.gawah.Failure;
import org.gawah.GawahException;
import org.gawah.Language;
import org.gawah.Message;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "quickstart")
final class QuickstartCommand implements Callable<Integer> {
    private static final String PASSPHRASE_VAR = "GAWAH_QUICKSTART_PASSPHRASE";

    @ParentCommand
    GawahCommand root;

    @Option(names = "--dir", paramLabel = "DIR")
    Path dir;

    private Terminal terminal;

    /** The run's language, passed on to every command the demo runs (each would otherwise choose its own). */
    private String language;

    @Override
    public Integer call() throws IOException {
        terminal = root.terminal;
        language = Language.current().toLanguageTag();
        Path base = dir != null ? Files.createDirectories(dir) : Files.createTempDirectory("gawah-quickstart-");
        Path documenter = base.resolve("documenter");
        Path legal = base.resolve("legal-team");
        Path protection = base.resolve("protection-officer");
        Path exchange = Files.createDirectories(base.resolve("exchange"));

        say(Messages.of("quickstart.step-1"));
        home(documenter, "Documenter D-14 (demo)");
        home(legal, "Legal team (demo)");
        home(protection, "Protection officer (demo)");

        say(Messages.of("quickstart.step-2"));
        run(legal, "keys", "export", "--out", exchange.resolve("legal-team.asc").toString());
        run(protection, "keys", "export", "--out", exchange.resolve("protection-officer.asc").toString());
        run(documenter, "keys", "export", "--out", exchange.resolve("documenter.asc").toString());
        run(documenter, "keys", "import", "--role", "legal", exchange.resolve("legal-team.asc").toString(),
                "--passphrase-env", PASSPHRASE_VAR);
        run(documenter, "keys", "import", "--role", "protection", exchange.resolve("protection-officer.asc").toString(),
                "--passphrase-env", PASSPHRASE_VAR);
        run(legal, "keys", "import", "--role", "documenter", exchange.resolve("documenter.asc").toString(),
                "--passphrase-env", PASSPHRASE_VAR);

        say(Messages.of("quickstart.step-3"));
        String id;
        try (InputStream sample = QuickstartCommand.class.getResourceAsStream("sample-testimony.json")) {
            id = run(documenter, sample, "record", "--from", "-", "--passphrase-env", PASSPHRASE_VAR).strip();
        }

        say(Messages.of("quickstart.step-4"));
        run(documenter, "list");

        say(Messages.of("quickstart.step-5"));
        refusedAsExpected(documenter, id);

        say(Messages.of("quickstart.step-6"));
        Path bag = exchange.resolve("submission.zip");
        run(documenter, "submit", "--out", bag.toString(), "--passphrase-env", PASSPHRASE_VAR);

        say(Messages.of("quickstart.step-7"));
        run(legal, "verify", bag.toString());
        run(legal, "import", bag.toString(), "--passphrase-env", PASSPHRASE_VAR);
        run(legal, "open", id, "--passphrase-env", PASSPHRASE_VAR);

        say(Messages.of("quickstart.step-8"));
        String caseId = run(legal, new java.io.ByteArrayInputStream("Demo case\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                "case", "create", "--passphrase-env", PASSPHRASE_VAR).strip();
        run(legal, "case", "add", caseId, id, "--tag", "rome:7(1)(h)", "--reliability", "high",
                "--passphrase-env", PASSPHRASE_VAR);
        Path evidence = exchange.resolve("evidence-icc.zip");
        say(Messages.of("quickstart.step-8-reviewed"));
        run(legal, "export", "--case", caseId, "--for", "icc", "--out", evidence.toString(),
                "--passphrase-env", PASSPHRASE_VAR);
        run(legal, "verify", evidence.toString());

        say(Messages.of("quickstart.step-9"));
        run(legal, "log");
        run(legal, "verify", "--vault", "--passphrase-env", PASSPHRASE_VAR);

        terminal.line();
        say(Messages.of("quickstart.where", documenter, legal, protection, exchange));
        say(Messages.of("quickstart.check-with-standard-tools"));
        say(Messages.of("quickstart.throwaway", base));
        terminal.line();
        say(Messages.of("quickstart.for-real"));
        return 0;
    }

    /**
     * The one command of the demo that must fail: the documenter's laptop opening its own record.
     * Its refusal is shown as the demo's output, framed and followed by the verdict, rather than
     * on stderr among the other commands' messages, where a newcomer would read it as the demo
     * going wrong.
     */
    private void refusedAsExpected(Path documenter, String id) {
        String[] args = {"open", id};
        terminal.line("$ gawah " + shellWords(args) + "   [" + documenter.getFileName() + "]");
        ByteArrayOutputStream refusal = new ByteArrayOutputStream();
        Terminal quiet = terminal.derive(new ByteArrayOutputStream(), refusal, InputStream.nullInputStream(),
                Map.of(PASSPHRASE_VAR, passphrase(documenter)));
        int code = Main.execute(quiet, "--lang", language, "open", "--home", documenter.toString(),
                "--passphrase-env", PASSPHRASE_VAR, id);
        for (String line : refusal.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                terminal.line("   | " + line);
            }
        }
        say(code == Failure.CANNOT_DECRYPT.exitCode()
                ? Messages.of("quickstart.exit-code-expected", code) : Messages.of("quickstart.exit-code", code));
        if (code != Failure.CANNOT_DECRYPT.exitCode()) {
            throw new GawahException(Failure.INTERNAL, Messages.of("quickstart.step-failed", String.join(" ", args)));
        }
    }

    private void home(Path home, String name) {
        run(home, "init");
        run(home, "keys", "generate", "--name", name, "--passphrase-env", PASSPHRASE_VAR);
    }

    private String run(Path home, String... args) {
        return run(home, InputStream.nullInputStream(), args);
    }

    /** Runs one gawah command in a home; returns its stdout; stops the demo if it fails. */
    private String run(Path home, InputStream in, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String[] full = new String[args.length + 4];
        full[0] = "--lang";
        full[1] = language;
        System.arraycopy(args, 0, full, 2, args.length);
        full[args.length + 2] = "--home";
        full[args.length + 3] = home.toString();
        terminal.line("$ gawah " + shellWords(args) + "   [" + home.getFileName() + "]");
        int code = Main.execute(derived(home, out, in), full);
        terminal.text(out.toString(StandardCharsets.UTF_8));
        if (code != 0) {
            throw new GawahException(Failure.INTERNAL, Messages.of("quickstart.step-failed", String.join(" ", args)));
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The command as a shell would take it when copied: words with spaces or shell characters quoted. */
    static String shellWords(String... args) {
        StringBuilder line = new StringBuilder();
        for (String arg : args) {
            line.append(line.length() == 0 ? "" : " ");
            if (arg.matches("[A-Za-z0-9_@%+=:,./~-]+")) {
                line.append(arg);
            } else if (arg.indexOf('\'') < 0) {
                line.append('\'').append(arg).append('\'');
            } else {
                line.append('"').append(arg.replaceAll("([\"\\\\$`])", "\\\\$1")).append('"');
            }
        }
        return line.toString();
    }

    private final Map<Path, String> passphrases = new HashMap<>();

    private Terminal derived(Path home, ByteArrayOutputStream out, InputStream in) {
        return terminal.derive(out, in == null ? new ByteArrayInputStream(new byte[0]) : in,
                Map.of(PASSPHRASE_VAR, passphrase(home)));
    }

    /** Each demo home's random passphrase, made the first time it is needed. */
    private String passphrase(Path home) {
        return passphrases.computeIfAbsent(home, h -> {
            byte[] random = new byte[18];
            new SecureRandom().nextBytes(random);
            return Base64.getUrlEncoder().encodeToString(random);
        });
    }

    /**
     * The demo's narration, on standard output between the commands' own output, one line at a
     * time in the order this terminal shows (see {@link Bidi}).
     */
    private void say(Message words) {
        boolean visual = Bidi.visualOrderWanted(terminal.env("GAWAH_BIDI"), System.getProperty("os.name", ""));
        for (String line : words.render().split("\n", -1)) {
            terminal.line(Bidi.forTerminal(line, visual));
        }
    }
}
