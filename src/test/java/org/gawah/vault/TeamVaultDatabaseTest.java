package org.gawah.vault;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gawah.Failure;
import org.gawah.GawahException;
import org.gawah.testsupport.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What only a team vault on PostgreSQL has: its dialect of the migrations, the database it may
 * live in. What the vault does on both engines is VaultTest's.
 */
@ExtendWith(TestPostgres.class)
class TeamVaultDatabaseTest {
    /** The two dialects hold the same tables and columns after every step. */
    @Test
    void bothEnginesMigrateThroughTheSameStepsToTheSameTables() {
        assertEquals(Migrations.STEPS.size(), Migrations.POSTGRES_STEPS.size());
        for (int step = 0; step < Migrations.STEPS.size(); step++) {
            assertEquals(tables(Migrations.STEPS.get(step)), tables(Migrations.POSTGRES_STEPS.get(step)), "step " + (step + 1));
        }
    }

    /** Each CREATE TABLE as "table: column column ...". */
    private static List<String> tables(String[] step) {
        List<String> found = new ArrayList<>();
        Pattern create = Pattern.compile("CREATE TABLE (\\w+) \\((.*)\\)(?: STRICT)?$");
        for (String sql : step) {
            Matcher m = create.matcher(sql.replaceAll("\\s+", " ").trim());
            if (m.matches()) {
                TreeSet<String> columns = new TreeSet<>();
                for (String part : m.group(2).split(",(?![^()]*\\))")) {
                    String first = part.trim().split(" ")[0];
                    if (!List.of("PRIMARY", "UNIQUE", "FOREIGN").contains(first)) {
                        columns.add(first);
                    }
                }
                found.add(m.group(1) + ": " + String.join(" ", columns));
            }
        }
        return found;
    }

    @Test
    void aDatabaseThatSortsTextByLanguageIsRefused() throws Exception {
        TestPostgres.server();
        TestPostgres.asOwner(TestPostgres.server().owner("postgres"),
                "CREATE DATABASE sorted_" + ProcessHandle.current().pid()
                        + " TEMPLATE template0 LOCALE 'C.UTF-8' LOCALE_PROVIDER icu ICU_LOCALE 'fa-AF'");
        GawahException e = assertThrows(GawahException.class,
                () -> Vault.open(TestPostgres.server().owner("sorted_" + ProcessHandle.current().pid())));
        assertEquals("vault.pg.collation", e.message().key());
    }

    /** A database holding other tables is someone else's: refused, and nothing is added to it. */
    @Test
    void aDatabaseThatHoldsOtherTablesIsRefusedAndLeftAsItWas() throws Exception {
        VaultLocation.Postgres other = TestPostgres.emptyDatabase();
        TestPostgres.asOwner(other, "CREATE TABLE notes (text TEXT)");
        TestPostgres.asOwner(other, "INSERT INTO notes VALUES ('keep me')");
        GawahException e = assertThrows(GawahException.class, () -> Vault.open(other));
        assertEquals(Failure.VAULT, e.failure());
        assertEquals("vault.pg.not-gawah", e.message().key());
        try (java.sql.Connection c = TestPostgres.connect(other.user(), other.database());
             java.sql.Statement s = c.createStatement();
             java.sql.ResultSet r = s.executeQuery("SELECT string_agg(tablename, ' ') FROM pg_tables WHERE schemaname = 'public'")) {
            r.next();
            assertEquals("notes", r.getString(1));
        }
    }
}
