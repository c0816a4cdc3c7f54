package org.gawah.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.gawah.custody.ChainDigests;
import org.gawah.custody.Entry;
import org.gawah.testsupport.CaseFixture;
import org.gawah.testsupport.Gawah;
import org.gawah.testsupport.Homes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A package carries the custody entries that prove its items and nothing else: no entry of an
 * earlier export, of opening, of other records; and beside them each log's digests to its head,
 * so the entries check as links of the whole chain (docs/format/evidence-package.md, "Custody
 * entries").
 */
class PackageCarriesOnlyWhatProvesItsItemsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path base;
    static CaseFixture fixture;
    static Map<String, byte[]> first;
    static Map<String, byte[]> second;

    @BeforeAll
    static void exportTwice() {
        fixture = new CaseFixture(base);
        fixture.homes.gawah.in(fixture.homes.legal, "open", fixture.named).ok(); // an opened entry, which no package needs
        first = CaseFixture.files(fixture.export("icc", "--include-identities"));
        second = CaseFixture.files(fixture.export("icc", "--include-identities"));
    }

    @Test
    void theEntriesAreExactlyThoseThatTraceEachItem() throws Exception {
        String custodian = fixture.homes.legalFingerprint;
        String documenter = fixture.homes.documenterFingerprint;
        Set<String> expected = new TreeSet<>();
        for (Map.Entry<String, byte[]> file : second.entrySet()) {
            if (!file.getKey().startsWith("metadata/items/")) {
                continue;
            }
            JsonNode sidecar = JSON.readTree(file.getValue());
            String record = sidecar.path("record_id").asText();
            String source = switch (sidecar.path("kind").asText()) {
                case "testimony" -> record;
                case "identity" -> record + "/identity";
                case "attachment" -> sidecar.path("item_id").asText();
                default -> null;
            };
            if (source != null) {
                expected.add(documenter + " " + (source.startsWith("GWA-") ? "attached" : "sealed") + " " + source);
                expected.add(custodian + " imported " + source);
                expected.add(custodian + " exported " + source);
            }
        }
        List<Entry> carried = entries(second);
        Entry last = carried.stream().filter(e -> e.actor().equals(custodian)).reduce((a, b) -> b).orElseThrow();
        expected.add(custodian + " exported " + last.subject());
        Set<String> actual = new TreeSet<>();
        carried.forEach(e -> actual.add(e.actor() + " " + e.action().wire() + " " + e.subject()));
        assertEquals(expected, actual);
        assertEquals(expected.size(), carried.size(), "one entry each");

        long firstExportEnds = entries(first).stream().filter(e -> e.actor().equals(custodian)).mapToLong(Entry::seq).max().orElseThrow();
        for (Entry entry : carried) {
            if (entry.actor().equals(custodian) && entry.action().wire().equals("exported")) {
                assertTrue(entry.seq() > firstExportEnds, "an entry of the earlier export: " + entry.subject());
                assertEquals(last.time(), entry.time());
            }
        }
        assertFalse(second.containsKey("custody/" + custodian + "/" + ChainDigests.entryFile(firstExportEnds)),
                "the earlier package's own entry");
    }

    @Test
    void eachLogsDigestsRunFromItsFirstEntryToItsHead() {
        for (Map.Entry<String, Path> log : Map.of(fixture.homes.legalFingerprint, fixture.homes.legal,
                fixture.homes.documenterFingerprint, fixture.homes.documenter).entrySet()) {
            ChainDigests chain = ChainDigests.parse(second.get("custody/" + log.getKey() + "/" + ChainDigests.FILE));
            List<String> lines = fixture.homes.gawah.in(log.getValue(), "log", "--jsonl").ok().out().lines().toList();
            // The legal log has grown by nothing since; the documenter's is as its one bag carried it.
            assertEquals(lines.size(), chain.head(), log.getKey());
            for (int i = 0; i < lines.size(); i++) {
                assertEquals(Entry.parseLine(lines.get(i)).entry().sha256(), chain.at(i + 1L), "entry " + (i + 1));
            }
        }
        // Lists only grow: the earlier package's is where the later one begins.
        String custodianChain = "custody/" + fixture.homes.legalFingerprint + "/" + ChainDigests.FILE;
        String earlier = new String(first.get(custodianChain), StandardCharsets.US_ASCII);
        assertTrue(new String(second.get(custodianChain), StandardCharsets.US_ASCII).startsWith(earlier));
    }

    /**
     * What a receiver could try with the digest lists: for each line of a log the package does
     * not carry an entry for, every entry it could be (its place and the line before it are
     * known; the actor is the log's; the subject and subject_sha256 any carried record, identity
     * envelope or attachment, whose ciphertext digests the carried entries give; any action; any
     * second from ten minutes before the first carried entry to the last), hashed and compared
     * with the line. Without a nonce this finds the earlier export and the opening of the
     * records this package carries; with one, nothing. The search is shown to cover those
     * entries: given their nonce, it finds each.
     */
    @Test
    void noEntryThePackageLeavesOutCanBeConfirmedByGuessing() {
        List<Entry> carried = entries(second);
        Map<String, String> known = new java.util.TreeMap<>();
        carried.stream().filter(e -> !e.subject().startsWith("GWE-")).forEach(e -> known.put(e.subject(), e.subjectSha256()));
        java.time.Instant from = carried.stream().map(Entry::time).min(java.util.Comparator.naturalOrder()).orElseThrow().minusSeconds(600);
        java.time.Instant to = carried.stream().map(Entry::time).max(java.util.Comparator.naturalOrder()).orElseThrow();
        List<String> confirmed = new ArrayList<>();
        List<String> coveredWithTheirNonce = new ArrayList<>();
        long guesses = 0;
        for (Map.Entry<String, Path> log : Map.of(fixture.homes.legalFingerprint, fixture.homes.legal,
                fixture.homes.documenterFingerprint, fixture.homes.documenter).entrySet()) {
            String actor = log.getKey();
            ChainDigests chain = ChainDigests.parse(second.get("custody/" + actor + "/" + ChainDigests.FILE));
            Set<Long> present = new java.util.HashSet<>();
            carried.stream().filter(e -> e.actor().equals(actor)).forEach(e -> present.add(e.seq()));
            List<String> vault = fixture.homes.gawah.in(log.getValue(), "log", "--jsonl").ok().out().lines().toList();
            for (long seq = 1; seq <= chain.head(); seq++) {
                if (present.contains(seq)) {
                    continue;
                }
                String line = chain.at(seq);
                String prev = seq == 1 ? Entry.GENESIS : chain.at(seq - 1);
                Entry truth = Entry.parseLine(vault.get((int) seq - 1)).entry();
                for (Map.Entry<String, String> subject : known.entrySet()) {
                    for (org.gawah.custody.Action action : org.gawah.custody.Action.values()) {
                        for (java.time.Instant t = from; !t.isAfter(to); t = t.plusSeconds(1)) {
                            guesses++;
                            if (new Entry(seq, t, actor, action, subject.getKey(), subject.getValue(), prev, null).sha256().equals(line)) {
                                confirmed.add(actor + " " + seq + ": " + action.wire() + " " + subject.getKey() + " at " + t);
                            }
                        }
                    }
                }
                if (known.containsKey(truth.subject()) && !truth.time().isBefore(from)) {
                    Entry guessed = new Entry(seq, truth.time(), actor, truth.action(), truth.subject(), known.get(truth.subject()), prev,
                            truth.nonce());
                    assertEquals(line, guessed.sha256(), "the search covers entry " + seq + " but for its nonce");
                    coveredWithTheirNonce.add(truth.action().wire() + " " + truth.subject());
                }
            }
        }
        assertTrue(coveredWithTheirNonce.stream().anyMatch(e -> e.startsWith("opened " + fixture.named)), coveredWithTheirNonce.toString());
        assertTrue(coveredWithTheirNonce.stream().anyMatch(e -> e.startsWith("exported ")), coveredWithTheirNonce.toString());
        assertTrue(guesses > 100_000, "guesses: " + guesses);
        assertEquals(List.of(), confirmed, "confirmed by guessing, of " + guesses + " guesses");
    }

    @Test
    void anExportFromABrokenLogStopsAndWritesNothing(@TempDir Path dir) throws Exception {
        Path legal = dir.resolve("legal");
        Homes.copy(fixture.homes.legal, legal);
        Process sqlite = new ProcessBuilder("sqlite3", legal.resolve("vault.db").toString(),
                "DELETE FROM custody_log WHERE seq = 2").redirectErrorStream(true).start();
        assertEquals(0, sqlite.waitFor(), new String(sqlite.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        Path out = dir.resolve("out").resolve("package.zip");
        Files.createDirectories(out.getParent());
        Gawah.Result result = fixture.homes.gawah.in(legal, "export", "--case", fixture.caseId, "--for", "icc", "--out", out.toString());
        assertEquals(41, result.code(), result.stderr());
        assertTrue(result.stderr().contains("custody log"), result.stderr());
        try (var files = Files.list(out.getParent())) {
            assertEquals(List.of(), files.toList());
        }
    }

    private static List<Entry> entries(Map<String, byte[]> files) {
        List<Entry> entries = new ArrayList<>();
        new TreeSet<>(files.keySet()).stream().filter(f -> f.matches("custody/[0-9A-F]+/[0-9]{8}\\.json"))
                .forEach(f -> entries.add(Entry.parse(files.get(f))));
        return entries;
    }
}
