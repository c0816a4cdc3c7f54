package org.gawah.names;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

/**
 * Golden vectors of name rules gawah.names/1 (docs/format/testimony.md, "Name keys"): for a
 * person and a fixed key, every key and its hash. A change to the folding, the skeletons or the
 * keys changes these files, and then the rules need a new version: lists already sealed in
 * testimonies are matched with the rules they name. {@code -Dgawah.regenerate=true} rewrites
 * them (then read the diff).
 */
class NameKeyVectorsTest {
    private static final Path DIR = Path.of("src/test/resources/org/gawah/names");
    private static final byte[] SECRET = HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");

    @Test
    void dariNameWithALatinSpellingAndAPhone() throws IOException {
        check("keys-dari.txt", List.of("زرمینه تستنام", "Zarmina Testnam"), "+93 700 123 456");
    }

    @Test
    void latinNameWithAnEmailAndAPhone() throws IOException {
        check("keys-latin.txt", List.of("Ahmad Karimi"), "ahmad.k@example.org, +93 (0) 788 555 000");
    }

    @Test
    void pashtoNameWithANicknameOfTwoLetters() throws IOException {
        check("keys-pashto.txt", List.of("ګلالۍ زرغونه", "Gul"), null);
    }

    private static void check(String file, List<String> spellings, String contact) throws IOException {
        Map<String, String> made = new LinkedHashMap<>();
        for (String key : new TreeSet<>(Keys.ofPerson(spellings, contact))) {
            made.put(key, HexFormat.of().formatHex(KnownKeys.Hashed.hash(SECRET, key)));
        }
        StringBuilder text = new StringBuilder("expect: keys and HMAC-SHA256/128 hashes, rules " + Folding.RULES + "\n");
        text.append("spellings: ").append(String.join(" | ", spellings)).append('\n');
        text.append("contact: ").append(contact == null ? "" : contact).append('\n');
        text.append("key: ").append(HexFormat.of().formatHex(SECRET)).append("\n\n");
        made.forEach((key, hash) -> text.append(hash).append(' ').append(key).append('\n'));
        Path golden = DIR.resolve(file);
        if (Boolean.getBoolean("gawah.regenerate")) {
            Files.writeString(golden, text, StandardCharsets.UTF_8);
        }
        assertEquals(Files.readString(golden, StandardCharsets.UTF_8), text.toString(), file);
        // A matcher given only the hashes finds every key.
        List<String> lines = Files.readAllLines(golden, StandardCharsets.UTF_8);
        ByteArrayOutputStream list = new ByteArrayOutputStream();
        List<String> keys = new ArrayList<>();
        for (String line : lines.subList(lines.indexOf("") + 1, lines.size())) {
            list.writeBytes(HexFormat.of().parseHex(line.substring(0, 32)));
            keys.add(line.substring(33));
        }
        KnownKeys hashed = KnownKeys.hashed(SECRET, list.toByteArray());
        assertTrue(keys.stream().allMatch(hashed::contains));
    }
}
