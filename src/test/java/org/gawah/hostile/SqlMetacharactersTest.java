package org.gawah.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.gawah.testsupport.Gawah;
import org.gawah.testsupport.TestEngine;
import org.gawah.vault.VaultTamper;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * testimony-sql-metacharacters.json (the sample with {@code '); DROP TABLE records;--} and the
 * like in every free-text field, and here PostgreSQL's own quoting too: dollar quotes, {@code E''}
 * escapes, {@code U&''}, casts) goes the whole way on both engines: recorded by the documenter,
 * submitted into a folder whose name carries the same (the one path a vault stores in clear, in
 * {@code outputs}), imported by the legal team, opened (testimony and identity envelope). Every
 * field comes back exactly as given, both vaults pass {@code verify --vault}, and nothing was dropped.
 */
class SqlMetacharactersTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** PostgreSQL's quoting beyond SQL's: what a statement built by hand would get wrong there. */
    static final String POSTGRES = "$$; DROP TABLE records; $$ $q$ x $q$ E'\\'' U&'\\0041' '::regclass; COMMIT; \\x00 ?";

    @ParameterizedTest
    @EnumSource(TestEngine.class)
    void everyTextFieldIsStoredAndReturnedExactly(TestEngine engine, @TempDir Path base) throws Exception {
        HostileHomes homes = new HostileHomes(base.resolve("homes"), engine);
        Gawah gawah = homes.gawah;
        // The corpus's file, with PostgreSQL's quoting added wherever it carries the SQL metacharacters.
        String sql = JSON.writeValueAsString(Corpus.SQL);
        String both = JSON.writeValueAsString(Corpus.SQL + " " + POSTGRES);
        Path input = Files.writeString(base.resolve("input.json"), Files.readString(
                Planner.corpus().resolve("testimony-sql-metacharacters.json")).replace(
                        sql.substring(1, sql.length() - 1), both.substring(1, both.length() - 1)));
        String id = gawah.in(homes.documenter, "record", "--from", input.toString()).ok().out().strip();
        assertTrue(gawah.in(homes.documenter, "list").ok().out().contains(id));
        Path bag = Files.createDirectories(base.resolve(POSTGRES.replace("/", ""))).resolve("bag " + Corpus.SQL.replace("/", "") + ".zip");
        gawah.in(homes.documenter, "submit", "--out", bag.toString()).ok();
        gawah.in(homes.legal, "import", bag.toString()).ok();
        JsonNode testimony = JSON.readTree(gawah.in(homes.legal, "open", id).ok().stdout());
        JsonNode identity = JSON.readTree(gawah.in(homes.legal, "open", id, "--identity").ok().stdout());

        JsonNode given = JSON.readTree(Files.readAllBytes(input));
        List<String> compared = new ArrayList<>();
        for (Map.Entry<String, String> field : textFields(given, "").entrySet()) {
            if (!field.getValue().contains(Corpus.SQL)) {
                continue;
            }
            String path = field.getKey();
            JsonNode back = path.startsWith("/identity/")
                    ? identity.at(JsonPointer.compile(path.substring("/identity".length())))
                    : testimony.at(JsonPointer.compile(path));
            assertEquals(field.getValue(), back.textValue(), path);
            assertTrue(back.textValue().contains(POSTGRES), path);
            compared.add(path);
        }
        assertTrue(compared.size() >= 20, "every free-text field carried the metacharacters: " + compared);
        for (Path home : List.of(homes.documenter, homes.legal)) {
            gawah.in(home, "verify", "--vault", "--no-entry").ok();
            assertTrue(gawah.in(home, "list").ok().out().contains(id));
            assertTrue(gawah.in(home, "log").ok().out().contains(id));
        }
        // The vault's tables are all there (the DROP TABLE text was data, never SQL).
        for (Path home : List.of(homes.documenter, homes.legal)) {
            try (var vault = org.gawah.vault.Vault.openHome(home)) {
                assertEquals(1, vault.list().size());
            }
            String tables = VaultTamper.rowCounts(home);
            assertTrue(tables.contains("records 1\n") && tables.contains("custody_log "), tables);
        }
    }

    /** Every string leaf, by JSON pointer. */
    private static Map<String, String> textFields(JsonNode node, String at) {
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        if (node.isTextual()) {
            fields.put(at, node.textValue());
        } else if (node.isObject()) {
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                fields.putAll(textFields(node.get(name), at + "/" + name));
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                fields.putAll(textFields(node.get(i), at + "/" + i));
            }
        }
        return fields;
    }
}
