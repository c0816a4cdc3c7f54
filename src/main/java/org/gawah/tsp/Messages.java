package org.gawah.tsp;

import org.gawah.Message;

/** This package's words for the user, from {@code messages.properties} beside it (and its translations). */
final class Messages {
    static final String BUNDLE = "org.gawah.tsp.messages";

    private Messages() {
    }

    static Message of(String key, Object... values) {
        return Message.of(BUNDLE, key, values);
    }
}
