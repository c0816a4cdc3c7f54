package org.gawah.app;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Processes known by their id and their start time, so that a number the system gave to a later
 * process is never taken for the one that was registered. Only the fallback where a file cannot
 * be locked ({@link ProcessLock}): on Linux Java computes the start time from the boot time, which
 * moves when the clock is stepped, so a running process can read as ended.
 */
public final class Processes {
    private Processes() {
    }

    /** The process's start time (ISO 8601), or "" where the system does not tell it. */
    public static String startOf(ProcessHandle process) {
        return process.info().startInstant().map(Object::toString).orElse("");
    }

    public static String startOfThis() {
        return startOf(ProcessHandle.current());
    }

    /** The process with this id, if it runs and started at {@code started} (never when either time is unknown). */
    public static Optional<ProcessHandle> running(long pid, String started) {
        return ProcessHandle.of(pid).filter(p -> !started.isEmpty() && startOf(p).equals(started));
    }

    /**
     * Whether the registered process has surely ended: its id is free, or another process with a
     * known start time has it. When the system does not tell start times, a live id counts as it.
     */
    public static boolean ended(long pid, String started) {
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        return process.isEmpty() || (!started.isEmpty() && !startOf(process.get()).isEmpty()
                && !startOf(process.get()).equals(started));
    }

    /**
     * Whether {@code process} is Gawah, as far as the system tells: a Java runtime ({@code java},
     * {@code javaw}) running {@code org.gawah.cli.Main} or a {@code gawah*.jar}. Empty where the
     * system does not say (another user's process, an argument list too long for Linux to give).
     */
    public static Optional<Boolean> isGawah(ProcessHandle process) {
        ProcessHandle.Info info = process.info();
        Optional<String> command = info.command();
        if (command.isEmpty()) {
            return Optional.empty();
        }
        String program = baseName(command.get().toLowerCase(Locale.ROOT));
        if (!List.of("java", "java.exe", "javaw", "javaw.exe").contains(program)) {
            return Optional.of(false);
        }
        Optional<String[]> arguments = info.arguments().filter(a -> a.length > 0);
        if (arguments.isEmpty()) {
            return Optional.empty();
        }
        for (String argument : arguments.get()) {
            String name = argument.toLowerCase(Locale.ROOT);
            if (argument.equals("org.gawah.cli.Main") || name.endsWith(".jar") && baseName(name).startsWith("gawah")) {
                return Optional.of(true);
            }
        }
        return Optional.of(false);
    }

    private static String baseName(String path) {
        return path.substring(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
    }
}
