package org.gawah.interop;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A registry clerk following VERIFY.txt literally: its steps are parsed out of the text (a step
 * is a line "N. ..." at the margin; its commands are the lines indented by six spaces), and
 * steps 1 on run in order, in one bash session, as they are. Only the lines marked
 * "# <- yours" get the clerk's own values. Every command runs with standard input closed, so a
 * command that would sit waiting for the keyboard shows as an error instead. Step 0 (which copy
 * of the steps to trust) is run on its own: {@link #checkCopy}.
 */
public final class Clerk {
    private static final Pattern STEP = Pattern.compile("(\\d+)\\. (.*)");
    private static final Pattern YOURS = Pattern.compile("([A-Z]+)=.*# <- yours.*");
    private static final String COMMAND = "      ";
    private static final long TIMEOUT_SECONDS = 300;

    /** One step of the text: its number, its first line, its commands. */
    record Step(int number, String title, List<String> commands) {
        boolean onlyForEncrypted() {
            return title.startsWith("ONLY FOR AN ENCRYPTED PACKAGE");
        }
    }

    /** What each step printed, in order, up to the first that printed FAILED. */
    public record Outcome(Map<Integer, String> printed) {
        /** The first step that printed FAILED, or 0. */
        public int failedAt() {
            return printed.entrySet().stream().filter(e -> e.getValue().contains("FAILED")).mapToInt(Map.Entry::getKey)
                    .findFirst().orElse(0);
        }

        public String all() {
            StringBuilder text = new StringBuilder();
            printed.forEach((step, out) -> text.append("== step ").append(step).append('\n').append(out));
            return text.toString();
        }
    }

    private final List<Step> steps;

    public Clerk(String verifyTxt) {
        steps = parse(verifyTxt);
    }

    static List<Step> parse(String text) {
        List<Step> steps = new ArrayList<>();
        Step current = null;
        for (String line : text.split("\n", -1)) {
            Matcher step = STEP.matcher(line);
            if (step.matches()) {
                current = new Step(Integer.parseInt(step.group(1)), step.group(2), new ArrayList<>());
                steps.add(current);
            } else if (current != null && line.startsWith(COMMAND)) {
                current.commands().add(line.substring(COMMAND.length()));
            } else if (current != null && !line.isEmpty() && !line.startsWith(" ")) {
                current = null; // the text after the last step
            }
        }
        return steps;
    }

    List<Step> steps() {
        return steps;
    }

    /**
     * Follows every step (those only for an encrypted package when {@code encrypted}) in a new
     * bash session in {@code dir}, which stands for the clerk's home; stops after the first step
     * that prints FAILED. {@code yours} holds the values of the "# <- yours" lines;
     * {@code gnupgHome} is the clerk's own GnuPG home (the one with the secret key), or null.
     */
    public Outcome follow(Path dir, Map<String, String> yours, boolean encrypted, Path gnupgHome) {
        return follow(dir, yours, encrypted, gnupgHome, true);
    }

    /**
     * As {@link #follow(Path, Map, boolean, Path)}; unless {@code stopAtFailure}, every step runs,
     * as a clerk might who reads on past a FAILED line.
     */
    Outcome follow(Path dir, Map<String, String> yours, boolean encrypted, Path gnupgHome, boolean stopAtFailure) {
        try {
            Files.createDirectories(dir.resolve("tmp"));
            ProcessBuilder builder = new ProcessBuilder("bash", "--noprofile", "--norc").directory(dir.toFile())
                    .redirectErrorStream(true);
            Map<String, String> env = builder.environment();
            env.remove("GNUPGHOME");
            if (gnupgHome != null) {
                env.put("GNUPGHOME", gnupgHome.toString());
            }
            env.put("HOME", dir.toString());
            env.put("TMPDIR", dir.resolve("tmp").toString());
            env.put("LANG", "C.UTF-8");
            env.remove("LC_ALL");
            Process bash = builder.start();
            Thread watchdog = new Thread(() -> {
                try {
                    if (!bash.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                        bash.destroyForcibly();
                    }
                } catch (InterruptedException e) {
                    bash.destroyForcibly();
                }
            });
            watchdog.setDaemon(true);
            watchdog.start();
            Map<Integer, String> printed = new LinkedHashMap<>();
            try (Writer in = new java.io.OutputStreamWriter(bash.getOutputStream(), StandardCharsets.UTF_8);
                 BufferedReader out = new BufferedReader(new InputStreamReader(bash.getInputStream(), StandardCharsets.UTF_8))) {
                for (Step step : steps) {
                    if (step.number() == 0 || step.onlyForEncrypted() && !encrypted) {
                        continue;
                    }
                    Path file = dir.resolve("step-" + step.number() + ".sh");
                    Files.write(file, commands(step, yours), StandardCharsets.UTF_8);
                    String end = "@@end of step " + step.number();
                    in.write(". '" + file + "' <&-\necho; echo '" + end + "'\n");
                    in.flush();
                    long stepStart = System.nanoTime();
                    StringBuilder text = new StringBuilder();
                    for (String line = out.readLine(); !end.equals(line); line = out.readLine()) {
                        if (line == null) {
                            throw new AssertionError("bash ended, or took over " + TIMEOUT_SECONDS + " s, in step "
                                    + step.number() + ":\n" + text);
                        }
                        text.append(line).append('\n');
                    }
                    printed.put(step.number(), text.toString());
                    System.out.println("STEP " + step.number() + " " + (System.nanoTime() - stepStart) / 1_000_000 + " ms");
                    assertFalse(text.toString().contains("Bad file descriptor"),
                            "step " + step.number() + " waited for input:\n" + text);
                    if (stopAtFailure && text.toString().contains("FAILED")) {
                        break;
                    }
                }
                // No gpg-agent outlives the test: the fresh home's, and the clerk's own.
                in.write("gpgconf --kill all > /dev/null 2>&1\n");
                if (gnupgHome != null) {
                    in.write("GNUPGHOME='" + gnupgHome + "' gpgconf --kill all > /dev/null 2>&1\n");
                }
                in.write("exit\n");
            }
            bash.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return new Outcome(printed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /**
     * Step 0: its commands, as written, in {@code folder} (which holds the copy of the steps to
     * check as verify-guide.txt); returns what they print.
     */
    String checkCopy(Path folder) {
        Step zero = steps.stream().filter(s -> s.number() == 0).findFirst().orElseThrow(() -> new AssertionError("no step 0"));
        try {
            Process bash = new ProcessBuilder("bash", "--noprofile", "--norc", "-c", String.join("\n", zero.commands()))
                    .directory(folder.toFile()).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
            String out = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!bash.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS) || bash.exitValue() != 0) {
                throw new AssertionError("step 0 failed:\n" + out);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The step's commands as written, the "# <- yours" lines given the clerk's values. */
    private static List<String> commands(Step step, Map<String, String> yours) {
        List<String> lines = new ArrayList<>();
        for (String command : step.commands()) {
            Matcher mine = YOURS.matcher(command);
            if (mine.matches()) {
                String value = yours.get(mine.group(1));
                if (value == null) {
                    throw new AssertionError("no value for " + mine.group(1) + " in step " + step.number());
                }
                lines.add(mine.group(1) + "='" + value.replace("'", "'\\''") + "'");
            } else {
                lines.add(command);
            }
        }
        return lines;
    }
}
