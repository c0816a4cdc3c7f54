package org.gawah.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;

import org.gawah.Language;
import org.gawah.Message;
import org.junit.jupiter.api.Test;

import picocli.CommandLine;

/**
 * Help as a newcomer copies from it: within 80 columns, never a file name, flag or example cut
 * in two (picocli on its own breaks {@code --to=CERT.asc} after the full stop), and the role
 * table of {@code keys import} still a table, in every language.
 */
class HelpLayoutTest {

    @Test
    void noHelpBreaksAWordOrPassesEightyColumns() {
        List<String> problems = new ArrayList<>();
        for (Locale locale : Language.SUPPORTED) {
            CommandLine shown = Main.commandLine(terminal(), locale, GawahCommand.COMMANDS);
            CommandLine whole = unwrapped(locale);
            pairs(shown, whole, (laidOut, plain) -> {
                String name = locale + " " + laidOut.getCommandSpec().qualifiedName();
                String help = laidOut.getUsageMessage(CommandLine.Help.Ansi.OFF);
                List<String> words = words(plain.getUsageMessage(CommandLine.Help.Ansi.OFF));
                if (!words.equals(words(help))) {
                    problems.add(name + ": words differ from picocli's unwrapped help, first at: " + firstDifference(words, words(help)));
                }
                for (String line : help.split("\n")) {
                    if (Columns.width(line) > HelpLayout.WIDTH) {
                        problems.add(name + ": " + Columns.width(line) + " columns: " + line);
                    }
                }
            });
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void fileNamesAndFlagsThatPicocliCutStayWhole() {
        String export = Main.commandLine(terminal(), Language.ENGLISH, GawahCommand.COMMANDS)
                .getSubcommands().get("export").getUsageMessage(CommandLine.Help.Ansi.OFF);
        assertTrue(export.contains("[--to=CERT.asc]"), export);
        assertTrue(export.contains("(.sig)"), export);
        assertTrue(export.contains("--to mechanism.asc"), export);
    }

    @Test
    void theRolesOfKeysImportKeepTheirColumnsInEveryLanguage() {
        for (Locale locale : Language.SUPPORTED) {
            String help = Main.commandLine(terminal(), locale, GawahCommand.COMMANDS).getSubcommands().get("keys")
                    .getSubcommands().get("import").getUsageMessage(CommandLine.Help.Ansi.OFF);
            List<String> lines = Arrays.asList(help.split("\n"));
            int column = -1;
            for (String role : List.of("legal", "protection", "documenter", "custodian")) {
                String row = lines.stream().filter(l -> l.startsWith("  " + role + " ")).findFirst()
                        .orElseThrow(() -> new AssertionError(locale + ": no row for " + role + " in\n" + help));
                int text = row.indexOf(' ', 2 + role.length());
                while (row.charAt(text) == ' ') {
                    text++;
                }
                assertTrue(column < 0 || column == text, locale + ": the " + role + " row's text starts at " + text + ", not " + column);
                column = text;
                // A row too long for one line goes on under its own text, not under the role nor at the margin.
                for (int next = lines.indexOf(row) + 1; next < lines.size() && lines.get(next).startsWith(" ")
                        && !lines.get(next).matches("  [a-z]+ .*"); next++) {
                    String continued = lines.get(next);
                    assertEquals(column, continued.length() - continued.stripLeading().length(), locale + ": " + continued);
                }
            }
            assertEquals(14, column, locale + "\n" + help);
        }
    }

    /** The same tree laid out by picocli alone, so wide that it breaks no line. */
    private static CommandLine unwrapped(Locale locale) {
        CommandLine cli = new CommandLine(new GawahCommand(terminal()));
        for (Class<?> command : GawahCommand.COMMANDS) {
            cli.addSubcommand(command);
        }
        cli.setResourceBundle(Message.bundle(Main.HELP, locale));
        cli.setUsageHelpWidth(10_000);
        return cli;
    }

    private static void pairs(CommandLine a, CommandLine b, BiConsumer<CommandLine, CommandLine> each) {
        each.accept(a, b);
        for (Map.Entry<String, CommandLine> sub : a.getSubcommands().entrySet()) {
            pairs(sub.getValue(), b.getSubcommands().get(sub.getKey()), each);
        }
    }

    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        for (String word : text.strip().split("\\s+")) {
            words.add(word);
        }
        return words;
    }

    private static String firstDifference(List<String> a, List<String> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            if (!a.get(i).equals(b.get(i))) {
                return "'" + a.get(i) + "' became '" + b.get(i) + "'";
            }
        }
        return "lengths " + a.size() + " and " + b.size();
    }

    static Terminal terminal() {
        return new Terminal(new ByteArrayOutputStream(), new ByteArrayOutputStream(), new ByteArrayInputStream(new byte[0]),
                Map.of(), null);
    }
}
