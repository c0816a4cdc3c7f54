package org.gawah.hostile;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.gawah.cli.Main;
import org.gawah.cli.Terminal;
import org.gawah.testsupport.Gawah;
import org.gawah.testsupport.Homes;

/**
 * The child JVM of {@link HostileInputsTest} (started with -Xmx256m): runs many gawah commands
 * one after another through {@link Main#execute}, the program's own entry point, and writes for
 * each its exit code, wall time, peak heap, any Throwable that escaped, its stderr and whether the
 * home changed. One JVM for the whole corpus keeps the suite fast; each line is flushed as soon as
 * its command ends, so a command that hangs is named by the line that never came.
 *
 * <p>Plan lines: {@code id TAB home TAB arg TAB arg...}. Result lines: {@code id TAB exit TAB
 * millis TAB peakHeapMiB TAB throwable TAB stdoutBytes TAB homeChanged TAB stderr (escaped)}.
 */
public final class HostileRun {
    private HostileRun() {
    }

    public static void main(String[] args) throws Exception {
        List<String> plan = Files.readAllLines(Path.of(args[0]));
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
        try (PrintWriter results = new PrintWriter(Files.newBufferedWriter(Path.of(args[1])))) {
            for (String line : plan) {
                String[] fields = line.split("\t");
                String id = fields[0];
                Path home = Path.of(fields[1]);
                List<String> command = new ArrayList<>(Arrays.asList(fields).subList(2, fields.length));
                command.addAll(List.of("--home", home.toString(), "--passphrase-env", Gawah.PASSPHRASE_VAR, "--lang", "en"));
                String before = state(home);
                System.gc();
                heap.forEach(MemoryPoolMXBean::resetPeakUsage);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                ByteArrayOutputStream err = new ByteArrayOutputStream();
                Terminal terminal = new Terminal(out, err, new ByteArrayInputStream(new byte[0]),
                        Map.of(Gawah.PASSPHRASE_VAR, Homes.PASSPHRASE), null);
                long start = System.nanoTime();
                int code;
                String thrown = "-";
                try {
                    code = Main.execute(terminal, command.toArray(new String[0]));
                } catch (Throwable t) {
                    code = -1;
                    thrown = t.getClass().getName();
                }
                long millis = (System.nanoTime() - start) / 1_000_000;
                long peak = heap.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum() >> 20;
                boolean changed = !before.equals(state(home));
                String stderr = err.toString(StandardCharsets.UTF_8);
                results.println(String.join("\t", id, Integer.toString(code), Long.toString(millis), Long.toString(peak),
                        thrown, Integer.toString(out.size()), Boolean.toString(changed), escape(stderr)));
                results.flush();
            }
        }
        System.exit(0);
    }

    /** The SHA-256 of every file of a home (vault, WAL, keys), by path: what a command must not change. */
    static String state(Path home) throws IOException {
        StringBuilder state = new StringBuilder();
        if (!Files.isDirectory(home)) {
            return "";
        }
        try (Stream<Path> files = Files.walk(home)) {
            for (Path file : (Iterable<Path>) files.sorted()::iterator) {
                if (Files.isRegularFile(file) && !file.getFileName().toString().endsWith("-shm")) {
                    state.append(home.relativize(file)).append(' ').append(sha256(Files.readAllBytes(file))).append('\n');
                }
            }
        }
        try {
            // A team vault is not in the home's folder: its rows are (nothing for a vault file).
            state.append(org.gawah.vault.VaultTamper.contents(home));
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("cannot read the team vault of " + home + ": " + e.getMessage(), e);
        }
        return state.toString();
    }

    private static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }

    static String unescape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                char next = text.charAt(++i);
                out.append(next == 'n' ? '\n' : next == 't' ? '\t' : next == 'r' ? '\r' : next);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
