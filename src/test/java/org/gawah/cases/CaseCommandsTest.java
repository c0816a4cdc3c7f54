package org.gawah.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gawah.testsupport.Gawah;
import org.gawah.testsupport.Homes;
import org.gawah.testsupport.Pty;
import org.gawah.testsupport.TestEngine;
import org.gawah.vault.VaultTamper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Cases and analyst data: sealed, logged, apart from the testimony; bad requests change nothing. On both engines. */
@ParameterizedClass
@EnumSource(TestEngine.class)
class CaseCommandsTest {
    @Parameter
    TestEngine engine;

    private static final String NOTE = "Corroborates the pattern in Herat; see also interview 12 — شاهد معتبر";
    private static final String TITLE = "Detentions of teachers, Herat 2025";

    @TempDir
    static Path base;
    static Homes homes;
    static Gawah gawah;
    static String record;
    static String caseId;

    @BeforeParameterizedClassInvocation
    static void aCaseWithOneAnalysedRecord(TestEngine engine) throws Exception {
        Path base = CaseCommandsTest.base.resolve(engine.name());
        homes = engine.homes(base);
        gawah = homes.gawah;
        record = homes.record();
        Path bag = base.resolve("bag.zip");
        gawah.in(homes.documenter, "submit", "--out", bag.toString()).ok();
        gawah.in(homes.legal, "import", bag.toString()).ok();
        caseId = gawah.caseCreate(homes.legal, TITLE).ok().out().strip();
        gawah.inWithInput(homes.legal, NOTE.getBytes(StandardCharsets.UTF_8), "case", "add", caseId, record,
                "--tag", "rome:7(1)(h)", "--tag", "rome:7(1)(e)", "--reliability", "medium", "--note-file", "-").ok();
    }

    @Test
    void showDecryptsTheTitleTagsAndNote() {
        String shown = gawah.in(homes.legal, "case", "show", caseId).ok().out();
        assertTrue(shown.contains(TITLE), shown);
        assertTrue(shown.contains("rome:7(1)(h)  Crime against humanity: persecution"), shown);
        assertTrue(shown.contains("reliability: medium"), shown);
        assertTrue(shown.contains(NOTE), shown);
        assertTrue(gawah.in(homes.legal, "case", "list").ok().out().contains(caseId + "  "), "listed without a passphrase");
    }

    /** The title never rides on the command line, where the shell history and ps would show it. */
    @Test
    void theTitleIsNotAFlag() throws Exception {
        String vault = vaultDigest();
        Gawah.Result refused = gawah.in(homes.legal, "case", "create", "--title", "Detentions");
        assertEquals(2, refused.code(), refused.stderr());
        assertTrue(refused.stderr().contains("--title"), refused.stderr());
        Gawah.Result empty = gawah.caseCreate(homes.legal, "");
        assertEquals(2, empty.code(), empty.stderr());
        assertEquals(vault, vaultDigest());
    }

    /** At a terminal the title is asked, before the passphrase, and sealed as typed. */
    @Test
    void theTitleIsAskedAtTheTerminal() {
        String title = "Disappearances, Kandahar 2024 — ناپدید شدن‌ها";
        List<String> command = Pty.gawah(engine.childJvmOptions(), "case", "create", "--home", homes.legal.toString(), "--lang", "en");
        String id;
        try (Pty pty = Pty.start(command, Map.of("LANG", "C.UTF-8", "TERM", "xterm"), base)) {
            pty.expect("Case title");
            pty.type(title);
            pty.expect("Passphrase");
            pty.type(Homes.PASSPHRASE);
            assertEquals(0, pty.exitCode(), pty.screen());
            Matcher created = Pattern.compile("GWC(-[0-9A-Z]{4}){4}").matcher(pty.screen());
            assertTrue(created.find(), pty.screen());
            id = created.group();
        }
        assertTrue(gawah.in(homes.legal, "case", "show", id).ok().out().contains(title));
    }

    @Test
    void titleAndNoteAreSealedNotStoredInClear() throws Exception {
        try (var files = Files.list(homes.legal)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                assertFalse(bytes.contains("Corroborates"), file.toString());
                assertFalse(bytes.contains("Detentions of teachers"), file.toString());
            }
        }
        for (byte[] value : VaultTamper.everyValue(homes.legal)) {
            String bytes = new String(value, StandardCharsets.ISO_8859_1);
            assertFalse(bytes.contains("Corroborates") || bytes.contains("Detentions of teachers"), "a value in the vault");
        }
    }

    @Test
    void caseAndAnalysisAreLoggedAndTheVaultStillVerifies() {
        String log = gawah.in(homes.legal, "log", "--jsonl").ok().out();
        assertTrue(log.contains("\"action\":\"case_created\"") && log.contains("\"subject\":\"" + caseId + "\""), log);
        assertTrue(log.contains("\"action\":\"analysed\""), log);
        gawah.in(homes.legal, "verify", "--vault", "--no-entry").ok();
    }

    @Test
    void addingAgainReplacesTheAnalysisAndKeepsTheRecordOnce() {
        String other = gawah.caseCreate(homes.legal, "Second case").ok().out().strip();
        gawah.in(homes.legal, "case", "add", other, record, "--tag", "rome:8(2)(c)(i)").ok();
        gawah.in(homes.legal, "case", "add", other, record, "--tag", "rome:7(1)(k)", "--reliability", "low").ok();
        String shown = gawah.in(homes.legal, "case", "show", other).ok().out();
        assertEquals(1, shown.split(record, -1).length - 1, shown);
        assertTrue(shown.contains("rome:7(1)(k)") && !shown.contains("rome:8(2)(c)(i)"), shown);
    }

    @Test
    void badRequestsAreRefusedAndChangeNothing() throws Exception {
        String vault = vaultDigest();
        assertEquals(2, gawah.in(homes.legal, "case", "add", caseId, record, "--tag", "rome:99").code());
        assertEquals(2, gawah.in(homes.legal, "case", "add", caseId, record, "--reliability", "certain").code());
        assertEquals(66, gawah.in(homes.legal, "case", "add", caseId, "GWH-0000-0000-0000-0000").code());
        assertEquals(66, gawah.in(homes.legal, "case", "add", "GWC-0000-0000-0000-0000", record).code());
        assertEquals(66, gawah.in(homes.legal, "case", "show", "GWC-0000-0000-0000-0000").code());
        assertEquals(2, gawah.caseCreate(homes.legal, "two\nlines").code());
        assertEquals(67, new Gawah("wrong passphrase").caseCreate(homes.legal, "x").code());
        Gawah.Result unknown = gawah.in(homes.legal, "case", "add", caseId, record, "--tag", "rome:\u202eevil");
        assertFalse(unknown.stderr().contains("\u202e"), "a hostile tag is not echoed");
        assertEquals(vault, vaultDigest());
    }

    @Test
    void anAnalysisReplacedInTheVaultIsNamedByVerify(@TempDir Path dir) throws Exception {
        Path copy = dir.resolve("legal");
        Homes.copy(homes.legal, copy);
        // A consistent forgery: the case's own sealed blob, with its SHA-256, put in the analysis's place.
        VaultTamper.sql(copy, "UPDATE analyses SET sealed = (SELECT sealed FROM cases LIMIT 1),"
                + " sealed_sha256 = (SELECT sealed_sha256 FROM cases LIMIT 1)");
        Gawah.Result result = gawah.in(copy, "verify", "--vault", "--no-entry");
        assertEquals(41, result.code(), result.stderr());
        assertTrue(result.stderr().contains("analysis GWN-") && result.stderr().contains("is not the ciphertext its custody entry logged"),
                result.stderr());
    }

    @Test
    void aRecordAddedToACaseByHandIsNamedAndNeverExported(@TempDir Path dir) throws Exception {
        Path copy = dir.resolve("legal");
        Homes.copy(homes.legal, copy);
        String other = gawah.caseCreate(copy, "Empty case").ok().out().strip();
        VaultTamper.sql(copy, "INSERT INTO case_records (case_id, record_id, position) VALUES ('" + other + "', '"
                + record + "', 1)");
        Gawah.Result audit = gawah.in(copy, "verify", "--vault", "--no-entry");
        assertEquals(41, audit.code(), audit.stderr());
        assertTrue(audit.stderr().contains("case " + other + " holds record " + record + " without a signed analysis"), audit.stderr());
        Gawah.Result export = gawah.in(copy, "export", "--case", other, "--for", "icc", "--out", dir.resolve("p.zip").toString());
        assertEquals(41, export.code(), export.stderr());
        assertFalse(Files.exists(dir.resolve("p.zip")));
    }

    @Test
    void tagsListsTheShippedVocabulary() {
        String tags = gawah.run("case", "tags").ok().out();
        assertTrue(tags.contains("rome:6(a)\t"), tags);
        assertTrue(tags.contains("rome:8(2)(e)(i)\t"), tags);
    }

    private static String vaultDigest() throws Exception {
        return gawah.in(homes.legal, "log", "--jsonl").ok().out() + VaultTamper.snapshot(homes.legal);
    }
}
