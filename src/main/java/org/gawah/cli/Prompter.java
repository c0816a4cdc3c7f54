package org.gawah.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.gawah.Message;

/**
 * Questions and answers on a plain terminal, one line at a time, so it works over any terminal,
 * a serial line or Windows Terminal alike. Typed text is kept in memory only. At any question:
 * {@code <} goes back one step, {@code !draft} seals what was typed as a draft (when allowed),
 * {@code !lock} closes the session at once. Ctrl-C asks before anything is discarded.
 * Numbers may be typed in Latin, Persian or Arabic digits.
 */
final class Prompter {
    /** The documenter asked to go back a step. */
    static final class Back extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Back() {
            super(null, null, false, false);
        }
    }

    /** The documenter chose to stop: discard everything, or seal it as a draft. */
    static final class Stop extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final boolean draft;

        Stop(boolean draft) {
            super(null, null, false, false);
            this.draft = draft;
        }
    }

    /** {@code !lock}: forget everything and end at once. */
    static final class Lock extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Lock() {
            super(null, null, false, false);
        }
    }

    /** The input ended (Ctrl-D, a closed pipe) before the interview was done. */
    static final class EndOfInput extends RuntimeException {
        private static final long serialVersionUID = 1L;

        EndOfInput() {
            super(null, null, false, false);
        }
    }

    private static final Path STTY = Path.of("/bin/stty");
    private static final Path TTY = Path.of("/dev/tty");
    /** stty answers at once; a terminal that does not answer is not worth holding up the interview for. */
    private static final Duration STTY_WAIT = Duration.ofSeconds(2);

    private final Terminal terminal;
    private final BufferedReader reader;
    private final boolean draftAllowed;
    private final AtomicBoolean interrupted = new AtomicBoolean();
    private final boolean clears;

    Prompter(Terminal terminal, Charset charset, boolean draftAllowed) {
        this.terminal = terminal;
        this.clears = terminal.clears();
        this.reader = new BufferedReader(new InputStreamReader(terminal.in(), charset == null ? StandardCharsets.UTF_8 : charset));
        this.draftAllowed = draftAllowed;
    }

    /** Called from the Ctrl-C handler: the next line typed answers this question instead. */
    void interrupt() {
        interrupted.set(true);
        terminal.say(Messages.of("interview.interrupted"));
        terminal.say(Messages.of("interview.interrupted.continue"));
        terminal.say(Messages.of("interview.interrupted.discard"));
        if (draftAllowed) {
            terminal.say(Messages.of("interview.interrupted.draft"));
        }
        terminal.prompt(Messages.of("interview.choose"));
    }

    /** One line, after the navigation words are handled. */
    String line(Message prompt) {
        while (true) {
            terminal.prompt(prompt);
            String line = read();
            if (interrupted.getAndSet(false)) {
                handleInterrupt(line);
                continue;
            }
            switch (line.strip()) {
                case "<":
                    throw new Back();
                case "!lock":
                    throw new Lock();
                case "!draft":
                    if (draftAllowed) {
                        throw new Stop(true);
                    }
                    terminal.say(Messages.of("interview.draft-not-allowed"));
                    continue;
                default:
                    return line;
            }
        }
    }

    private void handleInterrupt(String answer) {
        int chosen = number(answer);
        if (chosen == 2) {
            throw new Stop(false);
        }
        if (chosen == 3 && draftAllowed) {
            throw new Stop(true);
        }
        terminal.say(Messages.of("interview.continuing"));
    }

    /** Free text; Enter keeps {@code current}; {@code -} clears an optional answer. */
    String text(Message question, String current, boolean required) {
        ask(question, current);
        while (true) {
            String answer = line(Messages.of("interview.answer")).strip();
            if (holdsControl(answer)) {
                terminal.say(Messages.of("interview.control-character"));
                continue;
            }
            if (answer.isEmpty() && current != null) {
                return current;
            }
            if (answer.equals("-") && !required) {
                return null;
            }
            if (!answer.isEmpty()) {
                return answer;
            }
            if (!required) {
                return null;
            }
            terminal.say(Messages.of("interview.required"));
        }
    }

    /** Several lines, ended by a line holding only a full stop. */
    String lines(Message question, String current, boolean required) {
        ask(question, current == null ? null : Messages.of("interview.characters", current.length()).render());
        terminal.say(Messages.of("interview.multiline"));
        while (true) {
            StringBuilder text = new StringBuilder();
            String first = line(Messages.of("interview.answer"));
            for (String line = first; !line.strip().equals("."); line = line(Messages.of("interview.more"))) {
                if (holdsControl(line)) {
                    terminal.say(Messages.of("interview.control-character"));
                    continue;
                }
                text.append(line).append('\n');
            }
            String typed = text.toString().strip();
            if (typed.isEmpty() && current != null) {
                return current;
            }
            if (!typed.isEmpty()) {
                return text.toString().stripTrailing();
            }
            if (!required) {
                return null;
            }
            terminal.say(Messages.of("interview.required"));
        }
    }

    boolean yesNo(Message question, Boolean current) {
        int chosen = choose(question, List.of(Messages.of("interview.yes"), Messages.of("interview.no")),
                current == null ? -1 : current ? 0 : 1);
        return chosen == 0;
    }

    /** One of {@code labels}; returns its index. {@code current} is the index kept by Enter, or -1. */
    int choose(Message question, List<Message> labels, int current) {
        ask(question, current < 0 ? null : labels.get(current).render());
        for (int i = 0; i < labels.size(); i++) {
            terminal.say(Messages.of("interview.option", i + 1, labels.get(i)));
        }
        while (true) {
            String answer = line(Messages.of("interview.choose")).strip();
            if (answer.isEmpty() && current >= 0) {
                return current;
            }
            int n = number(answer);
            if (n >= 1 && n <= labels.size()) {
                return n - 1;
            }
            terminal.say(Messages.of("interview.choose-number", labels.size()));
        }
    }

    /** Several of {@code labels}, as numbers separated by spaces or commas; at least one. */
    List<Integer> chooseSome(Message question, List<Message> labels, List<Integer> current) {
        ask(question, current.isEmpty() ? null : current.stream().map(i -> String.valueOf(i + 1)).reduce((a, b) -> a + " " + b).get());
        for (int i = 0; i < labels.size(); i++) {
            terminal.say(Messages.of("interview.option", i + 1, labels.get(i)));
        }
        while (true) {
            String answer = line(Messages.of("interview.choose-some")).strip();
            if (answer.isEmpty() && !current.isEmpty()) {
                return current;
            }
            List<Integer> chosen = new ArrayList<>();
            for (String part : answer.split("[\\s,،]+")) {
                int n = number(part);
                if (n < 1 || n > labels.size()) {
                    chosen.clear();
                    break;
                }
                if (!chosen.contains(n - 1)) {
                    chosen.add(n - 1);
                }
            }
            if (!chosen.isEmpty()) {
                return chosen;
            }
            terminal.say(Messages.of("interview.choose-number", labels.size()));
        }
    }

    /**
     * A control character the record would refuse (an arrow key on a terminal that does not edit
     * lines types ESC [ D): refused when typed, not first at the seal. Tab is allowed.
     */
    private static boolean holdsControl(String typed) {
        return typed.chars().anyMatch(c -> Character.isISOControl(c) && c != '\t');
    }

    /**
     * Shows {@code lines} a screenful at a time (the terminal's LINES and COLUMNS, else 24 by
     * 80), pausing with {@code more}: Enter shows the next screenful; anything else typed there is
     * returned at once (a choice made before the end), else null once everything was shown.
     */
    String page(List<Message> lines, Message more) {
        int[] size = screenSize();
        int rows = Math.max(5, size[0] - 2);
        int columns = Math.max(20, size[1]);
        int used = 0;
        for (Message line : lines) {
            String shown = line.render();
            int height = 1 + shown.codePointCount(0, shown.length()) / columns;
            if (used > 0 && used + height > rows) {
                String typed = line(more).strip();
                if (!typed.isEmpty()) {
                    return typed;
                }
                used = 0;
            }
            terminal.say(line);
            used += height;
        }
        return null;
    }

    /**
     * Rows and columns of the screen: LINES and COLUMNS when set, else what {@code stty size}
     * says of the terminal (Linux, macOS), else 24 by 80.
     */
    private int[] screenSize() {
        int[] size = {number(terminal.env("LINES"), 0), number(terminal.env("COLUMNS"), 0)};
        if ((size[0] <= 0 || size[1] <= 0) && terminal.console() != null && Files.isExecutable(STTY)
                && Files.exists(TTY)) {
            sttySize(List.of(STTY.toString(), "size"), TTY, STTY_WAIT).ifPresent(told -> {
                size[0] = size[0] > 0 ? size[0] : told[0];
                size[1] = size[1] > 0 ? size[1] : told[1];
            });
        }
        return new int[] {size[0] > 0 ? size[0] : 24, size[1] > 0 ? size[1] : 80};
    }

    /**
     * Rows and columns as {@code command} ({@code stty size}, reading {@code tty}) prints them;
     * empty when it fails, prints anything else, or has not ended within {@code wait} (then it is
     * killed): a hung stty never holds up the interview.
     */
    static Optional<int[]> sttySize(List<String> command, Path tty, Duration wait) {
        Process stty;
        try {
            stty = new ProcessBuilder(command).redirectInput(tty.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            return Optional.empty();
        }
        try {
            // Waited for before its output is read: reading first would wait for as long as it hangs.
            if (!stty.waitFor(wait.toMillis(), TimeUnit.MILLISECONDS) || stty.exitValue() != 0) {
                return Optional.empty();
            }
            // Only what is there once it ended: a child it left holding the pipe cannot make this wait.
            InputStream out = stty.getInputStream();
            String[] rowsColumns = new String(out.readNBytes(Math.min(out.available(), 64)), StandardCharsets.US_ASCII)
                    .strip().split("\\s+");
            int rows = rowsColumns.length == 2 ? number(rowsColumns[0], 0) : 0;
            int columns = rowsColumns.length == 2 ? number(rowsColumns[1], 0) : 0;
            return rows > 0 && columns > 0 ? Optional.of(new int[] {rows, columns}) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } finally {
            stty.descendants().forEach(ProcessHandle::destroyForcibly);
            stty.destroyForcibly();
        }
    }

    private static int number(String value, int otherwise) {
        try {
            return value == null ? otherwise : Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    /** A number from 1 to {@code max}, typed after {@code prompt}; {@code typed}, if not null, is taken as the first answer. */
    int number(Message prompt, int max, String typed) {
        String answer = typed;
        while (true) {
            if (answer != null) {
                int n = number(answer);
                if (n >= 1 && n <= max) {
                    return n;
                }
                terminal.say(Messages.of("interview.choose-number", max));
            }
            answer = line(prompt).strip();
        }
    }

    /** A fresh screen for the next step, where the terminal understands it; a blank line elsewhere. */
    void newScreen() {
        if (clears) {
            terminal.clearScreen();
        }
        terminal.say();
    }

    void say(Message words) {
        terminal.say(words);
    }

    private void ask(Message question, String current) {
        terminal.say(question);
        if (current != null) {
            terminal.say(Messages.of("interview.current", current));
        }
    }

    private String read() {
        try {
            String line = reader.readLine();
            if (line == null && interruptedJustNow()) {
                // A Windows console may end a read on Ctrl-C as if the input had ended: it was the interrupt.
                return "";
            }
            if (line == null) {
                throw new EndOfInput();
            }
            return line;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** True if Ctrl-C came now or comes within a moment (its handler runs on another thread). */
    private boolean interruptedJustNow() {
        for (int i = 0; i < 5 && !interrupted.get(); i++) {
            try {
                Thread.sleep(40);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return interrupted.get();
    }

    /** A whole number typed in any script's decimal digits (Latin, Persian, Arabic-Indic), or -1. */
    static int number(String typed) {
        String s = typed.strip();
        if (s.isEmpty() || s.length() > 3) {
            return -1;
        }
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            int digit = Character.digit(s.charAt(i), 10);
            if (digit < 0) {
                return -1;
            }
            n = n * 10 + digit;
        }
        return n;
    }
}
