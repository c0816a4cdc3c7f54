package org.gawah.custody;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.gawah.Message;
import org.junit.jupiter.api.Test;

/**
 * The digests of a whole log beside a few of its entries (docs/format/custody-log.md,
 * "Extracts"). The golden file was made by sha256sum itself over the three entries' bytes. The
 * entries are of the form written before the nonce (gawah.custody/1), which logs still hold: a
 * list reads them as it reads any.
 */
class ChainDigestsTest {
    private static final String ACTOR = "0A1B2C3D4E5F60718293A4B5C6D7E8F901234567";

    @Test
    void theListIsWhatSha256sumPrintsOverTheLog() throws Exception {
        ChainDigests.Walk walk = new ChainDigests.Walk();
        log().forEach(entry -> walk.add(entry.canonical()));
        assertEquals(golden(), new String(walk.done().bytes(), StandardCharsets.US_ASCII));
        assertEquals(golden(), new String(ChainDigests.parse(golden().getBytes(StandardCharsets.US_ASCII)).bytes(),
                StandardCharsets.US_ASCII));
    }

    @Test
    void eachEntryOfTheLogIsALinkAndNoOtherIs() throws Exception {
        ChainDigests chain = ChainDigests.parse(golden().getBytes(StandardCharsets.US_ASCII));
        assertEquals(3, chain.head());
        for (Entry entry : log()) {
            assertEquals(Optional.empty(), chain.problemWith(entry), "entry " + entry.seq());
        }
        Entry second = log().get(1);
        Entry edited = new Entry(2, second.time(), ACTOR, Action.IMPORTED, second.subject(), "d".repeat(64), second.prevSha256(), null);
        assertEquals("custody.digests.not-listed", chain.problemWith(edited).map(Message::key).orElseThrow());
        Entry third = log().get(2);
        Entry moved = new Entry(3, third.time(), ACTOR, Action.EXPORTED, third.subject(), third.subjectSha256(), log().get(0).sha256(), null);
        assertEquals("custody.digests.not-listed", chain.problemWith(moved).map(Message::key).orElseThrow());
        Entry beyond = new Entry(4, third.time(), ACTOR, Action.EXPORTED, third.subject(), third.subjectSha256(), third.sha256(), null);
        assertEquals("custody.digests.beyond-head", chain.problemWith(beyond).map(Message::key).orElseThrow());
        // A list whose line 2 was made to fit an edited entry: the entry still does not follow line 1.
        ChainDigests fitted = ChainDigests.parse(golden().replace(second.sha256(), edited.sha256()).getBytes(StandardCharsets.US_ASCII));
        Entry forged = new Entry(2, second.time(), ACTOR, Action.IMPORTED, second.subject(), "d".repeat(64), "e".repeat(64), null);
        String withForged = golden().replace(second.sha256(), forged.sha256());
        assertEquals(Optional.empty(), fitted.problemWith(edited));
        assertEquals("custody.digests.not-following", ChainDigests.parse(withForged.getBytes(StandardCharsets.US_ASCII))
                .problemWith(forged).map(Message::key).orElseThrow());
    }

    /** Another analyst's folder of a team vault's package lists the first lines of the custodian's: the golden file's head. */
    @Test
    void anotherAnalystsListIsTheFirstLinesOfTheCustodiansAndNoOtherListIs() throws Exception {
        ChainDigests whole = ChainDigests.parse(golden().getBytes(StandardCharsets.US_ASCII));
        String firstTwo = golden().substring(0, golden().indexOf('\n', golden().indexOf('\n') + 1) + 1);
        assertEquals(firstTwo, new String(whole.upTo(2).bytes(), StandardCharsets.US_ASCII));
        assertTrue(whole.startsWith(whole.upTo(2)) && whole.startsWith(whole));
        assertTrue(!whole.upTo(2).startsWith(whole), "a longer list is no part of a shorter one");
        String other = firstTwo.replace(log().get(1).sha256(), "e".repeat(64));
        assertTrue(!whole.startsWith(ChainDigests.parse(other.getBytes(StandardCharsets.US_ASCII))), "another log's second line");
    }

    @Test
    void aListOutOfFormIsRefused() throws Exception {
        String good = golden();
        for (String bad : List.of("", good.substring(0, good.length() - 1), good.replace("  00000002.json", " 00000002.json"),
                good.replace("00000002.json", "00000003.json"), good.replace("\n", "\r\n"), good.toUpperCase(java.util.Locale.ROOT),
                good + "\n", good.substring(good.indexOf('\n') + 1))) {
            assertThrows(CustodyException.class, () -> ChainDigests.parse(bad.getBytes(StandardCharsets.US_ASCII)), bad);
        }
    }

    @Test
    void aBrokenLogIsNeverListed() {
        List<Entry> log = log();
        ChainDigests.Walk skipped = new ChainDigests.Walk();
        skipped.add(log.get(0).canonical());
        CustodyException gap = assertThrows(CustodyException.class, () -> skipped.add(log.get(2).canonical()));
        assertTrue(gap.getMessage().contains("2"), gap.getMessage());
        ChainDigests.Walk reordered = new ChainDigests.Walk();
        assertThrows(CustodyException.class, () -> reordered.add(log.get(1).canonical()));
        ChainDigests.Walk relinked = new ChainDigests.Walk();
        relinked.add(log.get(0).canonical());
        Entry second = log.get(1);
        assertThrows(CustodyException.class, () -> relinked.add(new Entry(2, second.time(), ACTOR, Action.IMPORTED,
                second.subject(), second.subjectSha256(), "f".repeat(64), null).canonical()));
        ChainDigests.Walk edited = new ChainDigests.Walk();
        assertThrows(CustodyException.class, () -> edited.add((new String(log.get(0).canonical(), StandardCharsets.US_ASCII)
                .replace(",", ", ")).getBytes(StandardCharsets.US_ASCII)));
    }

    /** Three entries of one log, linked. */
    private static List<Entry> log() {
        Entry first = new Entry(1, Instant.parse("2026-11-28T05:55:22Z"), ACTOR, Action.KEY_IMPORTED,
                "B1B331587A87B2868BB7C04AF6C9DC6CC86A884C", "a".repeat(64), Entry.GENESIS, null);
        Entry second = new Entry(2, Instant.parse("2026-11-28T06:01:00Z"), ACTOR, Action.IMPORTED, "GWH-7K3M-9QXA-2D4F-8ZZP",
                "b".repeat(64), first.sha256(), null);
        Entry third = new Entry(3, Instant.parse("2026-11-28T07:00:00Z"), ACTOR, Action.EXPORTED, "GWE-4W9Q-3KWC-5XNR-E7S0",
                "c".repeat(64), second.sha256(), null);
        return List.of(first, second, third);
    }

    private static String golden() throws Exception {
        try (InputStream in = ChainDigestsTest.class.getResourceAsStream("chain-sha256-golden.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }
}
