package org.gawah.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gawah.Failure;
import org.gawah.testsupport.Gawah;
import org.junit.jupiter.api.Test;

import picocli.CommandLine;

/** What the README and --help promise is what the program does. */
class DocumentedBehaviourTest {
    @Test
    void readmeListsEveryExitCodeExactly() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        Map<Integer, String> documented = new TreeMap<>();
        Matcher row = Pattern.compile("(?m)^\\| (\\d+) \\| ").matcher(readme);
        while (row.find()) {
            documented.put(Integer.parseInt(row.group(1)), row.group());
        }
        documented.remove(0);
        Map<Integer, String> actual = new TreeMap<>();
        for (Failure failure : Failure.values()) {
            actual.put(failure.exitCode(), failure.name());
        }
        assertEquals(actual.keySet(), documented.keySet());
    }

    @Test
    void everyCommandsHelpShowsAnExample() {
        CommandLine root = Main.commandLine(new Terminal(new ByteArrayOutputStream(), new ByteArrayOutputStream(),
                java.io.InputStream.nullInputStream(), Map.of(), null), org.gawah.Language.ENGLISH, GawahCommand.COMMANDS);
        assertExamples(root);
    }

    private static void assertExamples(CommandLine command) {
        String usage = command.getUsageMessage(CommandLine.Help.Ansi.OFF);
        assertTrue(usage.contains("Example"), command.getCommandName() + " --help shows no example");
        command.getSubcommands().values().forEach(DocumentedBehaviourTest::assertExamples);
    }

    @Test
    void helpGoesToStdoutAndExitsZero() {
        Gawah.Result result = new Gawah("x").run("record", "--help");
        assertEquals(0, result.code());
        assertTrue(result.out().contains("gawah record --from testimony.json"));
    }
}
