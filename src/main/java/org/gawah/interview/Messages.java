package org.gawah.interview;

import org.gawah.Message;

/** The interview's words, from {@code messages.properties} beside it (and its translations): both faces show them. */
final class Messages {
    static final String BUNDLE = "org.gawah.interview.messages";

    private Messages() {
    }

    static Message of(String key, Object... values) {
        return Message.of(BUNDLE, key, values);
    }
}
