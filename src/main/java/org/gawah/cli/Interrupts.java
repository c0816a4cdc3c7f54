package org.gawah.cli;

/**
 * Ctrl-C during an interview asks before discarding, instead of killing the program. Uses
 * {@code sun.misc.Signal} (module jdk.unsupported), which handles Ctrl-C on Linux, macOS and
 * Windows alike; where it is missing, Ctrl-C ends the program as usual, and since nothing was
 * written, nothing is left behind.
 */
final class Interrupts implements AutoCloseable {
    private final Object previous;

    private Interrupts(Object previous) {
        this.previous = previous;
    }

    @SuppressWarnings("restriction")
    static Interrupts onCtrlC(Runnable action) {
        try {
            sun.misc.SignalHandler before = sun.misc.Signal.handle(new sun.misc.Signal("INT"), signal -> action.run());
            return new Interrupts(before);
        } catch (IllegalArgumentException | LinkageError e) {
            return new Interrupts(null);
        }
    }

    @Override
    @SuppressWarnings("restriction")
    public void close() {
        if (previous != null) {
            sun.misc.Signal.handle(new sun.misc.Signal("INT"), (sun.misc.SignalHandler) previous);
        }
    }
}
