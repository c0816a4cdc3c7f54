package org.gawah.custody;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class EntryTest {
    private static final String ACTOR = "0A1B2C3D4E5F60718293A4B5C6D7E8F901234567";
    private static final String NONCE = "0123456789abcdef0123456789abcdef";
    private static final Entry ENTRY = new Entry(7, Instant.parse("2026-11-28T05:55:22.900Z"), ACTOR, Action.SEALED,
            "GWH-7K3M-9QXA-2D4F-8ZZP", "ab".repeat(32), "cd".repeat(32), NONCE);
    /** The documented form (docs/format/custody-log.md): sorted keys, no whitespace, whole seconds. */
    private static final String GOLDEN = "{\"action\":\"sealed\",\"actor\":\"" + ACTOR + "\",\"nonce\":\"" + NONCE
            + "\",\"prev_sha256\":\"" + "cd".repeat(32) + "\",\"schema\":\"gawah.custody/2\",\"seq\":7,"
            + "\"subject\":\"GWH-7K3M-9QXA-2D4F-8ZZP\",\"subject_sha256\":\"" + "ab".repeat(32)
            + "\",\"time\":\"2026-11-28T05:55:22Z\"}";
    /** An entry written before the nonce (gawah.custody/1): still read, and written back byte for byte. */
    private static final String GOLDEN_1 = "{\"action\":\"sealed\",\"actor\":\"" + ACTOR + "\",\"prev_sha256\":\""
            + "cd".repeat(32) + "\",\"schema\":\"gawah.custody/1\",\"seq\":7,\"subject\":\"GWH-7K3M-9QXA-2D4F-8ZZP\","
            + "\"subject_sha256\":\"" + "ab".repeat(32) + "\",\"time\":\"2026-11-28T05:55:22Z\"}";

    @Test
    void canonicalBytesAreTheDocumentedForm() {
        assertEquals(GOLDEN, new String(ENTRY.canonical(), StandardCharsets.US_ASCII));
        assertEquals(ENTRY, Entry.parse(GOLDEN.getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void anEntryWrittenBeforeTheNonceIsReadAndWrittenBackAsItWas() {
        Entry old = Entry.parse(GOLDEN_1.getBytes(StandardCharsets.US_ASCII));
        assertNull(old.nonce());
        assertEquals(Entry.SCHEMA_1, old.schema());
        assertEquals(GOLDEN_1, new String(old.canonical(), StandardCharsets.US_ASCII));
        String line = old.line(new byte[] {1, 2, 3});
        assertEquals(GOLDEN_1.replace(",\"subject\":", ",\"signature\":\"AQID\",\"subject\":"), line);
        assertEquals(old, Entry.parseLine(line).entry());
    }

    @Test
    void everyNewEntryDrawsItsOwnNonce() {
        java.util.Set<String> nonces = new java.util.HashSet<>();
        java.util.Set<String> digests = new java.util.HashSet<>();
        for (int i = 0; i < 1000; i++) {
            Entry entry = new Entry(7, ENTRY.time(), ACTOR, Action.SEALED, ENTRY.subject(), ENTRY.subjectSha256(), ENTRY.prevSha256());
            assertTrue(entry.nonce().matches("[0-9a-f]{32}"), entry.nonce());
            assertEquals(Entry.SCHEMA, entry.schema());
            nonces.add(entry.nonce());
            digests.add(entry.sha256());
            assertEquals(entry, Entry.parse(entry.canonical()));
        }
        assertEquals(1000, nonces.size());
        assertEquals(1000, digests.size(), "the same action on the same subject at the same second hashes apart every time");
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
            GOLDEN.replace("\"nonce\":\"" + NONCE + "\",", ""),                 // schema 2 without its nonce
            GOLDEN_1.replace("\"prev_sha256\"", "\"nonce\":\"" + NONCE + "\",\"prev_sha256\""), // schema 1 with one
            GOLDEN.replace(NONCE, NONCE.toUpperCase()),                         // nonce case
            GOLDEN.replace(NONCE, NONCE.substring(1)),                          // 124 bits
            GOLDEN.replace(NONCE, NONCE + "00"),                                // 136 bits
            GOLDEN.replace("\"" + NONCE + "\"", "12345"),                       // a number
            GOLDEN.replace("gawah.custody/2", "gawah.custody/3"),               // unknown schema
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
        // canonical entry, of either schema, is either refused or is itself the canonical form of the entry it reads as.
        for (String canonical : new String[] {GOLDEN, GOLDEN_1}) {
            assertTrue(everySingleByteChangeIsRefusedOrCanonical(canonical.getBytes(StandardCharsets.US_ASCII)) > 0,
                    "digits and letters within the values still make entries");
        }
    }

    private static int everySingleByteChangeIsRefusedOrCanonical(byte[] golden) {
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
        return accepted;
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
