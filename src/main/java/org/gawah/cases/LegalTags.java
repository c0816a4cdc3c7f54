package org.gawah.cases;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.gawah.Failure;
import org.gawah.GawahException;
import org.gawah.Message;

/**
 * The legal-qualification tags the legal team may put on a record, with their labels: the
 * Rome Statute's genocide, crimes against humanity and war crimes, one tag per sub-paragraph
 * ({@code rome:7(1)(h)}). The list is a checked-in resource so that a lawyer can review it
 * without reading Java; a tag not on it is refused, because a typo in a legal qualification
 * would silently file evidence under the wrong crime.
 */
public final class LegalTags {
    private static final String RESOURCE = "rome-statute.tsv";
    /** Article, then a paragraph number for 7 and 8, then lettered and Roman-numbered points. */
    private static final Pattern TAG = Pattern.compile("rome:[678](\\([0-9]+\\))?(\\([a-z]+\\))+");
    /** Longest tag echoed back in a message; anything longer is probably not a typo. */
    private static final int ECHO_LIMIT = 40;

    private final Map<String, String> labels;
    /** The labels in Dari and Pashto, tag for tag ({@code rome-statute_fa_AF.tsv}, {@code rome-statute_ps.tsv}). */
    private final Map<java.util.Locale, Map<String, String>> translated;

    private LegalTags(Map<String, String> labels, Map<java.util.Locale, Map<String, String>> translated) {
        this.labels = labels;
        this.translated = translated;
    }

    /** The list shipped with Gawah, read once. */
    public static LegalTags shipped() {
        return Shipped.TAGS;
    }

    public boolean isKnown(String tag) {
        return tag != null && labels.containsKey(tag);
    }

    /** The label of a known tag in the run's language, or null. */
    public String label(String tag) {
        return label(tag, org.gawah.Language.current());
    }

    /** The label of a known tag in {@code language} (English when there is no translation), or null. */
    public String label(String tag, java.util.Locale language) {
        if (tag == null) {
            return null;
        }
        Map<String, String> inLanguage = translated.get(language);
        return inLanguage != null && inLanguage.containsKey(tag) ? inLanguage.get(tag) : labels.get(tag);
    }

    /** Every tag, in the Statute's order. */
    public List<String> tags() {
        return List.copyOf(labels.keySet());
    }

    /** Refuses a tag that is not on the shipped list. */
    public static void requireKnown(String tag) {
        if (!shipped().isKnown(tag)) {
            // The tag was typed by a person and may be anything (pasted testimony, terminal
            // escapes); only a short printable ASCII one is safe to show back.
            Message message = echoable(tag) ? Messages.of("tags.unknown", tag) : Messages.of("tags.unknown-not-shown");
            throw new GawahException(Failure.USAGE, message, Messages.of("tags.hint"));
        }
    }

    private static boolean echoable(String tag) {
        return tag != null && !tag.isEmpty() && tag.length() <= ECHO_LIMIT
                && tag.chars().allMatch(c -> c >= 0x20 && c <= 0x7e);
    }

    /**
     * Reads the list strictly: UTF-8, comment lines start with '#', every other line is a tag of
     * the expected shape, one tab, a non-blank label; no blank lines, no repeats. A damaged list
     * is a build error, not something to work around at run time.
     */
    static LegalTags parse(byte[] utf8) {
        return new LegalTags(labels(utf8), Map.of());
    }

    /** The shipped list with its translations, which must name exactly the same tags. */
    static LegalTags parse(byte[] english, Map<java.util.Locale, byte[]> translations) {
        Map<String, String> labels = labels(english);
        Map<java.util.Locale, Map<String, String>> translated = new java.util.HashMap<>();
        for (Map.Entry<java.util.Locale, byte[]> translation : translations.entrySet()) {
            Map<String, String> other = labels(translation.getValue());
            if (!other.keySet().equals(labels.keySet())) {
                throw new IllegalStateException(RESOURCE + " in " + translation.getKey() + ": other tags than in English");
            }
            translated.put(translation.getKey(), other);
        }
        return new LegalTags(labels, Map.copyOf(translated));
    }

    private static Map<String, String> labels(byte[] utf8) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(utf8)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalStateException(RESOURCE + ": not UTF-8", e);
        }
        if (!text.endsWith("\n")) {
            throw new IllegalStateException(RESOURCE + ": must end with a line break");
        }
        // Ends with a line break, so the last piece of the split is empty and not a line.
        String[] lines = text.split("\n", -1);
        Map<String, String> labels = new LinkedHashMap<>();
        for (int i = 0; i < lines.length - 1; i++) {
            String line = lines[i];
            if (line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\t", -1);
            if (parts.length != 2 || !TAG.matcher(parts[0]).matches() || parts[1].isBlank()
                    || !parts[1].equals(parts[1].strip())) {
                throw new IllegalStateException(RESOURCE + " line " + (i + 1) + ": expected tag, tab, label");
            }
            if (labels.putIfAbsent(parts[0], parts[1]) != null) {
                throw new IllegalStateException(RESOURCE + " line " + (i + 1) + ": repeated tag " + parts[0]);
            }
        }
        return Collections.unmodifiableMap(labels);
    }

    /** Loaded on first use, so a program that never tags does not read the list. */
    private static final class Shipped {
        static final LegalTags TAGS = load();

        private static LegalTags load() {
            Map<java.util.Locale, byte[]> translations = new java.util.HashMap<>();
            translations.put(org.gawah.Language.DARI, read("rome-statute_fa_AF.tsv"));
            translations.put(org.gawah.Language.PASHTO, read("rome-statute_ps.tsv"));
            return parse(read(RESOURCE), translations);
        }

        private static byte[] read(String resource) {
            try (InputStream in = LegalTags.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("resource missing: " + resource);
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
