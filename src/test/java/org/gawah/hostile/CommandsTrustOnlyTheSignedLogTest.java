package org.gawah.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.gawah.Failure;
import org.gawah.testsupport.Bags;
import org.gawah.testsupport.Gawah;
import org.gawah.testsupport.Gawah.Result;
import org.gawah.testsupport.Homes;
import org.gawah.testsupport.TestEngine;
import org.gawah.vault.VaultTamper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The vault's tables edited by hand, as anyone with the file (and sqlite3) could, or, on a team
 * vault, the owner's account with the triggers disabled: each command that relies on what was
 * edited either acts on what the signed custody log says, or refuses with one clear error naming
 * the entry (exit 41) and writes nothing. Never a silent change in what it does, never an
 * "unexpected failure". On both engines.
 */
@ParameterizedClass
@EnumSource(TestEngine.class)
class CommandsTrustOnlyTheSignedLogTest {
    @Parameter
    TestEngine engine;

    @TempDir
    static Path base;
    static Homes homes;
    static Gawah gawah;
    /** r1 with an attachment, r2 plain: in bag 1, imported, both in the case. r3: in bag 2, imported. r4: not submitted. */
    static String r1;
    static String r2;
    static String r3;
    static String r4;
    static String caseId;
    /** A bag from a copy of the documenter's home made after bag 1: its log forks from the one the legal team holds. */
    static Path fork;
    static String escrowFingerprint;

    @BeforeParameterizedClassInvocation
    static void aDocumenterALegalTeamAndACase(TestEngine engine) throws IOException {
        Path dir = base.resolve(engine.name());
        homes = engine.homes(dir);
        gawah = homes.gawah;
        // A second legal key, so that every testimony has two recipients.
        Path escrow = dir.resolve("escrow");
        gawah.in(escrow, "init").ok();
        escrowFingerprint = gawah.in(escrow, "keys", "generate", "--name", "Escrow").ok().out().strip();
        gawah.in(escrow, "keys", "export", "--out", dir.resolve("escrow.asc").toString()).ok();
        gawah.in(homes.documenter, "keys", "import", "--role", "legal", dir.resolve("escrow.asc").toString()).ok();

        Path photo = Files.write(dir.resolve("photo.jpg"), new byte[200_000]);
        r1 = gawah.inWithInput(homes.documenter, Homes.sampleInput(), "record", "--from", "-", "--attach", photo.toString())
                .ok().out().strip();
        r2 = homes.record();
        Path one = dir.resolve("one.zip");
        gawah.in(homes.documenter, "submit", "--out", one.toString()).ok();
        gawah.in(homes.legal, "import", one.toString()).ok();

        Path forked = dir.resolve("forked-documenter");
        Homes.copy(homes.documenter, forked);
        gawah.inWithInput(forked, Homes.sampleInput(), "record", "--from", "-").ok();
        gawah.inWithInput(forked, Homes.sampleInput(), "record", "--from", "-").ok();
        fork = dir.resolve("fork.zip");
        gawah.in(forked, "submit", "--since", "--out", fork.toString()).ok();

        r3 = homes.record();
        Path two = dir.resolve("two.zip");
        gawah.in(homes.documenter, "submit", "--since", "--out", two.toString()).ok();
        gawah.in(homes.legal, "import", two.toString()).ok();
        r4 = homes.record();

        caseId = gawah.caseCreate(homes.legal, "Detentions").ok().out().strip();
        gawah.in(homes.legal, "case", "add", caseId, r1, r2, "--tag", "rome:7(1)(e)").ok();
        gawah.in(homes.legal, "case", "add", caseId, r1, "--tag", "rome:7(1)(h)", "--reliability", "high").ok();
    }

    // ---- cases

    @Test
    void exportStillCarriesARecordWhoseMembershipRowWasDeleted(@TempDir Path dir) throws Exception {
        Path legal = copy(homes.legal, dir);
        if (engine == TestEngine.POSTGRESQL) {
            // The server checks the analyses' reference to the row: the owner must drop it first.
            VaultTamper.sql(legal, "ALTER TABLE analyses DROP CONSTRAINT analyses_case_id_record_id_fkey");
        }
        VaultTamper.sql(vault(legal), "DELETE FROM case_records WHERE record_id = '" + r2 + "'");
        Path out = dir.resolve("package.zip");
        gawah.in(legal, "export", "--case", caseId, "--for", "icc", "--out", out.toString()).ok();
        assertTrue(Bags.read(out).keySet().stream().anyMatch(name -> name.contains("/data/" + r2 + "/")),
                "the record the log puts in the case is exported");
        assertTrue(gawah.in(legal, "case", "show", caseId).ok().out().contains(r2));
        assertNamed(gawah.in(legal, "verify", "--vault", "--no-entry"), "case " + caseId + " holds record " + r2
                + " in the custody log, but its row in the vault was deleted");
    }

    @Test
    void aDeletedLatestAnalysisStopsTheCaseInsteadOfBringingOlderTagsBack(@TempDir Path dir) throws Exception {
        Path legal = copy(homes.legal, dir);
        // The latest analysis, as the log says (times are to the second: two may share one).
        String latest = gawah.in(legal, "log", "--jsonl").ok().out().lines()
                .map(line -> org.gawah.custody.Entry.parseLine(line).entry())
                .filter(e -> e.action() == org.gawah.custody.Action.ANALYSED && e.subject().startsWith("GWN-"))
                .reduce((a, b) -> b).orElseThrow().subject();
        VaultTamper.sql(legal, "DELETE FROM analyses WHERE id = '" + latest + "'");
        Path out = dir.resolve("package.zip");
        String says = " is in the custody log (entry ";
        assertRefused(legal, says, "export", "--case", caseId, "--for", "icc", "--out", out.toString());
        assertFalse(Files.exists(out));
        assertRefused(legal, says, "case", "show", caseId);
        assertRefused(legal, says, "case", "list");
    }

    // ---- ciphertexts against the digests their entries logged

    @Test
    void aRecordWhoseSecondRecipientWasAlteredIsRefusedWhereverItIsUsed(@TempDir Path dir) throws Exception {
        Path legal = copy(homes.legal, dir);
        VaultTamper.alterSecondRecipient(vault(legal), r2);
        String says = "record " + r2 + " is not the ciphertext that custody entry ";
        assertRefused(legal, says, "open", r2);
        Path out = dir.resolve("package.zip");
        assertRefused(legal, says, "export", "--case", caseId, "--for", "icc", "--out", out.toString());
        assertFalse(Files.exists(out));
        assertRefused(legal, says, "list");
        Path documenter = copy(homes.documenter, dir.resolve("d"));
        VaultTamper.alterSecondRecipient(vault(documenter), r2);
        assertRefused(documenter, says, "submit", "--out", dir.resolve("bag.zip").toString());
        assertFalse(Files.exists(dir.resolve("bag.zip")));
    }

    @Test
    void anAttachmentWhoseSecondRecipientWasAlteredIsRefused(@TempDir Path dir) throws Exception {
        Path legal = copy(homes.legal, dir);
        VaultTamper.alterAttachmentSecondRecipient(vault(legal), r1);
        Path files = Files.createDirectory(dir.resolve("files"));
        assertRefused(legal, "attachment", "open", r1, "--attachments", files.toString());
        try (var written = Files.list(files)) {
            assertEquals(0, written.count(), "no file, partial or whole");
        }
        Path out = dir.resolve("package.zip");
        assertRefused(legal, "attachment", "export", "--case", caseId, "--for", "icc", "--out", out.toString());
        assertFalse(Files.exists(out));
        Path copy = dir.resolve("copy.pgp");
        assertRefused(legal, "attachment", "export-sealed", r1, "--attachment", "1", "--out", copy.toString());
        assertFalse(Files.exists(copy));
    }

    @Test
    void aDamagedChunkIsNamedAsTamperingNeverAsACrash(@TempDir Path dir) throws Exception {
        Path legal = copy(homes.legal, dir);
        VaultTamper.flipChunkByte(vault(legal), r1, 0, 5000);
        // Opening and copying are logged before anything leaves the vault: those entries stay, no file does.
        Path files = Files.createDirectory(dir.resolve("files"));
        assertNamed(gawah.in(legal, "open", r1, "--attachments", files.toString()), "altered");
        try (var written = Files.list(files)) {
            assertEquals(0, written.count(), "no file, partial or whole");
        }
        Path copy = dir.resolve("c.pgp");
        assertNamed(gawah.in(legal, "export-sealed", r1, "--attachment", "1", "--out", copy.toString()), "altered");
        assertFalse(Files.exists(copy));
        // Found while the package is written: the partial file it was listed under is gone, and so is its listing.
        // (The photo's metadata could not be read at sealing, so only a reviewed export reads its chunks.)
        assertNamed(gawah.in(legal, "export", "--case", caseId, "--for", "icc", "--reviewed-all", caseId,
                "--out", dir.resolve("p.zip").toString()), "altered");
        try (var written = Files.list(dir)) {
            assertEquals(List.of(), written.filter(f -> f.getFileName().toString().contains("p.zip")).toList());
        }
        assertEquals("", gawah.in(legal, "doctor").out().lines().filter(l -> l.contains("partial")).findFirst().orElse(""));
        Path documenter = copy(homes.documenter, dir.resolve("d"));
        VaultTamper.flipChunkByte(vault(documenter), r1, 0, 5000);
        String logged = gawah.in(documenter, "log", "--jsonl").ok().out();
        assertNamed(gawah.in(documenter, "submit", "--out", dir.resolve("bag.zip").toString()), "altered");
        try (var written = Files.list(dir)) {
            assertEquals(List.of(), written.filter(f -> f.getFileName().toString().contains("bag.zip")).toList(),
                    "no bag, whole or partial");
        }
        assertEquals(logged, gawah.in(documenter, "log", "--jsonl").ok().out(), "no submission logged");
    }

    // ---- what list shows and the next bag carries

    @Test
    void editedTimesSignersAndRecipientsAreNeitherShownNorSent(@TempDir Path dir) throws Exception {
        String[] edits = {
            "UPDATE records SET sealed_at = '2001-01-01T00:00:00Z', signer = '" + "AB".repeat(20) + "'",
            "DELETE FROM record_recipients WHERE fingerprint = '" + escrowFingerprint + "'",
            "INSERT INTO record_recipients (record_id, envelope, fingerprint) VALUES ('" + r2 + "', 'testimony', '"
                    + "CD".repeat(20) + "')",
        };
        Path legal = copy(homes.legal, dir);
        String listed = gawah.in(legal, "list").ok().out();
        VaultTamper.sql(vault(legal), edits);
        assertEquals(listed, gawah.in(legal, "list").ok().out());

        Path honest = copy(homes.documenter, dir.resolve("honest"));
        Path edited = copy(homes.documenter, dir.resolve("edited"));
        VaultTamper.sql(vault(edited), edits);
        assertEquals(gawah.in(honest, "list").ok().out(), gawah.in(edited, "list").ok().out());
        assertEquals(recordsJsonl(honest, dir.resolve("honest.zip")), recordsJsonl(edited, dir.resolve("edited.zip")));
        assertTrue(recordsJsonl(honest, dir.resolve("again.zip")).contains(escrowFingerprint), "both recipients named");
    }

    @Test
    void timesThatAreNotTimesAreNamedNeverACrash(@TempDir Path dir) throws Exception {
        Path legal = copy(homes.legal, dir);
        String listed = gawah.in(legal, "list").ok().out();
        VaultTamper.sql(vault(legal), "UPDATE records SET sealed_at = 'yesterday' WHERE id = '" + r2 + "'",
                "UPDATE cases SET created_at = 'soon'", "UPDATE analyses SET made_at = '-'");
        assertEquals(listed, gawah.in(legal, "list").ok().out(), "times come from the log");
        assertTrue(gawah.in(legal, "case", "list").ok().out().contains(caseId));
        assertNamed(gawah.in(legal, "verify", "--vault", "--no-entry"), "the sealed_at of " + r2
                + " in the vault is not a UTC time");
        Path other = copy(homes.legal, dir.resolve("other"));
        VaultTamper.sql(vault(other), "UPDATE imports SET imported_at = '2026-13-45'");
        assertNamed(gawah.in(other, "verify", "--vault", "--no-entry"), "the imported_at of ");
    }

    // ---- rows added, deleted, moved

    @Test
    void anAttachmentMovedToAnotherRecordIsNamed(@TempDir Path dir) throws Exception {
        Path legal = copy(homes.legal, dir);
        VaultTamper.sql(vault(legal), "UPDATE attachments SET record_id = '" + r2 + "' WHERE record_id = '" + r1 + "'");
        String says = "in the vault is not the record that ";
        assertRefused(legal, says, "list");
        assertRefused(legal, says, "open", r1, "--attachments", Files.createDirectory(dir.resolve("files")).toString());
        assertRefused(legal, says, "open", r2);
    }

    @Test
    void recordRowsAddedOrDeletedByHandAreNamed(@TempDir Path dir) throws Exception {
        Path added = copy(homes.legal, dir.resolve("added"));
        String intruder = "GWH-0000-0000-0000-0001";
        VaultTamper.sql(vault(added), "INSERT INTO records (id, sealed_at, signer, testimony, testimony_size,"
                + " testimony_sha256) SELECT '" + intruder + "', sealed_at, signer, testimony, testimony_size,"
                + " testimony_sha256 FROM records WHERE id = '" + r2 + "'");
        assertRefused(added, "record " + intruder + " has no custody entry", "list");
        assertRefused(added, "record " + intruder + " has no custody entry", "open", intruder);

        Path deleted = copy(homes.legal, dir.resolve("deleted"));
        VaultTamper.sql(vault(deleted), "DELETE FROM record_recipients WHERE record_id = '"
                + r3 + "'", "DELETE FROM records WHERE id = '" + r3 + "'");
        assertRefused(deleted, "record " + r3 + " is in the custody log (entry ", "list");
        assertRefused(deleted, "record " + r3 + " is in the custody log (entry ", "open", r3);
    }

    @Test
    void anEntryEditedAtTheTailStopsReadingAndWriting(@TempDir Path dir) throws Exception {
        Path legal = copy(homes.legal, dir);
        VaultTamper.editEntry(legal, VaultTamper.number(legal, "SELECT max(seq) FROM custody_log"), "\"analysed\"",
                "\"opened\"");
        assertRefused(legal, "custody log is broken at entry ", "list");
        String before = state(legal);
        assertNamed(gawah.caseCreate(legal, "Another"), "custody log is broken at entry ");
        assertEquals(before, state(legal), "nothing written: case create");
        assertRefused(legal, "custody log is broken at entry ", "log");
    }

    // ---- imports judged from the log, not the imports table

    @Test
    void aForkedBagIsRefusedWhateverWasDeletedFromTheImportTables(@TempDir Path dir) throws Exception {
        assertRefused(copy(homes.legal, dir.resolve("as-is")), "forked", "import", fork.toString());
        Path rows = copy(homes.legal, dir.resolve("rows"));
        VaultTamper.sql(vault(rows), "DELETE FROM imports");
        assertRefused(rows, "forked", "import", fork.toString());
        Path logs = copy(homes.legal, dir.resolve("logs"));
        VaultTamper.sql(vault(logs), "DELETE FROM imports", "DELETE FROM received_custody");
        assertRefused(logs, "the custody log its documenter sent with it is no longer in the vault", "import",
                fork.toString());
    }

    // ---- submissions judged from the log

    @Test
    void sinceSendsEveryRecordNoBagHeldWhateverTheSubmissionTablesSay(@TempDir Path dir) throws Exception {
        Path hidden = copy(homes.documenter, dir.resolve("hidden"));
        VaultTamper.sql(vault(hidden), "INSERT INTO submissions (id, made_at, head_seq) VALUES"
                + " ('GWB-0000-0000-0000-0001', '2026-01-01T00:00:00Z', 1)",
                "INSERT INTO submitted_records (submission_id, record_id) VALUES ('GWB-0000-0000-0000-0001', '" + r4 + "')");
        assertEquals(List.of(r4), recordsIn(hidden, dir.resolve("hidden.zip")));
        Path forgotten = copy(homes.documenter, dir.resolve("forgotten"));
        VaultTamper.sql(vault(forgotten), "DELETE FROM submitted_records", "DELETE FROM submissions");
        assertEquals(List.of(r4), recordsIn(forgotten, dir.resolve("forgotten.zip")));
    }

    /**
     * The submissions tables are caches of the signed {@code submitted} entries, which verify --vault
     * holds them to: bag one held every record before it (r1, r2), bag two, sent with --since, the
     * one after it (r3). Each edit is named, nothing written.
     */
    @Test
    void verifyNamesEveryEditOfTheSubmissionTables(@TempDir Path dir) throws Exception {
        gawah.in(homes.documenter, "verify", "--vault", "--no-entry").ok();
        List<List<String>> bags = VaultTamper.rows(homes.documenter, "SELECT id, head_seq FROM submissions ORDER BY head_seq");
        assertEquals(2, bags.size());
        String one = bags.get(0).get(0);
        String two = bags.get(1).get(0);
        String other = "GWB-0000-0000-0000-0001";
        Map<String, String[]> edits = new java.util.LinkedHashMap<>();
        edits.put("bag " + two + " is in the custody log as submitted (entry " + bags.get(1).get(1) + "), but the row of its"
                + " submission was deleted", new String[] {"DELETE FROM submitted_records WHERE submission_id = '" + two + "'",
                    "DELETE FROM submissions WHERE id = '" + two + "'"});
        edits.put("the row of the submission of bag " + one + " does not match its custody entry " + bags.get(0).get(1),
                new String[] {"UPDATE submissions SET head_seq = head_seq + 1 WHERE id = '" + one + "'"});
        edits.put("the row of the submission of bag " + two + " does not match", new String[] {
            "UPDATE submissions SET made_at = '2020-01-01T00:00:00Z' WHERE id = '" + two + "'"});
        edits.put("the records the vault lists in bag " + one + " are not those", new String[] {
            "DELETE FROM submitted_records WHERE submission_id = '" + one + "' AND record_id = '" + r2 + "'"});
        edits.put("the records the vault lists in bag " + two + " are not those", new String[] {
            "INSERT INTO submitted_records (submission_id, record_id) VALUES ('" + two + "', '" + r4 + "')"});
        edits.put("the vault lists bag " + other + " as submitted, but its custody log has no submitted entry", new String[] {
            "INSERT INTO submissions (id, made_at, head_seq) VALUES ('" + other + "', '2026-01-01T00:00:00Z', 1)"});
        int n = 0;
        for (Map.Entry<String, String[]> edit : edits.entrySet()) {
            Path home = copy(homes.documenter, dir.resolve("edit-" + n++));
            VaultTamper.sql(home, edit.getValue());
            assertRefused(home, edit.getKey(), "verify", "--vault", "--no-entry");
        }
    }

    // ---- helpers

    /** Refused with one error line containing {@code says}, exit 41, nothing of the home changed. */
    private static void assertRefused(Path home, String says, String... command) throws IOException {
        String before = state(home);
        Result result = gawah.in(home, command);
        assertNamed(result, says);
        assertEquals(before, state(home), "nothing written: " + String.join(" ", command));
    }

    /**
     * Every file of the home by SHA-256, but the empty journal a rolled-back write leaves (TRUNCATE
     * mode), and a team vault's rows.
     */
    static String state(Path home) throws IOException {
        try {
            return HostileRun.state(home).replace("vault.db-journal " + org.gawah.Digests.sha256(new byte[0]) + "\n", "")
                    + VaultTamper.contents(home);
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertNamed(Result result, String says) {
        assertEquals(Failure.BAD_DATA.exitCode(), result.code(), result.command() + "\n" + result.stderr());
        HostileInputsTest.assertOneErrorLine(result.stderr(), says, result.command());
        assertFalse(result.stderr().contains("unexpected failure"), result.stderr());
    }

    private static String recordsJsonl(Path documenter, Path bag) throws IOException {
        gawah.in(documenter, "submit", "--out", bag.toString()).ok();
        Map<String, Bags.Item> items = Bags.read(bag);
        return items.get(Bags.root(items) + "/metadata/records.jsonl").text();
    }

    private static List<String> recordsIn(Path documenter, Path bag) throws IOException {
        gawah.in(documenter, "submit", "--since", "--out", bag.toString()).ok();
        Map<String, Bags.Item> items = Bags.read(bag);
        return items.get(Bags.root(items) + "/metadata/records.jsonl").text().lines()
                .map(line -> line.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1")).toList();
    }

    private static Path copy(Path home, Path dir) {
        Path copy = dir.resolve("home");
        Homes.copy(home, copy);
        return copy;
    }

    /** The vault a home holds, whichever engine: VaultTamper takes the home's folder. */
    private static Path vault(Path home) {
        return home;
    }
}
