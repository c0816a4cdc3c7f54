package org.gawah.desktop;

import static org.gawah.desktop.Screen.all;
import static org.gawah.desktop.Screen.named;
import static org.gawah.desktop.Screen.onEdt;
import static org.gawah.desktop.Screen.onEdtRun;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.ComponentOrientation;
import java.awt.Window;
import java.awt.datatransfer.DataFlavor;
import java.awt.datatransfer.Transferable;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.swing.AbstractButton;
import javax.swing.JCheckBox;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JFileChooser;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JProgressBar;
import javax.swing.SwingUtilities;
import javax.swing.TransferHandler;
import javax.swing.text.JTextComponent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.gawah.Language;
import org.gawah.interop.GnuPG;
import org.gawah.testsupport.Homes;
import org.gawah.vault.RecordSummary;
import org.gawah.vault.Vault;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Files attached to a record through the window's attachments page, in Dari, Pashto and English,
 * as {@code gawah attach} attaches them (one operation, org.gawah.app): a file of a few MB dropped
 * on the page and a second one chosen in the file chooser (which speaks the window's language,
 * right to left in Dari and Pashto), a first seal cancelled half-way (nothing stored, no file
 * left), then the seal. GnuPG, with the legal team's key, decrypts the new record's addendum and
 * each attachment, finds the documenter's good signature, the bytes of the files and the SHA-256
 * the page showed; no file in the home or the temporary folder holds their contents in the clear.
 * Shredding, asked for each attach, deletes the original only after the seal; lock in the middle
 * of a seal stores nothing. Screenshots of every page are left in target/screenshots (attach-*).
 */
@WindowTest
class WindowAttachesFilesAsGawahAttachDoesTest {
    private static final Pattern RECORD_ID = Pattern.compile("GWH(-[0-9A-Z]{4}){4}");
    private static final Duration SLOW = Duration.ofSeconds(60);
    private static final int LARGE = 4 * 1024 * 1024 + 13;

    @TempDir
    static Path base;
    static Homes homes;
    static GnuPG gpg;
    /** Sealed by the command line: the window adds files to it. */
    static String record;

    @BeforeAll
    static void homesAndGnuPg() {
        homes = new Homes(base.resolve("gawah"));
        record = homes.record();
        Path legalSecret = base.resolve("legal.sec.asc");
        Path documenterCert = base.resolve("documenter.asc");
        homes.gawah.in(homes.legal, "keys", "export", "--secret", "--out", legalSecret.toString()).ok();
        homes.gawah.in(homes.documenter, "keys", "export", "--out", documenterCert.toString()).ok();
        gpg = new GnuPG(base.resolve("gpg")).passphrase(Homes.PASSPHRASE);
        assertEquals(homes.legalFingerprint, gpg.importKey(legalSecret));
        assertEquals(homes.documenterFingerprint, gpg.importKey(documenterCert));
    }

    @AfterAll
    static void stopAgent() {
        if (gpg != null) {
            gpg.close();
        }
    }

    static List<Locale> languages() {
        return List.of(Language.DARI, Language.PASHTO, Language.ENGLISH);
    }

    @ParameterizedTest(name = "in {0}")
    @MethodSource("languages")
    void filesDroppedAndChosenAreSealedAndGnuPgOpensThem(Locale language) throws Exception {
        String mark = "ZQ" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        Path folder = Files.createDirectories(base.resolve("files-" + language.toLanguageTag()));
        Path large = file(folder.resolve("interview-" + language.toLanguageTag() + ".m4a"), LARGE, mark);
        Path small = file(folder.resolve("notes.txt"), 20_000, mark);
        byte[] largeBytes = Files.readAllBytes(large);
        byte[] smallBytes = Files.readAllBytes(small);
        long started = System.currentTimeMillis();
        State before = State.of(homes.documenter);
        String id;
        List<String> shownDigests;
        try (Desktop desktop = Desktop.open(homes.documenter, language, Duration.ofMinutes(10))) {
            JFrame frame = desktop.window().frame();
            openAndUnlock(frame, language);
            chooseRecord(frame, record);

            // A folder dropped is refused with the reason, and nothing of that drop is added.
            drop(frame, folder);
            Screen.waitFor("the folder refused", SLOW, () -> present(frame, "attach.problem"));
            assertFalse(present(frame, "attach.file.0"), "a folder is not a file to attach");

            drop(frame, large);
            Screen.waitFor("the dropped file listed", SLOW, () -> present(frame, "attach.file.0"));
            assertFalse(present(frame, "attach.problem"), "the refusal is gone once a file is taken");
            chooseInTheChooser(frame, small, language);
            Screen.waitFor("the chosen file listed", SLOW, () -> present(frame, "attach.file.1"));
            assertFalse(onEdt(() -> ((JCheckBox) named(frame, "attach.shred")).isSelected()), "shredding is not chosen for you");
            assertTrue(onEdt(() -> ((JTextComponent) named(frame, "attach.shred.explained")).getText()).contains("SSD"),
                    "what shredding cannot do is said beside it");
            Screen.screenshot(frame, "attach-choose", language);

            // The first seal is cancelled half-way: nothing is stored, and the files stay listed.
            AttachModel model = desktop.window().attachModel();
            AtomicBoolean armed = new AtomicBoolean(true);
            model.onProgress(() -> {
                if (model.done() * 2 >= model.total() && armed.getAndSet(false)) {
                    // On the sealing thread, which waits here while the page shows it and Cancel is pressed.
                    Screen.waitFor("the bar to move", SLOW, () -> onBar(frame) > 0);
                    Screen.screenshot(frame, "attach-sealing", language);
                    click(frame, "attach.cancel");
                }
            });
            click(frame, "attach.seal");
            Screen.waitFor("the seal cancelled", SLOW, () -> present(frame, "attach.said") && present(frame, "attach.file.1"));
            assertFalse(armed.get(), "the seal was cancelled half-way through");
            Screen.screenshot(frame, "attach-cancelled", language);
            assertEquals(before, State.of(homes.documenter), "a cancelled seal stores nothing and leaves no file");
            assertTrue(Files.exists(large) && Files.exists(small), "the originals are where they were");

            click(frame, "attach.seal");
            Screen.waitFor("the files to be sealed", SLOW, () -> present(frame, "attach.sealed.id"));
            Screen.screenshot(frame, "attach-sealed", language);
            String said = onEdt(() -> ((JTextComponent) named(frame, "attach.sealed.id")).getText());
            Matcher m = RECORD_ID.matcher(said);
            assertTrue(m.find(), said);
            id = m.group();
            assertTrue(said.contains(record), "the page names the record the files add to: " + said);
            shownDigests = List.of(label(frame, "attach.sealed.sha256.0"), label(frame, "attach.sealed.sha256.1"));
            assertTrue(label(frame, "attach.sealed.reader.0").contains("Legal team"));
            assertNotNull(desktop.model().key().get(), "the key stays unlocked for the window's session");
        }
        assertTrue(Files.exists(large) && Files.exists(small), "nothing is shredded unless asked");

        // Nothing of the files in the clear: not in the home (vault, its journal), not in the temporary folder.
        assertEquals(List.of(), PlaintextOnDisk.filesHolding(mark, List.of(homes.documenter), started), "files holding the files' text");

        // GnuPG opens the new record: an addendum naming the record, each file with its digests, signed by the documenter.
        JsonNode addendum = new ObjectMapper().readTree(decrypt(id, null).stdout());
        assertEquals(record, addendum.at("/adds_to").asText());
        assertEquals(2, addendum.at("/attachments").size());
        byte[][] contents = {largeBytes, smallBytes};
        for (int i = 0; i < 2; i++) {
            JsonNode listed = addendum.at("/attachments/" + i);
            String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(contents[i]));
            assertEquals(sha256, listed.at("/sha256").asText(), "the addendum lists the file's SHA-256");
            assertTrue(shownDigests.get(i).contains(sha256), "the page showed it: " + shownDigests.get(i));
            assertEquals(contents[i].length, listed.at("/size").asLong());
            assertArrayEquals(contents[i], decrypt(id, i + 1).stdout(), "GnuPG decrypts attachment " + (i + 1) + " whole");
        }
        assertEquals(large.getFileName().toString(), addendum.at("/attachments/0/file_name").asText());
    }

    @Test
    void shreddingIsAskedEveryTimeAndDeletesTheOriginalOnlyOnceSealed() throws Exception {
        Path folder = Files.createDirectories(base.resolve("shred"));
        Path photo = file(folder.resolve("photo.jpg"), 300_000, "ZQ" + ThreadLocalRandom.current().nextInt(100_000, 999_999));
        byte[] bytes = Files.readAllBytes(photo);
        String id;
        try (Desktop desktop = Desktop.open(homes.documenter, Language.ENGLISH, Duration.ofMinutes(10))) {
            JFrame frame = desktop.window().frame();
            openAndUnlock(frame, Language.ENGLISH);
            chooseRecord(frame, record);
            drop(frame, photo);
            Screen.waitFor("the file listed", SLOW, () -> present(frame, "attach.file.0"));
            click(frame, "attach.shred");
            assertTrue(desktop.window().attachModel().shred());
            Screen.screenshot(frame, "attach-shred", Language.ENGLISH);
            click(frame, "attach.seal");
            Screen.waitFor("the file to be sealed", SLOW, () -> present(frame, "attach.sealed.id"));
            Screen.screenshot(frame, "attach-shredded", Language.ENGLISH);
            assertTrue(label(frame, "attach.shredded.0").contains("photo.jpg"));
            Matcher m = RECORD_ID.matcher(onEdt(() -> ((JTextComponent) named(frame, "attach.sealed.id")).getText()));
            assertTrue(m.find());
            id = m.group();
            assertFalse(Files.exists(photo), "the original is shredded");

            // Attaching more: the question is asked again, not remembered.
            click(frame, "attach.more");
            Screen.waitFor("the choice again", SLOW, () -> present(frame, "attach.shred"));
            assertFalse(onEdt(() -> ((JCheckBox) named(frame, "attach.shred")).isSelected()));
        }
        assertArrayEquals(bytes, decrypt(id, 1).stdout(), "what was shredded is whole in the vault");
    }

    @Test
    void lockInTheMiddleOfASealStoresNothing() throws Exception {
        Path folder = Files.createDirectories(base.resolve("lock"));
        Path large = file(folder.resolve("film.mp4"), LARGE, "ZQ" + ThreadLocalRandom.current().nextInt(100_000, 999_999));
        State before = State.of(homes.documenter);
        Desktop desktop = Desktop.open(homes.documenter, Language.PASHTO, Duration.ofMinutes(10));
        try {
            JFrame frame = desktop.window().frame();
            openAndUnlock(frame, Language.PASHTO);
            drop(frame, large);
            Screen.waitFor("the file listed", SLOW, () -> present(frame, "attach.file.0"));
            AttachModel model = desktop.window().attachModel();
            AtomicReference<Boolean> locked = new AtomicReference<>();
            model.onProgress(() -> {
                if (model.done() * 2 >= model.total() && locked.get() == null) {
                    locked.set(desktop.model().lock(LockReason.SHORTCUT));
                }
            });
            click(frame, "attach.seal");
            assertTrue(desktop.awaitClosed(), "locked");
            assertEquals(Boolean.TRUE, locked.get(), "lock came half-way through the seal");
            assertTrue(model.cancelRequested(), "lock stops the seal");
        } finally {
            desktop.close();
        }
        // Whether or not the sealing thread has rolled back yet, nothing of it was committed.
        assertEquals(before, State.of(homes.documenter), "a seal stopped by lock stores nothing");
        assertTrue(Files.exists(large));
    }

    /** What a home holds: its records, their attachments, its custody entries, stored chunks, and its files by name. */
    record State(List<String> records, int attachments, int entries, String chunks, List<String> files) {
        static State of(Path home) throws Exception {
            List<String> records;
            int attachments;
            int[] entries = {0};
            try (Vault vault = Vault.open(home.resolve("vault.db"))) {
                records = vault.recordIds();
                attachments = vault.list().stream().mapToInt(RecordSummary::attachmentCount).sum();
                vault.forEachCustody(row -> entries[0]++);
            }
            Process sqlite = new ProcessBuilder("sqlite3", home.resolve("vault.db").toString(),
                    "SELECT count(*) FROM attachment_chunks").redirectErrorStream(true).start();
            String chunks = new String(sqlite.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            assertEquals(0, sqlite.waitFor(), chunks);
            List<String> files;
            try (Stream<Path> walk = Files.walk(home)) {
                // The vault's write-ahead log and its index come and go with connections: every other file counts.
                files = walk.filter(Files::isRegularFile).map(p -> home.relativize(p).toString())
                        .filter(name -> !name.endsWith("-wal") && !name.endsWith("-shm")).sorted().toList();
            }
            return new State(records, attachments, entries[0], chunks, files);
        }
    }

    /** Welcome, Attach files, then the key unlocked (a wrong passphrase first: refused, and asked again). */
    private static void openAndUnlock(JFrame frame, Locale language) {
        Screen.waitFor("the home to be read", SLOW, () -> present(frame, "welcome.attach"));
        click(frame, "welcome.attach");
        Screen.waitFor("the unlock page", SLOW, () -> present(frame, "attach.passphrase"));
        setText(frame, "attach.passphrase", "not the passphrase");
        click(frame, "attach.unlock");
        Screen.waitFor("the wrong passphrase refused", SLOW, () -> present(frame, "attach.problem"));
        Screen.screenshot(frame, "attach-unlock", language);
        setText(frame, "attach.passphrase", Homes.PASSPHRASE);
        click(frame, "attach.unlock");
        Screen.waitFor("the choice of record and files", SLOW, () -> present(frame, "attach.record"));
        assertTrue(present(frame, "attach.files.none"));
        assertFalse(onEdt(() -> ((AbstractButton) named(frame, "attach.seal")).isEnabled()), "nothing to seal yet");
    }

    private static void chooseRecord(JFrame frame, String id) {
        onEdtRun(() -> {
            JComboBox<?> box = named(frame, "attach.record");
            for (int i = 0; i < box.getItemCount(); i++) {
                if (box.getItemAt(i).toString().contains(id)) {
                    box.setSelectedIndex(i);
                }
            }
            assertTrue(box.getSelectedItem().toString().contains(id), "the record is listed: " + box.getSelectedItem());
        });
    }

    /** Drops {@code file} on the page as a file manager does: a list of files, handed to the page's transfer handler. */
    private static void drop(JFrame frame, Path file) {
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
        onEdtRun(() -> {
            JComponent page = named(frame, "page.attach");
            // Dropped on the explanation, a text area inside the page: the page takes it all the same.
            JComponent on = named(frame, "attach.intro");
            assertTrue(on.getTransferHandler().importData(new TransferHandler.TransferSupport(on, files)), "the drop is taken");
            assertTrue(page.getTransferHandler() != null);
        });
    }

    /** Choose files..., then {@code file} picked in the chooser, which speaks the window's language and runs its way. */
    private static void chooseInTheChooser(JFrame frame, Path file, Locale language) {
        onEdtRun(() -> {
            AbstractButton open = named(frame, "attach.choose");
            SwingUtilities.invokeLater(open::doClick);
        });
        Screen.waitFor("the file chooser", SLOW, () -> chooser() != null);
        onEdtRun(() -> chooser().setCurrentDirectory(file.getParent().toFile()));
        Screen.sleep(300);
        Window dialog = onEdt(() -> SwingUtilities.getWindowAncestor(chooser()));
        Screen.screenshot(dialog, "attach-chooser", language);
        ComponentOrientation expected = Language.rightToLeft(language) ? ComponentOrientation.RIGHT_TO_LEFT
                : ComponentOrientation.LEFT_TO_RIGHT;
        onEdtRun(() -> assertEquals(List.of(), all(chooser()).stream().filter(c -> c.getComponentOrientation() != expected)
                .map(c -> c.getClass().getName()).toList(), "every part of the chooser runs the window's way"));
        // The details view: its column headings in the window's language, its dates in the digits 0-9.
        onEdtRun(() -> ((AbstractButton) all(chooser()).stream().filter(c -> c instanceof javax.swing.JToggleButton
                && Messages.of("chooser.details").render(language).equals(((JComponent) c).getToolTipText()))
                .findFirst().orElseThrow(() -> new AssertionError("no Details button in the chooser's words"))).doClick(0));
        Screen.sleep(300);
        Screen.screenshot(dialog, "attach-chooser-details", language);
        onEdtRun(() -> {
            javax.swing.JTable table = (javax.swing.JTable) all(chooser()).stream().filter(c -> c instanceof javax.swing.JTable)
                    .findFirst().orElseThrow();
            assertEquals(Messages.of("chooser.name").render(language), table.getColumnModel().getColumn(0).getHeaderValue());
            // The columns run the window's way: the name first, at the start of the line.
            assertEquals(expected, table.getComponentOrientation());
            java.awt.Rectangle name = table.getCellRect(0, 0, true);
            assertEquals(expected.isLeftToRight(), name.x == 0, "the name column starts the line: " + name);
            for (int r = 0; r < table.getRowCount(); r++) {
                for (int c = 0; c < table.getColumnCount(); c++) {
                    java.awt.Component cell = table.prepareRenderer(table.getCellRenderer(r, c), r, c);
                    String shown = cell instanceof JLabel ? ((JLabel) cell).getText() : "";
                    assertFalse(shown.matches(".*[\\u06F0-\\u06F9\\u0660-\\u0669].*"), "a number in other digits: " + shown);
                }
            }
        });
        onEdtRun(() -> {
            JFileChooser chooser = chooser();
            assertEquals(Messages.of("chooser.open").render(language), chooser.getUI().getApproveButtonText(chooser));
            assertEquals(Messages.of("attach.chooser.title").render(language), chooser.getDialogTitle());
            assertTrue(all(chooser).stream().anyMatch(c -> c instanceof JLabel
                    && Messages.of("chooser.file-name").render(language).equals(((JLabel) c).getText())),
                    "the chooser's own labels are in the window's language");
            chooser.setSelectedFiles(new File[] {file.toFile()});
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

    /** GnuPG's run over the record's sealed testimony (null) or its attachment {@code number}, exported sealed. */
    private static GnuPG.Result decrypt(String id, Integer number) {
        Path sealed = base.resolve(id + (number == null ? "" : "-" + number) + ".pgp");
        if (number == null) {
            homes.gawah.in(homes.documenter, "export-sealed", id, "--out", sealed.toString()).ok();
        } else {
            homes.gawah.in(homes.documenter, "export-sealed", id, "--attachment", number.toString(), "--out", sealed.toString()).ok();
        }
        GnuPG.Result opened = gpg.run("--decrypt", sealed.toString()).ok();
        opened.require("DECRYPTION_OKAY");
        opened.require("GOODMDC");
        assertEquals(homes.documenterFingerprint, opened.require("VALIDSIG").get(1));
        return opened;
    }

    /**
     * A file of {@code size} random bytes with {@code mark} written into it here and there, dated
     * an hour ago: the check for plaintext on disk looks only at what was written since the test began.
     */
    private static Path file(Path path, int size, String mark) throws Exception {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        byte[] text = mark.getBytes(StandardCharsets.UTF_8);
        for (int at = 0; at + text.length < size; at += Math.max(text.length, size / 7)) {
            System.arraycopy(text, 0, bytes, at, text.length);
        }
        Files.write(path, bytes);
        Files.setLastModifiedTime(path, FileTime.from(Instant.now().minusSeconds(3600)));
        return path;
    }

    /** The progress bar's value, or -1 before the sealing page is drawn (on the event thread). */
    private static int onBar(JFrame frame) {
        return all(frame).stream().filter(c -> c instanceof JProgressBar && "attach.progress".equals(c.getName()))
                .mapToInt(c -> ((JProgressBar) c).getValue()).findFirst().orElse(-1);
    }

    private static String label(JFrame frame, String name) {
        return onEdt(() -> ((JLabel) named(frame, name)).getText());
    }

    static boolean present(JFrame frame, String name) {
        return here(() -> all(frame).stream().anyMatch(c -> name.equals(c.getName()) && c.isShowing()));
    }

    private static <T> T here(java.util.function.Supplier<T> read) {
        return SwingUtilities.isEventDispatchThread() ? read.get() : onEdt(read);
    }

    private static void setText(JFrame frame, String name, String text) {
        onEdtRun(() -> ((JTextComponent) named(frame, name)).setText(text));
    }

    private static void click(JFrame frame, String name) {
        onEdtRun(() -> ((AbstractButton) named(frame, name)).doClick(0));
    }
}
