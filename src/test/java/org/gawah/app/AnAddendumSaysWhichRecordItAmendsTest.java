package org.gawah.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/**
 * An addendum (files added later, gawah.addendum/1: the format's golden file) opened for the
 * records' table: it has no interview, place or witness, so what the table shows of it is the
 * record it adds to, its own files (found by their names) and nothing made up; a testimony adds
 * to nothing.
 */
class AnAddendumSaysWhichRecordItAmendsTest {
    private static final Path GOLDEN = Path.of("src/test/resources/org/gawah/testimony");

    @Test
    void theAddendumNamesTheRecordItAddsTo() throws Exception {
        OpenedRecord addendum = opened(Files.readAllBytes(GOLDEN.resolve("attachments-golden.json")));
        assertEquals("GWH-7K3M-9QXA-2D4F-8ZZP", addendum.shown().addsTo());
        assertNull(addendum.shown().place());
        assertNull(addendum.interviewDay());
        assertTrue(addendum.shown().languages().isEmpty());
    }

    @Test
    void aTestimonyAddsToNothing() throws Exception {
        byte[] testimony = Files.readAllBytes(GOLDEN.resolve("calendars-golden.json"));
        assertNull(opened(testimony).shown().addsTo());
    }

    private static OpenedRecord opened(byte[] document) throws Exception {
        return new OpenedRecord("GWH-2D4F-8ZZP-7K3M-9QXA", Instant.parse("2026-11-28T05:55:22Z"), "A".repeat(40), "Documenter",
                Instant.parse("2026-11-28T05:55:22Z"), 1, List.of(), List.of(), Optional.empty(), document);
    }
}
