package org.gawah.cli;

import java.util.LinkedHashMap;
import java.util.Map;

import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.IHelpSectionRenderer;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * How help is laid out on the screen: 80 columns, lines broken only at spaces. Picocli breaks
 * wherever Java's line-break rules allow, which includes after a full stop ({@code CERT.} /
 * {@code asc}, {@code (.} / {@code sig)}, {@code mechanism.} / {@code asc}): a file name or flag
 * cut in two, an example that no longer runs when copied. So picocli renders every section on
 * one line per paragraph, and this class wraps them:
 * <ul>
 * <li>prose, at spaces only; a word longer than the line stays whole;
 * <li>an example (an indented line that starts with {@code gawah}, {@code gpg} or another
 *     command, or continues one ending in a backslash): never, so that it runs when copied
 *     (HelpExamplesTest keeps every example within the width);
 * <li>a table row (an indented term, two spaces or more, its text: the roles of
 *     {@code keys import}): its text under itself, so the table keeps its columns;
 * <li>options, parameters and commands: their text under their text column;
 * <li>the synopsis: under the first word after the command's name.
 * </ul>
 */
final class HelpLayout {
    static final int WIDTH = 80;
    /** Wide enough that picocli never wraps; this class does. */
    private static final int UNWRAPPED = 10_000;
    /** Picocli indents an option's wrapped description by two more columns. */
    private static final int CONTINUATION = 2;
    private static final java.util.Set<String> EXAMPLE_COMMANDS = java.util.Set.of(
            "gawah", "gpg", "sha256sum", "sha512sum", "unzip", "grep", "cd");

    private HelpLayout() {
    }

    /** Lays out the help of {@code cli} and of every subcommand it has. */
    static void install(CommandLine cli) {
        cli.setUsageHelpWidth(UNWRAPPED);
        apply(cli);
    }

    private static void apply(CommandLine cli) {
        Map<String, IHelpSectionRenderer> sections = new LinkedHashMap<>(cli.getHelpSectionMap());
        wrap(sections, UsageMessageSpec.SECTION_KEY_SYNOPSIS, HelpLayout::synopsis);
        wrap(sections, UsageMessageSpec.SECTION_KEY_DESCRIPTION, HelpLayout::prose);
        wrap(sections, UsageMessageSpec.SECTION_KEY_FOOTER, HelpLayout::prose);
        wrap(sections, UsageMessageSpec.SECTION_KEY_PARAMETER_LIST, HelpLayout::columns);
        wrap(sections, UsageMessageSpec.SECTION_KEY_OPTION_LIST, HelpLayout::columns);
        wrap(sections, UsageMessageSpec.SECTION_KEY_COMMAND_LIST, HelpLayout::commands);
        cli.setHelpSectionMap(sections);
        for (CommandLine sub : cli.getSubcommands().values()) {
            apply(sub);
        }
    }

    private interface Wrapping {
        String wrap(Help help, String unwrapped);
    }

    private static void wrap(Map<String, IHelpSectionRenderer> sections, String key, Wrapping wrapping) {
        IHelpSectionRenderer picocli = sections.get(key);
        if (picocli != null) {
            sections.put(key, help -> wrapping.wrap(help, picocli.render(help)));
        }
    }

    private static String synopsis(Help help, String unwrapped) {
        // The heading ("Usage: ") is printed before the synopsis, on its first line.
        int heading = help.synopsisHeadingLength();
        int under = heading + help.commandSpec().qualifiedName().length() + 1;
        return eachLine(unwrapped, line -> wrap(line, under, heading));
    }

    private static String columns(Help help, String unwrapped) {
        CommandLine.Help.Column[] columns = help.createDefaultLayout().textTable().columns();
        int text = columns[columns.length - 1].indent;
        for (int i = 0; i < columns.length - 1; i++) {
            text += columns[i].width;
        }
        int under = text + CONTINUATION;
        return eachLine(unwrapped, line -> wrap(line, under));
    }

    private static String commands(Help help, String unwrapped) {
        return eachLine(unwrapped, line -> wrap(line, textColumn(line) + CONTINUATION));
    }

    private static String prose(Help help, String unwrapped) {
        StringBuilder out = new StringBuilder();
        boolean continued = false;
        String[] lines = unwrapped.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            out.append(i == 0 ? "" : "\n");
            boolean indented = line.startsWith("  ");
            if (indented && (continued || isExample(line))) {
                out.append(line);
            } else {
                out.append(wrap(line, indented ? textColumn(line) : 0));
            }
            continued = indented && line.endsWith("\\") && (continued || isExample(line));
        }
        return out.toString();
    }

    /** A line indented by two spaces that starts with a command a reader would copy, or a comment on one. */
    static boolean isExample(String line) {
        if (!line.startsWith("  ") || line.startsWith("   ")) {
            return false;
        }
        String stripped = line.strip();
        int space = stripped.indexOf(' ');
        return stripped.startsWith("#") || EXAMPLE_COMMANDS.contains(space < 0 ? stripped : stripped.substring(0, space));
    }

    /** Where the text of a row starts: after its first word and the two or more spaces after it. */
    private static int textColumn(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        int gap = line.indexOf("  ", i);
        if (gap < 0) {
            return i;
        }
        int text = gap;
        while (text < line.length() && line.charAt(text) == ' ') {
            text++;
        }
        return text < line.length() ? text : i;
    }

    private static String eachLine(String text, java.util.function.UnaryOperator<String> each) {
        StringBuilder out = new StringBuilder();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            out.append(i == 0 ? "" : "\n").append(each.apply(lines[i]));
        }
        return out.toString();
    }

    /**
     * One line broken at spaces into lines of at most {@link #WIDTH} columns, the later ones
     * indented by {@code under}; never inside a word, so a word longer than the room left stays
     * whole on a line of its own. The line's own indentation is kept.
     */
    static String wrap(String line, int under) {
        return wrap(line, under, 0);
    }

    /** As {@link #wrap(String, int)}, the first line starting at column {@code first} (after a heading printed before it). */
    static String wrap(String line, int under, int first) {
        String stripped = line.stripTrailing();
        if (first + width(stripped) <= WIDTH) {
            return stripped;
        }
        int indent = 0;
        while (indent < stripped.length() && stripped.charAt(indent) == ' ') {
            indent++;
        }
        StringBuilder out = new StringBuilder();
        StringBuilder current = new StringBuilder(stripped.substring(0, indent));
        int lineStart = 0;
        int offset = first;
        boolean empty = true;
        for (String word : stripped.substring(indent).split(" ")) {
            // Runs of spaces inside a line (columns) are kept: split gives empty words for them.
            String piece = empty ? word : " " + word;
            if (!empty && !word.isEmpty() && offset + width(current) + width(piece) > WIDTH && width(current) > lineStart) {
                out.append(current.toString().stripTrailing()).append('\n');
                current = new StringBuilder(" ".repeat(under)).append(word);
                lineStart = under;
                offset = 0;
            } else {
                current.append(piece);
            }
            empty = false;
        }
        return out.append(current.toString().stripTrailing()).toString();
    }

    /** Columns a string takes on a terminal ({@link Columns#width}). */
    private static int width(CharSequence text) {
        return Columns.width(text.toString());
    }
}
