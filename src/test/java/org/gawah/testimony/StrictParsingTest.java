package org.gawah.testimony;

import static org.gawah.testimony.Fixtures.RECORDED_AT;
import static org.gawah.testimony.Fixtures.RECORD_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.gawah.Failure;
import org.gawah.GawahException;
import org.junit.jupiter.api.Test;

/** Input bytes are parsed strictly, and Jackson's messages (which quote input) never pass through. */
class StrictParsingTest {
    private static final String SECRET = "شاهد گفت";

    private static GawahException refused(byte[] input) {
        GawahException e = assertThrows(GawahException.class, () -> Testimonies.build(input, RECORD_ID, RECORDED_AT));
        assertEquals(Failure.INVALID_TESTIMONY, e.failure());
        assertFalse(e.getMessage().contains(SECRET), e.getMessage());
        assertFalse(e.getMessage().contains("Source"), e.getMessage());
        return e;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void refusesInvalidUtf8() {
        byte[] input = Fixtures.fullInputBytes();
        byte[] broken = Arrays.copyOf(input, input.length + 2);
        broken[input.length] = (byte) 0xC3; // a lead byte followed by a non-continuation byte
        broken[input.length + 1] = (byte) 0x28;
        assertTrue(refused(broken).getMessage().contains("not valid UTF-8"));
    }

    @Test
    void refusesOverlongUtf8AndEncodedSurrogates() {
        // "/" as the overlong C0 AF, and U+D800 encoded directly as ED A0 80 (CESU style)
        assertTrue(refused(new byte[] {'{', '"', 'a', (byte) 0xC0, (byte) 0xAF, '"', ':', '1', '}'})
                .getMessage().contains("UTF-8"));
        assertTrue(refused(new byte[] {'{', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', ':', '1', '}'})
                .getMessage().contains("UTF-8"));
    }

    @Test
    void refusesDuplicateKeysWithoutQuotingInput() {
        String input = new String(Fixtures.fullInputBytes(), StandardCharsets.UTF_8)
                .replaceFirst("\"documenter_notes\"", "\"account\": {\"text\": \"" + SECRET + "\"},\n  \"documenter_notes\"");
        GawahException e = refused(utf8(input));
        assertTrue(e.getMessage().contains("duplicate field name"), e.getMessage());
        assertTrue(e.getMessage().contains("line"), e.getMessage());
    }

    @Test
    void refusesTrailingGarbage() {
        String input = new String(Fixtures.fullInputBytes(), StandardCharsets.UTF_8) + "{\"x\": \"" + SECRET + "\"}";
        assertTrue(refused(utf8(input)).getMessage().contains("after the end"));
    }

    @Test
    void refusesSyntaxErrorsWithoutQuotingInput() {
        refused(utf8("{\"account\": " + SECRET + "}"));
        refused(utf8("{\"account\": {\"text\": \"" + SECRET));
        refused(utf8("{'account': 1}"));
        refused(utf8("[1, NaN]"));
    }

    @Test
    void refusesEmptyInputAndNonObjects() {
        refused(new byte[0]);
        refused(utf8("   "));
        refused(utf8("\"" + SECRET + "\""));
        refused(utf8("\ufeff{}")); // a byte order mark is not JSON
    }

    @Test
    void refusesInputOverSixteenMebibytes() {
        byte[] big = new byte[16 * 1024 * 1024 + 1];
        Arrays.fill(big, (byte) ' ');
        assertTrue(refused(big).getMessage().contains("16 MiB"));
    }

    @Test
    void readRefusesOtherSchemasAndStrayBytes() {
        assertThrows(GawahException.class, () -> Testimonies.read(utf8("{\"schema\": \"gawah.identity/1\"}")));
        assertThrows(GawahException.class, () -> Testimonies.read(utf8("{}")));
        assertThrows(GawahException.class, () -> Testimonies.read(utf8("[]")));
        assertThrows(GawahException.class, () -> Testimonies.read(utf8("{\"schema\": \"gawah.testimony/1\"} x")));
        assertThrows(GawahException.class,
                () -> Testimonies.read(utf8("{\"schema\": \"gawah.testimony/1\", \"schema\": \"gawah.testimony/1\"}")));
    }

    @Test
    void refusesWrongRecordIdAsABug() {
        assertThrows(IllegalArgumentException.class,
                () -> Testimonies.build(Fixtures.fullInput(), "W-0193", RECORDED_AT));
        assertThrows(NullPointerException.class, () -> Testimonies.build(Fixtures.fullInput(), RECORD_ID, null));
    }
}
