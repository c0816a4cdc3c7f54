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

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "quickstart",
        description = {
            "Show the whole flow in a throwaway folder: a documenter, a legal team and a protection officer each get a home and a key; they exchange certificates; the documenter seals a sample testimony (in Dari); the legal team imports it, opens it and checks the signature, then exports an evidence package for the ICC; the documenter's own laptop cannot open it.",
            "Uses random passphrases; touches no real home.",
        },
        footer = {"", "Example:", "  gawah quickstart --dir /tmp/gawah-demo"})
final class QuickstartCommand implements Callable<Integer> {
    private static final String PASSPHRASE_VAR = "GAWAH_QUICKSTART_PASSPHRASE";

    @ParentCommand
    GawahCommand root;

    @Option(names = "--dir", paramLabel = "DIR", description = "Where to put the demo (new folder). Default: a new temporary folder.")
    Path dir;

    private Terminal terminal;

    @Override
    public Integer call() throws IOException {
        terminal = root.terminal;
        Path base = dir != null ? Files.createDirectories(dir) : Files.createTempDirectory("gawah-quickstart-");
        Path documenter = base.resolve("documenter");
        Path legal = base.resolve("legal-team");
        Path protection = base.resolve("protection-officer");
        Path exchange = Files.createDirectories(base.resolve("exchange"));

        say("1. Three homes, each with its own key (a passphrase locks each key; here random ones)");
        home(documenter, "Documenter D-14 (demo)");
        home(legal, "Legal team (demo)");
        home(protection, "Protection officer (demo)");

        say("2. Certificates (public keys) change hands and are pinned by fingerprint");
        run(legal, "keys", "export", "--out", exchange.resolve("legal-team.asc").toString());
        run(protection, "keys", "export", "--out", exchange.resolve("protection-officer.asc").toString());
        run(documenter, "keys", "export", "--out", exchange.resolve("documenter.asc").toString());
        run(documenter, "keys", "import", "--role", "legal", exchange.resolve("legal-team.asc").toString(),
                "--passphrase-env", PASSPHRASE_VAR);
        run(documenter, "keys", "import", "--role", "protection", exchange.resolve("protection-officer.asc").toString(),
                "--passphrase-env", PASSPHRASE_VAR);
        run(legal, "keys", "import", "--role", "documenter", exchange.resolve("documenter.asc").toString(),
                "--passphrase-env", PASSPHRASE_VAR);

        say("3. The documenter seals a testimony: signed, then encrypted to the legal team and the");
        say("   protection officer; the witness's name goes into a second envelope for the officer only");
        String id;
        try (InputStream sample = QuickstartCommand.class.getResourceAsStream("sample-testimony.json")) {
            id = run(documenter, sample, "record", "--from", "-", "--passphrase-env", PASSPHRASE_VAR).strip();
        }

        say("4. What the vault shows without any key: metadata only");
        run(documenter, "list");

        say("5. The documenter's laptop cannot open its own record (write-only): expected to fail");
        int code = Main.execute(derived(documenter, new ByteArrayOutputStream(), InputStream.nullInputStream()),
                "open", "--home", documenter.toString(), "--passphrase-env", PASSPHRASE_VAR, id);
        say("   -> exit code " + code + (code == Failure.CANNOT_DECRYPT.exitCode() ? " (cannot decrypt), as it should" : ""));

        say("6. The documenter packs a submission bag: the sealed record as it is (still encrypted),");
        say("   the documenter's custody log, and a signature over the bag's manifests");
        Path bag = exchange.resolve("submission.zip");
        run(documenter, "submit", "--out", bag.toString(), "--passphrase-env", PASSPHRASE_VAR);

        say("7. The bag travels (USB stick, Signal, upload); the legal team checks it, imports it");
        say("   (nothing is written unless every check passes) and opens the record from its own vault");
        run(legal, "verify", bag.toString());
        run(legal, "import", bag.toString(), "--passphrase-env", PASSPHRASE_VAR);
        run(legal, "open", id, "--passphrase-env", PASSPHRASE_VAR);

        say("8. The legal team opens a case, qualifies the record under the Rome Statute (its own");
        say("   analysis, signed and sealed apart from the witness's words) and exports an evidence");
        say("   package for the ICC: the testimony exactly as the documenter signed it, with that");
        say("   signature beside it, only because the witness consented to the ICC receiving it");
        String caseId = run(legal, "case", "create", "--title", "Demo case", "--passphrase-env", PASSPHRASE_VAR).strip();
        run(legal, "case", "add", caseId, id, "--tag", "rome:7(1)(h)", "--reliability", "high",
                "--passphrase-env", PASSPHRASE_VAR);
        Path evidence = exchange.resolve("evidence-icc.zip");
        say("   (the witness's name is in the protection officer's envelope, which the legal team cannot");
        say("   open: it read the testimony above, found no name in it, and says so with --reviewed)");
        run(legal, "export", "--case", caseId, "--for", "icc", "--out", evidence.toString(), "--reviewed", id,
                "--passphrase-env", PASSPHRASE_VAR);
        run(legal, "verify", evidence.toString());

        say("9. Every action is in a signed, hash-chained custody log on each side");
        run(legal, "log");
        run(legal, "verify", "--vault", "--passphrase-env", PASSPHRASE_VAR);

        say("");
        say("Where everything is:");
        say("  documenter's home     " + documenter + "   (vault.db, keys/)");
        say("  legal team's home     " + legal);
        say("  protection officer's  " + protection);
        say("  exchanged files       " + exchange + "   (certificates, the submission bag, the evidence package)");
        say("Check the evidence package with standard tools too: unzip it and follow VERIFY.txt inside");
        say("  (gpg --import keys/*.asc; gpg --verify ...; sha256sum -c manifest-sha256.txt; ...)");
        say("This demo used throwaway keys; delete " + base + " when done.");
        return 0;
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
        String[] full = new String[args.length + 2];
        System.arraycopy(args, 0, full, 0, args.length);
        full[args.length] = "--home";
        full[args.length + 1] = home.toString();
        terminal.out().println("$ gawah " + shellWords(args) + "   [" + home.getFileName() + "]");
        int code = Main.execute(derived(home, out, in), full);
        terminal.out().print(out.toString(StandardCharsets.UTF_8));
        if (code != 0) {
            throw new GawahException(Failure.INTERNAL, "quickstart step failed: gawah " + String.join(" ", args));
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String shellWords(String... args) {
        StringBuilder line = new StringBuilder();
        for (String arg : args) {
            line.append(line.length() == 0 ? "" : " ").append(arg.contains(" ") ? "\"" + arg + "\"" : arg);
        }
        return line.toString();
    }

    private final Map<Path, String> passphrases = new HashMap<>();

    private Terminal derived(Path home, ByteArrayOutputStream out, InputStream in) {
        String passphrase = passphrases.computeIfAbsent(home, h -> {
            byte[] random = new byte[18];
            new SecureRandom().nextBytes(random);
            return Base64.getUrlEncoder().encodeToString(random);
        });
        return terminal.derive(out, in == null ? new ByteArrayInputStream(new byte[0]) : in,
                Map.of(PASSPHRASE_VAR, passphrase));
    }

    private void say(String line) {
        terminal.out().println(line);
    }
}
