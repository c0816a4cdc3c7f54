package org.gawah.team;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.gawah.cli.Main;
import org.gawah.cli.Terminal;

/**
 * One analyst's process in the team-vault load (bench/team-load.sh, and the short version in
 * {@link SeveralAnalystsAtOnceTest}): {@code OPS} mixed operations, each one gawah command as the
 * analyst would type it (through {@link Main#execute}, the launcher's own entry point: its own
 * connection, its own key unlock, its own custody entries), against the vault the home names,
 * while other analysts' processes do the same. Imports take the bags of {@code BAGS} in order
 * (each with a {@code .ids} file naming its records); opens, case edits and exports work on what
 * this analyst imported.
 *
 * <p>Of every twenty operations: one import, ten opens, two exports, seven case edits (a new case,
 * then records added to it with a note and a tag, four to a case). Writes {@code OUT}: one line per operation ({@code KIND EXIT MILLIS RETRIES}), then one line
 * {@code expect ACTION=COUNT ...}: the custody entries this analyst's successful operations must
 * have appended, which the checker finds in the log (nothing lost). A command told the vault is
 * busy (exit 74) is run again, at most three times, and counted.
 *
 * <p>Run: {@code java -cp CLASSPATH org.gawah.team.AnalystWorkload HOME BAGS OPS OUT} with the
 * passphrase in {@code TEST_PASSPHRASE}.
 */
public final class AnalystWorkload {
    static final String PASSPHRASE_VAR = "TEST_PASSPHRASE";
    private static final byte[] NOTE = "Consistent with two other accounts of the same checkpoint.\n"
            .getBytes(StandardCharsets.UTF_8);

    private final Path home;
    private final Path work;
    private final Map<String, String> env;
    private final List<Path> bags;
    private final List<String> records = new ArrayList<>();
    private final Random random;
    private final Map<String, Integer> expected = new LinkedHashMap<>();
    private final List<String> lines = new ArrayList<>();
    private String currentCase;
    private int inCase;
    private int failures;

    private AnalystWorkload(Path home, Path bagsDir, Path work, long seed) throws IOException {
        this.home = home;
        this.work = work;
        this.env = Map.of(PASSPHRASE_VAR, System.getenv(PASSPHRASE_VAR));
        try (var listed = Files.list(bagsDir)) {
            this.bags = new ArrayList<>(listed.filter(p -> p.toString().endsWith(".zip")).sorted().toList());
        }
        this.random = new Random(seed);
        for (String action : List.of("imported", "opened", "case_created", "analysed", "exported")) {
            expected.put(action, 0);
        }
    }

    public static void main(String[] args) throws IOException {
        Path home = Path.of(args[0]);
        Path out = Path.of(args[3]);
        Path work = Files.createDirectories(out.resolveSibling(out.getFileName() + ".work"));
        AnalystWorkload load = new AnalystWorkload(home, Path.of(args[1]), work, home.toString().hashCode());
        int ops = Integer.parseInt(args[2]);
        for (int i = 0; i < ops; i++) {
            load.next(i);
        }
        StringBuilder expect = new StringBuilder("expect");
        load.expected.forEach((action, count) -> expect.append(' ').append(action).append('=').append(count));
        load.lines.add(expect.toString());
        Files.write(out, load.lines);
        System.exit(load.failures == 0 ? 0 : 1);
    }

    /** The operation at {@code i}: a twentieth imports (while bags last), half opens, a tenth exports, the rest case edits. */
    private void next(int i) throws IOException {
        int slot = i % 20;
        if (slot == 0 && !bags.isEmpty()) {
            importNext();
        } else if (records.isEmpty() || slot % 2 == 1) {
            open();
        } else if (slot == 8 || slot == 18) {
            export();
        } else {
            caseEdit();
        }
    }

    private void importNext() throws IOException {
        Path bag = bags.remove(0);
        if (run("import", null, "import", bag.toString()) == 0) {
            records.addAll(Files.readAllLines(Path.of(bag.toString().replaceFirst("\\.zip$", ".ids"))));
            count("imported");
        }
    }

    private void open() {
        if (records.isEmpty()) {
            run("list", null, "list");
            return;
        }
        if (run("open", null, "open", pick()) == 0) {
            count("opened");
        }
    }

    /** A new case every fifth edit (and first), else a record added to the current one with a note and a tag. */
    private void caseEdit() {
        if (currentCase == null || inCase >= 4) {
            Result created = runFor("case-create", "Checkpoint detentions\n".getBytes(StandardCharsets.UTF_8), "case", "create");
            if (created.code() == 0) {
                currentCase = created.out().strip();
                inCase = 0;
                count("case_created");
            }
            return;
        }
        if (run("case-add", NOTE, "case", "add", currentCase, pick(), "--tag", "rome:7(1)(e)", "--note-file", "-") == 0) {
            inCase++;
            count("analysed");
        }
    }

    private void export() throws IOException {
        if (currentCase == null || inCase == 0) {
            caseEdit();
            return;
        }
        Path out = work.resolve("package-" + lines.size() + ".zip");
        if (run("export", null, "export", "--case", currentCase, "--for", "icc", "--out", out.toString()) == 0) {
            count("exported");
        }
        // The package and its reports were checked by the export itself; only the count matters here.
        try (var left = Files.list(work)) {
            for (Path file : left.toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    private String pick() {
        return records.get(random.nextInt(records.size()));
    }

    private void count(String action) {
        expected.merge(action, 1, Integer::sum);
    }

    private int run(String kind, byte[] stdin, String... args) {
        return runFor(kind, stdin, args).code();
    }

    private record Result(int code, String out) {
    }

    /** One command, timed; told the vault is busy (74), it runs again, at most three times. */
    private Result runFor(String kind, byte[] stdin, String... args) {
        List<String> full = new ArrayList<>(List.of(args));
        full.addAll(List.of("--home", home.toString()));
        if (!kind.equals("list")) {
            full.addAll(List.of("--passphrase-env", PASSPHRASE_VAR));
        }
        long started = System.nanoTime();
        int retries = 0;
        while (true) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            Terminal terminal = new Terminal(out, err, new ByteArrayInputStream(stdin == null ? new byte[0] : stdin), env, null);
            int code = Main.execute(terminal, full.toArray(new String[0]));
            if (code == 74 && retries < 3) {
                retries++;
                continue;
            }
            long millis = (System.nanoTime() - started) / 1_000_000;
            lines.add(kind + " " + code + " " + millis + " " + retries);
            if (code != 0) {
                failures++;
                System.err.println("gawah " + String.join(" ", args) + " exited " + code + ": "
                        + err.toString(StandardCharsets.UTF_8).strip());
            }
            return new Result(code, out.toString(StandardCharsets.UTF_8));
        }
    }
}
