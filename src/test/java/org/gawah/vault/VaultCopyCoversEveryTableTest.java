package org.gawah.vault;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A migration that adds a table must add it to the copy too (or say here why it stays behind). */
class VaultCopyCoversEveryTableTest {
    @Test
    void theCopyNamesEveryTableOfTheLatestSchemaButOutputs(@TempDir Path dir) throws SQLException {
        Set<String> schema = new TreeSet<>();
        try (Vault vault = Vault.open(dir.resolve("vault.db")); Statement s = vault.connection().createStatement();
             ResultSet r = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'")) {
            while (r.next()) {
                schema.add(r.getString(1));
            }
        }
        Set<String> copied = new TreeSet<>();
        VaultCopy.TABLES.forEach(t -> copied.add(t.name()));
        copied.add("outputs");
        assertEquals(schema, copied);
    }

    @Test
    void eachTableIsCopiedWithEveryColumn(@TempDir Path dir) throws SQLException {
        try (Vault vault = Vault.open(dir.resolve("vault.db")); Statement s = vault.connection().createStatement()) {
            for (VaultCopy.Table table : VaultCopy.TABLES) {
                Set<String> columns = new TreeSet<>();
                try (ResultSet r = s.executeQuery("SELECT name FROM pragma_table_info('" + table.name() + "')")) {
                    while (r.next()) {
                        columns.add(r.getString(1));
                    }
                }
                Set<String> named = new TreeSet<>();
                for (String column : table.columns()) {
                    named.add(column.substring(0, column.indexOf(':')));
                }
                assertEquals(columns, named, table.name());
            }
        }
    }
}
