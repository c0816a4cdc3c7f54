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
 * picocli in cli. A reviewer then knows where to look. One exception, narrow: org.gawah.tsp reads
 * RFC 3161 time-stamp tokens, which are CMS and X.509, not OpenPGP, with Bouncy Castle's TSP,
 * CMS, certificate and operator classes, and nothing else of it (no provider, no OpenPGP, no
 * ASN.1 by hand).
 */
class PackageBoundariesTest {
    private static final Map<String, String> CONFINED = Map.of(
            "org.bouncycastle.", "org/gawah/openpgp/",
            "java.sql.", "org/gawah/vault/",
            "picocli.", "org/gawah/cli/");
    private static final String TSP = "org/gawah/tsp/";
    private static final java.util.regex.Pattern TSP_IMPORTS =
            java.util.regex.Pattern.compile("import org\\.bouncycastle\\.(tsp|cms|cert|operator)\\.[A-Za-z0-9.]+;");

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
                                && !relative.startsWith(home) && !(relative.startsWith(TSP) && TSP_IMPORTS.matcher(line).matches())) {
                            violations.add(relative + ": " + line);
                        }
                    });
                }
            }
        }
        assertEquals(List.of(), violations);
    }
}
