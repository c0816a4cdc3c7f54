package org.gawah.team;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.gawah.testsupport.Gawah;
import org.gawah.testsupport.Homes;
import org.gawah.testsupport.TestPostgres;
import org.gawah.vault.VaultLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A team vault backed up and restored as the README says, with PostgreSQL's own programs
 * ({@code pg_dump -Fc}, {@code createdb}, {@code pg_restore --single-transaction}): the restored
 * database passes {@code verify --vault} with the head the original had when dumped, its records
 * and attachments open byte for byte, and its triggers and the analysts' grants hold again.
 */
@ExtendWith(TestPostgres.class)
class BackupAndRestoreTest {
    @Test
    void aDumpRestoredIntoANewDatabaseVerifiesWithTheSameHeadAndOpens(@TempDir Path base) throws Exception {
        VaultLocation.Postgres owner = TestPostgres.freshVault();
        Homes homes = new Homes(base, TestPostgres.server().analyst(owner.database()).display());
        Gawah gawah = homes.gawah;
        Path film = base.resolve("film.bin");
        byte[] bytes = new byte[(2 << 20) + 4321];
        new Random(3).nextBytes(bytes);
        Files.write(film, bytes);
        String record = gawah.inWithInput(homes.documenter, Homes.sampleInput(), "record", "--from", "-", "--attach",
                film.toString()).ok().out().strip();
        Path bag = base.resolve("bag.zip");
        gawah.in(homes.documenter, "submit", "--out", bag.toString()).ok();
        gawah.in(homes.legal, "import", bag.toString()).ok();
        String caseId = gawah.caseCreate(homes.legal, "Detentions").ok().out().strip();
        gawah.in(homes.legal, "case", "add", caseId, record, "--tag", "rome:7(1)(e)").ok();
        byte[] opened = gawah.in(homes.legal, "open", record).ok().stdout();
        String head = head(gawah.in(homes.legal, "verify", "--vault", "--no-entry").ok().out());

        // The README's commands, as the owner on the server.
        Path dump = base.resolve("team.dump");
        String restored = "restored_" + ProcessHandle.current().pid();
        run(base, "pg_dump", "-Fc", "-U", owner.user(), "-d", owner.database(), "-f", dump.toString());
        run(base, "createdb", "-U", owner.user(), "-T", "template0", "--locale=C.UTF-8", restored);
        run(base, "pg_restore", "-U", owner.user(), "-d", restored, "--single-transaction", "--exit-on-error",
                dump.toString());

        // An analyst's home on the restored database.
        Path home = base.resolve("after-restore");
        Homes.copy(homes.legal, home);
        Files.writeString(home.resolve(VaultLocation.URL_FILE), TestPostgres.server().analyst(restored).display() + "\n");
        String report = gawah.in(home, "verify", "--vault", "--no-entry").ok().out();
        assertEquals(head, head(report), "the restored vault ends where the original did when it was dumped: " + report);
        assertTrue(report.contains("1 records and 1 attachments"), report);
        assertArrayEquals(opened, gawah.in(home, "open", record).ok().stdout());
        Path files = Files.createDirectories(base.resolve("files"));
        gawah.in(home, "open", record, "--attachments", files.toString()).ok();
        assertArrayEquals(bytes, Files.readAllBytes(files.resolve("film.bin")));
        assertTrue(gawah.in(home, "case", "show", caseId).ok().out().contains(record));

        // The triggers came back after the rows, and the grants with them.
        try (Connection c = TestPostgres.connect(owner.user(), restored); Statement s = c.createStatement()) {
            SQLException update = assertThrows(SQLException.class, () -> s.executeUpdate("UPDATE custody_log SET entry = entry"));
            assertTrue(update.getMessage().contains("append-only"), update.getMessage());
        }
        try (Connection c = TestPostgres.connect(TestPostgres.server().analyst(), restored); Statement s = c.createStatement()) {
            SQLException delete = assertThrows(SQLException.class, () -> s.executeUpdate("DELETE FROM records"));
            assertEquals("42501", delete.getSQLState(), delete.getMessage());
            SQLException gap = assertThrows(SQLException.class, () -> s.executeUpdate(
                    "INSERT INTO custody_log VALUES ((SELECT max(seq) + 2 FROM custody_log), 'x', 'y')"));
            assertTrue(gap.getMessage().contains("is not the next one"), gap.getMessage());
        }
        gawah.in(home, "verify", "--vault").ok(); // the analyst's account appends to the restored log
    }

    /** The log head SHA-256 that verify --vault prints. */
    private static String head(String report) {
        return report.lines().filter(l -> l.contains("log head SHA-256")).findFirst().orElseThrow().strip();
    }

    /** One of PostgreSQL's programs against the tests' server, the owner's password from its pgpass file. */
    private static void run(Path dir, String... command) throws Exception {
        TestPostgres.Server server = TestPostgres.server();
        List<String> full = new ArrayList<>(List.of(command));
        full.addAll(1, List.of("-h", server.host(), "-p", String.valueOf(server.port())));
        ProcessBuilder builder = new ProcessBuilder(full).redirectErrorStream(true).directory(dir.toFile());
        builder.environment().put("PGPASSFILE", server.pgpass().toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), String.join(" ", command));
        assertEquals(0, process.exitValue(), String.join(" ", full) + ": " + output);
    }
}
