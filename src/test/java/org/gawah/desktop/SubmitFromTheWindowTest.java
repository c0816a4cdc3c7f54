package org.gawah.desktop;

import static org.gawah.desktop.Screen.all;
import static org.gawah.desktop.Screen.named;
import static org.gawah.desktop.Screen.onEdt;
import static org.gawah.desktop.Screen.onEdtRun;
import static org.gawah.desktop.WindowInterviewSealsWhatGnuPgOpensTest.click;
import static org.gawah.desktop.WindowInterviewSealsWhatGnuPgOpensTest.present;
import static org.gawah.desktop.WindowInterviewSealsWhatGnuPgOpensTest.setText;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Window;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import javax.swing.AbstractButton;
import javax.swing.JFileChooser;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JTable;
import javax.swing.SwingUtilities;

import gov.loc.repository.bagit.domain.Bag;
import gov.loc.repository.bagit.verify.BagVerifier;
import org.gawah.Fingerprints;
import org.gawah.Language;
import org.gawah.custody.Action;
import org.gawah.custody.Entry;
import org.gawah.testsupport.Bags;
import org.gawah.testsupport.Homes;
import org.gawah.vault.Vault;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The documenter's records page and submit, through the real window, in Dari, Pashto and English:
 * the records sealed here listed from their clear metadata (never opened: the key is write-only),
 * a folder chosen in a folder chooser (a USB stick), the key unlocked, the bag written there and a
 * plain confirmation of what went and who can read it; the legal team's gawah then verifies and
 * imports the bag, and the Library of Congress's BagIt validator accepts it, as they accept one
 * made by gawah submit. Cancelled, or locked, while it is written, nothing is left in the folder
 * (not even a hidden partial bag) and nothing is logged. Attach files, under the table, opens the
 * attachments page on the record chosen. Screenshots: my-records-*-LANG.png.
 */
@WindowTest
class SubmitFromTheWindowTest {
    private static final Duration SLOW = Duration.ofSeconds(120);
    /** Large enough that the bag is still being written when Cancel is clicked. */
    private static final long LARGE = 384L << 20;

    @TempDir
    static Path base;
    static Homes homes;
    static List<String> records;
    /** A copy of the documenter's home with a large attachment more, for cancel (which changes nothing in it). */
    static Path large;

    @BeforeAll
    static void twoRecordsOneWithAPhotoAndAHomeWithALargeFile() throws IOException {
        homes = new Homes(base.resolve("gawah"));
        String first = homes.record();
        Path photo = Files.write(base.resolve("photo.jpg"), new byte[2 << 20]);
        String second = homes.gawah.inWithInput(homes.documenter, Homes.sampleInput(), "record", "--from", "-",
                "--attach", photo.toString()).ok().out().strip();
        records = List.of(first, second);
        large = base.resolve("large");
        Homes.copy(homes.documenter, large);
        Path video = base.resolve("video.mp4");
        try (OutputStream out = Files.newOutputStream(video)) {
            byte[] block = new byte[1 << 20];
            for (long written = 0; written < LARGE; written += block.length) {
                block[0]++;
                out.write(block);
            }
        }
        homes.gawah.inWithInput(large, Homes.sampleInput(), "record", "--from", "-", "--attach", video.toString()).ok();
        Files.delete(video);
    }

    static List<Locale> languages() {
        return List.of(Language.DARI, Language.PASHTO, Language.ENGLISH);
    }

    @ParameterizedTest(name = "in {0}")
    @MethodSource("languages")
    void aBagSubmittedFromTheWindowIsOneTheLegalTeamImports(Locale language) throws Exception {
        String tag = language.toLanguageTag();
        Path home = base.resolve("documenter-" + tag);
        Path legal = base.resolve("legal-" + tag);
        Homes.copy(homes.documenter, home);
        Homes.copy(homes.legal, legal);
        Path usb = Files.createDirectories(base.resolve("usb-" + tag));
        String bagId;
        try (Desktop desktop = Desktop.open(home, language, Duration.ofMinutes(10))) {
            JFrame frame = desktop.window().frame();
            openMyRecords(frame, language);
            // A documenter's home: the header offers none of the legal team's pages, only the custody log.
            for (String legalPage : List.of("records", "import", "verify", "cases")) {
                assertFalse(onEdt(() -> named(frame, legalPage).isVisible()), legalPage + " offered to a documenter");
            }
            assertTrue(onEdt(() -> named(frame, "custody").isVisible()));
            JTable table = onEdt(() -> named(frame, "my-records.table"));
            assertEquals(2, onEdt(table::getRowCount));
            List<Object> shown = onEdt(() -> List.of(table.getValueAt(0, 0), table.getValueAt(1, 0)));
            // Newest first; two sealed within the same second may stand in either order.
            assertEquals(java.util.Set.copyOf(records), java.util.Set.copyOf(shown));
            String notYet = Messages.of("my-records.submitted.not-yet").render(language);
            assertEquals(notYet, onEdt(() -> table.getValueAt(0, 6)));

            // Another page acts on one record through a button under the table (the attachments page will).
            java.util.concurrent.atomic.AtomicReference<String> handed = new java.util.concurrent.atomic.AtomicReference<>();
            onEdtRun(() -> desktop.window().myRecordsView().addRecordAction("my-records.test-action",
                    Messages.of("my-records.again"), handed::set));
            assertFalse(onEdt(() -> ((AbstractButton) named(frame, "my-records.test-action")).isEnabled()), "no record chosen yet");
            onEdtRun(() -> table.setRowSelectionInterval(1, 1));
            assertTrue(onEdt(() -> ((AbstractButton) named(frame, "my-records.test-action")).isEnabled()));
            click(frame, "my-records.test-action");
            assertEquals(shown.get(1), handed.get());

            chooseFolder(frame, usb, language);
            Screen.waitFor("the unlock page", SLOW, () -> present(frame, "my-records.passphrase"));
            Screen.screenshot(frame, "my-records-unlock", language);
            setText(frame, "my-records.passphrase", Homes.PASSPHRASE);
            click(frame, "my-records.unlock");
            Screen.waitFor("what went and who can read it", SLOW, () -> present(frame, "my-records.submitted.reader.0"));
            Screen.screenshot(frame, "my-records-submitted", language);
            String reader = onEdt(() -> ((JLabel) named(frame, "my-records.submitted.reader.0")).getText());
            assertTrue(reader.contains("Legal team") && reader.contains(Fingerprints.grouped(homes.legalFingerprint).substring(0, 9)),
                    reader);
            String what = onEdt(() -> ((javax.swing.text.JTextComponent) named(frame, "my-records.submitted.what")).getText());
            java.util.regex.Matcher id = java.util.regex.Pattern.compile("GWB(-[0-9A-Z]{4}){4}").matcher(what);
            assertTrue(id.find(), what);
            bagId = id.group();

            click(frame, "my-records.again");
            Screen.waitFor("the records again", SLOW, () -> present(frame, "my-records.table"));
            String yes = Messages.of("my-records.submitted.yes").render(language);
            Screen.waitFor("both marked as submitted", SLOW, () -> yes.equals(table.getValueAt(0, 6)) && yes.equals(table.getValueAt(1, 6)));
            assertFalse(onEdt(() -> ((AbstractButton) named(frame, "my-records.since")).isSelected()),
                    "nothing left to send: every record is offered again");

            // Attach files, under the table: the attachments page, on the record chosen.
            onEdtRun(() -> table.setRowSelectionInterval(0, 0));
            click(frame, "my-records.attach");
            Screen.waitFor("the attachments page on that record", SLOW, () -> desktop.window().attachModel() != null
                    && shown.get(0).equals(desktop.window().attachModel().chosen()));
        }

        Path bag = usb.resolve(bagId + ".zip");
        assertEquals(List.of(bag), everything(usb), "the bag alone, named by its id");
        String report = homes.gawah.in(legal, "verify", bag.toString()).ok().out();
        assertTrue(report.contains("bag " + bagId + ": VALID"), report);
        assertEquals(bagId, homes.gawah.in(legal, "import", bag.toString()).ok().out().strip());
        String list = homes.gawah.in(legal, "list").ok().out();
        assertTrue(list.contains(records.get(0)) && list.contains(records.get(1)), list);
        libraryOfCongressAccepts(bag, base.resolve("unzipped-" + tag));
    }

    @ParameterizedTest(name = "in {0}")
    @MethodSource("languages")
    void cancelledWhileTheBagIsWrittenNothingIsLeftAndNothingLogged(Locale language) throws Exception {
        Path usb = Files.createDirectories(base.resolve("usb-cancel-" + language.toLanguageTag()));
        long submitted = submittedEntries(large);
        try (Desktop desktop = Desktop.open(large, language, Duration.ofMinutes(10))) {
            JFrame frame = desktop.window().frame();
            openMyRecords(frame, language);
            chooseFolder(frame, usb, language);
            Screen.waitFor("the unlock page", SLOW, () -> present(frame, "my-records.passphrase"));
            setText(frame, "my-records.passphrase", Homes.PASSPHRASE);
            click(frame, "my-records.unlock");
            Screen.waitFor("the bag being written", SLOW, () -> present(frame, "my-records.progress")
                    && ((javax.swing.JProgressBar) named(frame, "my-records.progress")).getValue() > 0);
            Screen.screenshot(frame, "my-records-progress", language);
            click(frame, "my-records.cancel");
            Screen.waitFor("the list, saying it was cancelled", SLOW, () -> present(frame, "my-records.said"));
            Screen.screenshot(frame, "my-records-cancelled", language);
            assertEquals(List.of(), everything(usb), "nothing in the folder, not even a hidden partial bag");
            assertFalse(present(frame, "my-records.problem"));
        }
        assertEquals(submitted, submittedEntries(large), "nothing logged");
        try (Vault vault = Vault.open(large.resolve("vault.db"))) {
            assertEquals(List.of(), vault.outputsInProgress(""), "nothing listed for the next command to clean up");
        }
    }

    @org.junit.jupiter.api.Test
    void lockWhileTheBagIsWrittenLeavesNothingEither() throws Exception {
        Path usb = Files.createDirectories(base.resolve("usb-lock"));
        long submitted = submittedEntries(large);
        Desktop desktop = Desktop.open(large, Language.ENGLISH, Duration.ofMinutes(10));
        try {
            JFrame frame = desktop.window().frame();
            openMyRecords(frame, Language.ENGLISH);
            chooseFolder(frame, usb, Language.ENGLISH);
            Screen.waitFor("the unlock page", SLOW, () -> present(frame, "my-records.passphrase"));
            setText(frame, "my-records.passphrase", Homes.PASSPHRASE);
            click(frame, "my-records.unlock");
            Screen.waitFor("the bag being written", SLOW, () -> present(frame, "my-records.progress")
                    && ((javax.swing.JProgressBar) named(frame, "my-records.progress")).getValue() > 0);
            click(frame, "lock");
            assertTrue(desktop.awaitClosed());
        } finally {
            desktop.close();
        }
        assertEquals(List.of(), everything(usb), "lock left nothing in the folder");
        assertEquals(submitted, submittedEntries(large), "nothing logged");
        try (Vault vault = Vault.open(large.resolve("vault.db"))) {
            assertEquals(List.of(), vault.outputsInProgress(""));
        }
    }

    /** The welcome page's button to the records, then the list. */
    private static void openMyRecords(JFrame frame, Locale language) {
        Screen.waitFor("the home to be read", SLOW, () -> present(frame, "welcome.my-records"));
        click(frame, "welcome.my-records");
        Screen.waitFor("the records", SLOW, () -> present(frame, "my-records.table"));
        Screen.screenshot(frame, "my-records", language);
    }

    /** Clicks Submit (the folder chooser is modal: clicked later on the event thread), then picks {@code folder}. */
    private static void chooseFolder(JFrame frame, Path folder, Locale language) {
        onEdtRun(() -> {
            AbstractButton submit = named(frame, "my-records.submit");
            SwingUtilities.invokeLater(submit::doClick);
        });
        Screen.waitFor("the folder chooser", SLOW, () -> chooser() != null);
        Screen.screenshot(frame, "my-records-chooser", language);
        onEdtRun(() -> {
            JFileChooser chooser = chooser();
            assertEquals(JFileChooser.DIRECTORIES_ONLY, chooser.getFileSelectionMode());
            chooser.setSelectedFile(folder.toFile());
            chooser.approveSelection();
        });
    }

    private static JFileChooser chooser() {
        for (Window window : Window.getWindows()) {
            if (window.isShowing()) {
                for (java.awt.Component c : all(window)) {
                    if (c instanceof JFileChooser) {
                        return (JFileChooser) c;
                    }
                }
            }
        }
        return null;
    }

    private static void libraryOfCongressAccepts(Path zip, Path unzipped) throws Exception {
        Map<String, Bags.Item> items = Bags.read(zip);
        for (Bags.Item item : items.values()) {
            Path file = unzipped.resolve(item.name());
            Files.createDirectories(file.getParent());
            Files.write(file, item.data());
        }
        Bag bag = new gov.loc.repository.bagit.reader.BagReader().read(unzipped.resolve(Bags.root(items)));
        try (BagVerifier verifier = new BagVerifier()) {
            verifier.isValid(bag, false);
        }
        assertEquals("1.0", bag.getVersion().toString());
        // Two testimonies, their two identity envelopes, one attachment.
        assertEquals(5, bag.getPayLoadManifests().iterator().next().getFileToChecksumMap().size());
    }

    private static long submittedEntries(Path home) {
        long[] count = new long[1];
        try (Vault vault = Vault.open(home.resolve("vault.db"))) {
            vault.forEachCustody(row -> count[0] += Entry.parse(row.entry()).action() == Action.SUBMITTED ? 1 : 0);
        }
        return count[0];
    }

    private static List<Path> everything(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted().toList();
        }
    }
}
