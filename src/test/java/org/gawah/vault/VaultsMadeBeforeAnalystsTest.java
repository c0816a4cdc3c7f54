package org.gawah.vault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

import org.gawah.testsupport.Gawah;
import org.gawah.testsupport.Homes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A workstation vault of version 9 (before a team's analysts were logged): opened by this
 * version, it is migrated to 10 and its log, signed by its one key, verifies as before; the
 * single-analyst default is unchanged.
 */
class VaultsMadeBeforeAnalystsTest {
    @Test
    void aVersion9VaultIsMigratedAndItsOneKeysLogVerifies(@TempDir Path base) throws Exception {
        Homes homes = Homes.copied(base);
        Gawah gawah = homes.gawah;
        String record = homes.record();
        Path vault = homes.documenter.resolve("vault.db");
        String before = gawah.in(homes.documenter, "log", "--jsonl").ok().out();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + vault); Statement s = c.createStatement()) {
            s.execute("DROP TABLE analysts");
            s.execute("PRAGMA user_version = 9");
        }
        String report = gawah.in(homes.documenter, "verify", "--vault", "--no-entry").ok().out();
        assertTrue(report.contains("vault intact: " + before.lines().count() + " custody entries"), report);
        try (Vault opened = Vault.open(vault)) {
            assertEquals(String.valueOf(Migrations.latest()), opened.setting("user_version"));
        }
        assertEquals(before, gawah.in(homes.documenter, "log", "--jsonl").ok().out(), "the log read as it was");
        assertTrue(gawah.in(homes.documenter, "list").ok().out().contains(record));
    }
}
