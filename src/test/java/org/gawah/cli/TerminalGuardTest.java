package org.gawah.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.gawah.Language;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every way the terminal writes words passes the guard, whatever the caller forgot: a line, a
 * row, a message, a prompt, picocli's writer. The only control sequences that reach the screen
 * are the terminal's own (clearing the screen, redrawing a progress line).
 */
class TerminalGuardTest {
    private static final String HOSTILE = "Legal team\u001bE\u001b[8m\u001b]0;owned\u0007\u202eexe.txt\u200b\u2028";
    private static final String SHOWN = "Legal team\\u001bE\\u001b[8m\\u001b]0;owned\\u0007\\u202eexe.txt\\u200b\\u2028";

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    private Terminal terminal(Map<String, String> env, boolean screen) {
        return new Terminal(stdout, stderr, new ByteArrayInputStream(new byte[0]), env, null, screen);
    }

    @AfterEach
    void english() {
        Language.use(Language.ENGLISH);
    }

    private String out() {
        return stdout.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return stderr.toString(StandardCharsets.UTF_8);
    }

    @Test
    void everyWayToStdoutIsGuarded() {
        Terminal terminal = terminal(Map.of(), true);
        terminal.line(HOSTILE);
        terminal.line(Messages.of("keys.import.pinned", "legal", HOSTILE));
        terminal.row("%-10s  %s", "legal", HOSTILE);
        terminal.text(HOSTILE + "\n");
        terminal.out().println(HOSTILE);
        assertEquals(SHOWN + "\npinned as legal: " + SHOWN + "\nlegal       " + SHOWN + "\n" + SHOWN + "\n" + SHOWN + "\n",
                out().replace("\r\n", "\n"));
    }

    @Test
    void everyWayToStderrIsGuarded() {
        Terminal terminal = terminal(Map.of(), true);
        terminal.say(Messages.of("keys.import.pinned", "legal", HOSTILE));
        terminal.error(Messages.of("lang.unknown", HOSTILE), Messages.of("keys.import.pinned", "legal", HOSTILE));
        terminal.prompt(Messages.of("keys.import.pinned", "legal", HOSTILE));
        terminal.err().print(HOSTILE);
        terminal.err().flush();
        String err = err();
        assertFalse(err.chars().anyMatch(c -> c == 0x1b || c == 0x07 || c == 0x202e || c == 0x200b || c == 0x2028), err);
        assertEquals(5, err.split(java.util.regex.Pattern.quote(SHOWN), -1).length - 1, err);
    }

    @Test
    void rightToLeftValuesAreIsolatedOnTerminalsThatApplyTheBidiAlgorithm() {
        Terminal terminal = terminal(Map.of("GAWAH_BIDI", "logical"), true);
        terminal.row("%s  %s", "علی", "3F2A 9C11");
        assertEquals("\u2068علی\u2069  3F2A 9C11\n", out().replace("\r\n", "\n"));
        terminal.say(Messages.of("keys.import.pinned", "legal", "علی 123"));
        assertTrue(err().contains("\u2068علی 123\u2069"), err());
    }

    @Test
    void reorderedForAVisualTerminalTheIsolatesHaveDoneTheirWork() {
        Terminal terminal = terminal(Map.of("GAWAH_BIDI", "visual"), true);
        terminal.say(Messages.of("keys.import.pinned", "legal", "علی 123"));
        String err = err().strip();
        assertFalse(err.contains("\u2068") || err.contains("\u2069"), err);
        assertEquals("pinned as legal: 123 یلع", err, "the digits stay with the name, read left to right");
    }

    @Test
    void theOnlyControlSequencesAreTheTerminalsOwn() {
        Terminal terminal = terminal(Map.of(), true);
        terminal.clearScreen();
        terminal.redraw(Messages.of("progress.line", HOSTILE, "1 MiB", "2 MiB", "3", "0:01"));
        terminal.say();
        String err = err();
        assertTrue(err.startsWith("\u001b[H\u001b[2J\r"), err);
        assertEquals(2, err.chars().filter(c -> c == 0x1b).count(), err);
        assertTrue(err.contains(SHOWN), err);
    }

    @Test
    void aLineEndsAsTheSystemEndsItAndHalfACharacterWaitsForItsOtherHalf() {
        Terminal terminal = terminal(Map.of(), false);
        terminal.text("a\u001b\r\nb\r");
        terminal.text("\uD83D");
        terminal.text("\uDD4A\n");
        assertEquals("a\\u001b\r\nb\\u000d\uD83D\uDD4A\n", out());
    }

    @Test
    void contentBytesAreEscapedOnAScreenAndExactOnAPipe() {
        byte[] content = ("{\"text\": \"" + HOSTILE + "\"}\n").getBytes(StandardCharsets.UTF_8);
        terminal(Map.of(), true).showData(content);
        assertEquals("{\"text\": \"" + SHOWN + "\"}\n", out());
        stdout.reset();
        terminal(Map.of(), false).showData(content);
        assertEquals(new String(content, StandardCharsets.UTF_8), out());
    }
}
