package org.gawah.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.gawah.Language;
import org.junit.jupiter.api.Test;

import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/** Every command and every option has help in every language, and the help of each command shows an example. */
class HelpInEveryLanguageTest {

    @Test
    void everyCommandAndOptionIsDescribedInEveryLanguage() {
        List<String> missing = new ArrayList<>();
        for (Locale locale : Language.SUPPORTED) {
            // Every command, as the program builds them (the root alone has none of them).
            CommandLine cli = Main.commandLine(terminal(), locale, GawahCommand.COMMANDS);
            walk(cli, locale, missing);
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void everyCommandThatDoesSomethingShowsAnExample() {
        List<String> without = new ArrayList<>();
        for (Locale locale : Language.SUPPORTED) {
            CommandLine root = Main.commandLine(terminal(), locale, GawahCommand.COMMANDS);
            collect(root, cli -> {
                String help = cli.getUsageMessage(CommandLine.Help.Ansi.OFF);
                if (!help.contains("  gawah " + cli.getCommandSpec().qualifiedName(" ").replaceFirst("^gawah ?", ""))) {
                    without.add(locale + " " + cli.getCommandSpec().qualifiedName());
                }
            });
        }
        assertEquals(List.of(), without, "help without an example of the command itself");
    }

    private static void walk(CommandLine cli, Locale locale, List<String> missing) {
        collect(cli, c -> {
            CommandSpec spec = c.getCommandSpec();
            String name = locale + " " + spec.qualifiedName();
            if (String.join("", spec.usageMessage().description()).isBlank()) {
                missing.add(name + ": usage.description");
            }
            for (ArgSpec arg : spec.args()) {
                if (String.join("", arg.description()).isBlank()) {
                    missing.add(name + ": " + arg.paramLabel() + (arg.isOption() ? " " + ((CommandLine.Model.OptionSpec) arg).longestName() : ""));
                }
            }
        });
    }

    private static void collect(CommandLine cli, java.util.function.Consumer<CommandLine> each) {
        each.accept(cli);
        for (CommandLine sub : cli.getSubcommands().values()) {
            collect(sub, each);
        }
    }

    private static Terminal terminal() {
        return new Terminal(new ByteArrayOutputStream(), new ByteArrayOutputStream(), new ByteArrayInputStream(new byte[0]), Map.of(), null);
    }

    @Test
    void languageComesFromTheFlagThenTheLocaleVariables() {
        Terminal dari = new Terminal(new ByteArrayOutputStream(), new ByteArrayOutputStream(),
                new ByteArrayInputStream(new byte[0]), Map.of("LANG", "fa_AF.UTF-8"), null);
        assertEquals(Language.DARI, Main.language(dari));
        assertEquals(Language.PASHTO, Main.language(dari, "--lang", "ps", "list"));
        assertEquals(Language.ENGLISH, Main.language(dari, "list", "--lang=en"));
        Terminal pashto = new Terminal(new ByteArrayOutputStream(), new ByteArrayOutputStream(),
                new ByteArrayInputStream(new byte[0]), Map.of("LC_ALL", "ps_AF.UTF-8", "LANG", "en_US.UTF-8"), null);
        assertEquals(Language.PASHTO, Main.language(pashto));
        assertTrue(Language.rightToLeft(Main.language(pashto)));
    }
}
