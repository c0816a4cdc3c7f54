package org.gawah.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.gawah.Language;
import org.gawah.testsupport.Gawah;
import org.gawah.testsupport.Homes;
import org.gawah.testsupport.Pty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * However an interview ends (sealed, discarded after Ctrl-C, locked from another terminal or by
 * {@code !lock}, without consent, the input ending), its terminal is cleared, screen and
 * scrollback, after the last word the witness's answers put there; {@code gawah lock} clears its
 * own terminal too, and finds interviews of any home through this user's registry. Each on a real
 * pseudo-terminal.
 */
class InterviewEndClearsTheScreenTest {
    static final String CLEAR = "\033[H\033[2J\033[3J";
    private static final Locale EN = Language.ENGLISH;

    @TempDir
    static Path base;
    static Homes homes;
    static Path runtime;
    static Gawah gawah;

    @BeforeAll
    static void homes() throws IOException {
        homes = Homes.copied(base.resolve("homes"));
        // This test's own registry: a lock here must never reach another test's interview.
        runtime = Files.createDirectories(base.resolve("runtime"));
        gawah = new Gawah(Homes.PASSPHRASE).env("XDG_RUNTIME_DIR", runtime.toString());
    }

    @Test
    void aDraftSealedAtTheWitnessRequestClearsBeforeSayingSo() {
        try (Pty pty = interview(homes.documenter, "--save-draft")) {
            consentAndPlace(pty, "Herat DraftClear1");
            answer(pty, "interview.q.documenter", "!draft");
            pty.expect(say("interview.draft-sealed"));
            assertEquals(0, pty.exitCode(), pty.screen());
            assertClearedAfter(pty.screen(), "DraftClear1", say("interview.draft-sealed"));
        }
    }

    @Test
    void discardingAfterCtrlCClearsTheScreen() {
        try (Pty pty = interview(homes.documenter)) {
            consentAndPlace(pty, "Herat DiscardClear2");
            pty.expect(say("interview.q.documenter"));
            pty.keys("\u0003");
            pty.expect(say("interview.interrupted.discard"));
            pty.type("2");
            pty.expect(say("interview.discarded"));
            assertEquals(0, pty.exitCode(), pty.screen());
            assertClearedAfter(pty.screen(), "DiscardClear2", say("interview.discarded"));
        }
    }

    @Test
    void bangLockClearsTheScreen() {
        try (Pty pty = interview(homes.documenter)) {
            consentAndPlace(pty, "Herat BangLockClear3");
            answer(pty, "interview.q.documenter", "!lock");
            pty.expect(say("interview.locked"));
            assertEquals(80, pty.exitCode(), pty.screen());
            assertClearedAfter(pty.screen(), "BangLockClear3", say("interview.locked"));
        }
    }

    @Test
    void noConsentAndTheInputEndingClearTheScreen() {
        try (Pty pty = interview(homes.documenter)) {
            answer(pty, "interview.q.purpose", "2");
            pty.expect(say("interview.no-consent"));
            assertEquals(0, pty.exitCode());
            assertClearedAfter(pty.screen(), say("interview.q.purpose"), say("interview.no-consent"));
        }
        try (Pty pty = interview(homes.documenter)) {
            consentAndPlace(pty, "Herat EndedClear4");
            pty.expect(say("interview.q.documenter"));
            pty.keys("\u0004");
            pty.expect(say("interview.input-ended"));
            assertEquals(61, pty.exitCode());
            assertClearedAfter(pty.screen(), "EndedClear4", say("interview.input-ended"));
        }
    }

    /**
     * The interview runs in a home lock is not told about (not the default, no --home): lock finds
     * it through the registry, ends it, and both terminals are cleared.
     */
    @Test
    void lockFromAnotherTerminalFindsAnInterviewOfAnyHomeAndBothScreensAreCleared() throws IOException {
        Path elsewhere = base.resolve("other-home");
        Homes.copy(homes.documenter, elsewhere);
        try (Pty interview = interview(elsewhere)) {
            consentAndPlace(interview, "Kabul LockClear5");
            interview.expect(say("interview.q.documenter"));
            Map<String, String> env = env();
            env.put("GAWAH_HOME", base.resolve("no-such-home").toString());
            try (Pty lock = Pty.start(Pty.gawah(List.of(), "lock", "--lang", "en"), env, base)) {
                lock.expect(Said.of("lock.closed", 1).render(EN));
                assertEquals(0, lock.exitCode(), lock.screen());
                assertTrue(lock.screen().indexOf(CLEAR) >= 0 && lock.screen().indexOf(CLEAR)
                        < lock.screen().indexOf(Said.of("lock.closed", 1).render(EN)), lock.screen());
            }
            interview.expect(say("interview.locked"));
            assertEquals(80, interview.exitCode(), interview.screen());
            assertClearedAfter(interview.screen(), "LockClear5", say("interview.locked"));
        }
        try (var left = Files.list(runtime.resolve("gawah"))) {
            assertEquals(List.of(), left.toList(), "the registry forgets the interview");
        }
        assertTrue(gawah.in(elsewhere, "lock").ok().stderr().contains(say("lock.none")));
    }

    /** A registry folder someone else could read (or has planted) is not used: the interview says so and still runs. */
    @Test
    void aRegistryOpenToOthersIsNotUsed() throws IOException {
        Path shared = Files.createDirectories(base.resolve("shared-runtime").resolve("gawah"));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
        Terminal terminal = new Terminal(new java.io.ByteArrayOutputStream(), new java.io.ByteArrayOutputStream(),
                java.io.InputStream.nullInputStream(), Map.of("XDG_RUNTIME_DIR", shared.getParent().toString()), null);
        assertTrue(SessionRegistry.folder(terminal).isEmpty());
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwx------"));
        assertEquals(shared, SessionRegistry.folder(terminal).orElseThrow());

        Map<String, String> env = env();
        env.put("XDG_RUNTIME_DIR", shared.getParent().toString());
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxr-xr-x"));
        List<String> args = List.of("interview", "--home", homes.documenter.toString(), "--lang", "en");
        try (Pty pty = Pty.start(Pty.gawah(List.of(), args.toArray(new String[0])), env, base)) {
            pty.expect(say("interview.no-registry"));
            pty.expect("Passphrase");
            pty.type(Homes.PASSPHRASE);
            answer(pty, "interview.q.purpose", "!lock");
            assertEquals(80, pty.exitCode(), pty.screen());
        }
    }

    /**
     * The screen was cleared, scrollback included, after the last time {@code typed} was on it,
     * and {@code last} came after that.
     */
    static void assertClearedAfter(String screen, String typed, String last) {
        int cleared = screen.lastIndexOf(CLEAR);
        assertTrue(cleared > screen.lastIndexOf(typed), "not cleared after \"" + typed + "\":\n" + screen);
        assertTrue(screen.indexOf(last, cleared) > cleared, "\"" + last + "\" not shown after the clearing:\n" + screen);
    }

    private static Pty interview(Path home, String... extra) {
        List<String> args = new ArrayList<>(List.of("interview", "--home", home.toString(), "--lang", "en"));
        args.addAll(List.of(extra));
        Pty pty = Pty.start(Pty.gawah(List.of(), args.toArray(new String[0])), env(), base);
        pty.expect("Passphrase");
        pty.type(Homes.PASSPHRASE);
        return pty;
    }

    private static Map<String, String> env() {
        return new HashMap<>(Map.of("LANG", "C.UTF-8", "TERM", "xterm", "XDG_RUNTIME_DIR", runtime.toString()));
    }

    private static void consentAndPlace(Pty pty, String place) {
        answer(pty, "interview.q.purpose", "1");
        answer(pty, "interview.q.withdrawal", "1");
        answer(pty, "interview.q.recipients", "1");
        answer(pty, "interview.q.audio-video", "2");
        answer(pty, "interview.q.anonymity", "1");
        answer(pty, "interview.q.started-at", "");
        answer(pty, "interview.q.place", place);
    }

    private static void answer(Pty pty, String question, String typed) {
        pty.expect(say(question));
        pty.type(typed);
    }

    private static String say(String key) {
        return Said.of(key).render(EN);
    }
}
