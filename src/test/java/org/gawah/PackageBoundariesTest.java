package org.gawah;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Each dangerous API stays in its one package: Bouncy Castle in openpgp, JDBC in vault,
 * picocli in cli, metadata-extractor in media. A reviewer then knows where to look.
 */
class PackageBoundariesTest {
    private static final Map<String, String> CONFINED = Map.of(
            "org.bouncycastle.", "org/gawah/openpgp/",
            "java.sql.", "org/gawah/vault/",
            "picocli.", "org/gawah/cli/",
            // Reads files from outside: one bounded reader (docs/format/testimony.md, "attachments[].metadata").
            "com.drew.", "org/gawah/media/");

    @Test
    void dangerousImportsStayInTheirPackage() throws IOException {
        Path sources = Path.of("src/main/java");
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".java"))::iterator) {
                String relative = sources.relativize(file).toString().replace('\\', '/');
                for (String line : Files.readAllLines(file)) {
                    CONFINED.forEach((prefix, home) -> {
                        if (line.matches("import (static )?" + java.util.regex.Pattern.quote(prefix) + ".*")
                                && !relative.startsWith(home)) {
                            violations.add(relative + ": " + line);
                        }
                    });
                }
            }
        }
        assertEquals(List.of(), violations);
    }
}
