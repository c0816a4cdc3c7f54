package org.gawah.hostile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.gawah.testsupport.Gawah;
import org.gawah.testsupport.GawahProcess;
import org.gawah.testsupport.Homes;
import org.gawah.testsupport.Pty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A correctly signed record whose text holds terminal escape sequences (set the window title,
 * clear the screen, move the cursor): {@code gawah open} on a real terminal shows them as escapes
 * and sends the terminal none; piped, it writes the signed bytes exactly.
 */
class TerminalEscapesTest {
    static final String FILE = "message-testimony-terminal-escapes.pgp";
    /** What the corpus sealed (Corpus: sealedContent "message-testimony-terminal-escapes.pgp"). */
    static final byte[] SIGNED = ("{\"schema\": \"gawah.testimony/1\", \"account\": {\"text\": "
            + "\"\u001b]0;owned\u0007\u001b[2J\u001b[1;1H\"}}\n").getBytes(StandardCharsets.UTF_8);

    @TempDir
    static Path base;
    static HostileHomes homes;
    static String file;

    @BeforeAll
    static void homes() {
        homes = new HostileHomes(base.resolve("homes"));
        file = Planner.corpus().resolve(FILE).toString();
    }

    @Test
    void onATerminalEscapeSequencesAreShownNotObeyed() {
        try (Pty pty = Pty.start(Pty.gawah(List.of(), "open", "--sealed", file, "--home", homes.legal.toString(),
                "--passphrase-env", Gawah.PASSPHRASE_VAR, "--lang", "en"),
                Map.of(Gawah.PASSPHRASE_VAR, Homes.PASSPHRASE, "TERM", "xterm"), base)) {
            pty.expect("of them");
            assertEquals(0, pty.exitCode(), pty.screen());
            String screen = pty.screen();
            assertTrue(screen.contains("\"text\": \"\\u001b]0;owned\\u0007\\u001b[2J\\u001b[1;1H\"}}"), screen);
            assertTrue(screen.contains("gawah: control characters in the content are shown as escapes such as \\u001b (4 of them)"),
                    screen);
            assertFalse(screen.chars().anyMatch(c -> c == 0x1b || c == 0x07), "the terminal was sent a control character: " + screen);
        }
    }

    @Test
    void pipedTheSignedBytesComeOutExactly() throws Exception {
        Path logs = base.resolve("piped");
        Process process = GawahProcess.start(List.of(), homes.legal, logs, "open", "--sealed", file, "--lang", "en");
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        String stderr = Files.readString(logs.resolveSibling("piped.err"));
        assertEquals(0, process.exitValue(), stderr);
        assertArrayEquals(SIGNED, Files.readAllBytes(logs.resolveSibling("piped.out")));
        assertFalse(stderr.contains("escapes"), stderr);
    }
}
