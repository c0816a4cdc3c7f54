package org.gawah.testimony;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.gawah.Failure;
import org.gawah.GawahException;
import org.junit.jupiter.api.Test;

/**
 * A sealed record's plaintext of another schema is refused as invalid testimony, naming the three
 * schemas a record may have. (It was an IllegalArgumentException, "unexpected failure", found by
 * the hostile corpus: bag-testimony-wrong-schema.zip, then `open ID --attachments DIR`.)
 */
class ReadRecordSchemaTest {
    @Test
    void refusesAnotherSchemaNamingTheThreeItMayBe() {
        GawahException e = assertThrows(GawahException.class, () -> Testimonies.readRecord(
                "{\"schema\": \"gawah.something/9\"}\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals(Failure.INVALID_TESTIMONY, e.failure());
        String text = e.message().render();
        assertTrue(text.contains("schema") && text.contains(Testimonies.SCHEMA) && text.contains(Testimonies.ADDENDUM_SCHEMA)
                && text.contains(Drafts.SCHEMA), text);
    }

    @Test
    void refusesARecordWithoutSchema() {
        GawahException e = assertThrows(GawahException.class, () -> Testimonies.readRecord(
                "[1, 2]".getBytes(StandardCharsets.UTF_8)));
        assertEquals(Failure.INVALID_TESTIMONY, e.failure());
    }
}
