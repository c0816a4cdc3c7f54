package org.gawah.app;

import org.gawah.Message;

/** The application layer's words (why an operation refused), from {@code messages.properties} beside it. */
final class Messages {
    static final String BUNDLE = "org.gawah.app.messages";

    private Messages() {
    }

    static Message of(String key, Object... values) {
        return Message.of(BUNDLE, key, values);
    }
}
