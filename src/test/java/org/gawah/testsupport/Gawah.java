package org.gawah.testsupport;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.gawah.cli.Main;
import org.gawah.cli.Terminal;

/** Runs the gawah program in-process, as a user would from a shell without a terminal. */
public final class Gawah {
    /** The environment variable that carries every test home's passphrase. */
    public static final String PASSPHRASE_VAR = "TEST_PASSPHRASE";

    private final Map<String, String> env = new HashMap<>();

    public Gawah(String passphrase) {
        env.put(PASSPHRASE_VAR, passphrase);
    }

    public Gawah env(String name, String value) {
        env.put(name, value);
        return this;
    }

    public Result run(String... args) {
        return runWithInput(new byte[0], args);
    }

    public Result runWithInput(byte[] stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Terminal terminal = new Terminal(out, err, new ByteArrayInputStream(stdin), Map.copyOf(env), null);
        int code = Main.execute(terminal, args);
        return new Result(code, out.toByteArray(), err.toString(StandardCharsets.UTF_8), String.join(" ", args));
    }

    /** Same, with "--home HOME" appended and, where a passphrase may be asked, "--passphrase-env". */
    public Result in(Path home, String... args) {
        return inWithInput(home, new byte[0], args);
    }

    public Result inWithInput(Path home, byte[] stdin, String... args) {
        List<String> full = new ArrayList<>(Arrays.asList(args));
        full.add("--home");
        full.add(home.toString());
        if (needsPassphrase(args)) {
            full.add("--passphrase-env");
            full.add(PASSPHRASE_VAR);
        }
        return runWithInput(stdin, full.toArray(new String[0]));
    }

    /** {@code gawah case create} in a home, the title on standard input as a person would pipe it. */
    public Result caseCreate(Path home, String title) {
        return inWithInput(home, (title + "\n").getBytes(StandardCharsets.UTF_8), "case", "create");
    }

    private static boolean needsPassphrase(String... args) {
        String command = args.length == 0 ? "" : args[0];
        return java.util.Set.of("record", "open", "attach", "export-sealed", "submit", "import", "export", "timestamp").contains(command)
                || (command.equals("case") && args.length > 1 && java.util.Set.of("create", "add", "show").contains(args[1]))
                || (command.equals("verify") && args.length > 1 && args[1].endsWith(".pgp"))
                || (command.equals("verify") && Arrays.asList(args).contains("--vault") && !Arrays.asList(args).contains("--no-entry"))
                || (command.equals("keys") && args.length > 1 && (args[1].equals("generate") || args[1].equals("import")));
    }

    /** One run: exit code, stdout bytes, stderr text. */
    public record Result(int code, byte[] stdout, String stderr, String command) {
        public String out() {
            return new String(stdout, StandardCharsets.UTF_8);
        }

        /** Fails with the whole transcript when the run did not exit 0. */
        public Result ok() {
            if (code != 0) {
                throw new AssertionError("gawah " + command + " exited " + code + "\nstdout: " + out() + "\nstderr: " + stderr);
            }
            return this;
        }
    }
}
