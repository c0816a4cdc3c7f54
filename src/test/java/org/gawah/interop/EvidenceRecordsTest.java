package org.gawah.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.gawah.Digests;
import org.gawah.Failure;
import org.gawah.custody.Action;
import org.gawah.custody.Entry;
import org.gawah.keys.Keyring;
import org.gawah.testsupport.Bags;
import org.gawah.testsupport.Gawah.Result;
import org.gawah.testsupport.Homes;
import org.gawah.testsupport.Photos;
import org.gawah.testsupport.TestTsa;
import org.gawah.tsp.EvidenceRecord;
import org.gawah.tsp.TimeStampQuery;
import org.gawah.tsp.TsaCertificate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * RFC 4998 evidence records, end to end with real TSAs on 127.0.0.1: a legal team's
 * {@code timestamp --renew} covers every imported item with one archive timestamp, a second run
 * renews the chain with another TSA (the first one's certificate ends within a year), the
 * evidence package carries each item's record beside the entry that made it, and it verifies
 * after the renewal; a tampered record, a record for another object, and a renewal by a TSA the
 * verifying home did not pin are each refused with their own message.
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
    static List<String> tokens = new ArrayList<>();

    @BeforeAll
    static void renewAndExport() throws Exception {
        homes = new Homes(base);
        archive = new TestTsa(TestTsa.Fault.NONE, "Archive TSA");
        renewal = new TestTsa(TestTsa.Fault.NONE, "Renewal TSA");
        Path photo = Files.write(base.resolve("photo.jpg"), Photos.jpeg(3));
        first = homes.gawah.inWithInput(homes.documenter, Homes.sampleInput(), "record", "--from", "-",
                "--attach", photo.toString()).ok().out().strip();
        second = homes.record();
        Path bag = base.resolve("bag.zip");
        homes.gawah.in(homes.documenter, "submit", "--out", bag.toString()).ok();
        homes.gawah.in(homes.legal, "keys", "import", "--role", "tsa", "--url", archive.url(),
                archive.writeCa(base.resolve("archive-ca.pem")).toString()).ok();
        homes.gawah.in(homes.legal, "keys", "import", "--role", "tsa",
                renewal.writeCa(base.resolve("renewal-ca.pem")).toString()).ok();
        homes.gawah.in(homes.legal, "import", bag.toString()).ok();
        tokens.add(homes.gawah.in(homes.legal, "timestamp", "--renew").ok().out().strip());
        // The archive TSA's certificate ends within a year: the chain is due, renewed by the other TSA.
        tokens.add(homes.gawah.in(homes.legal, "timestamp", "--renew", "--tsa", renewal.url()).ok().out().strip());
        String caseId = homes.gawah.caseCreate(homes.legal, "Archived").ok().out().strip();
        homes.gawah.in(homes.legal, "case", "add", caseId, first, second, "--reliability", "high").ok();
        pkg = base.resolve("package.zip");
        homes.gawah.in(homes.legal, "export", "--case", caseId, "--for", "icc", "--include-identities", "--out",
                pkg.toString()).ok();
    }

    @AfterAll
    static void stop() {
        archive.close();
        renewal.close();
    }

    @Test
    void eachRunLogsOneArchiveTimestampAndEveryItemHasItsRecord() throws Exception {
        List<Entry> log = new ArrayList<>();
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + homes.legal.resolve("vault.db"));
             ResultSet rows = db.createStatement().executeQuery("SELECT entry FROM custody_log ORDER BY seq")) {
            while (rows.next()) {
                log.add(Entry.parse(rows.getBytes(1)));
            }
        }
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

    @Test
    void aDueRenewalWithTheTsaUnreachableWritesNothing() throws Exception {
        Path copy = base.resolve("unreachable");
        Homes.copy(homes.legal, copy);
        byte[] before = Files.readAllBytes(copy.resolve("vault.db"));
        // Both chains' newest certificates end within a year: the run is due, asks, and finds no one.
        Result run = homes.gawah.in(copy, "timestamp", "--renew", "--tsa", "http://127.0.0.1:9/tsr", "--timeout", "2");
        assertEquals(Failure.UNREACHABLE.exitCode(), run.code(), run.stderr());
        assertTrue(run.stderr().contains("gawah: error: ") && run.stderr().contains("gawah: hint: "), run.stderr());
        assertEquals("", run.out());
        assertArrayEquals(before, Files.readAllBytes(copy.resolve("vault.db")));
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

    @Test
    void aSwappedRowInTheVaultIsRefusedAndNothingIsRenewed() throws Exception {
        Path copy = base.resolve("swapped");
        Homes.copy(homes.legal, copy);
        List<Row> rows = rows(copy);
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + copy.resolve("vault.db"));
             PreparedStatement update = db.prepareStatement("UPDATE evidence_records SET record = ? WHERE actor = ? AND seq = ?")) {
            update.setBytes(1, rows.get(1).record);
            update.setString(2, rows.get(0).actor);
            update.setLong(3, rows.get(0).seq);
            assertEquals(1, update.executeUpdate());
        }
        Result verify = homes.gawah.in(copy, "verify", "--vault", "--no-entry");
        assertEquals(Failure.BAD_DATA.exitCode(), verify.code(), verify.out() + verify.stderr());
        assertTrue(verify.stderr().contains("the evidence record of entry " + rows.get(0).seq)
                && verify.stderr().contains("is for another data object"), verify.stderr());
        byte[] before = Files.readAllBytes(copy.resolve("vault.db"));
        int asked = archive.requests();
        Result renew = homes.gawah.in(copy, "timestamp", "--renew");
        assertEquals(Failure.BAD_DATA.exitCode(), renew.code(), renew.stderr());
        assertTrue(renew.stderr().contains("nothing was renewed"), renew.stderr());
        assertEquals(asked, archive.requests());
        assertArrayEquals(before, Files.readAllBytes(copy.resolve("vault.db")));
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

    interface Forgery {
        void apply(Map<String, Bags.Item> items, List<String> records);
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
        List<Row> rows = new ArrayList<>();
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + home.resolve("vault.db"));
             ResultSet r = db.createStatement().executeQuery("SELECT actor, seq, record FROM evidence_records ORDER BY actor, seq")) {
            while (r.next()) {
                rows.add(new Row(r.getString(1) + " " + r.getLong(2), r.getString(1), r.getLong(2), r.getBytes(3)));
            }
        }
        return rows;
    }

    /** The sealed and attached entries of every log the vault holds, as "actor seq", sorted like the table. */
    private static List<String> made(Path home) throws Exception {
        List<String> made = new ArrayList<>();
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + home.resolve("vault.db"));
             ResultSet r = db.createStatement().executeQuery(
                     "SELECT entry FROM custody_log UNION ALL SELECT entry FROM received_custody")) {
            while (r.next()) {
                Entry entry = Entry.parse(r.getBytes(1));
                if (entry.action() == Action.SEALED || entry.action() == Action.ATTACHED) {
                    made.add(entry.actor() + " " + entry.seq());
                }
            }
        }
        return made.stream().sorted((a, b) -> {
            String[] x = a.split(" ");
            String[] y = b.split(" ");
            int actor = x[0].compareTo(y[0]);
            return actor != 0 ? actor : Long.compare(Long.parseLong(x[1]), Long.parseLong(y[1]));
        }).toList();
    }
}
