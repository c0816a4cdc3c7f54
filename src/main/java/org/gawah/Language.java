package org.gawah;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The language the program speaks in this run: English, Dari ({@code fa-AF}) or Pashto
 * ({@code ps}). Chosen once, at start, by {@code --lang} or the locale; one language a process,
 * so it is kept here rather than passed through every call that may fail.
 */
public final class Language {
    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale DARI = new Locale("fa", "AF");
    public static final Locale PASHTO = new Locale("ps");
    public static final List<Locale> SUPPORTED = List.of(ENGLISH, DARI, PASHTO);

    private static volatile Locale current = ENGLISH;

    private Language() {
    }

    public static Locale current() {
        return current;
    }

    public static void use(Locale locale) {
        current = SUPPORTED.contains(locale) ? locale : ENGLISH;
    }

    /**
     * The language a tag names, or null: {@code en}, {@code fa-AF} (also {@code fa}, {@code prs},
     * {@code dari}: Dari and Farsi read alike) or {@code ps} ({@code pashto}). Underscores and
     * encodings as in {@code fa_AF.UTF-8} are accepted, so a POSIX locale can be passed as it is.
     */
    public static Locale parse(String tag) {
        if (tag == null) {
            return null;
        }
        String t = tag.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        int cut = indexOfAny(t, '.', '@');
        if (cut >= 0) {
            t = t.substring(0, cut);
        }
        String language = t.contains("-") ? t.substring(0, t.indexOf('-')) : t;
        switch (language) {
            case "en": case "english": return ENGLISH;
            case "fa": case "prs": case "dari": case "farsi": return DARI;
            case "ps": case "pus": case "pbt": case "pashto": return PASHTO;
            default: return null;
        }
    }

    /**
     * The language of the POSIX locale variables, in their order of precedence (LC_ALL,
     * LC_MESSAGES, LANG), else of the system (Windows and macOS set no variables), else English.
     */
    public static Locale fromEnvironment(Function<String, String> env) {
        for (String name : List.of("LC_ALL", "LC_MESSAGES", "LANG")) {
            String value = env.apply(name);
            if (value != null && !value.isEmpty()) {
                Locale chosen = parse(value);
                return chosen == null ? ENGLISH : chosen;
            }
        }
        Locale system = parse(Locale.getDefault(Locale.Category.DISPLAY).toLanguageTag());
        return system == null ? ENGLISH : system;
    }

    /** Dari and Pashto are written right to left. */
    public static boolean rightToLeft(Locale locale) {
        return DARI.equals(locale) || PASHTO.equals(locale);
    }

    private static int indexOfAny(String s, char a, char b) {
        int i = s.indexOf(a);
        int j = s.indexOf(b);
        return i < 0 ? j : j < 0 ? i : Math.min(i, j);
    }
}
