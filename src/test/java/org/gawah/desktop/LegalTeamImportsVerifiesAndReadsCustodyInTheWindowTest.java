package org.gawah.desktop;

import static org.gawah.desktop.Screen.named;
import static org.gawah.desktop.Screen.onEdt;
import static org.gawah.desktop.Screen.onEdtRun;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Component;
import java.awt.datatransfer.DataFlavor;
import java.awt.datatransfer.Transferable;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import javax.swing.AbstractButton;
import javax.swing.JComponent;
import javax.swing.JFrame;
import javax.swing.JTable;
import javax.swing.TransferHandler;
import javax.swing.text.JTextComponent;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.gawah.Language;
import org.gawah.app.SubmissionReport;
import org.gawah.custody.Action;
import org.gawah.custody.Entry;
import org.gawah.testsupport.Bags;
import org.gawah.testsupport.Homes;
import org.gawah.testsupport.TestEngine;
import org.gawah.vault.Vault;
import org.gawah.vault.VaultTamper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The legal team's import, verify and custody pages in a real window, on bags and a package made
 * by real gawah commands (record, submit, case, export): a bag dropped on the import page is
 * reported whole (its checks, its documenter, every record and what import does with it) while the
 * vault stays as it was, then imported with the key's passphrase, and its entries are in the
 * custody timeline under a vault check that passes; a bag changed by one byte, dropped anywhere on
 * the window, is refused with the reason at the step that failed and the vault left byte for byte
 * as it was; an evidence package dropped on the verify page passes every step, and one changed by
 * a byte does not. In Dari, Pashto and English, with a screenshot of every page
 * (import-report, import-done, import-refused, custody, verify, verify-invalid); the import and the
 * timeline in English on a team vault on PostgreSQL too, nothing stored there before Import either.
 */
@WindowTest
class LegalTeamImportsVerifiesAndReadsCustodyInTheWindowTest {
    private static final Duration SLOW = Duration.ofSeconds(120);

    @TempDir
    static Path base;
    static Homes homes;
    /** The same on a team vault, for the import in English. */
    static Homes onPostgresql;
    static Path evidencePackage;
    static Path encryptedPackage;
    static Path changedPackage;
    static Path changedBag;
    /** In the first record's account: in the plaintext of the evidence packages, and nowhere else. */
    static String mark;

    /** A vault with one record imported by the command, a case of it exported for the ICC; a bag and a package each changed by a byte. */
    @BeforeAll
    static void aVaultAPackageAndTwoChangedFiles() throws Exception {
        homes = new Homes(base.resolve("gawah"));
        mark = "ZQ" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        ObjectMapper json = new ObjectMapper();
        ObjectNode input = (ObjectNode) json.readTree(Homes.sampleInput());
        ((ObjectNode) input.get("account")).put("text",
                input.at("/account/text").asText() + "\n" + mark);
        String first = homes.gawah.inWithInput(homes.documenter, json.writeValueAsBytes(input), "record", "--from", "-")
                .ok().out().strip();
        Path firstBag = base.resolve("first.zip");
        homes.gawah.in(homes.documenter, "submit", "--out", firstBag.toString()).ok();
        homes.gawah.in(homes.legal, "import", firstBag.toString()).ok();
        String caseId = homes.gawah.caseCreate(homes.legal, "Detentions, Herat 2025").ok().out().strip();
        homes.gawah.in(homes.legal, "case", "add", caseId, first, "--reliability", "high").ok();
        evidencePackage = base.resolve("package.zip");
        homes.gawah.in(homes.legal, "export", "--case", caseId, "--for", "icc", "--include-identities", "--out",
                evidencePackage.toString()).ok();
        changedPackage = changeOneByte(evidencePackage, "/data/", base.resolve("changed-package.zip"));
        Path team = base.resolve("legal.asc");
        homes.gawah.in(homes.legal, "keys", "export", "--out", team.toString()).ok();
        encryptedPackage = base.resolve("package.zip.pgp");
        homes.gawah.in(homes.legal, "export", "--case", caseId, "--for", "icc", "--include-identities", "--to",
                team.toString(), "--out", encryptedPackage.toString()).ok();

        String second = homes.record();
        Path secondBag = base.resolve("second.zip");
        homes.gawah.in(homes.documenter, "submit", "--out", secondBag.toString()).ok();
        changedBag = changeOneByte(secondBag, "/data/" + second, base.resolve("changed-bag.zip"));
    }

    /** The zip with one byte of its first payload file under {@code under} flipped, written again as an honest zip. */
    private static Path changeOneByte(Path zip, String under, Path out) throws Exception {
        Map<String, Bags.Item> items = Bags.read(zip);
        String name = items.keySet().stream().filter(n -> n.contains(under) && !n.endsWith("/")).findFirst().orElseThrow();
        byte[] data = items.get(name).data().clone();
        data[data.length / 2] ^= 0x01;
        items.put(name, new Bags.Item(name, data));
        Bags.write(out, items);
        return out;
    }

    static List<Locale> languages() {
        return List.of(Language.DARI, Language.PASHTO, Language.ENGLISH);
    }

    /** Every language on SQLite; English on PostgreSQL (the words are the window's, whichever the vault). */
    static List<Arguments> languagesAndEngines() {
        return List.of(Arguments.of(Language.DARI, TestEngine.SQLITE), Arguments.of(Language.PASHTO, TestEngine.SQLITE),
                Arguments.of(Language.ENGLISH, TestEngine.SQLITE), Arguments.of(Language.ENGLISH, TestEngine.POSTGRESQL));
    }

    /** The team's homes on a team vault, made when first asked: the documenter pinned, nothing imported yet. */
    static synchronized Homes onPostgresql() {
        if (onPostgresql == null) {
            onPostgresql = TestEngine.POSTGRESQL.homes(base.resolve("postgresql"));
        }
        return onPostgresql;
    }

    @ParameterizedTest(name = "in {0} on {1}")
    @MethodSource("languagesAndEngines")
    void aBagIsReportedWholeBeforeItIsStoredThenImportedAndItsEntriesAreInTheTimeline(Locale language, TestEngine engine)
            throws Exception {
        Homes homes = engine == TestEngine.SQLITE ? LegalTeamImportsVerifiesAndReadsCustodyInTheWindowTest.homes : onPostgresql();
        String id = homes.record();
        Path bag = base.resolve("bag-" + language.toLanguageTag() + "-" + engine + ".zip");
        homes.gawah.in(homes.documenter, "submit", "--out", bag.toString()).ok();
        String vaultBefore = VaultTamper.snapshot(homes.legal);
        try (Desktop desktop = Desktop.open(homes.legal, language, Duration.ofMinutes(10))) {
            JFrame frame = desktop.window().frame();
            click(frame, "import");
            Screen.waitFor("the import page", SLOW, () -> present(frame, "import.drop"));
            drop(frame, "page.import", bag);
            Screen.waitFor("the report", SLOW, () -> present(frame, "import.passphrase") || present(frame, "import.problem"));

            assertEquals(Messages.of("import.verdict.ready").render(), text(frame, "import.verdict"));
            for (String step : List.of("zip", "layout", "signature", "custody_log", "payload", "contents", "timestamps", "this_vault")) {
                assertTrue(present(frame, "import.steps." + step + ".mark.passed"), step + " passed");
            }
            JTable records = onEdt(() -> named(frame, "import.records"));
            List<String> fates = new ArrayList<>();
            int rows = onEdt(records::getRowCount);
            for (int r = 0; r < rows; r++) {
                int row = r;
                if (id.equals(onEdt(() -> records.getValueAt(row, 0)))) {
                    fates.add(onEdt(() -> (String) records.getValueAt(row, 4)));
                }
            }
            assertEquals(List.of(ImportView.fate(SubmissionReport.Fate.NEW).render()), fates, "the new record, and what import does with it");
            assertTrue(text(frame, "import.report.documenter").contains("Documenter D-14"), text(frame, "import.report.documenter"));
            assertTrue(text(frame, "import.report.documenter").contains(homes.documenterFingerprint.substring(0, 4)));
            assertEquals(vaultBefore, VaultTamper.snapshot(homes.legal), "nothing stored before Import");
            assertEquals(0, entries(homes.legal, Action.IMPORTED, id));
            Screen.screenshot(frame, "import-report", language);
            onEdtRun(() -> {
                javax.swing.JScrollBar bar = ((javax.swing.JScrollPane) named(frame, "pages")).getVerticalScrollBar();
                bar.setValue(bar.getMaximum());
            });
            Screen.screenshot(frame, "import-report-records", language);

            onEdtRun(() -> ((JTextComponent) named(frame, "import.passphrase")).setText(Homes.PASSPHRASE));
            click(frame, "import.import");
            Screen.waitFor("the import", SLOW, () -> present(frame, "import.imported"));
            assertTrue(text(frame, "import.imported").contains(bagId(bag)), text(frame, "import.imported"));
            assertEquals(1, entries(homes.legal, Action.IMPORTED, id), "the record's imported entry, signed by the legal team");
            assertEquals(1, entries(homes.legal, Action.IMPORTED, bagId(bag)), "the bag's own entry");
            Screen.screenshot(frame, "import-done", language);

            click(frame, "import.custody");
            Screen.waitFor("the custody page and its check", SLOW,
                    () -> present(frame, "custody.intact") || present(frame, "custody.broken"));
            assertTrue(present(frame, "custody.intact"), "verify --vault passes after the import");
            JTable timeline = onEdt(() -> named(frame, "custody.table"));
            String imported = Action.IMPORTED.words().render();
            boolean found = onEdt(() -> {
                for (int r = 0; r < timeline.getRowCount(); r++) {
                    if (id.equals(timeline.getValueAt(r, 4)) && imported.equals(timeline.getValueAt(r, 2))
                            && ((String) timeline.getValueAt(r, 3)).contains("Legal team")) {
                        return true;
                    }
                }
                return false;
            });
            assertTrue(found, "the timeline shows the record's imported entry and its signer");
            assertEquals(String.valueOf(timelineLength(homes.legal)), onEdt(() -> timeline.getValueAt(timeline.getRowCount() - 1, 0)),
                    "every entry of the log is in the timeline");
            Screen.screenshot(frame, "custody", language);
        }
    }

    @ParameterizedTest(name = "in {0}")
    @MethodSource("languages")
    void aBagChangedByOneByteIsRefusedWhereverItIsDroppedAndNothingIsStored(Locale language) throws Exception {
        byte[] vaultBefore = Files.readAllBytes(homes.legal.resolve("vault.db"));
        try (Desktop desktop = Desktop.open(homes.legal, language, Duration.ofMinutes(10))) {
            JFrame frame = desktop.window().frame();
            // Dropped on the welcome page, which takes no files: the window opens the import page with it.
            drop(frame, "header", changedBag);
            Screen.waitFor("the refusal", SLOW, () -> present(frame, "import.refused"));
            String why = text(frame, "import.problem.message");
            assertTrue(why.contains("SHA-256") && why.contains("manifest-sha256.txt"), why);
            assertTrue(present(frame, "import.steps.payload.mark.failed"), "the step that failed is marked");
            assertTrue(present(frame, "import.steps.signature.mark.passed"), "the steps before it passed");
            assertTrue(!present(frame, "import.passphrase") && !present(frame, "import.import"), "no way to import it");
            Screen.screenshot(frame, "import-refused", language);
        }
        assertArrayEquals(vaultBefore, Files.readAllBytes(homes.legal.resolve("vault.db")), "nothing stored");
    }

    @ParameterizedTest(name = "in {0}")
    @MethodSource("languages")
    void anEvidencePackageIsVerifiedStepByStepAndOneChangedByAByteIsNot(Locale language) throws Exception {
        long started = System.currentTimeMillis();
        try (Desktop desktop = Desktop.open(homes.legal, language, Duration.ofMinutes(10))) {
            JFrame frame = desktop.window().frame();
            click(frame, "verify");
            Screen.waitFor("the verify page", SLOW, () -> present(frame, "verify.drop"));
            drop(frame, "page.verify", evidencePackage);
            Screen.waitFor("the result", SLOW, () -> present(frame, "verify.verdict") || present(frame, "verify.invalid"));
            assertEquals(Messages.of("verify.verdict.valid").render(), text(frame, "verify.verdict"));
            for (String step : List.of("zip", "layout", "signature", "payload", "custody_log", "contents")) {
                assertTrue(present(frame, "verify.steps." + step + ".mark.passed"), step + " passed");
            }
            assertTrue(text(frame, "verify.report.custodian").contains("Legal team"), text(frame, "verify.report.custodian"));
            assertTrue(text(frame, "verify.report.documenter").contains("Documenter D-14"), text(frame, "verify.report.documenter"));
            Screen.screenshot(frame, "verify", language);

            click(frame, "verify.again");
            Screen.waitFor("the verify page again", SLOW, () -> present(frame, "verify.drop"));
            drop(frame, "page.verify", changedPackage);
            Screen.waitFor("the refusal", SLOW, () -> present(frame, "verify.invalid"));
            assertTrue(present(frame, "verify.steps.payload.mark.failed"), "the step that failed is marked");
            assertTrue(text(frame, "verify.problem.message").contains("SHA-256"), text(frame, "verify.problem.message"));
            Screen.screenshot(frame, "verify-invalid", language);

            click(frame, "verify.again");
            Screen.waitFor("the verify page again", SLOW, () -> present(frame, "verify.drop"));
            drop(frame, "page.verify", encryptedPackage);
            Screen.waitFor("the passphrase", SLOW, () -> present(frame, "verify.passphrase"));
            onEdtRun(() -> ((JTextComponent) named(frame, "verify.passphrase")).setText("not the passphrase"));
            click(frame, "verify.unlock");
            Screen.waitFor("the refusal of a wrong passphrase", SLOW, () -> present(frame, "verify.problem"));
            assertTrue(present(frame, "verify.passphrase"), "asked again");
            Screen.screenshot(frame, "verify-passphrase", language);
            onEdtRun(() -> ((JTextComponent) named(frame, "verify.passphrase")).setText(Homes.PASSPHRASE));
            click(frame, "verify.unlock");
            Screen.waitFor("the result", SLOW, () -> present(frame, "verify.verdict") || present(frame, "verify.invalid"));
            assertEquals(Messages.of("verify.verdict.valid").render(), text(frame, "verify.verdict"));
            assertTrue(present(frame, "verify.steps.decryption.mark.passed"), "decrypted first");
            assertTrue(text(frame, "verify.report.encrypted").contains("Legal team"), text(frame, "verify.report.encrypted"));
        }
        assertEquals(List.of(), PlaintextOnDisk.filesHolding(mark, List.of(homes.legal), started),
                "nothing of the decrypted package written in the home");
    }

    @ParameterizedTest(name = "in {0}")
    @MethodSource("languages")
    void theHeaderKeepsEveryButtonWholeInTheNarrowestWindow(Locale language) throws Exception {
        try (Desktop desktop = Desktop.open(homes.legal, language, Duration.ofMinutes(10))) {
            JFrame frame = desktop.window().frame();
            onEdtRun(() -> frame.setSize(frame.getMinimumSize()));
            Screen.waitFor("the narrow window laid out", SLOW, () -> frame.getWidth() == frame.getMinimumSize().width
                    && named(frame, "lock").isShowing());
            Screen.sleep(300); // the header grows a line on the layout after the one that found it too narrow
            List<String> cut = onEdt(() -> {
                List<String> found = new ArrayList<>();
                JComponent header = named(frame, "header");
                for (Component c : ((java.awt.Container) named(frame, "controls")).getComponents()) {
                    java.awt.Rectangle at = javax.swing.SwingUtilities.convertRectangle(c.getParent(), c.getBounds(), header);
                    if (at.x < 0 || at.y < 0 || at.x + at.width > header.getWidth() || at.y + at.height > header.getHeight()) {
                        found.add(c.getName() + " at " + at + " in " + header.getSize());
                    }
                }
                return found;
            });
            assertEquals(List.of(), cut, "buttons cut off");
            Screen.screenshot(frame, "header-narrow", language);
        }
    }

    /** Drops {@code file} on the component named {@code name} as a file manager does: through its transfer handler. */
    private static void drop(JFrame frame, String name, Path file) {
        onEdtRun(() -> {
            Component target = named(frame, name);
            JComponent taker = (JComponent) target;
            while (taker.getTransferHandler() == null) {
                taker = (JComponent) taker.getParent();
            }
            Transferable files = new Transferable() {
                @Override
                public DataFlavor[] getTransferDataFlavors() {
                    return new DataFlavor[] {DataFlavor.javaFileListFlavor};
                }

                @Override
                public boolean isDataFlavorSupported(DataFlavor flavor) {
                    return DataFlavor.javaFileListFlavor.equals(flavor);
                }

                @Override
                public Object getTransferData(DataFlavor flavor) {
                    return List.<File>of(file.toFile());
                }
            };
            assertTrue(taker.getTransferHandler().importData(new TransferHandler.TransferSupport(target, files)), "dropped");
        });
    }

    private static String bagId(Path bag) throws Exception {
        return Bags.root(Bags.read(bag));
    }

    /** How many entries of the legal vault's log record {@code action} about {@code subject}. */
    private static long entries(Path legal, Action action, String subject) {
        long[] count = {0};
        try (Vault vault = Vault.openHome(legal)) {
            vault.forEachCustody(row -> {
                Entry entry = Entry.parse(row.entry());
                if (entry.action() == action && entry.subject().equals(subject)) {
                    count[0]++;
                }
            });
        }
        return count[0];
    }

    private static long timelineLength(Path legal) {
        long[] count = {0};
        try (Vault vault = Vault.openHome(legal)) {
            vault.forEachCustody(row -> count[0]++);
        }
        return count[0];
    }

    private static String text(JFrame frame, String name) {
        return onEdt(() -> {
            Component c = named(frame, name);
            return c instanceof JTextComponent ? ((JTextComponent) c).getText() : ((javax.swing.JLabel) c).getText();
        });
    }

    private static void click(JFrame frame, String name) {
        onEdtRun(() -> ((AbstractButton) named(frame, name)).doClick());
    }

    private static boolean present(JFrame frame, String name) {
        return Screen.all(frame).stream().anyMatch(c -> name.equals(c.getName()) && c.isShowing());
    }
}
