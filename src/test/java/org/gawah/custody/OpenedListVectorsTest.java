package org.gawah.custody;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.gawah.Digests;
import org.gawah.interop.GnuPG;
import org.gawah.openpgp.Certificate;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The golden vectors of one {@code opened} entry for many openings (src/test/resources/org/gawah/custody/opened,
 * written by {@link OpenedListVectors}): the list reads back to exactly its bytes, its SHA-256 is
 * the entry's digest, the entry is an ordinary {@code opened} entry that the chain check (every
 * version's) and real GnuPG accept, and each damaged list is refused at the line it breaks.
 */
class OpenedListVectorsTest {
    private static final String DIR = "/org/gawah/custody/opened/";
    /** Each refused list and the line its refusal names. */
    private static final Map<String, Integer> REFUSED = Map.of("unsorted", 3, "twice", 3, "upper-case-digest", 2,
            "no-final-line-feed", 1, "other-schema", 1, "no-items", 1, "one-space", 2, "carriage-returns", 1);

    @Test
    void theListReadsBackToItsOwnBytesAndIsTheEntrysDigest() {
        byte[] bytes = read("records.list");
        OpenedList list = OpenedList.parse(bytes);
        assertArrayEquals(bytes, list.bytes());
        assertEquals("records", list.view());
        assertEquals(List.of(OpenedListVectors.FIRST, OpenedListVectors.SECOND), List.copyOf(list.items().keySet()));
        assertEquals(Digests.sha256("first ciphertext".getBytes(StandardCharsets.US_ASCII)), list.items().get(OpenedListVectors.FIRST));
        assertTrue(new String(bytes, StandardCharsets.US_ASCII).startsWith("gawah.opened/1 records\n"));
        Entry opened = log().get(1).entry();
        assertTrue(OpenedList.isOpening(opened));
        assertEquals(Action.OPENED, opened.action());
        assertEquals(OpenedListVectors.OPENING, opened.subject());
        assertEquals(Digests.sha256(bytes), opened.subjectSha256());
        assertEquals(list.sha256(), opened.subjectSha256());
    }

    @Test
    void theEntryIsALinkOfItsChainAndGnuPgChecksItsSignature(@TempDir Path dir) throws IOException {
        List<Entry.Signed> log = log();
        ChainCheck chain = ChainCheck.vaultLog(org.gawah.Message.of("org.gawah.vault.messages", "audit.vault-log"),
                new Admissions(List.of(certificate()), Map.of(), sha256 -> java.util.Optional.empty()), true);
        long row = 1;
        for (Entry.Signed signed : log) {
            chain.add(row++, signed);
        }
        chain.finish();
        assertEquals(log.get(1).entry().sha256(), chain.headSha256());
        byte[] bytes = log.get(1).entry().canonical();
        assertArrayEquals(bytes, Entry.parse(bytes).canonical());
        try (GnuPG gpg = new GnuPG(dir)) {
            gpg.runWithInput(read("analyst.asc"), "--import").ok();
            Path entry = Files.write(dir.resolve("entry.json"), bytes);
            Path signature = Files.write(dir.resolve("entry.json.sig"), log.get(1).signature());
            GnuPG.Result verified = gpg.run("--verify", signature.toString(), entry.toString()).ok();
            assertEquals(certificate().fingerprint(), verified.require("VALIDSIG").get(1));
        }
    }

    @TestFactory
    Stream<DynamicTest> eachDamagedListIsRefusedAtTheLineItBreaks() {
        return REFUSED.entrySet().stream().map(refused -> dynamicTest(refused.getKey(), () -> {
            CustodyException e = assertThrows(CustodyException.class, () -> OpenedList.parse(read("refused-" + refused.getKey() + ".list")));
            assertEquals("custody.opened-list.malformed", e.problem().key());
            assertTrue(e.problem().render().endsWith("(line " + refused.getValue() + ")"), e.problem().render());
        }));
    }

    private static List<Entry.Signed> log() {
        return new String(read("log.jsonl"), StandardCharsets.US_ASCII).lines().map(Entry::parseLine).toList();
    }

    private static Certificate certificate() {
        return Certificate.parse(read("analyst.asc"));
    }

    private static byte[] read(String name) {
        try (InputStream in = OpenedListVectorsTest.class.getResourceAsStream(DIR + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
