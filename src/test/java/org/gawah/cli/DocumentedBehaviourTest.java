package org.gawah.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.gawah.Failure;
import org.gawah.testsupport.Gawah;
import org.gawah.testsupport.Homes;
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

    /**
     * No option carries a testimony field or a case title: a command line stays in the shell
     * history and every process can read it. Each option named like a field (the names of the
     * shipped full testimony, "title") is one that was judged to hold none, for the reason given.
     */
    @Test
    void noOptionIsATestimonyField() throws Exception {
        Set<String> fields = new TreeSet<>(Set.of("title"));
        collectFieldNames(new ObjectMapper().readTree(Homes.sampleInput()), fields);
        Map<String, String> judged = Map.of(
                "--name", "keys generate: the key's own user ID, which its certificate shows anyway",
                "--reliability", "case add: the legal team's grade from a fixed list, never the witness's words",
                "--role", "keys import: which of the home's roles a certificate is pinned under",
                "--identity", "open, export-sealed: a switch choosing the identity envelope, holding no value");
        CommandLine root = new CommandLine(new GawahCommand(new Terminal(new ByteArrayOutputStream(),
                new ByteArrayOutputStream(), java.io.InputStream.nullInputStream(), Map.of(), null)));
        GawahCommand.COMMANDS.forEach(root::addSubcommand);
        List<String> offending = new ArrayList<>();
        collectOptions(root, fields, judged.keySet(), offending);
        assertEquals(List.of(), offending);
    }

    private static void collectFieldNames(JsonNode node, Set<String> names) {
        node.fields().forEachRemaining(field -> {
            names.add(field.getKey());
            collectFieldNames(field.getValue(), names);
        });
        if (node.isArray()) {
            node.forEach(element -> collectFieldNames(element, names));
        }
    }

    private static void collectOptions(CommandLine command, Set<String> fields, Set<String> judged, List<String> offending) {
        for (CommandLine.Model.OptionSpec option : command.getCommandSpec().options()) {
            for (String name : option.names()) {
                String bare = name.replaceFirst("^-+", "").replaceFirst("^no-", "").replace('-', '_');
                if (fields.contains(bare) && !judged.contains(name)) {
                    offending.add(command.getCommandSpec().qualifiedName(" ") + " " + name);
                }
            }
        }
        command.getSubcommands().values().forEach(sub -> collectOptions(sub, fields, judged, offending));
    }
}
