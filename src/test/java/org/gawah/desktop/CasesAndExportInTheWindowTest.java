package org.gawah.desktop;

import static org.gawah.desktop.Screen.named;
import static org.gawah.desktop.Screen.onEdt;
import static org.gawah.desktop.Screen.onEdtRun;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Rectangle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.swing.AbstractButton;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JTable;
import javax.swing.text.Highlighter;
import javax.swing.text.JTextComponent;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.gawah.Language;
import org.gawah.export.Consent;
import org.gawah.export.Report;
import org.gawah.interop.Clerk;
import org.gawah.testsupport.CaseFixture;
import org.gawah.testsupport.Gawah;
import org.gawah.testsupport.Homes;
import org.gawah.testsupport.TestEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The legal team's cases and evidence packages in the window, on records made by real gawah
 * commands (record, submit, import): the records chosen in the records' table are added to a case
 * made in the window, with a Rome Statute tag picked from the translated list, a reliability and
 * a note; the case is exported for the ICC. The preview shows the witness's name found in the
 * account that goes redacted, highlighted in its words, and the record whose witness consented to
 * the legal team only, left out for consent; the package built passes gawah verify and every step
 * of its VERIFY.txt that a clerk with gpg and sha256sum follows. In Dari, Pashto and English, with
 * a screenshot of each page (cases-list, cases, export-preview, export-names, export-built); and in
 * English on a team vault on PostgreSQL, where the window reads and writes the same through the server.
 */
@WindowTest
class CasesAndExportInTheWindowTest {
    private static final Duration SLOW = Duration.ofSeconds(180);
    private static final String TAG = "rome:7(1)(h)";
    /** The identity's name in the sample testimony; the account of {@link #named} names the witness with it. */
    private static final String NAME = "مریم نمونه";

    @TempDir
    static Path base;
    /** SQLite's. */
    static Homes homes;
    static String named;
    static String legalTeamOnly;
    /** Each engine's, made when its first test asks. */
    static final Map<TestEngine, Imported> IMPORTED = new EnumMap<>(TestEngine.class);

    /** The legal team's home with two records imported: one naming its witness, one whose witness consented to the team only. */
    record Imported(Homes homes, String named, String legalTeamOnly) {
    }

    @BeforeAll
    static void recordsImported() throws Exception {
        Imported sqlite = imported(TestEngine.SQLITE);
        homes = sqlite.homes();
        named = sqlite.named();
        legalTeamOnly = sqlite.legalTeamOnly();
    }

    static synchronized Imported imported(TestEngine engine) throws Exception {
        if (IMPORTED.containsKey(engine)) {
            return IMPORTED.get(engine);
        }
        Path base = engine == TestEngine.SQLITE ? CasesAndExportInTheWindowTest.base
                : Files.createDirectories(CasesAndExportInTheWindowTest.base.resolve(engine.name()));
        Homes homes = engine.homes(base.resolve("gawah"));
        ObjectMapper json = new ObjectMapper();
        ObjectNode withName = (ObjectNode) json.readTree(Homes.sampleInput());
        ((ObjectNode) withName.get("account")).put("text", withName.at("/account/text").asText()
                + "\nنام من " + NAME + " است و همسایه‌ها مرا مریم‌جان صدا می‌کنند.");
        String named = homes.gawah.inWithInput(homes.documenter, json.writeValueAsBytes(withName), "record", "--from", "-")
                .ok().out().strip();
        ObjectNode legalOnly = (ObjectNode) json.readTree(Homes.sampleInput());
        ((ObjectNode) legalOnly.get("consent")).putArray("recipients").add("legal_team");
        String legalTeamOnly = homes.gawah.inWithInput(homes.documenter, json.writeValueAsBytes(legalOnly), "record", "--from", "-")
                .ok().out().strip();
        Path bag = base.resolve("bag.zip");
        homes.gawah.in(homes.documenter, "submit", "--out", bag.toString()).ok();
        homes.gawah.in(homes.legal, "import", bag.toString()).ok();
        IMPORTED.put(engine, new Imported(homes, named, legalTeamOnly));
        return IMPORTED.get(engine);
    }

    /** Every language on SQLite; English on PostgreSQL (the words are the window's, whichever the vault). */
    static List<Arguments> languages() {
        return List.of(Arguments.of(Language.DARI, TestEngine.SQLITE), Arguments.of(Language.PASHTO, TestEngine.SQLITE),
                Arguments.of(Language.ENGLISH, TestEngine.SQLITE), Arguments.of(Language.ENGLISH, TestEngine.POSTGRESQL));
    }

    @ParameterizedTest(name = "in {0} on {1}")
    @MethodSource("languages")
    void aCaseIsMadeTaggedAndExportedForTheIcc(Locale language, TestEngine engine) throws Exception {
        Imported imported = imported(engine);
        Homes homes = imported.homes();
        String named = imported.named();
        String legalTeamOnly = imported.legalTeamOnly();
        String title = "Detentions, Herat 2025 (" + language.toLanguageTag() + ")";
        Path out = Files.createDirectories(base.resolve("packages-" + language.toLanguageTag() + "-" + engine));
        try (Desktop desktop = Desktop.open(homes.legal, language, Duration.ofMinutes(10))) {
            JFrame frame = desktop.window().frame();
            onEdtRun(() -> frame.setSize(1000, 860));

            // Before the records are open, the cases page says to open them (the key is unlocked there).
            click(frame, "cases");
            Screen.waitFor("the cases page", SLOW, () -> present(frame, "cases.needs-records"));
            Screen.screenshot(frame, "cases-needs-records", language);

            // The records, unlocked once; both chosen in the table.
            click(frame, "cases.open-records");
            Screen.waitFor("the unlock page", SLOW, () -> present(frame, "records.passphrase"));
            onEdtRun(() -> ((JTextComponent) named(frame, "records.passphrase")).setText(Homes.PASSPHRASE));
            click(frame, "records.open");
            Screen.waitFor("the records' table", SLOW, () -> present(frame, "records.table"));
            JTable records = onEdt(() -> named(frame, "records.table"));
            assertEquals(2, onEdt(records::getRowCount));
            onEdtRun(() -> records.setRowSelectionInterval(0, 1));
            click(frame, "records.add-to-case");

            // A case made in the window, the records added with a tag, a reliability and a note.
            Screen.waitFor("the cases", SLOW, () -> present(frame, "cases.new-title"));
            String adding = onEdt(() -> ((JTextComponent) named(frame, "cases.adding")).getText());
            assertTrue(adding.contains(named) && adding.contains(legalTeamOnly), adding);
            Screen.screenshot(frame, "cases-list", language);
            int casesBefore = desktop.window().casesModel().cases().size();
            click(frame, "cases.create");
            Screen.waitFor("the empty title refused", SLOW, () -> present(frame, "cases.problem"));
            String refusal = onEdt(() -> ((JTextComponent) named(frame, "cases.problem")).getText());
            assertTrue(refusal.contains(org.gawah.Message.of("org.gawah.cases.messages", "case.title").render(language)), refusal);
            assertEquals(casesBefore, desktop.window().casesModel().cases().size(), "no case made");
            onEdtRun(() -> ((JTextComponent) named(frame, "cases.new-title")).setText(title));
            click(frame, "cases.create");
            Screen.waitFor("the new case", SLOW, () -> present(frame, "cases.case.heading") && present(frame, "cases.add"));
            String shownTitle = onEdt(() -> ((JLabel) named(frame, "cases.case.title")).getText());
            assertTrue(shownTitle.contains(title), shownTitle);
            String label = onEdt(() -> ((JTextComponent) named(frame, "cases.tag-label." + TAG)).getText());
            assertEquals(org.gawah.Screen.line(org.gawah.cases.LegalTags.shipped().label(TAG, language)), label,
                    "the tag's label in the window's language");
            onEdtRun(() -> ((JTextComponent) named(frame, "cases.tag-filter")).setText("7(1)(h)"));
            assertFalse(onEdt(() -> named(frame, "cases.tag.rome:6(a)").isVisible()), "the filter hides other tags");
            click(frame, "cases.tag." + TAG);
            onEdtRun(() -> ((JTextComponent) named(frame, "cases.tag-filter")).setText(""));
            onEdtRun(() -> {
                JComboBox<?> reliability = named(frame, "cases.reliability");
                for (int i = 0; i < reliability.getItemCount(); i++) {
                    if ("high".equals(((Choice) reliability.getItemAt(i)).value())) {
                        reliability.setSelectedIndex(i);
                    }
                }
            });
            onEdtRun(() -> ((JTextComponent) named(frame, "cases.note")).setText("Two accounts of the same night."));
            String chosen = onEdt(() -> ((JLabel) named(frame, "cases.tags.chosen")).getText());
            assertTrue(chosen.contains(TAG), chosen);
            Screen.screenshot(frame, "cases", language);
            click(frame, "cases.add");
            Screen.waitFor("the records in the case", SLOW, () -> present(frame, "cases.members") && present(frame, "cases.done"));
            JTable members = onEdt(() -> named(frame, "cases.members"));
            assertEquals(2, onEdt(members::getRowCount));
            assertTrue(String.valueOf(onEdt(() -> members.getValueAt(0, 1))).contains(TAG));
            assertEquals(CasesView.reliabilityWords("high").render(language), onEdt(() -> members.getValueAt(0, 2)));
            String caseId = desktop.window().casesModel().opened().file().caseId();
            Screen.screenshot(frame, "cases-members", language);

            // The export: the preview first.
            click(frame, "cases.export");
            Screen.waitFor("the export page", SLOW, () -> present(frame, "export.preview")
                    && named(frame, "export.preview").isEnabled());
            assertEquals(caseId, onEdt(() -> ((Choice) ((JComboBox<?>) named(frame, "export.case")).getSelectedItem()).value()));
            assertEquals("icc", onEdt(() -> ((Choice) ((JComboBox<?>) named(frame, "export.profile")).getSelectedItem()).value()));
            click(frame, "export.preview");
            Screen.waitFor("the preview", SLOW, () -> present(frame, "export.build"));
            Report report = desktop.window().exportModel().preview().report();
            List<Report.LeftOut> refused = report.leftOut().stream()
                    .filter(left -> left.recordId().equals(legalTeamOnly) && Consent.isRefusal(left.reason())).toList();
            assertEquals(1, refused.size(), "left out for consent: " + report.leftOut());
            String shownOut = onEdt(() -> ((JTextComponent) named(frame, "export.out.0")).getText());
            assertTrue(shownOut.contains(legalTeamOnly) && shownOut.contains(refused.get(0).reason().render(language)),
                    shownOut);
            assertTrue(report.items().stream().anyMatch(item -> item.recordId().equals(named) && !item.withheld().isEmpty()),
                    "the named witness's testimony goes redacted");
            scrollTo(frame, "export.heading");
            Screen.screenshot(frame, "export-preview", language);

            JTextComponent excerpt = onEdt(() -> named(frame, "export.excerpt.0"));
            Highlighter.Highlight[] marks = onEdt(() -> excerpt.getHighlighter().getHighlights());
            assertEquals(1, marks.length);
            String marked = onEdt(() -> excerpt.getText().substring(marks[0].getStartOffset(), marks[0].getEndOffset()));
            // What the package withholds, as the search found it (it errs on the side of more: here the words before too).
            assertTrue(marked.contains(NAME), "the name as found, highlighted: " + marked);
            String replaced = onEdt(() -> excerpt.getText());
            assertTrue(replaced.startsWith("...") || replaced.indexOf(marked) > 0, "with the words around it: " + replaced);
            assertFalse(onEdt(() -> excerpt.getComponentOrientation().isLeftToRight()), "the Dari excerpt runs right to left");
            String where = onEdt(() -> ((JTextComponent) named(frame, "export.names.where.0")).getText());
            assertTrue(where.contains(named) && where.contains("account.text"), where);
            scrollTo(frame, "export.names.heading");
            Screen.screenshot(frame, "export-names", language);

            // Then the package, into a folder typed; one that is not there is refused, and nothing is written.
            Path absent = out.resolve("not-there");
            onEdtRun(() -> ((JTextComponent) named(frame, "export.folder")).setText(absent.toString()));
            click(frame, "export.build");
            Screen.waitFor("the folder refused", SLOW, () -> present(frame, "export.problem") && present(frame, "export.build"));
            String noFolder = onEdt(() -> ((JTextComponent) named(frame, "export.problem")).getText());
            assertTrue(noFolder.contains(absent.getFileName().toString()), noFolder);
            try (var nothing = Files.list(out)) {
                assertEquals(0, nothing.count(), "nothing written");
            }
            onEdtRun(() -> ((JTextComponent) named(frame, "export.folder")).setText(out.toString()));
            click(frame, "export.build");
            Screen.waitFor("the package", SLOW, () -> present(frame, "export.built"));
            scrollTo(frame, "export.built.verify");
            String folder = onEdt(() -> ((JTextComponent) named(frame, "export.built.folder")).getText());
            assertEquals(out.toAbsolutePath().toString(), folder);
            assertTrue(onEdt(() -> named(frame, "export.built.folder").getComponentOrientation().isLeftToRight()),
                    "a path reads left to right in every language");
            Screen.screenshot(frame, "export-built", language);
            String bagId = desktop.window().exportModel().built().bagId();
            Path zip = out.resolve(bagId + ".zip");
            assertTrue(Files.isRegularFile(zip), zip.toString());
            assertTrue(Files.isRegularFile(out.resolve(bagId + ".zip.report.txt")));
            String built = onEdt(() -> ((JTextComponent) named(frame, "export.built")).getText());
            assertTrue(built.contains(bagId), built);

            if (language.equals(Language.ENGLISH) && engine == TestEngine.SQLITE) {
                encryptedForTheReceiver(desktop, frame, out);
            }

            click(frame, "lock");
            assertTrue(desktop.awaitClosed());
            assertNull(desktop.window().exportModel().preview(), "lock drops the preview, which holds testimony");
            assertNull(desktop.window().casesModel().opened(), "lock drops the case opened");
        }

        Path zip;
        try (var files = Files.list(out)) {
            zip = files.filter(f -> f.getFileName().toString().endsWith(".zip")).findFirst().orElseThrow();
        }
        Gawah.Result verified = homes.gawah.in(homes.legal, "verify", zip.toString()).ok();
        assertTrue(verified.out().contains(": VALID"), verified.out());
        Map<String, byte[]> files = CaseFixture.files(zip);
        String caseJson = new String(files.get("metadata/case.json"), StandardCharsets.UTF_8);
        assertTrue(caseJson.contains(TAG) && caseJson.contains("\"reliability\": \"high\""), caseJson);
        assertTrue(files.keySet().stream().noneMatch(name -> name.contains(legalTeamOnly)), "no file of the record left out");
        String redacted = new String(files.get("data/" + named + "/testimony-redacted.json"), StandardCharsets.UTF_8);
        assertFalse(redacted.contains("مریم"), "the name is withheld in the package");

        if (language.equals(Language.DARI)) {
            // Once: the package does not depend on the window's language.
            Clerk clerk = new Clerk(Files.readString(Path.of("src/main/resources/org/gawah/export/verify-guide.txt")));
            Clerk.Outcome outcome = clerk.follow(base.resolve("clerk"), Map.of("PACKAGE", zip.toString(),
                    "TOLD", org.gawah.Fingerprints.grouped(homes.legalFingerprint)), false, null);
            assertEquals(0, outcome.failedAt(), outcome.all());
            assertTrue(outcome.printed().size() >= 10, outcome.all());
        }
    }

    /**
     * The same case for the ICC again, encrypted to the receiver's certificate typed in: a file that
     * is no certificate is refused at the preview; the package is an OpenPGP message the receiver's
     * gpg opens once it holds the custodian's certificate written beside it, and the zip inside
     * passes gawah verify.
     */
    private static void encryptedForTheReceiver(Desktop desktop, JFrame frame, Path out) throws Exception {
        Path notACertificate = Files.writeString(base.resolve("not-a-certificate.asc"), "hello");
        onEdtRun(() -> ((JTextComponent) named(frame, "export.certificate")).setText(notACertificate.toString()));
        click(frame, "export.preview");
        Screen.waitFor("the certificate refused", SLOW, () -> present(frame, "export.problem") && present(frame, "export.preview")
                && named(frame, "export.preview").isEnabled());
        assertNull(desktop.window().exportModel().preview(), "no preview with a file that is no certificate");
        try (org.gawah.interop.GnuPG receiver = new org.gawah.interop.GnuPG(base.resolve("receiver"))) {
            String icc = receiver.generate("ICC OTP evidence unit", "ed25519", "sign", "never");
            receiver.addSubkey(icc, "cv25519", "encr", "never");
            Path certificate = receiver.export(icc, base.resolve("icc.asc"));
            onEdtRun(() -> ((JTextComponent) named(frame, "export.certificate")).setText(certificate.toString()));
            click(frame, "export.preview");
            Screen.waitFor("the preview, encrypted", SLOW, () -> present(frame, "export.build"));
            String about = onEdt(() -> ((JTextComponent) named(frame, "export.certificate.about")).getText());
            assertTrue(about.contains("ICC OTP evidence unit") && about.contains(icc.substring(0, 4)), about);
            scrollTo(frame, "export.heading");
            Screen.screenshot(frame, "export-encrypted", Language.ENGLISH);
            Path sealedOut = Files.createDirectories(out.resolve("encrypted"));
            onEdtRun(() -> ((JTextComponent) named(frame, "export.folder")).setText(sealedOut.toString()));
            click(frame, "export.build");
            Screen.waitFor("the encrypted package", SLOW, () -> present(frame, "export.built"));
            String bagId = desktop.window().exportModel().built().bagId();
            Path sealed = sealedOut.resolve(bagId + ".zip.pgp");
            Path companion = sealedOut.resolve(bagId + ".zip.pgp.custodian.asc");
            assertTrue(Files.isRegularFile(sealed) && Files.isRegularFile(companion), sealedOut.toString());
            receiver.importKey(companion);
            Path zip = base.resolve("received.zip");
            receiver.run("--output", zip.toString(), "--decrypt", sealed.toString()).ok().require("GOODSIG");
            Gawah.Result verified = homes.gawah.in(homes.legal, "verify", zip.toString()).ok();
            assertTrue(verified.out().contains(": VALID"), verified.out());
        }
    }

    private static void scrollTo(JFrame frame, String name) {
        onEdtRun(() -> {
            JComponent target = named(frame, name);
            target.scrollRectToVisible(new Rectangle(0, 0, target.getWidth(), target.getHeight() + 200));
        });
        Screen.sleep(200);
    }

    private static void click(JFrame frame, String name) {
        onEdtRun(() -> ((AbstractButton) named(frame, name)).doClick());
    }

    private static boolean present(JFrame frame, String name) {
        return Screen.all(frame).stream().anyMatch(c -> name.equals(c.getName()) && c.isShowing());
    }

}
