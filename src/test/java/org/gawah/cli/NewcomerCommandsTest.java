package org.gawah.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.gawah.Failure;
import org.gawah.testsupport.Gawah;
import org.gawah.testsupport.Homes;
import org.gawah.testsupport.TestEngine;
import org.gawah.vault.VaultTamper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The commands as a newcomer meets them (issue 16, section 3), each through the real command
 * line: options where git and gpg users put them, slips of the keyboard, ids as typed, names
 * beside fingerprints, case titles, sizes, consent, the custodian's role. Help and its examples:
 * HelpLayoutTest and HelpExamplesTest; the quickstart: QuickstartTest. Ids looked up as typed and
 * a case replaced in the vault run on both engines; what is only shown, on SQLite.
 */
class NewcomerCommandsTest {
    @TempDir
    static Path base;
    /** Each engine's homes and case, made when its first test asks. */
    static final Map<TestEngine, OneCase> CASES = new EnumMap<>(TestEngine.class);
    /** SQLite's. */
    static Homes homes;
    static Gawah gawah;
    static String record;
    static String caseId;

    /** A documenter and a legal team on one engine: the sample record imported and put in a case. */
    record OneCase(Homes homes, String record, String caseId) {
    }

    @BeforeAll
    static void aDocumenterAndALegalTeamWithOneCase() {
        OneCase sqlite = oneCase(TestEngine.SQLITE);
        homes = sqlite.homes();
        gawah = homes.gawah;
        record = sqlite.record();
        caseId = sqlite.caseId();
    }

    static synchronized OneCase oneCase(TestEngine engine) {
        if (!CASES.containsKey(engine)) {
            // SQLite's homes where the tests name them (base/homes, base/bag.zip); PostgreSQL's beside.
            Path dir = engine == TestEngine.SQLITE ? base : base.resolve(engine.name());
            Homes homes = engine.homes(dir.resolve("homes"));
            String record = homes.record();
            Path bag = dir.resolve("bag.zip");
            homes.gawah.in(homes.documenter, "submit", "--out", bag.toString()).ok();
            homes.gawah.in(homes.legal, "import", bag.toString()).ok();
            String caseId = homes.gawah.caseCreate(homes.legal, "Detentions, Herat 2025").ok().out().strip();
            homes.gawah.in(homes.legal, "case", "add", caseId, record, "--tag", "rome:7(1)(h)").ok();
            CASES.put(engine, new OneCase(homes, record, caseId));
        }
        return CASES.get(engine);
    }

    private static Gawah.Result run(String... args) {
        return gawah.run(args);
    }

    @Test
    void optionsEveryCommandTakesWorkBeforeTheCommandName() {
        Path home = base.resolve("before");
        run("--home", home.toString(), "init").ok();
        assertTrue(Files.isRegularFile(home.resolve("vault.db")));
        String fingerprint = run("--home", home.toString(), "--passphrase-env", Gawah.PASSPHRASE_VAR, "--lang", "ps",
                "keys", "generate", "--name", "Before the name").ok().out().strip();
        assertTrue(run("--home=" + home, "keys", "list").ok().out().contains(fingerprint));
        // After the name, as before; and the passphrase option serves any command, as gpg's do.
        run("keys", "list", "--home", home.toString()).ok();
        run("--passphrase-env", Gawah.PASSPHRASE_VAR, "--home", home.toString(), "list").ok();
        Path file = base.resolve("passphrase.txt");
        write(file, Homes.PASSPHRASE);
        run("--passphrase-file", file.toString(), "--home", homes.documenter.toString(), "export-sealed", record,
                "--out", base.resolve("before.pgp").toString()).ok();
    }

    @Test
    void anOptionGivenBeforeAndAfterOrToACommandThatCannotUseItIsRefused() {
        Gawah.Result twice = run("--home", homes.legal.toString(), "list", "--home", homes.documenter.toString());
        assertEquals(Failure.USAGE.exitCode(), twice.code());
        assertTrue(twice.stderr().contains("'--home'"), twice.stderr());
        Gawah.Result quickstart = run("--home", homes.legal.toString(), "quickstart", "--dir", base.resolve("qs").toString());
        assertEquals(Failure.USAGE.exitCode(), quickstart.code());
        assertTrue(quickstart.stderr().startsWith("gawah: error: gawah quickstart does not take --home"), quickstart.stderr());
        assertFalse(Files.exists(base.resolve("qs")), "nothing was made");
    }

    @Test
    void aMistypedCommandSuggestsTheRightOneInEveryLanguage() {
        for (String lang : List.of("en", "fa-AF", "ps")) {
            Gawah.Result list = run("--lang", lang, "lsit");
            assertEquals(Failure.USAGE.exitCode(), list.code());
            assertTrue(list.stderr().contains("'lsit'") && list.stderr().contains("gawah list"), lang + ": " + list.stderr());
            Gawah.Result keys = run("--lang", lang, "keys", "imprt");
            assertTrue(keys.stderr().contains("gawah keys import"), lang + ": " + keys.stderr());
            Gawah.Result option = run("--lang", lang, "list", "--hme", "x");
            assertTrue(option.stderr().contains("--home"), lang + ": " + option.stderr());
            assertTrue(!lang.equals("en") == java.util.regex.Pattern.compile("\\p{IsArabic}").matcher(list.stderr()).find(),
                    lang + " speaks its language: " + list.stderr());
        }
        assertTrue(run("--lang", "fa-AF", "verfy").stderr().contains("منظورتان gawah verify بود؟"));
        assertTrue(run("--lang", "ps", "docter").stderr().contains("ستاسو مطلب gawah doctor و؟"));
        // Nothing near enough: no guess, only where to look.
        Gawah.Result far = run("frobnicate");
        assertTrue(far.stderr().contains("gawah: hint: see: gawah --help"), far.stderr());
    }

    @Test
    void suggestionsCatchTheCommonestSlips() {
        List<String> commands = List.of("quickstart", "init", "keys", "interview", "lock", "record", "attach", "list", "open",
                "export-sealed", "submit", "import", "verify", "log", "doctor", "case", "export");
        assertEquals("list", Suggestion.nearest("lsit", commands).orElseThrow());
        assertEquals("import", Suggestion.nearest("imprt", commands).orElseThrow());
        assertEquals("export-sealed", Suggestion.nearest("export-seal", commands).orElseThrow());
        assertEquals("record", Suggestion.nearest("RECORD", commands).orElseThrow());
        assertTrue(Suggestion.nearest("xyz", commands).isEmpty());
    }

    @ParameterizedTest
    @EnumSource(TestEngine.class)
    void recordAndCaseIdsAreTakenInAnyCaseAndDigits(TestEngine engine, @TempDir Path base) {
        Homes homes = oneCase(engine).homes();
        String record = oneCase(engine).record();
        String caseId = oneCase(engine).caseId();
        String lower = record.toLowerCase(Locale.ROOT);
        gawah.in(homes.legal, "open", lower).ok();
        // As typed on a Dari keyboard: Persian digits.
        String persian = persianDigits(record);
        gawah.in(homes.legal, "open", persian, "--out", base.resolve("persian.json").toString()).ok();
        assertTrue(gawah.in(homes.legal, "case", "show", caseId.toLowerCase(Locale.ROOT)).ok().out().contains(record));
        gawah.in(homes.documenter, "export-sealed", lower, "--out", base.resolve("lower.pgp").toString()).ok();
        // Not an id however it is read: refused, quoted as typed.
        Gawah.Result wrong = gawah.in(homes.legal, "open", "gwh-nope");
        assertEquals(Failure.NOT_FOUND.exitCode(), wrong.code(), wrong.stderr());
        assertTrue(wrong.stderr().contains("gwh-nope"), wrong.stderr());
    }

    @Test
    void caseTagsTakesHomeLikeEveryOtherCommand() {
        String tags = run("case", "tags", "--home", homes.legal.toString()).ok().out();
        assertTrue(tags.startsWith("rome:6(a)\t"), tags);
        run("--home", homes.legal.toString(), "case", "tags").ok();
    }

    @Test
    void listAndLogShowNamesBesideFingerprints() {
        String list = gawah.in(homes.legal, "list").ok().out();
        String row = list.lines().filter(l -> l.startsWith(record)).findFirst().orElseThrow();
        String tail = homes.documenterFingerprint.substring(24);
        assertTrue(row.contains(tail + "  Documenter D-14 "), row);
        String log = gawah.in(homes.legal, "log").ok().out();
        assertTrue(log.lines().skip(1).allMatch(l -> l.contains(homes.legalFingerprint.substring(24) + "  Legal team ")), log);
        assertTrue(log.lines().anyMatch(l -> l.contains("key imported")), "actions in words: " + log);
        String dari = gawah.in(homes.legal, "log", "--lang", "fa-AF").ok().out();
        assertTrue(dari.contains("\u2068کلید وارد شد\u2069"), dari);
        // The log itself keeps the wire names.
        assertTrue(gawah.in(homes.legal, "log", "--jsonl").ok().out().contains("\"action\":\"key_imported\""));
    }

    @Test
    void aFingerprintNoCertificateHereNamesIsSaidToBeSo() {
        // The documenter's bag imported where the documenter is no longer pinned: the list says so rather than guess.
        String list = gawah.in(homes.documenter, "list").ok().out();
        assertTrue(list.contains("Documenter D-14"), "its own key is known by name: " + list);
        Path elsewhere = base.resolve("elsewhere");
        gawah.in(elsewhere, "init").ok();
        gawah.in(elsewhere, "keys", "generate", "--name", "Elsewhere").ok();
        gawah.in(elsewhere, "keys", "import", "--role", "documenter", base.resolve("homes/documenter.asc").toString()).ok();
        gawah.in(elsewhere, "import", base.resolve("bag.zip").toString()).ok();
        assertTrue(gawah.in(elsewhere, "list").ok().out().contains("Documenter D-14"));
    }

    @Test
    void caseListShowsTitlesWhenThePassphraseIsToHandAndSaysWhenItIsNot() {
        Gawah.Result withKey = run("case", "list", "--home", homes.legal.toString(), "--passphrase-env", Gawah.PASSPHRASE_VAR).ok();
        assertTrue(withKey.out().lines().anyMatch(l -> l.startsWith(caseId) && l.endsWith("Detentions, Herat 2025")), withKey.out());
        // No terminal and no passphrase given: listed all the same, each title sealed, and why on stderr.
        Gawah.Result without = run("case", "list", "--home", homes.legal.toString()).ok();
        assertTrue(without.out().lines().anyMatch(l -> l.startsWith(caseId) && l.endsWith("(sealed)")), without.out());
        assertFalse(without.out().contains("Detentions"), without.out());
        assertTrue(without.stderr().contains("--passphrase-file"), without.stderr());
        Gawah.Result quiet = run("case", "list", "--no-titles", "--home", homes.legal.toString(), "--passphrase-env", "UNSET_VAR").ok();
        assertTrue(quiet.out().contains("(sealed)") && quiet.stderr().isEmpty(), quiet.stderr());
        // A passphrase asked for but not to be had is an error, not a silent "(sealed)".
        Gawah.Result unset = run("case", "list", "--home", homes.legal.toString(), "--passphrase-env", "UNSET_VAR");
        assertEquals(Failure.BAD_PASSPHRASE.exitCode(), unset.code(), unset.stderr());
    }

    @ParameterizedTest
    @EnumSource(TestEngine.class)
    void aCaseWhoseSealedFileWasReplacedIsRefusedNotListed(TestEngine engine, @TempDir Path base) throws Exception {
        Homes homes = oneCase(engine).homes();
        String caseId = oneCase(engine).caseId();
        // A home's own key is its log's for life (issue 14), so the case is what differs: its sealed
        // file replaced, in a copy of the legal team's vault, by another team's (sealed to their key).
        // The case_created entry logged the digest of this team's file: the list refuses, naming the case.
        Path theirs = base.resolve("other-team");
        gawah.in(theirs, "init").ok();
        gawah.in(theirs, "keys", "generate", "--name", "Not in the team").ok();
        String theirCase = gawah.caseCreate(theirs, "Another team's case").ok().out().strip();
        Path other = base.resolve("other-key");
        Homes.copy(homes.legal, other);
        byte[] sealed = VaultTamper.bytes(theirs, "SELECT sealed FROM cases WHERE id = '" + theirCase + "'");
        String sha256 = VaultTamper.rows(theirs, "SELECT sealed_sha256 FROM cases WHERE id = '" + theirCase + "'").get(0).get(0);
        VaultTamper.tamper(other, to -> {
            try (PreparedStatement write = to.prepareStatement("UPDATE cases SET sealed = ?, sealed_sha256 = ? WHERE id = ?")) {
                write.setBytes(1, sealed);
                write.setString(2, sha256);
                write.setString(3, caseId);
                assertEquals(1, write.executeUpdate());
            }
            return null;
        });
        Gawah.Result list = run("case", "list", "--home", other.toString(), "--passphrase-env", Gawah.PASSPHRASE_VAR);
        assertEquals(41, list.code(), list.stderr());
        assertTrue(list.stderr().contains(caseId) && list.stderr().contains("it was replaced in the vault"), list.stderr());
        assertEquals("", list.out());
    }

    @Test
    void sizesAreInUnitsPeopleReadAndDoctorSaysFreeSpaceSo() {
        assertEquals("512 B", Display.size(512));
        assertEquals("1.5 KiB", Display.size(1536));
        assertEquals("300.0 MiB", Display.size(300L << 20));
        assertEquals("2.0 GiB", Display.size(2L << 30));
        assertEquals("1536.0 GiB", Display.size(1536L << 30));
        String doctor = gawah.in(homes.legal, "doctor").out();
        assertTrue(doctor.lines().anyMatch(l -> l.matches("  ok +\\d+\\.\\d (GiB|MiB) free on the disk")), doctor);
        assertFalse(doctor.matches("(?s).*\\d{4,}\\.\\d MiB.*"), doctor);
    }

    @Test
    void anExportLeftEmptyForLackOfConsentIsNotNotFound() {
        // The sample witness consented to the legal team, the ICC and a UN mechanism: not to a national court.
        Path out = base.resolve("national.zip");
        for (String lang : List.of("en", "fa-AF", "ps")) {
            Gawah.Result refused = gawah.in(homes.legal, "export", "--lang", lang, "--case", caseId, "--for", "national",
                    "--out", out.toString());
            assertEquals(Failure.LEFT_OUT.exitCode(), refused.code(), refused.stderr());
            assertTrue(refused.code() != Failure.NOT_FOUND.exitCode());
            assertFalse(Files.exists(out), "nothing was written");
            if (lang.equals("en")) {
                assertTrue(refused.stderr().contains("did not consent to their testimony going to National prosecuting authority"),
                        refused.stderr());
                assertTrue(refused.stderr().contains("gawah: hint: consent is the witness's"), refused.stderr());
            }
        }
        assertEquals(77, Failure.LEFT_OUT.exitCode());
    }

    @Test
    void anEncryptedPackageFromAnUnpinnedCustodianHintsTheCustodianRole() {
        Path receiver = base.resolve("receiver");
        gawah.in(receiver, "init").ok();
        gawah.in(receiver, "keys", "generate", "--name", "Receiving body").ok();
        Path certificate = base.resolve("receiver.asc");
        gawah.in(receiver, "keys", "export", "--out", certificate.toString()).ok();
        Path zip = base.resolve("for-receiver.zip");
        Path encrypted = base.resolve("for-receiver.zip.pgp");
        gawah.in(homes.legal, "export", "--case", caseId, "--for", "icc", "--out", zip.toString()).ok();
        gawah.in(homes.legal, "export", "--case", caseId, "--for", "icc", "--to", certificate.toString(),
                "--out", encrypted.toString()).ok();
        for (Path file : List.of(zip, encrypted)) {
            Gawah.Result result = gawah.in(receiver, "verify", file.toString());
            assertEquals(Failure.UNKNOWN_SIGNER.exitCode(), result.code(), result.stderr());
            assertTrue(result.stderr().contains("gawah keys import --role custodian"), file + ": " + result.stderr());
            assertFalse(result.stderr().contains("--role documenter"), file + ": " + result.stderr());
        }
    }

    private static String persianDigits(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            out.append(c >= '0' && c <= '9' ? (char) ('\u06f0' + (c - '0')) : c);
        }
        return out.toString();
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text + "\n");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
