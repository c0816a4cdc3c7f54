package org.gawah.custody;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class EntryTest {
    private static final String ACTOR = "0A1B2C3D4E5F60718293A4B5C6D7E8F901234567";
    private static final Entry ENTRY = new Entry(7, Instant.parse("2026-11-28T05:55:22.900Z"), ACTOR, Action.SEALED,
            "GWH-7K3M-9QXA-2D4F-8ZZP", "ab".repeat(32), "cd".repeat(32));
    /** The documented form (docs/format/custody-log.md): sorted keys, no whitespace, whole seconds. */
    private static final String GOLDEN = "{\"action\":\"sealed\",\"actor\":\"" + ACTOR + "\",\"prev_sha256\":\""
            + "cd".repeat(32) + "\",\"schema\":\"gawah.custody/1\",\"seq\":7,\"subject\":\"GWH-7K3M-9QXA-2D4F-8ZZP\","
            + "\"subject_sha256\":\"" + "ab".repeat(32) + "\",\"time\":\"2026-11-28T05:55:22Z\"}";

    @Test
    void canonicalBytesAreTheDocumentedForm() {
        assertEquals(GOLDEN, new String(ENTRY.canonical(), StandardCharsets.US_ASCII));
        assertEquals(ENTRY, Entry.parse(GOLDEN.getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void exportedLineCarriesTheSignatureInKeyOrderAndReadsBack() {
        byte[] signature = {1, 2, 3, (byte) 0xff};
        String line = ENTRY.line(signature);
        assertEquals(GOLDEN.replace(",\"subject\":", ",\"signature\":\"AQID/w==\",\"subject\":"), line);
        Entry.Signed back = Entry.parseLine(line);
        assertEquals(ENTRY, back.entry());
        assertArrayEquals(signature, back.signature());
    }

    @Test
    void refusesBytesThatAreNotCanonical() {
        for (String variant : new String[] {
            GOLDEN.replace(",\"seq\":7", ", \"seq\":7"),                       // whitespace
            GOLDEN.replace("\"seq\":7", "\"seq\":7.0"),                       // not an integer
            GOLDEN.replace("{\"action\":\"sealed\",", "{") .replace("}", ",\"action\":\"sealed\"}"), // key order
            GOLDEN.replace("}", ",\"note\":\"x\"}"),                          // unknown field
            GOLDEN.replace("}", ",\"seq\":8}"),                               // duplicate key
            GOLDEN.replace("sealed", "destroyed"),                            // unknown action
            GOLDEN.replace("05:55:22Z", "05:55:22.5Z"),                       // not whole seconds
            GOLDEN.replace(ACTOR, ACTOR.toLowerCase()),                        // fingerprint case
            GOLDEN + "\n",
        }) {
            assertThrows(CustodyException.class, () -> Entry.parse(variant.getBytes(StandardCharsets.UTF_8)), variant);
        }
    }

    @Test
    void everyEntryThisClassWritesReadsBackExactly() {
        String v6 = "0123456789ABCDEF".repeat(4);
        for (Action action : Action.values()) {
            for (String actor : new String[] {ACTOR, v6}) {
                for (String subject : new String[] {"GWH-7K3M-9QXA-2D4F-8ZZP", ACTOR + "/protection", v6 + "/own", "a".repeat(128)}) {
                    Entry entry = new Entry(999_999_999_999L, Instant.parse("2026-11-28T05:55:22Z"), actor, action, subject,
                            "cd".repeat(32), "ef".repeat(32));
                    assertEquals(entry, Entry.parse(entry.canonical()));
                }
            }
        }
    }

    @Test
    void refusesSubjectsOutsideTheAlphabet() {
        assertThrows(CustodyException.class, () -> new Entry(1, Instant.EPOCH, ACTOR, Action.OPENED, "a\"b",
                "ab".repeat(32), Entry.GENESIS));
    }

    @Test
    void acceptsExactlyTheCanonicalBytesWhateverByteChanges() {
        // The one-pass reader and the strict JSON reader must agree: every single-byte change of a
        // canonical entry is either refused or is itself the canonical form of the entry it reads as.
        byte[] golden = GOLDEN.getBytes(StandardCharsets.US_ASCII);
        int accepted = 0;
        for (int i = 0; i < golden.length; i++) {
            for (int value : new int[] {' ', '"', '0', '9', 'A', 'a', 'f', 'g', 'Z', '\\', '.', '/', '-', '_', ':', 0x80}) {
                byte[] changed = golden.clone();
                changed[i] = (byte) value;
                try {
                    Entry entry = Entry.parse(changed);
                    assertArrayEquals(entry.canonical(), changed, new String(changed, StandardCharsets.ISO_8859_1));
                    accepted++;
                } catch (CustodyException refused) {
                    // refused: fine
                }
            }
        }
        assertEquals(true, accepted > 0, "digits and letters within the values still make entries");
    }

    @Test
    void readsTheTimesAnInstantPrints() {
        for (String time : new String[] {"0000-01-01T00:00:00Z", "1999-12-31T23:59:59Z", "2024-02-29T12:00:00Z",
            "9999-12-31T23:59:59Z"}) {
            Entry entry = new Entry(1, Instant.parse(time), ACTOR, Action.OPENED, "vault", "ab".repeat(32), Entry.GENESIS);
            assertEquals(entry, Entry.parse(entry.canonical()), time);
        }
        for (String time : new String[] {"2023-02-29T12:00:00Z", "2026-13-01T00:00:00Z", "2026-01-01T24:00:00Z",
            "2026-01-01T00:60:00Z", "2026-1-01T00:00:00Z"}) {
            byte[] bytes = GOLDEN.replace("2026-11-28T05:55:22Z", time).getBytes(StandardCharsets.US_ASCII);
            assertThrows(CustodyException.class, () -> Entry.parse(bytes), time);
        }
    }
}
