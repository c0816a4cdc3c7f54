package org.gawah.desktop;

import org.gawah.Message;

/** The window's words, from {@code messages.properties} beside it (and its translations). */
final class Messages {
    static final String BUNDLE = "org.gawah.desktop.messages";

    private Messages() {
    }

    static Message of(String key, Object... values) {
        return Message.of(BUNDLE, key, values);
    }
}
