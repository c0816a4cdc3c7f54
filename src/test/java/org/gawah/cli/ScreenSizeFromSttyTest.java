package org.gawah.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The interview's pager asks {@code stty size} for the screen's size when LINES and COLUMNS are
 * not set. Here a real program stands in for stty: one that answers, one that hangs, one that
 * leaves a child holding its output open. Neither of the last two holds up the interview longer
 * than the wait, and the defaults are used.
 */
class ScreenSizeFromSttyTest {
    private static final Path NO_TTY = Path.of("/dev/null");

    @TempDir
    Path dir;

    @Test
    void whatSttyPrintsIsTheSize() throws IOException {
        Path stty = script("printf '40 120\\n'");
        assertArrayEquals(new int[] {40, 120},
                Prompter.sttySize(List.of(stty.toString(), "size"), NO_TTY, Duration.ofSeconds(10)).orElseThrow());
    }

    @Test
    void aSttyThatHangsIsKilledAfterTheWait() throws IOException {
        Path stty = script("exec sleep 60");
        assertNoSizeWithin(stty, Duration.ofSeconds(8));
    }

    @Test
    void aSttyThatPrintsThenHangsIsKilledToo() throws IOException {
        Path stty = script("printf '40 '; exec sleep 60");
        assertNoSizeWithin(stty, Duration.ofSeconds(8));
    }

    @Test
    void aChildLeftHoldingItsOutputDoesNotHoldItUp() throws IOException {
        Path stty = script("sleep 60 & printf '40 120\\n'");
        Optional<int[]> size = assertTimeoutPreemptively(Duration.ofSeconds(8),
                () -> Prompter.sttySize(List.of(stty.toString(), "size"), NO_TTY, Duration.ofSeconds(5)));
        assertArrayEquals(new int[] {40, 120}, size.orElseThrow());
    }

    @Test
    void nonsenseOrAFailureGivesNoSize() throws IOException {
        assertTrue(Prompter.sttySize(List.of(script("printf 'rows cols\\n'").toString()), NO_TTY, Duration.ofSeconds(10)).isEmpty());
        assertTrue(Prompter.sttySize(List.of(script("printf '40 120\\n'; exit 1").toString()), NO_TTY, Duration.ofSeconds(10)).isEmpty());
        assertTrue(Prompter.sttySize(List.of(dir.resolve("missing").toString()), NO_TTY, Duration.ofSeconds(10)).isEmpty());
    }

    private void assertNoSizeWithin(Path stty, Duration limit) {
        long started = System.nanoTime();
        Optional<int[]> size = assertTimeoutPreemptively(limit,
                () -> Prompter.sttySize(List.of(stty.toString(), "size"), NO_TTY, Duration.ofMillis(500)));
        assertTrue(size.isEmpty());
        assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofSeconds(5)) < 0,
                "given up once the wait was over");
    }

    private Path script(String body) throws IOException {
        Path file = dir.resolve("stty-" + Integer.toHexString(body.hashCode()));
        Files.writeString(file, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
        return file;
    }
}
