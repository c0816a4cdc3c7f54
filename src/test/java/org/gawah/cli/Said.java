package org.gawah.cli;

import java.util.List;
import java.util.Locale;

import org.gawah.Language;
import org.gawah.Message;

/**
 * The words a test expects at the terminal, by key: from the command line's bundle, or from the
 * interview's (org.gawah.interview) or the application layer's (org.gawah.app), whose words the
 * terminal shows too since they moved there.
 */
final class Said {
    private static final List<String> BUNDLES = List.of(Messages.BUNDLE, "org.gawah.interview.messages", "org.gawah.app.messages");

    private Said() {
    }

    static Message of(String key, Object... values) {
        for (String bundle : BUNDLES) {
            if (Message.bundle(bundle, Language.ENGLISH).containsKey(key)) {
                return Message.of(bundle, key, values);
            }
        }
        throw new AssertionError("no bundle has " + key);
    }

    static String render(String key, Locale language) {
        return of(key).render(language);
    }
}
