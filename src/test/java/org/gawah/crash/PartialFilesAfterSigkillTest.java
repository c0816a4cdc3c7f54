package org.gawah.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.gawah.testsupport.Gawah;
import org.gawah.testsupport.GawahProcess;
import org.gawah.testsupport.Homes;
import org.gawah.testsupport.TestEngine;
import org.gawah.vault.VaultTamper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A real gawah process SIGKILLed while it writes a hidden partial file outside the vault (an
 * evidence package, an opened attachment, a bag): the next command in that home, whatever it is
 * and wherever the file was, removes it and says so; one it cannot reach stays listed, is named
 * by doctor, and is removed once it can be; a row edited into the vault never makes Gawah delete
 * another file.
 */
@ParameterizedClass
@EnumSource(TestEngine.class)
class PartialFilesAfterSigkillTest {
    @Parameter
    TestEngine engine;

    @TempDir
    static Path root;
    /** This engine's folder under root. */
    static Path base;
    static TestEngine onEngine;
    static Homes homes;
    static String recordId;
    static String caseId;

    @BeforeParameterizedClassInvocation
    static void aCaseWithALargeVideo(TestEngine engine) throws Exception {
        onEngine = engine;
        base = Files.createDirectories(root.resolve(engine.name()));
        homes = engine.homes(base);
        Path video = base.resolve("video.mp4");
        byte[] data = new byte[48 << 20];
        new Random(3).nextBytes(data);
        Files.write(video, data);
        // The witness consents to video, so the export writes all 48 MiB and is caught mid-write.
        byte[] input = new String(Homes.sampleInput(), StandardCharsets.UTF_8)
                .replace("\"audio_video\": false", "\"audio_video\": true").getBytes(StandardCharsets.UTF_8);
        recordId = homes.gawah.inWithInput(homes.documenter, input, "record", "--from", "-",
                "--attach", video.toString()).ok().out().strip();
        Files.delete(video);
        Path bag = base.resolve("bag.zip");
        homes.gawah.in(homes.documenter, "submit", "--out", bag.toString()).ok();
        homes.gawah.in(homes.legal, "import", bag.toString()).ok();
        caseId = homes.gawah.caseCreate(homes.legal, "Large").ok().out().strip();
        homes.gawah.in(homes.legal, "case", "add", caseId, recordId).ok();
    }

    @Test
    void aKilledExportsPlaintextIsRemovedByTheNextCommandWhateverItIs() throws Exception {
        Path home = copy(homes.legal, "export-home");
        Path folder = Files.createDirectories(base.resolve("export-out"));
        Path partial = killWhileWriting(home, folder, ".partial",
                "export", "--case", caseId, "--for", "icc", "--out", folder.resolve("icc.zip").toString());

        Gawah.Result list = homes.gawah.in(home, "list").ok();
        assertTrue(list.stderr().contains("deleted " + partial), list.stderr());
        assertFalse(Files.exists(partial));
        assertEquals(List.of(), names(folder));
        assertClean(home);
    }

    @Test
    void aKilledSubmitToAnotherFolderIsRemovedByTheNextSubmit() throws Exception {
        Path home = copy(homes.documenter, "submit-home");
        Path first = Files.createDirectories(base.resolve("submit-first"));
        Path partial = killWhileWriting(home, first, ".partial", "submit", "--out", first.resolve("week-48.zip").toString());

        Path second = Files.createDirectories(base.resolve("submit-second"));
        Gawah.Result again = homes.gawah.in(home, "submit", "--out", second.resolve("week-48.zip").toString()).ok();
        assertTrue(again.stderr().contains("deleted " + partial), again.stderr());
        assertEquals(List.of(), names(first));
        assertEquals(List.of("week-48.zip"), names(second));
        assertClean(home);
    }

    @Test
    void aKilledOpenOfAttachmentsLeavesNoPlaintextOnceAnyCommandRuns() throws Exception {
        Path home = copy(homes.legal, "open-home");
        Path folder = Files.createDirectories(base.resolve("evidence"));
        Path partial = killWhileWriting(home, folder, ".gawah-partial", "open", recordId,
                "--out", base.resolve("open-home-testimony.json").toString(), "--attachments", folder.toString());
        assertTrue(partial.getFileName().toString().startsWith(".GWA-"), "named by the attachment's id: " + partial);

        Gawah.Result log = homes.gawah.in(home, "log").ok();
        assertTrue(log.stderr().contains("deleted " + partial), log.stderr());
        assertEquals(List.of(), names(folder));
        assertClean(home);
    }

    /**
     * Killed between its final custody entry and the rename: the state is made here as the kill
     * leaves it (the package whole under its hidden name, still listed by a process that is gone).
     * The next command keeps it, whole, under its id, since the log says it was exported.
     */
    @Test
    void aPackageLoggedBeforeTheKillIsKeptWholeUnderItsId() throws Exception {
        Path home = copy(homes.legal, "logged-home");
        Path folder = Files.createDirectories(base.resolve("logged-out"));
        Path out = folder.resolve("icc.zip");
        String bagId = homes.gawah.in(home, "export", "--case", caseId, "--for", "icc", "--out", out.toString())
                .ok().out().strip();
        Path partial = Files.move(out, folder.resolve(".icc.zip." + bagId + ".partial"));
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        VaultTamper.editOutputs(home, c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO outputs (path, command, started_at, pid, process_started)"
                     + " VALUES (?, 'export', '2026-01-01T00:00:00Z', ?, ?)")) {
                s.setString(1, partial.toString());
                s.setLong(2, gone.pid());
                s.setString(3, gone.info().startInstant().map(Object::toString).orElse(""));
                return s.executeUpdate();
            }
        });
        Gawah.Result list = homes.gawah.in(home, "list").ok();
        Path kept = folder.resolve(bagId + ".zip");
        assertTrue(list.stderr().contains("kept " + kept), list.stderr());
        homes.gawah.in(home, "verify", kept.toString()).ok();
        assertClean(home);
    }

    /**
     * The clock was stepped (NTP, a leap second, a resume) while an export ran: on Linux Java
     * reads a process's start time off the boot time in /proc/stat, which moves with the clock,
     * so the start time the export registered no longer matches what another process reads
     * (made so here: the registered time moved by one second, the export stopped meanwhile). The
     * next command still sees the export running, by the lock it holds, and leaves its partial
     * file alone; the export then finishes.
     */
    @Test
    void aRunningExportWhoseStartTimeReadsOneSecondOffIsLeftToFinish() throws Exception {
        Path home = copy(homes.legal, "stepped-home");
        Path folder = Files.createDirectories(base.resolve("stepped-out"));
        Path out = folder.resolve("icc.zip");
        Path logs = base.resolve("stepped-run");
        Process export = GawahProcess.start(jvm(), home, logs,
                "export", "--case", caseId, "--for", "icc", "--out", out.toString());
        Path partial;
        try {
            partial = writing(export, folder, ".partial").orElseThrow(() -> new AssertionError(
                    "the export never wrote its partial file"));
            signal(export, "STOP");
            try {
                moveRegisteredStartTimes(home, export, 1);
                Gawah.Result list = homes.gawah.in(home, "list").ok();
                assertFalse(list.stderr().contains(partial.toString()), list.stderr());
                assertTrue(Files.exists(partial), "the running export's partial file is still there");
                Gawah.Result doctor = homes.gawah.in(home, "doctor");
                assertFalse(doctor.out().contains(partial.toString()), doctor.out());
            } finally {
                signal(export, "CONT");
            }
            assertTrue(export.waitFor(2, TimeUnit.MINUTES));
        } finally {
            export.destroyForcibly();
        }
        assertEquals(0, export.exitValue(), Files.readString(logs.resolveSibling("stepped-run.err")));
        assertTrue(Files.notExists(partial));
        assertTrue(names(folder).contains("icc.zip"), names(folder).toString());
        assertTrue(names(folder).stream().noneMatch(name -> name.startsWith(".")), names(folder).toString());
        homes.gawah.in(home, "verify", out.toString()).ok();
        assertClean(home);
    }

    private static void signal(Process process, String signal) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + signal, String.valueOf(process.pid())).inheritIO().start();
        assertEquals(0, kill.waitFor());
    }

    /**
     * Moves the start time registered for {@code stopped}'s outputs by {@code seconds}. The stopped
     * process may hold SQLite's shared lock (it reads chunks of the vault): it is let run for a
     * moment until the update gets through (a team vault has no such lock to wait for).
     */
    private static void moveRegisteredStartTimes(Path home, Process stopped, int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try {
                int moved = VaultTamper.editOutputs(home, c -> {
                    if (onEngine == TestEngine.SQLITE) {
                        try (java.sql.Statement busy = c.createStatement()) {
                            busy.execute("PRAGMA busy_timeout = 200");
                        }
                    }
                    try (PreparedStatement read = c.prepareStatement("SELECT id, process_started FROM outputs WHERE pid = ?");
                         PreparedStatement move = c.prepareStatement("UPDATE outputs SET process_started = ? WHERE id = ?")) {
                        read.setLong(1, stopped.pid());
                        int count = 0;
                        try (java.sql.ResultSet rows = read.executeQuery()) {
                            while (rows.next()) {
                                move.setString(1, java.time.Instant.parse(rows.getString(2)).plusSeconds(seconds).toString());
                                move.setLong(2, rows.getLong(1));
                                count += move.executeUpdate();
                            }
                        }
                        return count;
                    }
                });
                assertTrue(moved > 0, "the export registered its partial file");
                return;
            } catch (java.sql.SQLException busy) {
                assertTrue(System.nanoTime() < deadline, "the vault stayed busy: " + busy.getMessage());
                signal(stopped, "CONT");
                Thread.sleep(20);
                signal(stopped, "STOP");
            }
        }
    }

    /** The folder went away with its drive: listed, said, named by doctor, and removed once back. */
    @Test
    void aPartialOnADriveNotPluggedInStaysListedUntilItCanBeRemoved() throws Exception {
        Path home = copy(homes.legal, "unplugged-home");
        Path drive = Files.createDirectories(base.resolve("usb-stick"));
        Path partial = killWhileWriting(home, drive, ".partial",
                "export", "--case", caseId, "--for", "icc", "--out", drive.resolve("icc.zip").toString());
        Path away = Files.move(drive, base.resolve("usb-stick-unplugged"));

        Gawah.Result list = homes.gawah.in(home, "list").ok();
        assertTrue(list.stderr().contains("cannot reach " + partial), list.stderr());
        Gawah.Result doctor = homes.gawah.in(home, "doctor");
        assertEquals(78, doctor.code(), doctor.out());
        assertTrue(doctor.out().contains("FAIL  " + partial + ", written by a gawah export killed on "), doctor.out());

        Files.move(away, drive);
        Gawah.Result back = homes.gawah.in(home, "list").ok();
        assertTrue(back.stderr().contains("deleted " + partial), back.stderr());
        assertEquals(List.of(), names(drive));
        assertClean(home);
    }

    /** A row put into the vault by hand, naming a file of the user's, never makes Gawah delete it. */
    @Test
    void aRowEditedIntoTheVaultNeverDeletesAnotherFile() throws Exception {
        Path home = copy(homes.legal, "tampered-home");
        Path precious = Files.writeString(base.resolve("notes.txt"), "the user's own file");
        Path lookalike = Files.writeString(base.resolve(".GWA-0000-0000-0000-0000.gawah-partial.txt"), "also the user's");
        VaultTamper.editOutputs(home, c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO outputs (path, command, started_at, pid, process_started)"
                     + " VALUES (?, ?, '2026-01-01T00:00:00Z', 2147483646, '')")) {
                for (String[] row : new String[][] {{precious.toString(), "open"}, {lookalike.toString(), "open"},
                    {precious.toString(), "export"}, {base.resolve("..").resolve(".x.GWB-0000-0000-0000-0000.partial").toString(), "submit"}}) {
                    s.setString(1, row[0]);
                    s.setString(2, row[1]);
                    s.executeUpdate();
                }
            }
            return null;
        });
        Gawah.Result list = homes.gawah.in(home, "list").ok();
        assertTrue(list.stderr().contains("no file Gawah writes"), list.stderr());
        assertEquals("the user's own file", Files.readString(precious));
        assertEquals("also the user's", Files.readString(lookalike));
        assertClean(home);
    }

    /** No partial file listed any more: doctor has none to name, and the next command says nothing of them. */
    private static void assertClean(Path home) {
        Gawah.Result doctor = homes.gawah.in(home, "doctor");
        assertFalse(doctor.out().contains("is still there"), doctor.out());
        assertFalse(homes.gawah.in(home, "list").ok().stderr().contains("gawah: warning"), "settled once and for all");
    }

    /**
     * Starts gawah, waits until it has written into a hidden file ending in {@code suffix} in
     * {@code folder}, and SIGKILLs it then (destroyForcibly on Linux). Returns that file.
     */
    private static Path killWhileWriting(Path home, Path folder, String suffix, String... args) throws Exception {
        Process process = GawahProcess.start(jvm(), home, base.resolve(home.getFileName() + "-run"), args);
        Optional<Path> partial = writing(process, folder, suffix);
        process.destroyForcibly();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        assertTrue(partial.isPresent(), "the command never wrote its partial file; it said: "
                + Files.readString(base.resolve(home.getFileName() + "-run.err")));
        assertTrue(Files.exists(partial.get()), "the kill left the partial file, as a crash would");
        return partial.get();
    }

    /** The hidden file ending in {@code suffix} that {@code process} writes in {@code folder}, once it holds a byte. */
    private static Optional<Path> writing(Process process, Path folder, String suffix) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        Optional<Path> partial = Optional.empty();
        while (partial.isEmpty() && process.isAlive() && System.nanoTime() < deadline) {
            partial = written(folder, suffix);
            if (partial.isEmpty()) {
                Thread.sleep(2);
            }
        }
        return partial;
    }

    private static Optional<Path> written(Path folder, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                try {
                    if (name.startsWith(".") && name.endsWith(suffix) && Files.size(file) > 0) {
                        return Optional.of(file);
                    }
                } catch (IOException gone) {
                    // Renamed meanwhile: not caught mid-write this time round.
                }
            }
        }
        return Optional.empty();
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    /** A small heap, and what the engine needs (PostgreSQL: the pgpass file). */
    private static List<String> jvm() {
        List<String> options = new java.util.ArrayList<>(List.of("-Xmx64m"));
        options.addAll(onEngine.childJvmOptions());
        return options;
    }

    private static Path copy(Path home, String name) {
        Path copy = base.resolve(name);
        Homes.copy(home, copy);
        return copy;
    }
}
