package org.gawah.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.gawah.Language;
import org.gawah.testsupport.Gawah;
import org.gawah.testsupport.Homes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.ParseResult;

/**
 * Every example in every --help, in every language, is a command a newcomer can copy: the test
 * takes each one out of the help as it is shown (continuation lines and all), reads it as a shell
 * would (quotes, backslashes, comments, redirections, a pipe), and parses it with the program's
 * own command line. Then it runs each of them, in the order a documenter and a legal team would,
 * against real homes, with the files the example names and the ids and fingerprint a reader
 * would put in place of the example's own. Only the examples that cannot run here are left out,
 * each with its reason, and an example no step knows fails the test.
 */
class HelpExamplesTest {
    /** The ids and fingerprint the examples use, which a reader replaces with their own. */
    private static final String RECORD = "GWH-7K3M-9QXA-2D4F-8ZZP";
    private static final String CASE = "GWC-4F2K-9QXA-7M3B-2D8Z";
    private static final String FINGERPRINT = "0A1B 2C3D 4E5F 6071 8293  A4B5 C6D7 E8F9 0A1B 2C3D";

    /** Examples parsed but not run, and why. */
    private static final Map<String, String> NOT_RUN = Map.ofEntries(
            Map.entry("init --vault postgresql://amina@vault/team?sslmode=verify-full",
                    "a team's server by name: TeamVaultTest runs init --vault against a real PostgreSQL on 127.0.0.1"),
            Map.entry("vault copy --to postgresql://amina@vault/team?sslmode=verify-full",
                    "a team's server by name: VaultCopyTest copies to and from a real PostgreSQL on 127.0.0.1"),
            Map.entry("vault admit nadia.asc --fingerprint 0A1B 2C3D 4E5F 6071 8293  A4B5 C6D7 E8F9 0A1B 2C3D",
                    "a second analyst's home on a shared vault: AnalystAdmissionTest admits one checked by --fingerprint"),
            Map.entry("vault copy --to /media/backup/vault-copy.db",
                    "--to names a file or a URL, which this scenario cannot move into its folders: VaultCopyTest copies into new files"),
            Map.entry("quickstart",
                    "the whole demo, 25 s: QuickstartTest runs it"),
            Map.entry("quickstart --dir /tmp/gawah-demo",
                    "the whole demo, 25 s: QuickstartTest runs it"),
            Map.entry("interview",
                    "asks questions at a terminal: InterviewThroughTerminalTest answers them"),
            Map.entry("interview --lang fa-AF",
                    "asks questions at a terminal: InterviewThroughTerminalTest answers them"),
            Map.entry("interview --lang fa-AF --save-draft",
                    "asks questions at a terminal: InterviewStopsTest answers them"),
            Map.entry("interview --attach photo.jpg --attach interview.m4a",
                    "asks questions at a terminal: InterviewWarnsOfWhatAPhotoTellsTest answers them with files attached"),
            Map.entry("desktop",
                    "opens a window: the window tests (@WindowTest, under Xvfb) drive it"),
            Map.entry("desktop --lang fa-AF --lock-after 5",
                    "opens a window: the window tests (@WindowTest, under Xvfb) drive it"),
            Map.entry("keys import --role tsa --url https://freetsa.org/tsr freetsa-cacert.pem",
                    "a public authority's certificate: TimestampCommandTest pins local authorities' certificates"),
            Map.entry("timestamp",
                    "asks a time-stamping authority on the network: TimestampCommandTest asks local ones"),
            Map.entry("timestamp --tsa https://freetsa.org/tsr --hash sha512",
                    "asks a time-stamping authority on the network: TimestampCommandTest asks local ones"));

    @TempDir
    Path dir;

    @Test
    void everyExampleInEveryLanguageParsesAndIsTheSameCommand() {
        Map<Locale, Set<String>> byLanguage = new LinkedHashMap<>();
        List<String> refused = new ArrayList<>();
        for (Locale locale : Language.SUPPORTED) {
            Set<String> commands = new TreeSet<>();
            for (String example : examples(locale)) {
                Shell.Line line = Shell.read(example);
                if (!line.words().get(0).equals("gawah")) {
                    continue; // gpg --decrypt ...: another program's command
                }
                commands.add(String.join(" ", line.words()));
                try {
                    parse(line.words().subList(1, line.words().size()));
                } catch (CommandLine.ParameterException e) {
                    refused.add(locale + ": " + example + ": " + e.getMessage());
                }
            }
            byLanguage.put(locale, commands);
        }
        assertEquals(List.of(), refused);
        assertTrue(byLanguage.get(Language.ENGLISH).size() > 40, byLanguage.toString());
        assertEquals(byLanguage.get(Language.ENGLISH), byLanguage.get(Language.DARI));
        assertEquals(byLanguage.get(Language.ENGLISH), byLanguage.get(Language.PASHTO));
    }

    @Test
    void everyExampleRunsAgainstRealHomes() throws IOException {
        Set<String> all = new LinkedHashSet<>();
        for (String example : examples(Language.ENGLISH)) {
            all.add(example);
        }
        Run run = new Run(dir);
        run.all(all);
        Set<String> notRun = new TreeSet<>();
        for (String example : all) {
            Shell.Line line = Shell.read(example);
            String command = String.join(" ", line.words().subList(1, line.words().size()));
            if (line.words().get(0).equals("gawah") && !run.ran.contains(example) && !NOT_RUN.containsKey(command)) {
                notRun.add(example);
            }
        }
        assertEquals(Set.of(), notRun, "examples no step of this test runs: add them to a step, or to NOT_RUN with the reason");
    }

    /** The scenario: each example where it makes sense, with what it needs made first. */
    private static final class Run {
        final Set<String> ran = new LinkedHashSet<>();
        final Homes homes;
        final Path base;
        final Path documenterFiles;
        final Path legalFiles;
        final Map<String, String> ids = new LinkedHashMap<>();
        private int scratch;
        /** What the reader types when the command asks (standard input), if anything. */
        private String typed;
        /** Where each example wrote its files, the latest first. */
        private final List<Path> outs = new ArrayList<>();

        Run(Path base) throws IOException {
            this.base = base;
            homes = Homes.copied(base.resolve("homes"));
            documenterFiles = Files.createDirectories(base.resolve("documenter-files"));
            legalFiles = Files.createDirectories(base.resolve("legal-files"));
            Files.write(documenterFiles.resolve("testimony.json"), Homes.sampleInput());
            Files.copy(base.resolve("homes").resolve("legal.asc"), documenterFiles.resolve("legal-team.asc"));
            for (String file : List.of("interview.m4a", "scan.pdf", "photo-2.jpg", "voice-note.m4a", "transcript.txt")) {
                Files.write(documenterFiles.resolve(file), ("bytes of " + file).getBytes(StandardCharsets.UTF_8));
            }
            Files.writeString(documenterFiles.resolve("account.txt"), "The witness said what she saw.\n");
            Files.writeString(documenterFiles.resolve("files.txt"), "interview.m4a\nscan.pdf\n");
            Files.writeString(legalFiles.resolve("analysis.txt"), "Consistent with the other accounts from Herat.\n");
            // The receiving body's certificate in the export example: here, the documenter's.
            Files.copy(base.resolve("homes").resolve("documenter.asc"), legalFiles.resolve("mechanism.asc"));
        }

        void all(Set<String> examples) throws IOException {
            // A new home, a new key, the team's keys pinned (the first steps of gawah --help).
            Path fresh = base.resolve("fresh");
            run(examples, "gawah init", fresh, documenterFiles, null);
            run(examples, "gawah init --home /media/usb/gawah", fresh, documenterFiles, null);
            run(examples, "gawah keys generate --name \"Documenter D-14\"", fresh, documenterFiles, null);
            run(examples, "gawah keys import --role legal legal-team.asc", fresh, documenterFiles, null);
            Path second = newHome("second");
            run(examples, "gawah keys generate --name \"Documenter D-14\" --email d14@example.org", second, documenterFiles, null);
            ids.put(FINGERPRINT, homes.legalFingerprint);
            run(examples, "gawah keys import --role legal legal-team.asc \\", second, documenterFiles, null);
            run(examples, "gawah keys generate --name \"Legal team L-2\" --profile rfc9580", newHome("third"), documenterFiles, null);

            // The documenter's laptop.
            Path documenter = homes.documenter;
            ids.put(RECORD, run(examples, "gawah record --from testimony.json \\", documenter, documenterFiles,
                    "--attach interview.m4a --attach-copy scan.pdf").strip());
            run(examples, "gawah record --from testimony.json", documenter, documenterFiles, null);
            run(examples, "gawah record --from testimony.json --attach-from files.txt", documenter, documenterFiles, null);
            run(examples, "gawah attach " + RECORD + " photo-2.jpg voice-note.m4a", documenter, documenterFiles, null);
            // A transcript made later, of the recording sealed above: its attachment id is in the vault in the clear.
            ids.put("GWA-4T7K-2M9Q-8ZXC-3VBN", firstAttachment(documenter, ids.get(RECORD)));
            run(examples, "gawah attach " + RECORD + " transcript.txt \\", documenter, documenterFiles, "--transcript-of");
            run(examples, "gawah record --from testimony.json \\", documenter, documenterFiles, "--transcript-of 1");
            run(examples, "gawah keys list", documenter, documenterFiles, null);
            run(examples, "gawah keys list --home ~/.gawah", documenter, documenterFiles, null);
            run(examples, "gawah keys export --out documenter-d14.asc", documenter, documenterFiles, null);
            run(examples, "gawah list --home ~/.gawah", documenter, documenterFiles, null);
            run(examples, "gawah export-sealed " + RECORD + " --out record.pgp", documenter, documenterFiles, null);
            run(examples, "gawah export-sealed " + RECORD + " --attachment 1 --out photo.jpg.pgp", documenter, documenterFiles, null);
            run(examples, "gawah submit --out submission.zip", documenter, documenterFiles, null);
            homes.record();
            run(examples, "gawah submit --since --out week-48.zip", documenter, documenterFiles, null);
            run(examples, "gawah verify submission.zip", documenter, documenterFiles, null);
            run(examples, "gawah doctor --home ~/.gawah", documenter, documenterFiles, null);
            run(examples, "gawah lock", documenter, documenterFiles, null);

            // The legal team's workstation.
            Path legal = homes.legal;
            // What travels from the documenter to the legal team, under the names the examples give it.
            Files.copy(written("submission.zip"), legalFiles.resolve("submission.zip"));
            Files.copy(written("submission.zip"), legalFiles.resolve("submission-GWB-4T9K-2M8Q-7XRA-C3PD.zip"));
            Files.copy(written("record.pgp"), legalFiles.resolve(ids.get(RECORD) + ".pgp"));
            run(examples, "gawah verify submission-GWB-4T9K-2M8Q-7XRA-C3PD.zip", legal, legalFiles, null);
            run(examples, "gawah import submission.zip", legal, legalFiles, null);
            run(examples, "gawah open " + RECORD, legal, legalFiles, null);
            run(examples, "gawah open --identity " + RECORD, legal, legalFiles, null);
            run(examples, "gawah open " + RECORD + " --out testimony.json \\", legal, legalFiles, "--attachments ./evidence");
            run(examples, "gawah open --sealed " + RECORD + ".pgp --out testimony.json", legal, legalFiles, null);
            // The title is asked for (a title may name a place or a group: never on the command line).
            typed = "Detentions, Herat 2025\n";
            ids.put(CASE, run(examples, "gawah case create", legal, legalFiles, null).strip());
            typed = null;
            run(examples, "gawah case add " + CASE + " " + RECORD + " \\", legal, legalFiles, "--tag 'rome:7(1)(h)' --reliability high");
            run(examples, "gawah case add " + CASE + " " + RECORD + " \\", legal, legalFiles, "--tag 'rome:7(1)(h)' --tag");
            run(examples, "gawah case add " + CASE + " " + RECORD + " \\", legal, legalFiles, "--note-file");
            run(examples, "gawah case tags", legal, legalFiles, null);
            run(examples, "gawah case tags | grep 'rome:7(1)'", legal, legalFiles, null);
            run(examples, "gawah case list", legal, legalFiles, null);
            run(examples, "gawah case show " + CASE, legal, legalFiles, null);
            run(examples, "gawah export --case " + CASE + " --for icc --out case-icc.zip", legal, legalFiles, null);
            run(examples, "gawah verify case-icc.zip", legal, legalFiles, null);
            ids.put(FINGERPRINT, homes.documenterFingerprint);
            run(examples, "gawah export --case " + CASE + " --for un-mechanism \\", legal, legalFiles, null);
            // An evidence package encrypted to this home, for the example that checks one.
            Path toSelf = base.resolve("homes").resolve("legal.asc");
            homes.gawah.in(legal, "export", "--case", ids.get(CASE), "--for", "icc", "--to", toSelf.toString(),
                    "--out", legalFiles.resolve("case-icc.zip.pgp").toString()).ok();
            run(examples, "gawah verify case-icc.zip.pgp", legal, legalFiles, null);
            run(examples, "gawah log", legal, legalFiles, null);
            run(examples, "gawah log --jsonl > custody.jsonl", legal, legalFiles, null);
            run(examples, "gawah verify --vault", legal, legalFiles, null);
            run(examples, "gawah verify --vault --no-entry", legal, legalFiles, null);
            run(examples, "gawah keys export --secret --out /media/backup/legal-team.sec.asc", legal, legalFiles, null);
            // A team's existing key made a new home's own (the key just exported stands for GnuPG's).
            Files.copy(written("media/backup/legal-team.sec.asc"), legalFiles.resolve("my-gnupg-key.sec.asc"));
            run(examples, "gawah keys import --secret my-gnupg-key.sec.asc", newHome("fourth"), legalFiles, null);
        }

        private Path newHome(String name) {
            Path home = base.resolve(name);
            homes.gawah.in(home, "init").ok();
            return home;
        }

        /**
         * Runs the example that starts with {@code start} (and holds {@code containing}), as its
         * reader would: in {@code files} (each file it names is there, or is written to a folder
         * of its own), {@code ~/.gawah} and the default home being {@code home}, the example's ids
         * replaced with real ones, the passphrase from the environment. Returns its stdout.
         */
        String run(Set<String> examples, String start, Path home, Path files, String containing) throws IOException {
            String example = null;
            for (String candidate : examples) {
                String shown = replaced(candidate);
                boolean exact = shown.equals(replaced(start));
                boolean continued = start.endsWith("\\") && shown.startsWith(replaced(start))
                        && (containing == null || shown.contains(containing));
                if (exact || (continued && example == null)) {
                    example = candidate;
                }
            }
            assertTrue(example != null, "no example starts with " + start);
            ran.add(example);
            Shell.Line line = Shell.read(replaced(example));
            List<String> args = new ArrayList<>(line.words().subList(1, line.words().size()));
            Path out = Files.createDirectories(base.resolve("out-" + (++scratch)));
            resolvePaths(args, home, files, out);
            List<String> full = new ArrayList<>(List.of("--passphrase-env", Gawah.PASSPHRASE_VAR));
            full.addAll(args);
            byte[] stdin = line.stdin() != null ? Files.readAllBytes(files.resolve(line.stdin()))
                    : typed != null ? typed.getBytes(StandardCharsets.UTF_8) : new byte[0];
            Gawah.Result result = new Gawah(Homes.PASSPHRASE).env("GAWAH_HOME", home.toString())
                    .runWithInput(stdin, full.toArray(new String[0]));
            assertEquals(0, result.code(), example + "\nran as: " + full + "\nstdout: " + result.out() + "\nstderr: " + result.stderr());
            if (line.stdout() != null) {
                Files.write(out.resolve(line.stdout()), result.stdout());
                assertTrue(result.stdout().length > 0, example);
            }
            if (line.grep() != null) {
                assertTrue(result.out().contains(line.grep()), example + ": nothing for grep\n" + result.out());
            }
            outs.add(0, out);
            return result.out();
        }

        /** A file an earlier example wrote, the latest of that name. */
        Path written(String name) {
            return outs.stream().map(out -> out.resolve(name)).filter(Files::exists).findFirst()
                    .orElseThrow(() -> new AssertionError("no example wrote " + name));
        }

        private String replaced(String text) {
            String out = text;
            for (Map.Entry<String, String> id : ids.entrySet()) {
                out = out.replace(id.getKey(), id.getValue());
            }
            return out;
        }

        /**
         * The example's files, as its reader's shell would find them: ~/.gawah is the home; a
         * file the example reads is in {@code files}; one it writes goes to a folder of its own
         * (absolute paths such as /media/usb/gawah included), so that no example overwrites
         * another's.
         */
        private void resolvePaths(List<String> args, Path home, Path files, Path out) {
            ParseResult parsed = parse(args);
            Set<String> paths = new LinkedHashSet<>();
            for (ParseResult result = parsed; result != null; result = result.subcommand()) {
                for (ArgSpec arg : result.matchedArgs()) {
                    if (arg.type() == Path.class || arg.auxiliaryTypes()[0] == Path.class) {
                        paths.addAll(arg.originalStringValues());
                    }
                }
            }
            for (int i = 0; i < args.size(); i++) {
                String arg = args.get(i);
                String value = arg.contains("=") && arg.startsWith("--") ? arg.substring(arg.indexOf('=') + 1) : arg;
                if (!paths.contains(value)) {
                    continue;
                }
                Path resolved;
                if (value.equals("~/.gawah")) {
                    resolved = home;
                } else if (value.startsWith("/")) {
                    resolved = out.resolve(value.substring(1));
                    mkdirs(resolved.getParent());
                } else if (Files.exists(files.resolve(value))) {
                    resolved = files.resolve(value);
                } else {
                    // What an earlier example wrote, as the next example finds it in the reader's folder.
                    resolved = outs.stream().map(o -> o.resolve(value)).filter(Files::exists)
                            .filter(p -> !isOutput(parsed, value)).findFirst().orElse(out.resolve(value));
                }
                args.set(i, arg.substring(0, arg.length() - value.length()) + resolved);
            }
        }

        /** Whether {@code value} is given to an option that names something to write (--out), never read. */
        private static boolean isOutput(ParseResult parsed, String value) {
            for (ParseResult result = parsed; result != null; result = result.subcommand()) {
                for (ArgSpec arg : result.matchedArgs()) {
                    if (arg.isOption() && ((picocli.CommandLine.Model.OptionSpec) arg).longestName().equals("--out")
                            && arg.originalStringValues().contains(value)) {
                        return true;
                    }
                }
            }
            return false;
        }

        private static void mkdirs(Path folder) {
            try {
                Files.createDirectories(folder);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    /** The examples of every command's help in {@code locale}, each joined with its continuation lines. */
    static List<String> examples(Locale locale) {
        List<String> examples = new ArrayList<>();
        collect(Main.commandLine(HelpLayoutTest.terminal(), locale, GawahCommand.COMMANDS), examples);
        return examples;
    }

    private static void collect(CommandLine cli, List<String> examples) {
        String[] lines = cli.getUsageMessage(CommandLine.Help.Ansi.OFF).split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (!HelpLayout.isExample(lines[i]) || lines[i].strip().startsWith("#")) {
                continue;
            }
            StringBuilder example = new StringBuilder(lines[i].strip());
            while (lines[i].endsWith("\\") && i + 1 < lines.length) {
                example.append('\n').append(lines[++i]);
            }
            examples.add(example.toString());
        }
        for (CommandLine sub : cli.getSubcommands().values()) {
            collect(sub, examples);
        }
    }

    /** Parses the words after "gawah" as the program does, refusing what it would refuse before running. */
    static ParseResult parse(List<String> args) {
        CommandLine cli = Main.commandLine(HelpLayoutTest.terminal(), Language.ENGLISH, GawahCommand.COMMANDS);
        ParseResult parsed = cli.parseArgs(args.toArray(new String[0]));
        GlobalOptions.check(parsed);
        return parsed;
    }

    /** Enough of a POSIX shell to read the examples: quotes, backslashes, comments, one redirection each way, a pipe to grep. */
    static final class Shell {
        record Line(List<String> words, String stdin, String stdout, String grep) {
        }

        static Line read(String text) {
            List<String> words = new ArrayList<>();
            StringBuilder word = null;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\\' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++; // a continued line
                } else if (c == '\'') {
                    int close = text.indexOf('\'', i + 1);
                    word = (word == null ? new StringBuilder() : word).append(text, i + 1, close);
                    i = close;
                } else if (c == '"') {
                    word = word == null ? new StringBuilder() : word;
                    for (i++; text.charAt(i) != '"'; i++) {
                        if (text.charAt(i) == '\\' && "\"\\$`".indexOf(text.charAt(i + 1)) >= 0) {
                            i++;
                        }
                        word.append(text.charAt(i));
                    }
                } else if (c == '\\') {
                    word = (word == null ? new StringBuilder() : word).append(text.charAt(++i));
                } else if (Character.isWhitespace(c)) {
                    if (word != null) {
                        words.add(word.toString());
                        word = null;
                    }
                } else if (c == '#' && word == null) {
                    break;
                } else {
                    word = (word == null ? new StringBuilder() : word).append(c);
                }
            }
            if (word != null) {
                words.add(word.toString());
            }
            String stdin = null;
            String stdout = null;
            String grep = null;
            List<String> command = new ArrayList<>();
            for (int i = 0; i < words.size(); i++) {
                switch (words.get(i)) {
                    case "<" -> stdin = words.get(++i);
                    case ">" -> stdout = words.get(++i);
                    case "|" -> {
                        assertEquals("grep", words.get(i + 1), text);
                        grep = words.get(i + 2);
                        i = words.size();
                    }
                    default -> command.add(words.get(i));
                }
            }
            return new Line(command, stdin, stdout, grep);
        }
    }

    /** The id of a record's first attachment, as the vault lists it in the clear (read as a file, not through Gawah). */
    private static String firstAttachment(Path home, String record) throws IOException {
        try (java.sql.Connection db = java.sql.DriverManager.getConnection("jdbc:sqlite:" + home.resolve("vault.db"));
             java.sql.PreparedStatement first = db.prepareStatement(
                     "SELECT id FROM attachments WHERE record_id = ? ORDER BY position LIMIT 1")) {
            first.setString(1, record);
            try (java.sql.ResultSet row = first.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IOException(e);
        }
    }
}
