package org.gawah.names;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
import java.util.concurrent.TimeUnit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

/**
 * Golden vectors of the name rules (docs/format/testimony.md, "Name keys"): for a person and a
 * fixed key, every key and its hash. A change to the folding, the skeletons or the keys changes
 * these files, and then the rules need a new version: lists already sealed in testimonies are
 * matched with the rules they name. {@code -Dgawah.regenerate=true} rewrites the current ones
 * (then read the diff); {@code v1/} holds gawah.names/1's, made by {@code javax.crypto.Mac}, which
 * the hand-made HMAC must still reproduce.
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
    void pashtoNameWithANicknameOfTwoLettersAndAnAddressWithNumbers() throws IOException {
        check("keys-pashto.txt", List.of("ګلالۍ زرغونه", "Gul"), "Street 7, house 12, Jalalabad; 0799 111 22");
    }

    /** Records sealed with gawah.names/1 lists are still searched: their hashes, every key by HMAC, are found. */
    @Test
    void listsOfRulesVersionOneAreStillRead() throws IOException {
        for (String file : List.of("keys-dari.txt", "keys-latin.txt", "keys-pashto.txt")) {
            List<String> lines = Files.readAllLines(DIR.resolve("v1").resolve(file), StandardCharsets.UTF_8);
            assertEquals("expect: keys and HMAC-SHA256/128 hashes, rules gawah.names/1", lines.get(0));
            ByteArrayOutputStream list = new ByteArrayOutputStream();
            List<String> keys = new ArrayList<>();
            for (String line : lines.subList(lines.indexOf("") + 1, lines.size())) {
                String key = line.substring(33);
                assertEquals(line.substring(0, 32), HexFormat.of().formatHex(KnownKeys.Hashed.hash("gawah.names/1", SECRET, key)),
                        key);
                list.writeBytes(HexFormat.of().parseHex(line.substring(0, 32)));
                keys.add(key);
            }
            KnownKeys hashed = KnownKeys.hashed("gawah.names/1", SECRET, list.toByteArray());
            assertTrue(keys.stream().allMatch(hashed::contains), file);
            assertTrue(hashed.mayContain("n:#########"), "a list without markers rules nothing out");
        }
    }

    /**
     * A key without digits is HMAC-SHA256 as the JDK computes it; a key with digits is Argon2id
     * (16 MiB, 8 passes, one lane) with the record's key as salt, as the reference C library
     * computes it, when it is installed (libargon2, Debian's libargon2-1).
     */
    @Test
    void keysAreHmacOrArgon2idOfTheReferenceImplementations() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET, "HmacSHA256"));
        byte[] expected = java.util.Arrays.copyOf(mac.doFinal("w:زرمینه".getBytes(StandardCharsets.UTF_8)), 16);
        assertEquals(HexFormat.of().formatHex(expected),
                HexFormat.of().formatHex(KnownKeys.Hashed.hash(Folding.RULES, SECRET, "w:زرمینه")));
        String digits = HexFormat.of().formatHex(KnownKeys.Hashed.hash(Folding.RULES, SECRET, "d:700123456"));
        assertFalse(digits.equals(HexFormat.of().formatHex(KnownKeys.Hashed.hash("gawah.names/1", SECRET, "d:700123456"))));
        String reference = argon2idByLibargon2("d:700123456", SECRET, KnownKeys.Hashed.ARGON2_ITERATIONS,
                KnownKeys.Hashed.ARGON2_MEMORY_KIB);
        assumeTrue(reference != null, "libargon2 and python3 are not installed here");
        assertEquals(reference, digits);
    }

    /** Every digit key of a list costs a slow hash, once: a contact's every written form is one key. */
    @Test
    void aSearchHashesEachNumberOnceAndOnlyWhereAMarkerSaysOneMayBe() {
        java.util.Set<String> keys = Keys.ofPerson(List.of("مریم"), "+93 700 123 456");
        KnownKeys.Hashed hashed = KnownKeys.hashed(SECRET, KnownKeys.Hashed.list(SECRET, keys, new java.security.SecureRandom()));
        Finder finder = new Finder(hashed);
        assertEquals("call [x], [x] or [x]; born 1990, 2025-08-15, 14040524",
                finder.mask("call 0700 123 456, ۰۷۰۰۱۲۳۴۵۶ or +93 700-123-456; born 1990, 2025-08-15, 14040524", "[x]", false));
        assertEquals(1, hashed.slowHashes(), "one number, three forms; no date or year hashed");
        hashed.wipe();
        assertThrows(IllegalStateException.class, () -> hashed.contains("w:مریم"), "nothing answered once wiped");
    }

    private static void check(String file, List<String> spellings, String contact) throws IOException {
        Map<String, String> made = new LinkedHashMap<>();
        for (String key : new TreeSet<>(Keys.ofPerson(spellings, contact))) {
            made.put(key, HexFormat.of().formatHex(KnownKeys.Hashed.hash(Folding.RULES, SECRET, key)));
        }
        StringBuilder text = new StringBuilder("expect: keys and their hashes (" + KnownKeys.Hashed.ALGORITHM + "), rules "
                + Folding.RULES + "\n");
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
        assertTrue(keys.stream().filter(KnownKeys.Hashed::hasDigit).allMatch(k -> k.startsWith("d:") || k.startsWith("w:")),
                "only telephone keys and the contact's words hold digits: " + keys);
    }

    /** Argon2id computed by the reference C library through python3's ctypes, or null where either is missing. */
    static String argon2idByLibargon2(String password, byte[] salt, int iterations, int memoryKib) throws Exception {
        String script = String.join("\n",
                "import ctypes, sys",
                "lib = ctypes.CDLL('libargon2.so.1')",
                "f = lib.argon2id_hash_raw",
                "f.argtypes = [ctypes.c_uint32] * 3 + [ctypes.c_char_p, ctypes.c_size_t] * 2 + [ctypes.c_void_p, ctypes.c_size_t]",
                "pwd = sys.argv[1].encode('utf-8'); salt = bytes.fromhex(sys.argv[2]); out = ctypes.create_string_buffer(16)",
                "assert f(int(sys.argv[3]), int(sys.argv[4]), 1, pwd, len(pwd), salt, len(salt), out, 16) == 0",
                "print(out.raw.hex())");
        Process python;
        try {
            python = new ProcessBuilder("python3", "-c", script, password, HexFormat.of().formatHex(salt),
                    String.valueOf(iterations), String.valueOf(memoryKib)).redirectErrorStream(true).start();
        } catch (IOException e) {
            return null;
        }
        String out = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!python.waitFor(60, TimeUnit.SECONDS) || python.exitValue() != 0) {
            assumeTrue(!out.contains("libargon2.so.1"), "libargon2 is not installed here");
            throw new AssertionError("python3 with libargon2 failed: " + out);
        }
        return out;
    }
}
