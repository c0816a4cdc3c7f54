package org.gawah.testimony;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import org.gawah.Failure;
import org.gawah.GawahException;

/** The shared valid input, and the assertion every refusal test makes. */
final class Fixtures {
    static final String RECORD_ID = "GWH-7K3M-9QXA-2D4F-8ZZP";
    static final Instant RECORDED_AT = Instant.parse("2026-11-20T08:30:12.345Z");
    static final ObjectMapper MAPPER = new ObjectMapper();

    private Fixtures() {
    }

    static byte[] fullInputBytes() {
        try (InputStream in = Fixtures.class.getResourceAsStream("full-input.json")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fresh, mutable copy of full-input.json. */
    static ObjectNode fullInput() {
        try {
            return (ObjectNode) MAPPER.readTree(fullInputBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The object at a dotted path of {@code root}, e.g. "interview.languages". */
    static ObjectNode at(ObjectNode root, String path) {
        JsonNode node = root;
        for (String part : path.split("\\.")) {
            node = part.matches("[0-9]+") ? node.get(Integer.parseInt(part)) : node.get(part);
        }
        return (ObjectNode) node;
    }

    static SealableTestimony build(JsonNode input) {
        return Testimonies.build(input, RECORD_ID, RECORDED_AT);
    }

    /**
     * Asserts that {@code input} is refused as an invalid testimony, that the message names
     * {@code field} by its JSON path, and that it carries none of {@code secrets}.
     */
    static GawahException assertRefused(JsonNode input, String field, String... secrets) {
        GawahException e = assertThrows(GawahException.class, () -> build(input));
        assertRefusal(e, field, secrets);
        return e;
    }

    static void assertRefusal(GawahException e, String field, String... secrets) {
        assertEquals(Failure.INVALID_TESTIMONY, e.failure());
        assertTrue(e.getMessage().contains("'" + field + "'"), () -> "message does not name " + field + ": " + e.getMessage());
        for (String secret : secrets) {
            assertFalse(e.getMessage().contains(secret), () -> "message leaks input: " + e.getMessage());
            assertFalse(String.valueOf(e.hint()).contains(secret), () -> "hint leaks input: " + e.hint());
        }
    }
}
