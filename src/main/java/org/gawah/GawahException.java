package org.gawah;

/**
 * The one exception the user sees. Its {@link Failure} says what kind of failure it is and so
 * which exit code the program ends with; the message says what went wrong, the hint what to do,
 * both as {@link Message}s put into words in the run's language. Messages never carry testimony
 * plaintext.
 */
public final class GawahException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final Failure failure;
    private final transient Message message;
    private final transient Message hint;

    public GawahException(Failure failure, Message message) {
        this(failure, message, null, null);
    }

    public GawahException(Failure failure, Message message, Message hint) {
        this(failure, message, hint, null);
    }

    public GawahException(Failure failure, Message message, Message hint, Throwable cause) {
        super(message.key(), cause);
        this.failure = failure;
        this.message = message;
        this.hint = hint;
    }

    public Failure failure() {
        return failure;
    }

    /** What went wrong, in the run's language. */
    @Override
    public String getMessage() {
        return message.render();
    }

    public Message message() {
        return message;
    }

    /** What the user can do about it, in the run's language, or null. */
    public String hint() {
        return hint == null ? null : hint.render();
    }

    public Message hintMessage() {
        return hint;
    }
}
