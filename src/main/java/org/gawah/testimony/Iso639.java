package org.gawah.testimony;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Language codes as the testimony records them: an ISO 639-1, 639-2 or 639-3 code, optionally
 * followed by {@code -} and a region (two letters A-Z or three digits, as in BCP 47), e.g.
 * {@code prs}, {@code ps}, {@code fa-AF}, {@code 419} regions such as {@code es-419}.
 *
 * <p>The list is a checked-in resource rather than {@code Locale.getISOLanguages()}, because the
 * JDK knows only two-letter codes and Dari ({@code prs}) or Hazaragi ({@code haz}) need 639-3.
 * Case is strict (language lower, region upper) so one language has one spelling in a record.
 */
public final class Iso639 {
    private static final String RESOURCE = "iso639-codes.txt";
    private static final Pattern SHAPE = Pattern.compile("([a-z]{2,3})(?:-([A-Z]{2}|[0-9]{3}))?");
    /** A line such as {@code qaa-qtz}: a range of three-letter codes (639-2's local-use block). */
    private static final Pattern RANGE = Pattern.compile("([a-z]{3})-([a-z]{3})");

    private static final Set<String> CODES = load();

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
