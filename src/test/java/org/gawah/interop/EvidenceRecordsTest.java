package org.gawah.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.gawah.Digests;
import org.gawah.Failure;
import org.gawah.custody.Action;
import org.gawah.custody.Entry;
import org.gawah.keys.Keyring;
import org.gawah.testsupport.Bags;
import org.gawah.testsupport.Gawah;
import org.gawah.testsupport.Gawah.Result;
import org.gawah.testsupport.Homes;
import org.gawah.testsupport.Photos;
import org.gawah.testsupport.TestEngine;
import org.gawah.testsupport.TestTsa;
import org.gawah.tsp.EvidenceRecord;
import org.gawah.tsp.TimeStampQuery;
import org.gawah.tsp.TsaCertificate;
import org.gawah.vault.VaultTamper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * RFC 4998 evidence records, end to end with real TSAs on 127.0.0.1: a legal team's
 * {@code timestamp --renew} covers every imported item with one archive timestamp, a second run
 * renews the chain with another TSA (the first one's certificate ends within a year), the
 * evidence package carries each item's record beside the entry that made it, and it verifies
 * after the renewal; a tampered record, a record for another object, and a renewal by a TSA the
 * verifying home did not pin are each refused with their own message. What the vault logs, keeps
 * and refuses when changed behind its back runs on both engines; the package, checked alone, on SQLite.
 */
class EvidenceRecordsTest {
    @TempDir
    static Path base;
    static Homes homes;
    static TestTsa archive;
    static TestTsa renewal;
    static String first;
    static String second;
    static Path pkg;
    /** The legal team's home with the bag imported, before any evidence record was made. */
    static Path imported;
    static List<String> tokens = new ArrayList<>();

    /**
     * One engine's homes: the bag imported by the legal team, renewed twice (the archive TSA, then
     * the renewal TSA), and a copy of the legal home from before any evidence record was made.
     */
    record Renewed(Homes homes, String first, String second, Path imported, List<String> tokens) {
    }

    /** Each engine's, made when its first test asks. */
    static final Map<TestEngine, Renewed> RENEWED = new EnumMap<>(TestEngine.class);

    @BeforeAll
    static void renewAndExport() throws Exception {
        archive = new TestTsa(TestTsa.Fault.NONE, "Archive TSA");
        renewal = new TestTsa(TestTsa.Fault.NONE, "Renewal TSA");
        archive.writeCa(base.resolve("archive-ca.pem"));
        renewal.writeCa(base.resolve("renewal-ca.pem"));
        Renewed sqlite = renewed(TestEngine.SQLITE);
        homes = sqlite.homes();
        first = sqlite.first();
        second = sqlite.second();
        imported = sqlite.imported();
        tokens = sqlite.tokens();
        // The package, on SQLite: what it carries is checked alone, whichever vault it came from.
        String caseId = homes.gawah.caseCreate(homes.legal, "Archived").ok().out().strip();
        homes.gawah.in(homes.legal, "case", "add", caseId, first, second, "--reliability", "high").ok();
        pkg = base.resolve("package.zip");
        homes.gawah.in(homes.legal, "export", "--case", caseId, "--for", "icc", "--include-identities", "--out",
                pkg.toString()).ok();
    }

    static synchronized Renewed renewed(TestEngine engine) throws Exception {
        if (!RENEWED.containsKey(engine)) {
            Path dir = Files.createDirectories(base.resolve(engine.name()));
            Homes homes = engine.homes(dir);
            Path photo = Files.write(dir.resolve("photo.jpg"), Photos.jpeg(3));
            String first = homes.gawah.inWithInput(homes.documenter, Homes.sampleInput(), "record", "--from", "-",
                    "--attach", photo.toString()).ok().out().strip();
            String second = homes.record();
            Path bag = dir.resolve("bag.zip");
            homes.gawah.in(homes.documenter, "submit", "--out", bag.toString()).ok();
            homes.gawah.in(homes.legal, "keys", "import", "--role", "tsa", "--url", archive.url(),
                    base.resolve("archive-ca.pem").toString()).ok();
            homes.gawah.in(homes.legal, "keys", "import", "--role", "tsa", base.resolve("renewal-ca.pem").toString()).ok();
            homes.gawah.in(homes.legal, "import", bag.toString()).ok();
            Path imported = dir.resolve("imported");
            Homes.copy(homes.legal, imported);
            List<String> tokens = new ArrayList<>();
            tokens.add(homes.gawah.in(homes.legal, "timestamp", "--renew").ok().out().strip());
            // The archive TSA's certificate ends within a year: the chain is due, renewed by the other TSA.
            tokens.add(homes.gawah.in(homes.legal, "timestamp", "--renew", "--tsa", renewal.url()).ok().out().strip());
            RENEWED.put(engine, new Renewed(homes, first, second, imported, tokens));
        }
        return RENEWED.get(engine);
    }

    @AfterAll
    static void stop() {
        archive.close();
        renewal.close();
    }

    @ParameterizedTest
    @EnumSource(TestEngine.class)
    void eachRunLogsOneArchiveTimestampAndEveryItemHasItsRecord(TestEngine engine) throws Exception {
        Homes homes = renewed(engine).homes();
        List<String> tokens = renewed(engine).tokens();
        List<Entry> log = VaultTamper.read(homes.legal, db -> {
            List<Entry> entries = new ArrayList<>();
            try (ResultSet rows = db.createStatement().executeQuery("SELECT entry FROM custody_log ORDER BY seq")) {
                while (rows.next()) {
                    entries.add(Entry.parse(rows.getBytes(1)));
                }
            }
            return entries;
        });
        List<Entry> archived = log.stream().filter(e -> e.action() == Action.ARCHIVE_TIMESTAMPED).toList();
        assertEquals(tokens, archived.stream().map(Entry::subject).toList());
        List<String> made = made(homes.legal);
        assertTrue(made.size() >= 3, made.toString());
        assertEquals(made, rows(homes.legal).stream().map(r -> r.key).toList());
        for (Row row : rows(homes.legal)) {
            EvidenceRecord record = EvidenceRecord.parse(row.record);
            assertEquals(2, record.timestamps().size());
            for (int i = 0; i < 2; i++) {
                assertEquals(archived.get(i).subjectSha256(), Digests.sha256(record.timestamps().get(i).encoded()));
                assertEquals(TimeStampQuery.nonceOf(tokens.get(i)), record.timestamps().get(i).nonce());
            }
        }
        Result verified = homes.gawah.in(homes.legal, "verify", "--vault", "--no-entry").ok();
        assertTrue(verified.out().contains("evidence records: " + made.size() + " items"), verified.out());
    }

    @ParameterizedTest
    @EnumSource(TestEngine.class)
    void aDueRenewalWithTheTsaUnreachableWritesNothing(TestEngine engine) throws Exception {
        Homes homes = renewed(engine).homes();
        Path copy = base.resolve(engine + "-unreachable");
        Homes.copy(homes.legal, copy);
        String before = VaultTamper.snapshot(copy);
        // Both chains' newest certificates end within a year: the run is due, asks, and finds no one.
        Result run = homes.gawah.in(copy, "timestamp", "--renew", "--tsa", "http://127.0.0.1:9/tsr", "--timeout", "2");
        assertEquals(Failure.UNREACHABLE.exitCode(), run.code(), run.stderr());
        assertTrue(run.stderr().contains("gawah: error: ") && run.stderr().contains("gawah: hint: "), run.stderr());
        assertEquals("", run.out());
        assertEquals(before, VaultTamper.snapshot(copy));
    }

    @Test
    void thePackageCarriesEachItemsRecordAndVerifiesAfterRenewal(@TempDir Path dir) throws Exception {
        Map<String, Bags.Item> items = Bags.read(pkg);
        String root = Bags.root(items);
        List<String> records = items.keySet().stream().filter(n -> n.endsWith(".ers")).sorted().toList();
        assertTrue(records.size() >= 3, records.toString());
        List<String> named = items.keySet().stream().filter(n -> n.contains("/metadata/items/" + first)).toList();
        assertTrue(named.size() >= 2, named.toString());
        for (String sidecar : named) {
            if (sidecar.endsWith(".reading.json")) {
                continue; // made at export: no sealed source, no record
            }
            JsonNode node = new ObjectMapper().readTree(items.get(sidecar).data());
            String ers = node.path("evidence_record").asText();
            assertTrue(ers.matches("custody/" + homes.documenterFingerprint + "/[0-9]{8}\\.ers"), node.toString());
            Entry entry = Entry.parse(items.get(root + "/" + ers.replace(".ers", ".json")).data());
            EvidenceRecord.Proof proof = EvidenceRecord.parse(items.get(root + "/" + ers).data())
                    .check(java.util.HexFormat.of().parseHex(entry.sha256()), List.of(TsaCertificate.parse(
                            Files.readAllBytes(base.resolve("archive-ca.pem"))), TsaCertificate.parse(
                            Files.readAllBytes(base.resolve("renewal-ca.pem")))), Instant.now());
            assertEquals(1, proof.renewals());
        }
        Result verified = homes.gawah.in(homes.legal, "verify", pkg.toString()).ok();
        assertTrue(verified.out().contains("VALID"), verified.out());
        Clerk.Outcome outcome = new Clerk(items.get(root + "/VERIFY.txt").text()).follow(dir, Map.of("PACKAGE", pkg.toString(),
                "TOLD", ClerkFollowsVerifyTxtTest.grouped(homes.legalFingerprint)), false, null);
        assertEquals(0, outcome.failedAt(), outcome.all());
        assertTrue(outcome.printed().get(14).contains("an evidence record of custody/"), outcome.all());
    }

    @Test
    void aTamperedEvidenceRecordIsRefused(@TempDir Path dir) throws Exception {
        Result run = verifyForged(dir, (items, records) -> {
            byte[] bytes = items.get(records.get(0)).data().clone();
            bytes[bytes.length - 1] ^= 0x01; // the last byte of the renewal token's signature
            items.put(records.get(0), new Bags.Item(records.get(0), bytes));
        });
        assertEquals(Failure.BAD_SIGNATURE.exitCode(), run.code(), run.out() + run.stderr());
        assertTrue(run.stderr().contains("evidence record custody/") && run.stderr().contains("archive timestamp 2 of 2")
                && run.stderr().contains("does not verify"), run.stderr());
    }

    @Test
    void aRecordForAnotherObjectIsRefused(@TempDir Path dir) throws Exception {
        Result run = verifyForged(dir, (items, records) -> {
            byte[] other = items.get(records.get(1)).data();
            items.put(records.get(0), new Bags.Item(records.get(0), other));
        });
        assertEquals(Failure.BAD_DATA.exitCode(), run.code(), run.out() + run.stderr());
        assertTrue(run.stderr().contains("is for another data object"), run.stderr());
    }

    @Test
    void aRenewalByATsaTheVerifyingHomeDidNotPinIsRefused(@TempDir Path dir) throws Exception {
        Path receiver = dir.resolve("receiver");
        homes.gawah.in(receiver, "init").ok();
        homes.gawah.in(receiver, "keys", "generate", "--name", "Receiving body").ok();
        Path custodian = dir.resolve("custodian.asc");
        homes.gawah.in(homes.legal, "keys", "export", "--out", custodian.toString()).ok();
        homes.gawah.in(receiver, "keys", "import", "--role", "custodian", custodian.toString()).ok();
        homes.gawah.in(receiver, "keys", "import", "--role", "tsa", base.resolve("archive-ca.pem").toString()).ok();
        Result refused = homes.gawah.in(receiver, "verify", pkg.toString());
        assertEquals(Failure.UNKNOWN_SIGNER.exitCode(), refused.code(), refused.out() + refused.stderr());
        assertTrue(refused.stderr().contains("archive timestamp 2 of 2") && refused.stderr().contains("Renewal TSA")
                && refused.stderr().contains("neither pinned here"), refused.stderr());
        homes.gawah.in(receiver, "keys", "import", "--role", "tsa", base.resolve("renewal-ca.pem").toString()).ok();
        assertTrue(homes.gawah.in(receiver, "verify", pkg.toString()).ok().out().contains("VALID"));
    }

    @ParameterizedTest
    @EnumSource(TestEngine.class)
    void aSwappedRowInTheVaultIsRefusedAndNothingIsRenewed(TestEngine engine) throws Exception {
        Homes homes = renewed(engine).homes();
        Path copy = base.resolve(engine + "-swapped");
        Homes.copy(homes.legal, copy);
        List<Row> rows = rows(copy);
        VaultTamper.tamper(copy, db -> {
            try (PreparedStatement update = db.prepareStatement("UPDATE evidence_records SET record = ? WHERE actor = ? AND seq = ?")) {
                update.setBytes(1, rows.get(1).record);
                update.setString(2, rows.get(0).actor);
                update.setLong(3, rows.get(0).seq);
                assertEquals(1, update.executeUpdate());
            }
            return null;
        });
        Result verify = homes.gawah.in(copy, "verify", "--vault", "--no-entry");
        assertEquals(Failure.BAD_DATA.exitCode(), verify.code(), verify.out() + verify.stderr());
        assertTrue(verify.stderr().contains("the evidence record of entry " + rows.get(0).seq)
                && verify.stderr().contains("is for another data object"), verify.stderr());
        String before = VaultTamper.snapshot(copy);
        int asked = archive.requests();
        Result renew = homes.gawah.in(copy, "timestamp", "--renew");
        assertEquals(Failure.BAD_DATA.exitCode(), renew.code(), renew.stderr());
        assertTrue(renew.stderr().contains("nothing was renewed"), renew.stderr());
        assertEquals(asked, archive.requests());
        assertEquals(before, VaultTamper.snapshot(copy));
    }

    @ParameterizedTest
    @EnumSource(TestEngine.class)
    void aRowMovedToAnotherEntryIsRefusedByTheSignedView(TestEngine engine) throws Exception {
        Homes homes = renewed(engine).homes();
        Path copy = base.resolve(engine + "-moved");
        Homes.copy(homes.legal, copy);
        Row row = rows(copy).get(0);
        VaultTamper.tamper(copy, db -> {
            try (PreparedStatement update = db.prepareStatement("UPDATE evidence_records SET seq = 9999 WHERE actor = ? AND seq = ?")) {
                update.setString(1, row.actor);
                update.setLong(2, row.seq);
                assertEquals(1, update.executeUpdate());
            }
            return null;
        });
        String before = VaultTamper.snapshot(copy);
        int asked = archive.requests();
        for (String[] command : List.of(new String[] {"verify", "--vault", "--no-entry"}, new String[] {"timestamp", "--renew"})) {
            Result run = homes.gawah.in(copy, command);
            assertEquals(Failure.BAD_DATA.exitCode(), run.code(), run.out() + run.stderr());
            assertTrue(run.stderr().contains("the evidence record of entry 9999 of " + row.actor)
                    && run.stderr().contains("it was changed or moved in the vault"), run.stderr());
        }
        assertEquals(asked, archive.requests());
        assertEquals(before, VaultTamper.snapshot(copy));
    }

    @Test
    void aRefusingTsaWritesNothing() throws Exception {
        Path copy = base.resolve("refusing");
        Homes.copy(homes.legal, copy);
        try (TestTsa refusing = new TestTsa(TestTsa.Fault.REJECTS, "Refusing TSA")) {
            byte[] before = Files.readAllBytes(copy.resolve("vault.db"));
            Result run = homes.gawah.in(copy, "timestamp", "--renew", "--tsa", refusing.url());
            assertEquals(Failure.TSA_REFUSED.exitCode(), run.code(), run.stderr());
            assertEquals("", run.out());
            assertArrayEquals(before, Files.readAllBytes(copy.resolve("vault.db")));
        }
    }

    @Test
    void aChainWhoseNewestCertificateHasEndedIsRefusedBeforeAnythingIsAsked() throws Exception {
        Path copy = base.resolve("ended");
        Homes.copy(imported, copy);
        Instant now = Instant.now();
        // Records made ten days ago by a TSA whose certificate ended two days ago: too late to renew.
        try (TestTsa ended = new TestTsa("Ended TSA", now.minus(Duration.ofDays(400)), now.minus(Duration.ofDays(2)),
                Duration.ofDays(-10))) {
            homes.gawah.in(copy, "keys", "import", "--role", "tsa", ended.writeCa(base.resolve("ended-ca.pem")).toString()).ok();
            homes.gawah.in(copy, "timestamp", "--renew", "--tsa", ended.url()).ok();
            int records = rows(copy).size();
            byte[] before = Files.readAllBytes(copy.resolve("vault.db"));
            int asked = renewal.requests();
            Result refused = homes.gawah.in(copy, "timestamp", "--renew", "--tsa", renewal.url());
            assertEquals(Failure.CERTIFICATE_REFUSED.exitCode(), refused.code(), refused.stderr());
            assertTrue(refused.stderr().startsWith("gawah: error: cannot renew the evidence records of " + records + " items")
                    && refused.stderr().contains("Ended TSA") && refused.stderr().contains("would prove nothing of it")
                    && refused.stderr().contains("gawah: hint: ") && refused.stderr().contains("--leave-ended"), refused.stderr());
            assertEquals("", refused.out());
            assertEquals(asked, renewal.requests());
            assertArrayEquals(before, Files.readAllBytes(copy.resolve("vault.db")));
            // They still prove their time: each archive timestamp is judged at its own time.
            Result verified = homes.gawah.in(copy, "verify", "--vault", "--no-entry").ok();
            assertTrue(verified.out().contains("evidence records: " + records + " items")
                    && verified.out().contains("none can be renewed any more"), verified.out());
            // Left as they stand on request: nothing else is due, so nothing is asked or written.
            Result left = homes.gawah.in(copy, "timestamp", "--renew", "--leave-ended", "--tsa", renewal.url()).ok();
            assertTrue(left.stderr().contains("left as they are: the evidence records of " + records + " items")
                    && left.stderr().contains("nothing to do"), left.stderr());
            assertEquals(asked, renewal.requests());
            assertArrayEquals(before, Files.readAllBytes(copy.resolve("vault.db")));
        }
    }

    @ParameterizedTest
    @EnumSource(TestEngine.class)
    void whenNothingIsDueRenewAsksNothingAndWritesNothing(TestEngine engine) throws Exception {
        Homes homes = renewed(engine).homes();
        Path copy = base.resolve(engine + "-nothing-due");
        Homes.copy(renewed(engine).imported(), copy);
        Instant now = Instant.now();
        // A certificate that lives well past the renewal window (a year).
        try (TestTsa lasting = new TestTsa("Lasting TSA", now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(800)),
                Duration.ZERO)) {
            homes.gawah.in(copy, "keys", "import", "--role", "tsa",
                    lasting.writeCa(base.resolve(engine + "-lasting-ca.pem")).toString()).ok();
            homes.gawah.in(copy, "timestamp", "--renew", "--tsa", lasting.url()).ok();
            assertEquals(1, lasting.requests());
            String before = VaultTamper.snapshot(copy);
            // A wrong passphrase: were it asked for, the run would fail.
            Result run = new Gawah("not the passphrase").in(copy, "timestamp", "--renew", "--tsa", lasting.url());
            assertEquals(0, run.code(), run.stderr());
            assertEquals("", run.out());
            assertTrue(run.stderr().contains("nothing to do: all " + rows(copy).size() + " evidence records are up to date"),
                    run.stderr());
            assertEquals(1, lasting.requests());
            assertEquals(before, VaultTamper.snapshot(copy));
        }
    }

    @Test
    void leaveEndedGoesOnlyWithRenew() {
        Result run = homes.gawah.in(imported, "timestamp", "--leave-ended");
        assertEquals(Failure.USAGE.exitCode(), run.code(), run.stderr());
        assertTrue(run.stderr().contains("--leave-ended goes with --renew"), run.stderr());
    }

    @Test
    void aSidecarNamingAnotherItemsRecordIsRefused(@TempDir Path dir) throws Exception {
        Result run = verifyForged(dir, (items, records) -> {
            String sidecar = sidecarWithRecord(items);
            ObjectNode node = (ObjectNode) new ObjectMapper().readTree(items.get(sidecar).data());
            String own = node.path("evidence_record").asText();
            String other = records.stream().map(r -> r.substring(r.indexOf("/custody/") + 1)).filter(r -> !r.equals(own))
                    .findFirst().orElseThrow();
            node.put("evidence_record", other);
            Bags.put(items, sidecar, new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(node) + "\n");
        });
        assertEquals(Failure.BAD_DATA.exitCode(), run.code(), run.out() + run.stderr());
        assertTrue(run.stderr().contains("the sidecar of ") && run.stderr().contains("names an evidence record (custody/")
                && run.stderr().contains("that is not the checked record of the entry that made it"), run.stderr());
    }

    @Test
    void aSidecarNamingARecordThePackageDoesNotCarryIsRefused(@TempDir Path dir) throws Exception {
        Result run = verifyForged(dir, (items, records) -> {
            ObjectNode node = (ObjectNode) new ObjectMapper().readTree(items.get(sidecarWithRecord(items)).data());
            items.remove(Bags.root(items) + "/" + node.path("evidence_record").asText());
        });
        assertEquals(Failure.BAD_DATA.exitCode(), run.code(), run.out() + run.stderr());
        assertTrue(run.stderr().contains("that is not the checked record of the entry that made it"), run.stderr());
    }

    @Test
    void logShowsTimestampsPinsAndArchiveTimestampsInWords() throws Exception {
        Path copy = base.resolve("logged");
        Homes.copy(homes.legal, copy);
        homes.gawah.in(copy, "timestamp", "--tsa", archive.url()).ok();
        Result log = homes.gawah.in(copy, "log").ok();
        // The table cuts the words to its column.
        for (String words : List.of("time-stamping authority pinned", "archive timestamp added", "timestamped")) {
            assertTrue(log.out().contains("  " + words.substring(0, Math.min(words.length(), 15))), words + " in " + log.out());
        }
        Result pashto = homes.gawah.in(copy, "log", "--lang", "ps").ok();
        assertTrue(pashto.out().contains("\u2068د آرشیف د وخت ت"), pashto.out()); // a right-to-left cell, isolated
    }

    /** The first sidecar of the package that names an evidence record. */
    private static String sidecarWithRecord(Map<String, Bags.Item> items) throws Exception {
        for (String name : items.keySet().stream().filter(n -> n.contains("/metadata/items/")).sorted().toList()) {
            if (new ObjectMapper().readTree(items.get(name).data()).has("evidence_record")) {
                return name;
            }
        }
        throw new AssertionError("no sidecar names an evidence record");
    }

    interface Forgery {
        void apply(Map<String, Bags.Item> items, List<String> records) throws Exception;
    }

    private static Result verifyForged(Path dir, Forgery forgery) throws Exception {
        Map<String, Bags.Item> items = Bags.read(pkg);
        List<String> records = items.keySet().stream().filter(n -> n.endsWith(".ers")).sorted().toList();
        forgery.apply(items, records);
        Bags.resealPackage(items, new Keyring(homes.legal.resolve("keys")).requireOwnKey()
                .unlockForSigning(Homes.PASSPHRASE.toCharArray(), Instant.now()));
        Path forged = dir.resolve("forged.zip");
        Bags.write(forged, items);
        return homes.gawah.in(homes.legal, "verify", forged.toString());
    }

    private record Row(String key, String actor, long seq, byte[] record) {
    }

    private static List<Row> rows(Path home) throws Exception {
        return VaultTamper.read(home, db -> {
            List<Row> rows = new ArrayList<>();
            try (ResultSet r = db.createStatement().executeQuery("SELECT actor, seq, record FROM evidence_records ORDER BY actor, seq")) {
                while (r.next()) {
                    rows.add(new Row(r.getString(1) + " " + r.getLong(2), r.getString(1), r.getLong(2), r.getBytes(3)));
                }
            }
            return rows;
        });
    }

    /** The sealed and attached entries of every log the vault holds, as "actor seq", sorted like the table. */
    private static List<String> made(Path home) throws Exception {
        List<String> made = VaultTamper.read(home, db -> {
            List<String> found = new ArrayList<>();
            try (ResultSet r = db.createStatement().executeQuery(
                    "SELECT entry FROM custody_log UNION ALL SELECT entry FROM received_custody")) {
                while (r.next()) {
                    Entry entry = Entry.parse(r.getBytes(1));
                    if (entry.action() == Action.SEALED || entry.action() == Action.ATTACHED) {
                        found.add(entry.actor() + " " + entry.seq());
                    }
                }
            }
            return found;
        });
        return made.stream().sorted((a, b) -> {
            String[] x = a.split(" ");
            String[] y = b.split(" ");
            int actor = x[0].compareTo(y[0]);
            return actor != 0 ? actor : Long.compare(Long.parseLong(x[1]), Long.parseLong(y[1]));
        }).toList();
    }
}
