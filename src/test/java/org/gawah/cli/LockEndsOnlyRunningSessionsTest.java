package org.gawah.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.gawah.app.Home;
import org.gawah.app.Processes;
import org.gawah.Language;
import org.gawah.testsupport.Gawah;
import org.gawah.testsupport.Homes;
import org.gawah.testsupport.Pty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What makes a process a session that {@code gawah lock} ends, or that a starting interview
 * keeps listed: the lock it holds on its session files, which the system drops when it ends.
 * Not its process id and start time, which a clock step makes read differently, and which a file
 * planted in a home handed over on a USB stick can copy from any process of the user's. Real
 * interviews on real pseudo-terminals, a real {@code sleep}.
 */
class LockEndsOnlyRunningSessionsTest {
    private static final Locale EN = Language.ENGLISH;

    @TempDir
    static Path base;
    static Homes homes;
    static Path runtime;

    @BeforeAll
    static void homes() throws IOException {
        homes = Homes.copied(base.resolve("homes"));
        // This class's own registry of running interviews: its lock never reaches another test's interview.
        runtime = Files.createDirectories(base.resolve("runtime"));
        homes.gawah.env("XDG_RUNTIME_DIR", runtime.toString());
    }

    /**
     * The clock was stepped while an interview ran: the start time in its registry file no
     * longer reads as its own (made so here, one second off). An interview starting meanwhile,
     * in another home, prunes the registry of ended sessions; it must keep this one, which would
     * otherwise end as if locked.
     */
    @Test
    void aRunningInterviewWhoseStartTimeReadsOneSecondOffIsNotTakenForEnded() throws IOException {
        try (Pty pty = interview()) {
            pty.expect(say("interview.q.purpose"));
            Path registered = onlyFile(runtime.resolve("gawah"), pty);
            Files.writeString(registered, Instant.parse(Files.readString(registered).strip()).plusSeconds(1).toString());

            Path other = Files.createDirectories(base.resolve("another-home"));
            try (Session starting = Session.start(new Home(other, null), Optional.of(runtime.resolve("gawah")), () -> { })) {
                assertTrue(Files.exists(registered), "the running interview stays listed");
            }
            Sleep.millis(600); // three of the interview's looks at its files
            pty.type("1");
            pty.expect(say("interview.q.withdrawal"));
            assertTrue(Files.exists(registered));
        }
    }

    /**
     * A home from someone else's USB stick, whose {@code sessions/} names a process of the user's
     * (here a {@code sleep}), with its exact start time: {@code gawah lock --home} on it deletes
     * the file and leaves the process alone, since it holds no session's lock and is no Gawah.
     */
    @Test
    void lockLeavesAProcessNamedByAPlantedSessionFileAlone() throws Exception {
        Process innocent = new ProcessBuilder("sleep", "300").start();
        try {
            Path stick = Files.createDirectories(base.resolve("usb-stick-home"));
            Path planted = Files.createDirectories(stick.resolve("sessions")).resolve(String.valueOf(innocent.pid()));
            Files.writeString(planted, Processes.startOf(innocent.toHandle()));
            Path emptyRegistry = Files.createDirectories(base.resolve("runtime-of-nothing"));

            Gawah.Result lock = new Gawah("unused").env("XDG_RUNTIME_DIR", emptyRegistry.toString())
                    .run("lock", "--home", stick.toString());
            assertEquals(0, lock.code(), lock.stderr());
            assertTrue(lock.stderr().contains(say("lock.none")), lock.stderr());
            assertFalse(innocent.waitFor(3, TimeUnit.SECONDS), "the planted file's process still runs");
            assertTrue(Files.notExists(planted), "the planted file is gone");
        } finally {
            innocent.destroyForcibly();
        }
    }

    /** A session that cannot end by itself (stopped here) still holds its lock, and is killed after the grace. */
    @Test
    void aSessionThatDoesNotEndByItselfIsKilled() throws Exception {
        try (Pty pty = interview()) {
            pty.expect(say("interview.q.purpose"));
            long pid = Long.parseLong(onlyFile(homes.documenter.resolve("sessions"), pty).getFileName().toString());
            ProcessHandle interview = ProcessHandle.of(pid).orElseThrow();
            // The terminal's program (script) too: it would otherwise wake the interview up again.
            ProcessHandle terminal = interview.parent().orElseThrow();
            signal("STOP", terminal, interview);
            try {
                Gawah.Result lock = homes.gawah.in(homes.documenter, "lock").ok();
                assertTrue(lock.stderr().contains(Said.of("lock.closed", 1).render(EN)), lock.stderr());
                assertTrue(killed(pid), "the stopped interview was killed");
            } finally {
                signal("CONT", terminal);
            }
        }
    }

    /**
     * Whether the process ended within 10 s: gone, or a zombie its stopped parent has not
     * collected yet (which Java still counts as alive).
     */
    private static boolean killed(long pid) throws Exception {
        Path stat = Path.of("/proc", String.valueOf(pid), "stat");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            try {
                String fields = Files.readString(stat);
                if (fields.substring(fields.lastIndexOf(')') + 2).startsWith("Z")) {
                    return true;
                }
            } catch (java.nio.file.NoSuchFileException gone) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }

    private static void signal(String signal, ProcessHandle... processes) throws Exception {
        for (ProcessHandle process : processes) {
            assertEquals(0, new ProcessBuilder("kill", "-" + signal, String.valueOf(process.pid())).start().waitFor());
        }
    }

    private static Pty interview() {
        Pty pty = Pty.start(Pty.gawah(List.of(), "interview", "--home", homes.documenter.toString(), "--lang", "en"),
                Map.of("LANG", "C.UTF-8", "TERM", "xterm", "LINES", "500", "XDG_RUNTIME_DIR", runtime.toString()), base);
        pty.expect("Passphrase");
        pty.type(Homes.PASSPHRASE);
        return pty;
    }

    /**
     * The one file of {@code folder} naming the interview {@code pty} runs: a test before may have
     * left a killed interview's file, whose process can linger as a zombie its parent has not
     * collected yet (which Java still counts as alive).
     */
    private static Path onlyFile(Path folder, Pty pty) throws IOException {
        java.util.Set<Long> ours = pty.descendants().map(ProcessHandle::pid).collect(java.util.stream.Collectors.toSet());
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> all = files.filter(f -> ours.contains(Long.parseLong(f.getFileName().toString()))).toList();
            assertEquals(1, all.size(), all.toString());
            return all.get(0);
        }
    }

    private static String say(String key) {
        return Said.of(key).render(EN);
    }

    /** Waits without letting an interruption pass silently. */
    private static final class Sleep {
        static void millis(long millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
