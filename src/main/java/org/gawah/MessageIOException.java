package org.gawah;

import java.io.IOException;

/**
 * An I/O failure of Gawah's own making (a stored attachment that fails its check, input that
 * changed while it was sealed) whose words are a {@link Message}: put into words in the run's
 * language each time {@link #getMessage()} is read, so a caller that quotes it in a message of
 * its own stays in that language. Its {@link #message()} can be passed as a value too.
 */
public final class MessageIOException extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient Message message;

    public MessageIOException(Message message) {
        this(message, null);
    }

    public MessageIOException(Message message, Throwable cause) {
        super(message.key(), cause);
        this.message = message;
    }

    @Override
    public String getMessage() {
        return message.render();
    }

    public Message message() {
        return message;
    }
}
