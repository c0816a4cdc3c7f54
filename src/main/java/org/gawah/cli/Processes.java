package org.gawah.cli;

import java.util.Optional;

/**
 * Processes known by their id and their start time, so that a number the system gave to a later
 * process is never taken for the one that was registered (interviews, outputs in progress).
 */
final class Processes {
    private Processes() {
    }

    /** The process's start time (ISO 8601), or "" where the system does not tell it. */
    static String startOf(ProcessHandle process) {
        return process.info().startInstant().map(Object::toString).orElse("");
    }

    static String startOfThis() {
        return startOf(ProcessHandle.current());
    }

    /** The process with this id, if it runs and started at {@code started} (never when either time is unknown). */
    static Optional<ProcessHandle> running(long pid, String started) {
        return ProcessHandle.of(pid).filter(p -> !started.isEmpty() && startOf(p).equals(started));
    }

    /**
     * Whether the registered process has surely ended: its id is free, or another process with a
     * known start time has it. When the system does not tell start times, a live id counts as it.
     */
    static boolean ended(long pid, String started) {
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        return process.isEmpty() || (!started.isEmpty() && !startOf(process.get()).isEmpty()
                && !startOf(process.get()).equals(started));
    }
}
