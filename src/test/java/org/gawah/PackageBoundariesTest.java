package org.gawah;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Each dangerous API stays in its one package: Bouncy Castle in openpgp, JDBC in vault,
 * picocli in cli, metadata-extractor in media, Swing, AWT, image decoding and FlatLaf in desktop
 * (the window). A reviewer then knows where to look. One exception, narrow: org.gawah.tsp reads
 * RFC 3161 time-stamp tokens, which are CMS and X.509, not OpenPGP, and RFC 4998 evidence records,
 * with Bouncy Castle's TSP (and its ERS), CMS, certificate and operator classes and the ASN.1
 * structures of RFC 3161 and 4998 it defines, and nothing else of it (no provider, no OpenPGP, no
 * ASN.1 by hand). Inside the window's package, a view model ({@code *Model.java}) is plain
 * Java, tested without a display: it imports nothing of Swing or AWT. The interview's model
 * (org.gawah.interview) and the application layer (org.gawah.app) are what both faces, the
 * terminal and the window, call: they print nothing, read no terminal, and draw nothing.
 */
class PackageBoundariesTest {
    private static final Path SOURCES = Path.of("src/main/java");
    private static final String TSP = "org/gawah/tsp/";
    private static final Pattern TSP_IMPORTS =
            Pattern.compile("import org\\.bouncycastle\\.(tsp|cms|cert|operator|asn1\\.tsp)\\.[A-Za-z0-9.]+;");
    private static final Map<String, String> CONFINED = Map.of(
            "org.bouncycastle.", "org/gawah/openpgp/",
            "java.sql.", "org/gawah/vault/",
            "picocli.", "org/gawah/cli/",
            "javax.swing.", "org/gawah/desktop/",
            "java.awt.", "org/gawah/desktop/",
            "javax.imageio.", "org/gawah/desktop/",
            "com.formdev.flatlaf.", "org/gawah/desktop/",
            // Reads files from outside: one bounded reader (docs/format/testimony.md, "attachments[].metadata").
            "com.drew.", "org/gawah/media/");
    /** What no view model may use, by import or by its full name. */
    private static final Pattern WINDOWING = Pattern.compile("\\b(javax\\.swing|java\\.awt|javax\\.imageio|com\\.formdev\\.flatlaf)\\.");

    @Test
    void dangerousImportsStayInTheirPackage() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Path file : sources()) {
            String relative = relative(file);
            for (String line : Files.readAllLines(file)) {
                CONFINED.forEach((prefix, home) -> {
                    if (line.matches("import (static )?" + Pattern.quote(prefix) + ".*")
                            && !relative.startsWith(home)
                            && !(relative.startsWith(TSP) && TSP_IMPORTS.matcher(line).matches())) {
                        violations.add(relative + ": " + line);
                    }
                });
            }
        }
        assertEquals(List.of(), violations);
    }

    @Test
    void theWindowingToolkitIsNotReachedByItsFullNameElsewhere() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Path file : sources()) {
            String relative = relative(file);
            if (relative.startsWith("org/gawah/desktop/")) {
                continue;
            }
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                if (WINDOWING.matcher(lines.get(i)).find()) {
                    violations.add(relative + ":" + (i + 1) + ": " + lines.get(i).strip());
                }
            }
        }
        assertEquals(List.of(), violations);
    }

    @Test
    void viewModelsUseNeitherSwingNorAwt() throws IOException {
        List<String> violations = new ArrayList<>();
        List<String> models = new ArrayList<>();
        for (Path file : sources()) {
            String relative = relative(file);
            if (!relative.startsWith("org/gawah/desktop/") || !relative.endsWith("Model.java")) {
                continue;
            }
            models.add(relative);
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                if (WINDOWING.matcher(lines.get(i)).find()) {
                    violations.add(relative + ":" + (i + 1) + ": " + lines.get(i).strip());
                }
            }
        }
        assertEquals(List.of(), violations);
        assertEquals(true, models.contains("org/gawah/desktop/WindowModel.java"), "the window's own model is found: " + models);
    }

    /** Printing, reading the terminal, or a face's toolkit: none of it below the two faces. */
    private static final Pattern FACE = Pattern.compile(
            "\\bSystem\\.(out|err|in|console)\\b|\\bjava\\.io\\.(PrintStream|PrintWriter|Console)\\b|\\bpicocli\\.|\\bprintStackTrace\\(");

    @Test
    void theInterviewModelAndTheApplicationLayerPrintNothing() throws IOException {
        List<String> violations = new ArrayList<>();
        List<String> checked = new ArrayList<>();
        for (Path file : sources()) {
            String relative = relative(file);
            if (!relative.startsWith("org/gawah/interview/") && !relative.startsWith("org/gawah/app/")) {
                continue;
            }
            checked.add(relative);
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                if (FACE.matcher(lines.get(i)).find() || WINDOWING.matcher(lines.get(i)).find()) {
                    violations.add(relative + ":" + (i + 1) + ": " + lines.get(i).strip());
                }
            }
        }
        assertEquals(List.of(), violations);
        assertEquals(true, checked.contains("org/gawah/interview/InterviewQuestions.java")
                && checked.contains("org/gawah/app/RecordSeal.java"), "the model and the application layer are found: " + checked);
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        }
    }

    private static String relative(Path file) {
        return SOURCES.relativize(file).toString().replace('\\', '/');
    }
}
