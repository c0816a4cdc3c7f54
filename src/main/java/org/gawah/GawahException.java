package org.gawah;

/**
 * The one exception the user sees. Its {@link Failure} says what kind of failure it is and so
 * which exit code the program ends with; the message says what went wrong, the hint what to do.
 * Messages never carry testimony plaintext.
 */
public final class GawahException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final Failure failure;
    private final String hint;

    public GawahException(Failure failure, String message) {
        this(failure, message, null, null);
    }

    public GawahException(Failure failure, String message, String hint) {
        this(failure, message, hint, null);
    }

    public GawahException(Failure failure, String message, String hint, Throwable cause) {
        super(message, cause);
        this.failure = failure;
        this.hint = hint;
    }

    public Failure failure() {
        return failure;
    }

    /** What the user can do about it, or null. */
    public String hint() {
        return hint;
    }
}
