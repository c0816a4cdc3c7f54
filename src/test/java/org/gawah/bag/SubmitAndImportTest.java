package org.gawah.bag;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;

import org.gawah.Failure;
import org.gawah.custody.Action;
import org.gawah.custody.Entry;
import org.gawah.testsupport.Gawah.Result;
import org.gawah.testsupport.Homes;
import org.gawah.testsupport.TestEngine;
import org.gawah.vault.VaultTamper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * From the documenter's vault to the legal team's, through a bag, as the two would run it. What
 * the vault does runs on both engines (@ParameterizedTest); what a bag alone tells, on SQLite.
 */
class SubmitAndImportTest {
    @TempDir
    Path base;

    @ParameterizedTest
    @EnumSource(TestEngine.class)
    void aSubmittedBagImportsOpensAndLeavesBothLogsIntact(TestEngine engine) throws Exception {
        Homes homes = engine.homes(base);
        String first = homes.record();
        Path photo = base.resolve("photo.jpg");
        Files.write(photo, new byte[300_000]);
        String second = homes.gawah.inWithInput(homes.documenter, Homes.sampleInput(), "record", "--from", "-",
                "--attach", photo.toString()).ok().out().strip();
        Path bag = base.resolve("submission.zip");
        String bagId = homes.gawah.in(homes.documenter, "submit", "--out", bag.toString()).ok().out().strip();

        String report = homes.gawah.in(homes.legal, "verify", bag.toString()).ok().out();
        assertTrue(report.contains("bag " + bagId + ": VALID"), report);
        assertTrue(report.contains("records      2 (2 with an identity envelope), 1 attachment(s)"), report);
        assertEquals(bagId, homes.gawah.in(homes.legal, "import", bag.toString()).ok().out().strip());

        String list = homes.gawah.in(homes.legal, "list").ok().out();
        assertTrue(list.contains(first) && list.contains(second), list);
        byte[] opened = homes.gawah.in(homes.legal, "open", first).ok().stdout();
        assertTrue(new String(opened, java.nio.charset.StandardCharsets.UTF_8).contains(first));
        Path out = Files.createDirectory(base.resolve("evidence"));
        homes.gawah.in(homes.legal, "open", second, "--out", base.resolve("t.json").toString(),
                "--attachments", out.toString()).ok();
        assertArrayEquals(Files.readAllBytes(photo), Files.readAllBytes(out.resolve("photo.jpg")));

        List<Entry> legalLog = log(homes, homes.legal);
        String bagSha256 = sha256(bag);
        assertTrue(legalLog.stream().anyMatch(e -> e.action() == Action.IMPORTED && e.subject().equals(bagId)
                && e.subjectSha256().equals(bagSha256)));
        assertTrue(legalLog.stream().anyMatch(e -> e.action() == Action.IMPORTED && e.subject().equals(first + "/identity")));
        assertTrue(legalLog.stream().anyMatch(e -> e.action() == Action.OPENED && e.subject().equals(first)));
        List<Entry> documenterLog = log(homes, homes.documenter);
        Entry submitted = documenterLog.get(documenterLog.size() - 1);
        assertEquals(Action.SUBMITTED, submitted.action());
        assertEquals(bagId, submitted.subject());
        String audit = homes.gawah.in(homes.legal, "verify", "--vault", "--no-entry").ok().out();
        assertTrue(audit.contains("1 documenter log(s) received in bags, " + documenterLog.size() + " entries"), audit);
        homes.gawah.in(homes.documenter, "verify", "--vault", "--no-entry").ok();
    }

    @ParameterizedTest
    @EnumSource(TestEngine.class)
    void importingTheSameBagTwiceChangesNothing(TestEngine engine) throws Exception {
        Homes homes = engine.homes(base);
        homes.record();
        Path bag = base.resolve("submission.zip");
        homes.gawah.in(homes.documenter, "submit", "--out", bag.toString()).ok();
        homes.gawah.in(homes.legal, "import", bag.toString()).ok();
        String vault = VaultTamper.snapshot(homes.legal);

        Result again = homes.gawah.in(homes.legal, "import", bag.toString()).ok();
        assertTrue(again.stderr().contains("already imported"), again.stderr());
        assertEquals(vault, VaultTamper.snapshot(homes.legal));
    }

    @ParameterizedTest
    @EnumSource(TestEngine.class)
    void sinceSubmitsOnlyRecordsNoEarlierBagHeld(TestEngine engine) throws Exception {
        Homes homes = engine.homes(base);
        String first = homes.record();
        Path one = base.resolve("one.zip");
        homes.gawah.in(homes.documenter, "submit", "--out", one.toString()).ok();
        Result nothing = homes.gawah.in(homes.documenter, "submit", "--since", "--out", base.resolve("none.zip").toString());
        assertEquals(Failure.NOT_FOUND.exitCode(), nothing.code(), nothing.stderr());
        assertTrue(Files.notExists(base.resolve("none.zip")));

        String second = homes.record();
        Path two = base.resolve("two.zip");
        homes.gawah.in(homes.documenter, "submit", "--since", "--out", two.toString()).ok();
        String report = homes.gawah.in(homes.legal, "verify", two.toString()).ok().out();
        assertTrue(report.contains("records      1 "), report);

        homes.gawah.in(homes.legal, "import", one.toString()).ok();
        homes.gawah.in(homes.legal, "import", two.toString()).ok();
        String list = homes.gawah.in(homes.legal, "list").ok().out();
        assertTrue(list.contains(first) && list.contains(second), list);
    }

    @ParameterizedTest
    @EnumSource(TestEngine.class)
    void submitNeverOverwritesAndLogsNothingWhenRefused(TestEngine engine) throws Exception {
        Homes homes = engine.homes(base);
        homes.record();
        Path out = Files.writeString(base.resolve("taken.zip"), "someone's file");
        String vault = VaultTamper.snapshot(homes.documenter);
        Result result = homes.gawah.in(homes.documenter, "submit", "--out", out.toString());
        assertEquals(Failure.OUTPUT_EXISTS.exitCode(), result.code(), result.stderr());
        assertEquals("someone's file", Files.readString(out));
        assertEquals(vault, VaultTamper.snapshot(homes.documenter));
        Result wrong = homes.gawah.run("submit", "--out", base.resolve("new.zip").toString(), "--home",
                homes.documenter.toString(), "--passphrase-env", "NO_SUCH_VARIABLE");
        assertEquals(Failure.BAD_PASSPHRASE.exitCode(), wrong.code(), wrong.stderr());
        assertTrue(Files.notExists(base.resolve("new.zip")));
        try (var files = Files.list(base)) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".partial")));
        }
        assertEquals(vault, VaultTamper.snapshot(homes.documenter));
    }

    @ParameterizedTest
    @EnumSource(TestEngine.class)
    void aReplayedOlderBagIsRefusedAndWritesNothing(TestEngine engine) throws Exception {
        Homes homes = engine.homes(base);
        homes.record();
        Path old = base.resolve("old.zip");
        homes.gawah.in(homes.documenter, "submit", "--out", old.toString()).ok();
        homes.record();
        Path newer = base.resolve("newer.zip");
        homes.gawah.in(homes.documenter, "submit", "--out", newer.toString()).ok();
        homes.gawah.in(homes.legal, "import", newer.toString()).ok();
        String vault = VaultTamper.snapshot(homes.legal);

        Result replay = homes.gawah.in(homes.legal, "import", old.toString());
        assertEquals(Failure.BAD_DATA.exitCode(), replay.code(), replay.stderr());
        assertTrue(replay.stderr().contains("replayed"), replay.stderr());
        assertEquals(vault, VaultTamper.snapshot(homes.legal));
    }

    @Test
    void aBagFromAKeyNotPinnedIsReportedButNotTrusted() throws Exception {
        Homes homes = Homes.copied(base);
        homes.record();
        Path bag = base.resolve("submission.zip");
        homes.gawah.in(homes.documenter, "submit", "--out", bag.toString()).ok();
        Path stranger = base.resolve("stranger");
        homes.gawah.in(stranger, "init").ok();
        homes.gawah.in(stranger, "keys", "generate", "--name", "Someone else").ok();
        homes.gawah.in(stranger, "keys", "import", "--role", "documenter", base.resolve("legal.asc").toString()).ok();

        Result verify = homes.gawah.in(stranger, "verify", bag.toString());
        assertEquals(Failure.UNKNOWN_SIGNER.exitCode(), verify.code(), verify.stderr());
        assertTrue(verify.out().contains("NOT TRUSTED HERE"), verify.out());
        Result imported = homes.gawah.in(stranger, "import", bag.toString());
        assertEquals(Failure.UNKNOWN_SIGNER.exitCode(), imported.code(), imported.stderr());
        assertEquals("", homes.gawah.in(stranger, "list").ok().out());
    }

    @ParameterizedTest
    @EnumSource(TestEngine.class)
    void aReceivedDocumenterEntryEditedOnTheLegalSideIsNamed(TestEngine engine) throws Exception {
        Homes homes = engine.homes(base);
        homes.record();
        Path bag = base.resolve("submission.zip");
        homes.gawah.in(homes.documenter, "submit", "--out", bag.toString()).ok();
        homes.gawah.in(homes.legal, "import", bag.toString()).ok();
        VaultTamper.editEntry(homes.legal, "received_custody", 4, "\"sealed\"", "\"opened\"");
        Result result = homes.gawah.in(homes.legal, "verify", "--vault", "--no-entry");
        assertEquals(Failure.BAD_DATA.exitCode(), result.code(), result.stderr());
        assertTrue(result.stderr().contains("custody log received from documenter " + homes.documenterFingerprint
                + " is broken at entry 4"), result.stderr());
    }

    @ParameterizedTest
    @EnumSource(TestEngine.class)
    void aDocumenterLogCutBackWithItsImportRecordIsNamed(TestEngine engine) throws Exception {
        Homes homes = engine.homes(base);
        homes.record();
        Path one = base.resolve("one.zip");
        homes.gawah.in(homes.documenter, "submit", "--out", one.toString()).ok();
        homes.gawah.in(homes.legal, "import", one.toString()).ok();
        homes.record();
        Path two = base.resolve("two.zip");
        homes.gawah.in(homes.documenter, "submit", "--since", "--out", two.toString()).ok();
        String second = homes.gawah.in(homes.legal, "import", two.toString()).ok().out().strip();
        // Drop the newest import and the documenter entries it brought: the unsigned tables agree again.
        VaultTamper.sql(homes.legal, "DELETE FROM received_custody WHERE seq > (SELECT head_seq FROM imports WHERE id <> '"
                + second + "')", "DELETE FROM imports WHERE id = '" + second + "'");
        Result result = homes.gawah.in(homes.legal, "verify", "--vault", "--no-entry");
        assertEquals(Failure.BAD_DATA.exitCode(), result.code(), result.stderr());
        assertTrue(result.stderr().contains("bag " + second + " is in the custody log as imported, but the row of its import"
                + " was deleted"), result.stderr());
    }

    @Test
    void verifyChecksABagOnAMachineWithoutAnyHome() throws Exception {
        Homes homes = Homes.copied(base);
        homes.record();
        Path bag = base.resolve("submission.zip");
        homes.gawah.in(homes.documenter, "submit", "--out", bag.toString()).ok();
        Path nowhere = base.resolve("no-home-here");
        Result result = homes.gawah.run("verify", bag.toString(), "--home", nowhere.toString());
        assertEquals(Failure.UNKNOWN_SIGNER.exitCode(), result.code(), result.stderr());
        assertTrue(result.out().contains("NOT TRUSTED HERE (otherwise intact)"), result.out());
        assertTrue(result.out().contains(homes.documenterFingerprint.substring(0, 4)), result.out());
        assertTrue(Files.notExists(nowhere), "verify creates nothing");
    }

    @Test
    void logShowsEachEntryReadably() {
        Homes homes = Homes.copied(base);
        String id = homes.record();
        String log = homes.gawah.in(homes.documenter, "log").ok().out();
        assertTrue(log.lines().anyMatch(l -> l.matches("\\s+4  \\S+Z  sealed\\s+" + id + "\\s.*")), log);
        assertEquals(6, log.lines().count(), "a header and five entries: the own key, two pins, the record's two");
    }

    static List<Entry> log(Homes homes, Path home) {
        return homes.gawah.in(home, "log", "--jsonl").ok().out().lines().map(l -> Entry.parseLine(l).entry()).toList();
    }

    static String sha256(Path file) throws Exception {
        return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
