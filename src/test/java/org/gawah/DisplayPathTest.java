package org.gawah;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every string from outside reaches a screen through one display path: no class but the
 * terminal holds stdout, stderr or the console's writer, so that every line passes its guard
 * ({@code cli.ScreenWriter}, {@link Screen#line}); commands write through the terminal's methods,
 * not its writers (those are for picocli); and no class but the terminal makes a control
 * sequence. A new command cannot print around it without failing here.
 */
class DisplayPathTest {
    private static final Path SOURCES = Path.of("src/main/java");

    /** What may appear only in the files named: a pattern, and where it is allowed. */
    private static final Map<Pattern, Set<String>> CONFINED = Map.of(
            Pattern.compile("System\\.(out|err|console\\(\\))|FileDescriptor\\.(out|err)|\\.writer\\(\\)"),
            Set.of("org/gawah/cli/Terminal.java"),
            Pattern.compile("\\.(out|err)\\(\\)"),
            Set.of("org/gawah/cli/Terminal.java", "org/gawah/cli/Main.java", "org/gawah/cli/GawahCommand.java"),
            Pattern.compile("\\\\033|\\\\u001[bB]|\\\\u009[bB]|\\\\x1[bB]|\\(char\\) ?27\\b"),
            Set.of("org/gawah/cli/Terminal.java"),
            Pattern.compile("\\bprint(ln|f)?\\(|\\bformat\\(\\s*\"[^\"]*%n"),
            Set.of("org/gawah/cli/Terminal.java", "org/gawah/cli/Main.java", "org/gawah/cli/ScreenWriter.java"));

    @Test
    void onlyTheTerminalWritesToTheScreen() throws IOException {
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".java"))::iterator) {
                String relative = SOURCES.relativize(file).toString().replace('\\', '/');
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i);
                    if (line.strip().startsWith("*") || line.strip().startsWith("//")) {
                        continue;
                    }
                    for (Map.Entry<Pattern, Set<String>> rule : CONFINED.entrySet()) {
                        if (rule.getKey().matcher(line).find() && !rule.getValue().contains(relative)) {
                            violations.add(relative + ":" + (i + 1) + ": " + line.strip());
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), violations, "write through Terminal's line, row, say, info, warn, error, prompt or showData");
    }
}
