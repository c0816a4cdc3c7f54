package org.gawah.testimony;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.gawah.Failure;
import org.gawah.GawahException;
import org.junit.jupiter.api.Test;

/** An unfinished interview sealed as a draft: consent complete, everything else as typed. */
class DraftsTest {

    /** The input an interview stopped at the account step holds: consent and the first sections. */
    private static ObjectNode stoppedAtTheAccount() {
        ObjectNode input = Fixtures.fullInput();
        input.remove(java.util.List.of("schema", "acknowledgement", "source", "events", "documenter_notes", "identity"));
        ObjectNode account = Fixtures.at(input, "account");
        account.remove("text");
        // Typed decomposed: stored composed (NFC), as in a testimony.
        Fixtures.at(input, "interview").put("place", "Cafe\u0301, هرات");
        return input;
    }

    @Test
    void aDraftIsItsOwnSchemaWithTheBytesOfTheGoldenFile() throws IOException {
        SealableTestimony draft = Drafts.build(stoppedAtTheAccount(), Fixtures.RECORD_ID, Fixtures.RECORDED_AT, "account");
        byte[] golden;
        try (InputStream in = DraftsTest.class.getResourceAsStream("draft-golden.json")) {
            golden = in.readAllBytes();
        }
        assertEquals(new String(golden, StandardCharsets.UTF_8), new String(draft.testimony(), StandardCharsets.UTF_8));
        assertArrayEquals(golden, draft.testimony());
        assertNull(draft.identity());
        assertTrue(new String(draft.testimony(), StandardCharsets.UTF_8).contains("Caf\u00e9"));
    }

    @Test
    void noConsentNoDraft() {
        ObjectNode input = stoppedAtTheAccount();
        Fixtures.at(input, "consent").put("purpose_explained", false);
        GawahException e = assertThrows(GawahException.class,
                () -> Drafts.build(input, Fixtures.RECORD_ID, Fixtures.RECORDED_AT, "account"));
        Fixtures.assertRefusal(e, "consent.purpose_explained");
    }

    @Test
    void theIdentityGoesIntoItsOwnEnvelope() {
        ObjectNode input = stoppedAtTheAccount();
        input.putObject("identity").put("name", "Maryam Example");
        SealableTestimony draft = Drafts.build(input, Fixtures.RECORD_ID, Fixtures.RECORDED_AT, "identity");
        String testimony = new String(draft.testimony(), StandardCharsets.UTF_8);
        String identity = new String(draft.identity(), StandardCharsets.UTF_8);
        assertTrue(identity.contains("\"schema\": \"gawah.identity/1\"") && identity.contains("Maryam Example"), identity);
        assertTrue(!testimony.contains("Maryam"), testimony);
    }

    @Test
    void controlCharactersInTypedTextAreRefusedWithoutQuotingIt() {
        ObjectNode input = stoppedAtTheAccount();
        Fixtures.at(input, "interview").put("place", "Herat\u0007secret");
        GawahException e = assertThrows(GawahException.class,
                () -> Drafts.build(input, Fixtures.RECORD_ID, Fixtures.RECORDED_AT, "place"));
        assertEquals(Failure.INVALID_TESTIMONY, e.failure());
        assertTrue(!e.getMessage().contains("secret"), e.getMessage());
    }
}
