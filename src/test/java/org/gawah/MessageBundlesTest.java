package org.gawah;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every sentence the program says is in a bundle, in English, Dari and Pashto: a key missing in
 * one language, a placeholder lost in translation, a translation left in English, or a sentence
 * written into the code instead of a bundle fails here.
 */
class MessageBundlesTest {
    private static final Path RESOURCES = Path.of("src/main/resources/org/gawah");
    private static final Path SOURCES = Path.of("src/main/java/org/gawah");
    private static final List<String> TRANSLATIONS = List.of("_fa_AF", "_ps");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d{1,2}}");
    private static final Pattern LETTER = Pattern.compile("\\p{IsLatin}{2,}");
    private static final Pattern ARABIC_SCRIPT = Pattern.compile("\\p{IsArabic}");
    private static final Pattern KEY_USE = Pattern.compile("Messages\\.of\\(\\s*\"([^\"]+)\"");

    @Test
    void everyKeyExistsInEveryLanguageWithTheSamePlaceholders() throws IOException {
        for (Path english : bundles()) {
            Properties en = load(english);
            for (String suffix : TRANSLATIONS) {
                Path translated = sibling(english, suffix);
                Properties other = load(translated);
                assertEquals(new TreeSet<>(en.stringPropertyNames()), new TreeSet<>(other.stringPropertyNames()),
                        translated + " has other keys than " + english);
                for (String key : en.stringPropertyNames()) {
                    String source = en.getProperty(key);
                    String target = other.getProperty(key);
                    assertEquals(source.isBlank(), target.isBlank(), translated + ": " + key + " is empty, or should be (a blank help line)");
                    assertEquals(placeholders(source), placeholders(target), translated + ": " + key + " placeholders");
                    assertEquals(count(source, "%n"), count(target, "%n"), translated + ": " + key + " line breaks (%n)");
                    if (ARABIC_SCRIPT.matcher(source).find() || !hasWords(source)) {
                        continue;
                    }
                    assertTrue(ARABIC_SCRIPT.matcher(target).find(), translated + ": " + key + " is not translated: " + target);
                }
            }
        }
    }

    @Test
    void noKeyIsDefinedTwice() throws IOException {
        for (Path english : bundles()) {
            for (String suffix : List.of("", "_fa_AF", "_ps")) {
                Path file = sibling(english, suffix);
                Set<String> seen = new TreeSet<>();
                for (String line : Files.readAllLines(file)) {
                    String key = line.strip().split("\\s*[=:]", 2)[0].strip();
                    if (!key.isEmpty() && !key.startsWith("#") && !line.startsWith(" ") && line.contains("=")) {
                        assertTrue(seen.add(key), file + " defines " + key + " twice");
                    }
                }
            }
        }
    }

    @Test
    void everyKeyTheCodeUsesIsInItsPackagesBundleAndEveryKeyIsUsed() throws IOException {
        for (Path english : bundles()) {
            if (!english.getFileName().toString().equals("messages.properties")) {
                continue;
            }
            Path pkg = SOURCES.resolve(RESOURCES.relativize(english.getParent()));
            Set<String> used = new TreeSet<>();
            try (Stream<Path> files = Files.list(pkg)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    Matcher m = KEY_USE.matcher(Files.readString(file));
                    while (m.find()) {
                        used.add(m.group(1));
                    }
                }
            }
            Set<String> defined = new TreeSet<>(load(english).stringPropertyNames());
            Set<String> missing = new TreeSet<>(used);
            missing.removeAll(defined);
            assertEquals(Set.of(), missing, english + " lacks keys the code in " + pkg + " uses");
            Set<String> unused = new TreeSet<>(defined);
            unused.removeAll(used);
            assertEquals(Set.of(), unused, english + " has keys no code in " + pkg + " uses (keys must be literal)");
        }
    }

    @Test
    void noSentenceIsWrittenIntoTheCode() throws IOException {
        List<String> offences = new ArrayList<>();
        Pattern[] forbidden = {
            Pattern.compile("new GawahException\\([^;]*?,\\s*\""),
            Pattern.compile("Message\\.untranslated\\("),
            Pattern.compile("\\.(info|warn|error|say|prompt)\\(\\s*\"[^\"]*\\p{L}"),
            Pattern.compile("\\b(description|footer|header|heading)\\s*=\\s*\\{?\\s*\"[^\"]*\\p{L}"),
        };
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                for (Pattern p : forbidden) {
                    Matcher m = p.matcher(source);
                    while (m.find()) {
                        offences.add(file + ": " + m.group().replaceAll("\\s+", " "));
                    }
                }
            }
        }
        assertEquals(List.of(), offences, "user-visible sentences outside the bundles");
    }

    static List<Path> bundles() throws IOException {
        try (Stream<Path> files = Files.walk(RESOURCES)) {
            return files.filter(f -> f.getFileName().toString().matches("(messages|help)\\.properties")).sorted().toList();
        }
    }

    private static Path sibling(Path english, String suffix) {
        String name = english.getFileName().toString();
        return english.resolveSibling(name.replace(".properties", suffix + ".properties"));
    }

    static Properties load(Path file) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file);
             java.io.Reader reader = new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8)) {
            p.load(reader);
        }
        return p;
    }

    private static Set<String> placeholders(String s) {
        Set<String> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(s);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    private static int count(String s, String part) {
        return s.split(Pattern.quote(part), -1).length - 1;
    }

    /** Words to translate: Latin letters outside placeholders, option names, codes and command lines. */
    private static boolean hasWords(String s) {
        String prose = s.replaceAll("\\{\\d+}", " ").replaceAll("--[a-z-]+", " ").replaceAll("(?m)^\\s*gawah .*$", " ");
        return LETTER.matcher(prose).find() && prose.matches("(?s).*\\p{IsLatin}{3,}\\s+\\p{IsLatin}{3,}.*");
    }
}
