package org.gawah.crash;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.gawah.Failure;
import org.gawah.testsupport.Gawah;
import org.gawah.testsupport.TestEngine;
import org.gawah.testsupport.TestPostgres;
import org.gawah.vault.VaultLocation;
import org.gawah.vault.VaultTamper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A team vault's connection cut by the server ({@code pg_terminate_backend}, as a restart or a
 * network failure would) while a real {@code gawah} process writes the chunks of a 32 MiB
 * attachment: the command stops with one error line that says to run {@code verify --vault} (exit
 * 74), the server rolls the transaction back, every table holds the rows it held, the committed
 * records open, and the command run again completes.
 */
@ExtendWith(TestPostgres.class)
class ConnectionCutMidWriteTest {
    @TempDir
    static Path base;
    static TwoBags bags;
    static Gawah gawah;

    @BeforeAll
    static void twoBagsOneImported() throws Exception {
        bags = new TwoBags(TestEngine.POSTGRESQL, base);
        gawah = bags.homes.gawah;
    }

    @Test
    void anImportWhoseConnectionIsCutStoresNothingAndSaysSo(@TempDir Path dir) throws Exception {
        Path legal = bags.copy(bags.homes.legal, dir.resolve("legal"));
        String rows = VaultTamper.rowCounts(legal);

        Process process = bags.startAndWaitUntilWriting(legal, dir.resolve("import"), "import", bags.bag.toString());
        cutAndExpectTheCommandToSaySo(legal, process, dir.resolve("import.err"));

        gawah.in(legal, "verify", "--vault", "--no-entry").ok();
        assertEquals(rows, VaultTamper.rowCounts(legal), "nothing of the cut import is left in any table");
        assertFalse(gawah.in(legal, "list").ok().out().contains(bags.large));
        assertArrayEquals(bags.smallOpened, gawah.in(legal, "open", bags.small).ok().stdout(), "the committed record opens");
        gawah.in(legal, "import", bags.bag.toString()).ok();
        assertEquals(List.of(TwoBags.sha256(bags.largeFile)), bags.openedAttachments(legal, bags.large, dir.resolve("opened")));
    }

    @Test
    void anAttachWhoseConnectionIsCutStoresNothingAndSaysSo(@TempDir Path dir) throws Exception {
        Path documenter = bags.copy(bags.homes.documenter, dir.resolve("documenter"));
        String listed = gawah.in(documenter, "list").ok().out();
        String rows = VaultTamper.rowCounts(documenter);

        Process process = bags.startAndWaitUntilWriting(documenter, dir.resolve("attach"), "attach", bags.small,
                bags.largeFile.toString());
        cutAndExpectTheCommandToSaySo(documenter, process, dir.resolve("attach.err"));

        gawah.in(documenter, "verify", "--vault", "--no-entry").ok();
        assertEquals(rows, VaultTamper.rowCounts(documenter), "nothing of the cut attach is left in any table");
        assertEquals(listed, gawah.in(documenter, "list").ok().out());
        gawah.in(documenter, "attach", bags.small, bags.largeFile.toString()).ok();
        gawah.in(documenter, "verify", "--vault", "--no-entry").ok();
    }

    /** Ends the server's side of the command's connection, as the analyst's own account may; then reads what the command said. */
    private static void cutAndExpectTheCommandToSaySo(Path home, Process process, Path stderr) throws Exception {
        VaultLocation.Postgres vault = (VaultLocation.Postgres) VaultTamper.location(home);
        try (Connection c = TestPostgres.connect(vault.user(), vault.database()); Statement s = c.createStatement();
             ResultSet cut = s.executeQuery("SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) FROM pg_stat_activity"
                     + " WHERE datname = current_database() AND application_name = 'gawah' AND pid <> pg_backend_pid()")) {
            cut.next();
            assertEquals(1, cut.getInt(1), "the command's one connection");
        }
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the command ended once its connection was cut");
        String said = Files.readString(stderr);
        assertEquals(Failure.VAULT.exitCode(), process.exitValue(), said);
        List<String> errors = said.lines().filter(line -> line.startsWith("gawah: error: ")).toList();
        assertEquals(1, errors.size(), said);
        assertTrue(errors.get(0).contains("vault: cannot "), "the vault's failure, not the input's: " + said);
        assertTrue(said.lines().allMatch(line -> line.startsWith("gawah: ")), "only gawah's own lines: " + said);
        assertTrue(said.contains("gawah: hint: the connection to the server was lost") && said.contains("verify --vault"), said);
        assertFalse(said.contains("unexpected failure"), said);
    }
}
