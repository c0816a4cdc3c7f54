package org.gawah.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.gawah.Language;
import org.gawah.Message;
import org.gawah.Screen;
import org.gawah.testsupport.Gawah;
import org.gawah.testsupport.Homes;
import org.gawah.testsupport.Pty;
import org.gawah.testsupport.Tmux;
import org.gawah.testsupport.VisualOrder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A date in a Pashto or Dari line reads 2025-08-15 on every kind of terminal
 * (docs/i18n.md, "Numbers in right-to-left text"): on one that applies the bidirectional
 * algorithm, because the line isolates it left to right; on one that needs visual order (Windows),
 * because the reordering applies that isolate and then leaves it out; and in tmux, which applies
 * no algorithm, the isolate takes no cell.
 */
class DatesReadAsWrittenOnATerminalTest {
    private static final char LRI = Screen.LEFT_TO_RIGHT_ISOLATE;
    private static final char PDI = Screen.POP_DIRECTIONAL_ISOLATE;

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    @AfterEach
    void english() {
        Language.use(Language.ENGLISH);
    }

    private Terminal terminal(String bidi) {
        return new Terminal(stdout, stderr, new ByteArrayInputStream(new byte[0]), Map.of("GAWAH_BIDI", bidi), null, true);
    }

    /** The event-day question and a sealed time put into a sentence, as the interview and {@code case show} say them. */
    private static List<Message> sentences() {
        return List.of(Message.of("org.gawah.interview.messages", "interview.q.event-day"),
                Messages.of("case.show.created", "2026-12-07T20:07Z"),
                Messages.of("keys.import.fingerprint", Display.fingerprint("1234567890ABCDEF01234567890ABCDEF0123456")));
    }

    @Test
    void onATerminalThatAppliesTheAlgorithmEachDateIsIsolated() {
        for (java.util.Locale language : List.of(Language.PASHTO, Language.DARI)) {
            Language.use(language);
            stderr.reset();
            Terminal terminal = terminal("logical");
            sentences().forEach(terminal::say);
            String[] lines = stderr.toString(StandardCharsets.UTF_8).split("\n");
            assertEquals(3, lines.length);
            assertTrue(lines[0].contains(LRI + "1404-05-24" + PDI) && lines[0].contains(LRI + "2025-08-15" + PDI), lines[0]);
            assertTrue(lines[1].contains(LRI + "2026-12-07T20:07Z" + PDI), lines[1]);
            assertTrue(lines[2].contains(LRI + "1234 5678 90AB CDEF 0123  4567 890A BCDE F012 3456" + PDI), lines[2]);
            for (String line : lines) {
                for (int direction : new int[] {java.text.Bidi.DIRECTION_DEFAULT_LEFT_TO_RIGHT, java.text.Bidi.DIRECTION_RIGHT_TO_LEFT}) {
                    assertNull(VisualOrder.outOfOrder(line, direction), line);
                }
                String bare = line.replace(String.valueOf(LRI), "").replace(String.valueOf(PDI), "");
                assertNotNull(VisualOrder.outOfOrder(bare, java.text.Bidi.DIRECTION_DEFAULT_LEFT_TO_RIGHT),
                        "without the isolates the check fails: " + bare);
            }
        }
    }

    @Test
    void reorderedForAWindowsTerminalTheDateStillReadsAsWrittenAndNoIsolateIsLeft() {
        Language.use(Language.PASHTO);
        Terminal terminal = terminal("visual");
        sentences().forEach(terminal::say);
        String err = stderr.toString(StandardCharsets.UTF_8);
        assertFalse(err.chars().anyMatch(c -> c >= 0x2066 && c <= 0x2069), "no isolate reaches a terminal that would show it: " + err);
        for (String written : List.of("2025-08-15", "1404-05-24", "2026-12-07T20:07Z", "1234 5678 90AB CDEF 0123  4567 890A BCDE F012 3456")) {
            assertTrue(err.contains(written), written + " left to right in\n" + err);
        }
        assertFalse(err.contains("15-08-2025") || err.contains("24-05-1404"), err);
        terminal.line(sentences().get(1));
        String out = stdout.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("2026-12-07T20:07Z") && out.chars().noneMatch(c -> c == LRI || c == PDI),
                "stdout's lines are not reordered, and get no isolate either: " + out);
    }

    @Test
    void inTmuxTheIsolateTakesNoCell() {
        // picocli's help, through the line guard: the interview's help names a date in Pashto.
        String[] args = {"--lang", "ps", "interview", "--help"};
        String written = new Gawah(Homes.PASSPHRASE).run(args).ok().out().lines()
                .filter(l -> l.contains("2025-08-15")).findFirst().orElseThrow();
        assertTrue(written.contains(LRI + "2025-08-15" + PDI), written);
        assertNull(VisualOrder.outOfOrder(written, java.text.Bidi.DIRECTION_DEFAULT_LEFT_TO_RIGHT), written);
        try (Tmux tmux = Tmux.run(Pty.gawah(List.of(), args), Map.of(), 200, 80)) {
            String shown = tmux.screen().stream().filter(l -> l.contains("2025-08-15")).findFirst().orElseThrow();
            assertTrue(shown.replaceAll("[\u2066-\u2069]", "").contains("(24 زمری 1404، 1 رمضان 1446، 2025-08-15)"),
                    "nothing shows where the isolates are: " + shown);
        }
    }
}
