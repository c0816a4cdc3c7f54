package org.gawah.testimony;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gawah.Language;
import org.gawah.names.Folding;

/**
 * Language codes as the testimony records them: an ISO 639-1, 639-2 or 639-3 code, optionally
 * followed by {@code -} and a region (two letters A-Z or three digits, as in BCP 47), e.g.
 * {@code prs}, {@code ps}, {@code fa-AF}, {@code 419} regions such as {@code es-419}.
 *
 * <p>The list is a checked-in resource rather than {@code Locale.getISOLanguages()}, because the
 * JDK knows only two-letter codes and Dari ({@code prs}) or Hazaragi ({@code haz}) need 639-3.
 * Case is strict (language lower, region upper) so one language has one spelling in a record.
 *
 * <p>Common languages are known by name too (language-names.tsv: Dari, دری, Pashto, پښتو, ...), so
 * that {@code gawah interview} takes a name and a refusal of a name says which code to write.
 */
public final class Iso639 {
    private static final String RESOURCE = "iso639-codes.txt";
    private static final Pattern SHAPE = Pattern.compile("([a-z]{2,3})(?:-([A-Z]{2}|[0-9]{3}))?");
    /** A line such as {@code qaa-qtz}: a range of three-letter codes (639-2's local-use block). */
    private static final Pattern RANGE = Pattern.compile("([a-z]{3})-([a-z]{3})");

    private static final String NAMES_RESOURCE = "language-names.tsv";

    private static final Set<String> CODES = load();

    /** A language listed by name: its code, the spelling that was listed, and its names for display by language. */
    private record Named(String code, String spelling, Map<Locale, String> display) {
    }

    private static final Map<String, Named> BY_NAME = new HashMap<>();
    private static final Map<String, Named> BY_CODE = new HashMap<>();

    static {
        loadNames();
    }

    private Iso639() {
    }

    /** True if {@code code} is a known language code, optionally with a region. */
    public static boolean isValid(String code) {
        if (code == null) {
            return false;
        }
        Matcher m = SHAPE.matcher(code);
        return m.matches() && CODES.contains(m.group(1));
    }

    /** The code of the language {@code typed} names (Dari, دری, pashto), or null if it names none listed. */
    public static String codeOfName(String typed) {
        Named named = typed == null ? null : BY_NAME.get(foldName(typed));
        return named == null ? null : named.code();
    }

    /** {@code typed} itself if it is a code, else the code of the language it names, else null. */
    public static String code(String typed) {
        return isValid(typed) ? typed : codeOfName(typed);
    }

    /** The listed spelling of the name {@code typed} matched (typed "dari" gives "Dari"), or null. */
    static String listedName(String typed) {
        Named named = typed == null ? null : BY_NAME.get(foldName(typed));
        return named == null ? null : named.spelling();
    }

    /** The name of the language {@code code} (its region left aside) in {@code locale}, or null if it is not listed. */
    public static String name(String code, Locale locale) {
        Named named = BY_CODE.get(code.split("-")[0]);
        return named == null ? null : named.display().getOrDefault(locale, named.display().get(Language.ENGLISH));
    }

    private static String foldName(String typed) {
        return Folding.foldListWord(typed.strip()).replaceAll("[\\s-]+", " ");
    }

    private static void loadNames() {
        try (InputStream in = Iso639.class.getResourceAsStream(NAMES_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource missing: " + NAMES_RESOURCE);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split("\t");
                Map<Locale, String> display = Map.of(Language.ENGLISH, columns[1], Language.DARI, columns[2],
                        Language.PASHTO, columns[3]);
                if (!CODES.contains(columns[0])) {
                    throw new IllegalStateException(NAMES_RESOURCE + ": not a code: " + columns[0]); // a bug in the list
                }
                BY_CODE.put(columns[0], new Named(columns[0], columns[1], display));
                for (int i = 1; i < columns.length; i++) {
                    for (String spelling : columns[i].split("\\|")) {
                        Named before = BY_NAME.putIfAbsent(foldName(spelling), new Named(columns[0], spelling.strip(), display));
                        if (before != null && !before.code().equals(columns[0])) {
                            throw new IllegalStateException(NAMES_RESOURCE + ": two languages named " + spelling); // a bug
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> load() {
        Set<String> codes = new HashSet<>();
        try (InputStream in = Iso639.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource missing: " + RESOURCE);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                Matcher range = RANGE.matcher(line);
                if (range.matches()) {
                    addRange(codes, range.group(1), range.group(2));
                } else {
                    codes.add(line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(codes);
    }

    /** Adds every three-letter code from {@code from} to {@code to}, e.g. qaa, qab … qtz. */
    private static void addRange(Set<String> codes, String from, String to) {
        for (int n = index(from); n <= index(to); n++) {
            codes.add(new String(new char[] {
                (char) ('a' + n / 676), (char) ('a' + n / 26 % 26), (char) ('a' + n % 26)}));
        }
    }

    private static int index(String code) {
        return (code.charAt(0) - 'a') * 676 + (code.charAt(1) - 'a') * 26 + (code.charAt(2) - 'a');
    }
}
