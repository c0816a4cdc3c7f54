package org.gawah;

import java.util.Arrays;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Words for the user: a key in a package's message bundle and the values for its {@code {0}},
 * {@code {1}}... placeholders, put into words only when shown, in the run's {@link Language}.
 * Every sentence the program says lives in a bundle ({@code messages.properties} and its
 * {@code _fa_AF}, {@code _ps} translations beside the package's classes), never in the code.
 *
 * <p>Placeholders are filled with {@code String.valueOf} shown through {@link Screen#value}
 * (escaped, right-to-left values isolated), a {@code Message} value rendered in the same
 * language; there is no other syntax, so an apostrophe is just an apostrophe (unlike
 * {@link java.text.MessageFormat}). Numbers keep ASCII digits: record ids, sizes and
 * fingerprints must read the same in every language; and in a right-to-left sentence a date, a
 * time or a fingerprint is isolated left to right ({@link Screen#numbersAsWritten}), so that it
 * reads as written, whether it came with a value or with the bundle's words.
 */
public final class Message {
    private final String bundle;
    private final String key;
    private final Object[] values;

    private Message(String bundle, String key, Object[] values) {
        this.bundle = bundle;
        this.key = key;
        this.values = values.clone();
    }

    /** {@code bundle} is a base name such as {@code org.gawah.cli.messages}. */
    public static Message of(String bundle, String key, Object... values) {
        return new Message(bundle, key, values);
    }

    public String key() {
        return key;
    }

    public String bundle() {
        return bundle;
    }

    public String render() {
        return render(Language.current());
    }

    /**
     * The sentence in {@code locale}; in English when a translation is missing, and the bare
     * key if even that is missing: a message must never be what crashes the program (a test
     * makes sure every key exists in every language).
     */
    public String render(Locale locale) {
        if (bundle == null) {
            return key;
        }
        String pattern = pattern(locale);
        if (pattern == null) {
            pattern = pattern(Language.ENGLISH);
        }
        if (pattern == null) {
            return key + (values.length == 0 ? "" : " " + Screen.value(Arrays.toString(values)));
        }
        return Screen.numbersAsWritten(fill(pattern, locale));
    }

    private String pattern(Locale locale) {
        try {
            return bundle(bundle, locale).getString(key);
        } catch (MissingResourceException e) {
            return null;
        }
    }

    /** The bundle itself, without falling back to the JVM's default locale (which may be another language). */
    public static ResourceBundle bundle(String baseName, Locale locale) {
        return ResourceBundle.getBundle(baseName, locale, Message.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    private String fill(String pattern, Locale locale) {
        StringBuilder out = new StringBuilder(pattern.length() + 32);
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            int close = c == '{' ? pattern.indexOf('}', i) : -1;
            if (close > i + 1 && close <= i + 3 && isDigits(pattern, i + 1, close)) {
                int n = Integer.parseInt(pattern.substring(i + 1, close));
                out.append(n < values.length ? text(values[n], locale) : pattern.substring(i, close + 1));
                i = close + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /**
     * A value as it is put into words: a message in the same language; anything else through
     * {@link Screen#value}, as any value may come from outside (a user ID, a file name, an
     * exception's message) and the code that builds a message cannot be trusted to remember it.
     */
    private static String text(Object value, Locale locale) {
        return value instanceof Message
                ? ((Message) value).render(locale)
                : Screen.value(String.valueOf(value), Language.rightToLeft(locale));
    }

    private static boolean isDigits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return render();
    }
}
