package org.gawah;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * One word for one thing (docs/i18n.md, "Words used throughout"): the glossary there holds one
 * term per concept in each language, and the words not to use for it. Every bundle is held to
 * it both ways: no message uses a rejected word, and wherever the English says the term, the
 * Dari and the Pashto say the glossary's word (in one of its listed forms), not some other one.
 */
class GlossaryTest {
    private static final Path GUIDE = Path.of("docs/i18n.md");
    private static final Path RESOURCES = Path.of("src/main/resources/org/gawah");
    /** What a word of Dari or Pashto is made of: letters, their marks, and the zero-width non-joiner inside them. */
    private static final String LETTER = "[\\p{L}\\p{M}\\u200c]";

    /** One row of the glossary. */
    record Term(String english, List<String> englishForms, List<String> dari, List<String> pashto,
                List<String> notDari, List<String> notPashto) {
        Pattern inEnglish() {
            return Pattern.compile("(?<![-\\w./'!])(" + String.join("|", englishForms.stream().map(Pattern::quote).toList())
                    + ")(?![-\\w./]|'(?!s\\b))", Pattern.CASE_INSENSITIVE);
        }
    }

    static List<Term> glossary() throws IOException {
        String guide = Files.readString(GUIDE);
        int start = guide.indexOf("## Words used throughout");
        assertTrue(start >= 0, "docs/i18n.md has no glossary");
        List<Term> terms = new ArrayList<>();
        for (String line : guide.substring(start).split("\n")) {
            if (!line.startsWith("| ") || line.startsWith("| English") || line.startsWith("|---")) {
                continue;
            }
            String[] cells = line.split("\\|", -1);
            assertEquals(7, cells.length, "a glossary row has five cells: " + line);
            List<String> english = forms(cells[1]);
            terms.add(new Term(english.get(0), english, forms(cells[2]), forms(cells[3]), words(cells[4]), words(cells[5])));
        }
        assertTrue(terms.size() >= 20, "the glossary: " + terms);
        return terms;
    }

    /** "سند (سندها، اسناد)": the term, then its other forms in brackets. */
    private static List<String> forms(String cell) {
        List<String> forms = new ArrayList<>();
        Matcher m = Pattern.compile("^\\s*([^(]+?)\\s*(?:\\((.*)\\))?\\s*$").matcher(cell);
        assertTrue(m.matches(), cell);
        forms.add(m.group(1));
        if (m.group(2) != null) {
            forms.addAll(words(m.group(2)));
        }
        return forms;
    }

    private static List<String> words(String cell) {
        List<String> words = new ArrayList<>();
        for (String word : cell.split("[,،]")) {
            if (!word.isBlank() && !word.strip().equals("-")) {
                words.add(word.strip());
            }
        }
        return words;
    }

    @Test
    void theGlossaryHasOneTermPerConceptInEachLanguage() throws IOException {
        Set<String> dari = new HashSet<>();
        Set<String> pashto = new HashSet<>();
        for (Term term : glossary()) {
            assertTrue(dari.add(term.dari().get(0)), "two concepts share the Dari " + term.dari().get(0));
            assertTrue(pashto.add(term.pashto().get(0)), "two concepts share the Pashto " + term.pashto().get(0));
            for (String rejected : term.notDari()) {
                assertTrue(term.dari().stream().noneMatch(form -> form.contains(rejected)), term + " rejects its own form");
            }
        }
    }

    @Test
    void noBundleUsesAWordTheGlossaryRejects() throws IOException {
        List<String> found = new ArrayList<>();
        for (Term term : glossary()) {
            for (Map.Entry<String, String> message : messages("_fa_AF").entrySet()) {
                for (String rejected : term.notDari()) {
                    if (containsWord(message.getValue(), rejected)) {
                        found.add(message.getKey() + " says " + rejected + ", not " + term.dari().get(0) + " (" + term.english() + ")");
                    }
                }
            }
            for (Map.Entry<String, String> message : messages("_ps").entrySet()) {
                for (String rejected : term.notPashto()) {
                    if (containsWord(message.getValue(), rejected)) {
                        found.add(message.getKey() + " says " + rejected + ", not " + term.pashto().get(0) + " (" + term.english() + ")");
                    }
                }
            }
        }
        assertEquals(List.of(), found);
    }

    @Test
    void whereTheEnglishSaysTheTermTheTranslationSaysTheGlossarysWord() throws IOException {
        Map<String, String> english = messages("");
        Map<String, String> dari = messages("_fa_AF");
        Map<String, String> pashto = messages("_ps");
        List<String> found = new ArrayList<>();
        for (Term term : glossary()) {
            Pattern pattern = term.inEnglish();
            for (Map.Entry<String, String> message : english.entrySet()) {
                if (ZIP_MESSAGES.matcher(message.getKey()).find() && ZIP_WORDS.contains(term.english())) {
                    continue; // "record" and "entry" of the zip format, not Gawah's
                }
                List<String> said = new ArrayList<>();
                Matcher m = pattern.matcher(prose(message.getValue()));
                while (m.find()) {
                    // A name in capitals (FINGERPRINT, RECORD-ID) is a placeholder, not the word.
                    if (m.group(1).length() == 1 || !m.group(1).equals(m.group(1).toUpperCase(java.util.Locale.ROOT))) {
                        said.add(m.group(1));
                    }
                }
                if (said.isEmpty()) {
                    continue;
                }
                check(found, message.getKey(), "fa-AF", dari.get(message.getKey()), term.dari(), said, term);
                check(found, message.getKey(), "ps", pashto.get(message.getKey()), term.pashto(), said, term);
            }
        }
        assertEquals(List.of(), found, found.size() + " messages");
    }

    /** Messages about the zip format itself, where "record" and "entry" are the zip format's words. */
    private static final Pattern ZIP_MESSAGES = Pattern.compile("^bag/messages:zip\\.");
    private static final Set<String> ZIP_WORDS = Set.of("record", "custody entry");

    /**
     * Adds a finding unless the translation says one of the glossary's forms, or keeps the English
     * word itself (a value such as the role {@code documenter}, which is typed as it is).
     */
    private static void check(List<String> found, String key, String language, String translation, List<String> forms,
                              List<String> said, Term term) {
        String words = prose(translation);
        if (forms.stream().anyMatch(form -> says(words, form)) || said.stream().anyMatch(translation::contains)) {
            return;
        }
        found.add(key + " (" + language + ") lacks " + forms.get(0) + " for '" + term.english() + "': " + translation);
    }

    /** Whether {@code text} says {@code form}; a form "a … b" is a, then b later (Pashto puts words between). */
    static boolean says(String text, String form) {
        int at = 0;
        for (String part : form.split(" … ")) {
            int found = text.indexOf(part, at);
            if (found < 0) {
                return false;
            }
            at = found + part.length();
        }
        return true;
    }

    /**
     * The words of a message, without what is not translated: example command lines, commands
     * and options quoted in a sentence, wire names in quotes, placeholders.
     */
    static String prose(String text) {
        StringBuilder out = new StringBuilder();
        for (String line : text.split("%n|\\n")) {
            String stripped = line.strip();
            boolean example = line.startsWith("  ") && (stripped.startsWith("gawah ") || stripped.startsWith("#")
                    || stripped.startsWith("gpg ") || stripped.startsWith("--"));
            if (example) {
                continue;
            }
            out.append(line).append('\n');
        }
        return out.toString()
                .replaceAll("gawah( [a-z][a-z-]*)+", " ")
                .replaceAll("--[a-z0-9][a-z0-9-]*(=\\S+)?", " ")
                .replaceAll("'[a-z_]+'", " ")
                .replaceAll("\\{\\d+}", " ");
    }

    /** Whether {@code word} starts a word of {@code text} (Dari and Pashto add endings, never take letters before). */
    static boolean containsWord(String text, String word) {
        return Pattern.compile("(?<!" + LETTER + ")" + Pattern.quote(word)).matcher(text).find();
    }

    /** Every message and help text of every package, by "package:key", in one language ("" for English). */
    static Map<String, String> messages(String suffix) throws IOException {
        Map<String, String> all = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(RESOURCES)) {
            for (Path file : files.filter(f -> f.getFileName().toString().matches("(messages|help)" + suffix + "\\.properties"))
                    .sorted().toList()) {
                Properties properties = new Properties();
                try (InputStream in = Files.newInputStream(file);
                     var reader = new java.io.InputStreamReader(in, StandardCharsets.UTF_8)) {
                    properties.load(reader);
                }
                String bundle = RESOURCES.relativize(file).toString().replaceAll("(_fa_AF|_ps)?\\.properties$", "");
                for (String key : properties.stringPropertyNames()) {
                    all.put(bundle + ":" + key, properties.getProperty(key));
                }
            }
        }
        return all;
    }
}
