package org.gawah.testimony;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.gawah.names.Finder;
import org.gawah.names.KnownKeys;
import org.junit.jupiter.api.Test;

/** The identity's other spellings, and the name keys a testimony carries when it has an identity. */
class NameKeysTest {
    private static final byte[] SEALED = "sealed key, as the sealer returned it".getBytes(StandardCharsets.US_ASCII);

    @Test
    void otherSpellingsFollowTheNameInTheIdentity() throws Exception {
        ObjectNode input = Fixtures.fullInput();
        ((ObjectNode) input.get("identity")).putArray("other_names").add("Maryam Namuna").add("مریم‌جان");
        JsonNode identity = Fixtures.MAPPER.readTree(Fixtures.build(input).identity());
        assertEquals(List.of("schema", "record_id", "name", "other_names", "contact", "notes"),
                names(identity));
        assertEquals("Maryam Namuna", identity.get("other_names").get(0).asText());
    }

    @Test
    void aPseudonymEqualToAnOtherSpellingIsRefused() {
        ObjectNode input = Fixtures.fullInput();
        ((ObjectNode) input.get("identity")).putArray("other_names").add("w-0193 ");
        Fixtures.assertRefused(input, "witness.pseudonym");
    }

    /**
     * The pseudonym is searched by the export's own matcher: a spelling of the name it would find
     * (another yeh, a joiner for the space, Latin letters, a suffix) or the contact is refused.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"زرمينه تستنام", "زرمینه\u200Cتستنام", "Zarmina Testnam",
        "ZARMEENA", "W-0193 زرمینه‌جان", "Z. Testnam", "زرمینہ", "0700 123 456"})
    void aPseudonymThatTheMatcherFindsTheNameInIsRefused(String pseudonym) {
        ObjectNode input = Fixtures.fullInput();
        ((ObjectNode) input.get("identity")).put("name", "زرمینه تستنام").put("contact", "+93 700 123 456");
        Fixtures.at(input, "witness").put("pseudonym", pseudonym);
        Fixtures.assertRefused(input, "witness.pseudonym", "زرمینه", "700");
    }

    @Test
    void aPseudonymThatNamesNobodyIsTaken() {
        ObjectNode input = Fixtures.fullInput();
        ((ObjectNode) input.get("identity")).put("name", "زرمینه تستنام").put("contact", "+93 700 123 456");
        Fixtures.at(input, "witness").put("pseudonym", "W-0193");
        assertNotNull(Fixtures.build(input).identity());
    }

    @Test
    void nameKeysAreSealedWithTheIdentityAndFindTheNameWithoutIt() throws Exception {
        ObjectNode input = Fixtures.fullInput();
        byte[][] secret = new byte[1][];
        SealableTestimony sealed = Testimonies.build(input, Fixtures.RECORD_ID, Fixtures.RECORDED_AT, List.of(), s -> {
            secret[0] = s.clone();
            return SEALED;
        });
        JsonNode testimony = Fixtures.MAPPER.readTree(sealed.testimony());
        List<String> keys = names(testimony);
        assertEquals("name_keys", keys.get(keys.size() - 1), "last, after the attachments");
        NameKeys.Section section = NameKeys.read(testimony);
        assertNotNull(section);
        assertEquals("gawah.names/2", section.rules());
        assertArrayEquals(SEALED, section.sealedKey());
        assertEquals(0, section.hashes().length % (64 * 16), "padded to a multiple of 64 hashes");
        String text = new String(sealed.testimony(), StandardCharsets.UTF_8);
        assertFalse(text.contains("مریم") || text.contains("نمونه"), "the name is not in the testimony");
        Finder finder = new Finder(KnownKeys.hashed(secret[0], section.hashes()));
        assertEquals("[x] said", finder.mask("مريم نمونه said", "[x]", false));
        assertNull(NameKeys.read(Fixtures.MAPPER.readTree(Fixtures.build(input).testimony())), "none without a sealer");
        input.remove("identity");
        SealableTestimony anonymous = Testimonies.build(input, Fixtures.RECORD_ID, Fixtures.RECORDED_AT, List.of(), s -> SEALED);
        assertFalse(new String(anonymous.testimony(), StandardCharsets.UTF_8).contains("name_keys"), "none without an identity");
    }

    /**
     * The record command hashes the name keys while the key is unlocked: the seal takes them when
     * they are of the identity it seals, and they find that witness's name; hashed ahead for
     * another identity (the input changed), they are left and wiped, and the seal hashes its own.
     */
    @Test
    void nameKeysHashedAheadAreTakenOnlyForTheSameIdentity() throws Exception {
        ObjectNode input = Fixtures.fullInput();
        ((ObjectNode) input.get("identity")).put("contact", "+93 700 123 456");
        byte[][] secret = new byte[1][];
        NameKeys.Sealer keeping = s -> {
            secret[0] = s.clone();
            return SEALED;
        };
        try (NameKeys.Ahead ahead = Testimonies.hashNamesAhead(Fixtures.build(input))) {
            SealableTestimony sealed = Testimonies.build(input, Fixtures.RECORD_ID, Fixtures.RECORDED_AT, List.of(), keeping,
                    null, ahead);
            assertTrue(ahead.used(), "the hashes made ahead were taken");
            assertTrue(ahead.wiped(), "and their key wiped once sealed");
            Finder finder = new Finder(KnownKeys.hashed(secret[0], NameKeys.read(Fixtures.MAPPER.readTree(sealed.testimony())).hashes()));
            assertEquals("[x] said, call [x]", finder.mask("مريم نمونه said, call 0700123456", "[x]", false));
        }

        ObjectNode other = Fixtures.fullInput();
        ((ObjectNode) other.get("identity")).put("name", "زرمینه تستنام").put("contact", "+93 799 555 444");
        try (NameKeys.Ahead ahead = Testimonies.hashNamesAhead(Fixtures.build(other))) {
            SealableTestimony sealed = Testimonies.build(input, Fixtures.RECORD_ID, Fixtures.RECORDED_AT, List.of(), keeping,
                    null, ahead);
            assertFalse(ahead.used(), "another identity's hashes are not taken");
            assertTrue(ahead.wiped());
            Finder finder = new Finder(KnownKeys.hashed(secret[0], NameKeys.read(Fixtures.MAPPER.readTree(sealed.testimony())).hashes()));
            assertEquals("[x] said, not زرمینه تستنام at 0799555444", finder.mask("مريم نمونه said, not زرمینه تستنام at 0799555444", "[x]", false));
        }
    }

    @Test
    void nameKeysHashedAheadAndNotTakenAreWipedWhenClosed() {
        NameKeys.Ahead ahead = Testimonies.hashNamesAhead(Fixtures.build(Fixtures.fullInput()));
        ahead.close();
        assertTrue(ahead.wiped());
        assertFalse(ahead.used());
        ObjectNode anonymous = Fixtures.fullInput();
        anonymous.remove("identity");
        assertNull(Testimonies.hashNamesAhead(Fixtures.build(anonymous)), "nothing to hash without an identity");
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void inputCannotSetNameKeys() {
        ObjectNode input = Fixtures.fullInput();
        input.putObject("name_keys").put("rules", "gawah.names/1");
        Fixtures.assertRefused(input, "name_keys");
    }
}
