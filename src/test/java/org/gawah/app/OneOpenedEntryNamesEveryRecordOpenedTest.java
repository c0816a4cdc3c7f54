package org.gawah.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.gawah.Digests;
import org.gawah.Failure;
import org.gawah.GawahException;
import org.gawah.custody.Action;
import org.gawah.custody.Entry;
import org.gawah.custody.OpenedList;
import org.gawah.openpgp.SecretKey;
import org.gawah.openpgp.SigningKey;
import org.gawah.testsupport.Homes;
import org.gawah.vault.Vault;
import org.gawah.vault.VaultTamper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The records page's openings logged as one signed {@code opened} entry (docs/format/custody-log.md,
 * "Many openings in one entry"), on a legal home that imported two records with real gawah
 * commands: opening them twice appends two entries, each naming the same list (kept once) of both
 * records with their ciphertexts' digests; {@code gawah verify --vault} accepts the log; the reader's
 * custody of each record holds both; and a list changed, or one added that no entry names, is named
 * by verify --vault (exit 41) and refused by the reader.
 */
class OneOpenedEntryNamesEveryRecordOpenedTest {
    @TempDir
    static Path base;
    static Homes homes;
    static SecretKey own;
    static List<String> ids = new ArrayList<>();
    static List<Entry> appended;

    @BeforeAll
    static void twoRecordsOpenedTwice() {
        homes = new Homes(base.resolve("gawah"));
        ids.add(homes.record());
        ids.add(homes.record());
        Path bag = base.resolve("bag.zip");
        homes.gawah.in(homes.documenter, "submit", "--out", bag.toString()).ok();
        homes.gawah.in(homes.legal, "import", bag.toString()).ok();
        own = new Home(homes.legal, w -> { }).keyring().requireOwnKey();
        SigningKey signer = own.unlockForSigning(Homes.PASSPHRASE.toCharArray(), Instant.now());
        int before = log(homes.legal).size();
        LegalRecords.openAll(homes.legal, own, signer, (done, of) -> { }).forEach(OpenedRecord::wipe);
        LegalRecords.openAll(homes.legal, own, signer, (done, of) -> { }).forEach(OpenedRecord::wipe);
        List<Entry> log = log(homes.legal);
        appended = log.subList(before, log.size());
    }

    @Test
    void eachOpeningIsOneEntryNamingTheListOfEveryRecordAndItsCiphertext() {
        assertEquals(2, appended.size(), "one entry an opening, not one a record: " + appended);
        Map<String, String> expected = new TreeMap<>();
        try (Vault vault = Vault.open(homes.legal.resolve("vault.db"))) {
            for (String id : ids) {
                expected.put(id, Digests.sha256(vault.get(id).orElseThrow().testimony()));
            }
            for (Entry entry : appended) {
                assertEquals(Action.OPENED, entry.action());
                assertTrue(OpenedList.isOpening(entry) && entry.subject().matches("GWO(-[0-9A-HJKMNP-TV-Z]{4}){4}"), entry.subject());
                OpenedList list = OpenedList.parse(vault.openedList(entry.subjectSha256()).orElseThrow());
                assertEquals("records", list.view());
                assertEquals(expected, list.items());
            }
        }
        assertEquals(appended.get(0).subjectSha256(), appended.get(1).subjectSha256(), "the same records, the same list");
        assertTrue(!appended.get(0).subject().equals(appended.get(1).subject()), "each opening its own id");
        assertEquals(1, rows(homes.legal), "the same list kept once");
    }

    @Test
    void verifyVaultAcceptsItAndTheReaderShowsItForEachRecord() {
        String report = homes.gawah.in(homes.legal, "verify", "--vault", "--no-entry").ok().out();
        assertTrue(report.contains("vault intact"), report);
        for (String id : ids) {
            List<Entry> custody = LegalRecords.custody(homes.legal, own, id);
            assertEquals(appended, custody.stream().filter(OpenedList::isOpening).toList(), id);
        }
    }

    @Test
    void anEvidencePackageAfterwardsVerifiesAndCarriesNoOpeningNorItsList() throws Exception {
        Path legal = base.resolve("exporting");
        Homes.copy(homes.legal, legal);
        String caseId = homes.gawah.caseCreate(legal, "Openings").ok().out().strip();
        homes.gawah.in(legal, "case", "add", caseId, ids.get(0), "--tag", "rome:7(1)(e)").ok();
        Path zip = base.resolve("package.zip");
        homes.gawah.in(legal, "export", "--case", caseId, "--for", "icc", "--out", zip.toString()).ok();
        homes.gawah.in(legal, "verify", zip.toString()).ok();
        try (java.util.zip.ZipFile file = new java.util.zip.ZipFile(zip.toFile())) {
            boolean linked = false;
            for (java.util.zip.ZipEntry entry : java.util.Collections.list(file.entries())) {
                String text = new String(file.getInputStream(entry).readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
                assertTrue(!text.contains(OpenedList.PREFIX) && !text.contains(OpenedList.SCHEMA)
                        && !text.contains(appended.get(0).subjectSha256()) && !text.contains(ids.get(1)),
                        entry.getName() + " names an opening, its list or the record left out");
                linked |= entry.getName().endsWith("chain-sha256.txt") && text.contains(appended.get(0).sha256() + "  ");
            }
            assertTrue(linked, "the opening is a line of the custodian's chain-sha256.txt, as every entry left out");
        }
    }

    @Test
    void aListChangedOrAddedBehindTheLogsBackIsNamed() throws Exception {
        Path changed = base.resolve("changed");
        Homes.copy(homes.legal, changed);
        String digest = appended.get(0).subjectSha256();
        // A list naming only the first record, under the digest the entry signed: the entry no longer vouches for it.
        byte[] fewer = OpenedList.of("records", Map.of(ids.get(0), "ab".repeat(32))).bytes();
        VaultTamper.tamper(changed, c -> {
            try (PreparedStatement update = c.prepareStatement("UPDATE opened_lists SET list = ? WHERE sha256 = ?")) {
                update.setBytes(1, fewer);
                update.setString(2, digest);
                return update.executeUpdate();
            }
        });
        org.gawah.testsupport.Gawah.Result refused = homes.gawah.in(changed, "verify", "--vault", "--no-entry");
        assertEquals(Failure.BAD_DATA.exitCode(), refused.code(), refused.stderr());
        assertTrue(refused.stderr().contains("entry " + appended.get(0).seq() + " (" + appended.get(0).subject() + ")"),
                refused.stderr());
        GawahException reader = assertThrows(GawahException.class, () -> LegalRecords.custody(changed, own, ids.get(1)));
        assertEquals(Failure.BAD_DATA, reader.failure());

        Path added = base.resolve("added");
        Homes.copy(homes.legal, added);
        VaultTamper.tamper(added, c -> {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO opened_lists (sha256, list) VALUES (?, ?)")) {
                insert.setString(1, Digests.sha256(fewer));
                insert.setBytes(2, fewer);
                return insert.executeUpdate();
            }
        });
        org.gawah.testsupport.Gawah.Result unlogged = homes.gawah.in(added, "verify", "--vault", "--no-entry");
        assertEquals(Failure.BAD_DATA.exitCode(), unlogged.code(), unlogged.stderr());
        assertTrue(unlogged.stderr().contains(Digests.sha256(fewer)), unlogged.stderr());
    }

    private static List<Entry> log(Path home) {
        List<Entry> entries = new ArrayList<>();
        try (Vault vault = Vault.open(home.resolve("vault.db"))) {
            vault.forEachCustody(row -> entries.add(Entry.parse(row.entry())));
        }
        return entries;
    }

    private static long rows(Path home) {
        try {
            return VaultTamper.read(home, c -> {
                try (var query = c.createStatement().executeQuery("SELECT count(*) FROM opened_lists")) {
                    query.next();
                    return query.getLong(1);
                }
            });
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
