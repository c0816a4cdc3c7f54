package org.gawah.desktop;

import static org.gawah.desktop.Screen.named;
import static org.gawah.desktop.Screen.onEdt;
import static org.gawah.desktop.Screen.onEdtRun;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Component;
import java.awt.Graphics2D;
import java.awt.Window;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

import javax.imageio.ImageIO;
import javax.swing.AbstractButton;
import javax.swing.ImageIcon;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JFileChooser;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JTable;
import javax.swing.text.JTextComponent;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.gawah.Digests;
import org.gawah.GawahException;
import org.gawah.Language;
import org.gawah.app.OpenedRecord;
import org.gawah.custody.Action;
import org.gawah.custody.Entry;
import org.gawah.testsupport.Homes;
import org.gawah.vault.Vault;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The legal team's records and reader on three records made by real gawah commands (recorded,
 * submitted, imported; one with a photo and a text attached, two in a case with Rome Statute
 * tags): found by a Dari word typed with the Arabic kaf and yeh, filtered by tag, consent and
 * place; read under each field's words in the window's language; the photo shown from memory (its
 * bytes end in a mark that no file may hold after); the text saved through Swing's own folder
 * chooser, driven as a person would, and matching the SHA-256 its signed testimony lists; each
 * attachment logged opened. In Dari, Pashto and English, with screenshots (records-filtered,
 * reader-fields, reader-attachments, chooser: each -LANG).
 */
@WindowTest
class RecordsFilteredAndAttachmentsOpenedInTheWindowTest {
    private static final Duration SLOW = Duration.ofSeconds(90);
    /** In record 2's account with the Persian kaf and yeh; typed with the Arabic ones. */
    private static final String KARIZ_ARABIC = "\u0643\u0627\u0631\u064A\u0632";
    private static final String TAG = "rome:7(1)(h)";

    @TempDir
    static Path base;
    static Homes homes;
    static String withAttachments;
    static String kabul;
    static String third;
    static String mark;
    static String imageMark;
    static byte[] note;

    @BeforeAll
    static void threeRecordsImportedTwoInACase() throws Exception {
        homes = new Homes(base.resolve("gawah"));
        mark = "ZQ" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        imageMark = "IMG" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        note = "Field note, page 2: the road was closed at the bridge.\n".getBytes(StandardCharsets.UTF_8);
        Path photo = base.resolve("photo.png");
        Files.write(photo, png(imageMark));
        Path text = base.resolve("notes.txt");
        Files.write(text, note);
        ObjectMapper json = new ObjectMapper();

        ObjectNode first = (ObjectNode) json.readTree(Homes.sampleInput());
        ((ObjectNode) first.get("account")).put("text", first.at("/account/text").asText() + "\n" + mark);
        withAttachments = homes.gawah.inWithInput(homes.documenter, json.writeValueAsBytes(first), "record", "--from", "-",
                "--attach", photo.toString(), "--attach", text.toString()).ok().out().strip();

        ObjectNode second = (ObjectNode) json.readTree(Homes.sampleInput());
        ((ObjectNode) second.get("interview")).put("place", "Kabul, Dasht-e Barchi");
        ((ObjectNode) second.get("account")).put("text", "آب کاریز خشک شد و کسی نیامد.");
        ((ArrayNode) ((ObjectNode) second.get("consent")).putArray("recipients")).add("legal_team");
        ((ObjectNode) second.get("witness")).put("pseudonym", "W-0207");
        second.remove("identity");
        kabul = homes.gawah.inWithInput(homes.documenter, json.writeValueAsBytes(second), "record", "--from", "-").ok().out().strip();

        ObjectNode last = (ObjectNode) json.readTree(Homes.sampleInput());
        ((ObjectNode) last.get("interview")).put("place", "Mazar-e Sharif");
        ((ObjectNode) last.get("consent")).putArray("recipients").add("legal_team").add("national_court");
        ((ObjectNode) last.get("witness")).put("pseudonym", "W-0311");
        last.remove("identity");
        third = homes.gawah.inWithInput(homes.documenter, json.writeValueAsBytes(last), "record", "--from", "-").ok().out().strip();

        Path bag = base.resolve("bag.zip");
        homes.gawah.in(homes.documenter, "submit", "--out", bag.toString()).ok();
        homes.gawah.in(homes.legal, "import", bag.toString()).ok();
        String caseId = homes.gawah.caseCreate(homes.legal, "Herat and Mazar").ok().out().strip();
        homes.gawah.in(homes.legal, "case", "add", caseId, withAttachments, "--tag", TAG, "--reliability", "high").ok();
        homes.gawah.in(homes.legal, "case", "add", caseId, third, "--tag", "rome:7(1)(e)").ok();
    }

    /** A small PNG with its mark after the image's end, where no reader looks but every copy of the bytes carries it. */
    private static byte[] png(String trailing) throws Exception {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0x2E7D32));
        g.fillRect(0, 0, 64, 48);
        g.setColor(Color.WHITE);
        g.fillOval(16, 8, 32, 32);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        out.write(trailing.getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    static List<Locale> languages() {
        return List.of(Language.DARI, Language.PASHTO, Language.ENGLISH);
    }

    @ParameterizedTest(name = "in {0}")
    @MethodSource("languages")
    void recordsAreFilteredReadInWordsAndTheirAttachmentsShownAndSaved(Locale language) throws Exception {
        long started = System.currentTimeMillis();
        String photo = attachmentIds(withAttachments).get(0);
        String notes = attachmentIds(withAttachments).get(1);
        long photoOpened = opened(photo);
        long notesOpened = opened(notes);
        Path folder = Files.createDirectories(base.resolve("saved-" + language.toLanguageTag()));
        OpenedRecord kept;
        try (Desktop desktop = Desktop.open(homes.legal, language, Duration.ofMinutes(10))) {
            JFrame frame = desktop.window().frame();
            click(frame, "records");
            Screen.waitFor("the unlock page", SLOW, () -> present(frame, "records.passphrase"));
            onEdtRun(() -> ((JTextComponent) named(frame, "records.passphrase")).setText(Homes.PASSPHRASE));
            click(frame, "records.open");
            Screen.waitFor("the records' table", SLOW, () -> present(frame, "records.table"));
            JTable table = onEdt(() -> named(frame, "records.table"));
            assertEquals(3, rows(table));
            int row = row(table, withAttachments);
            assertEquals(TAG, onEdt(() -> table.getValueAt(row, 6)), "the tag its analysis gives");
            assertEquals("2", onEdt(() -> table.getValueAt(row, 8)), "two attachments");

            type(frame, "records.search", KARIZ_ARABIC);
            assertEquals(List.of(kabul), ids(table), "the Arabic kaf and yeh find the Persian ones");
            type(frame, "records.search", "");

            choose(frame, "records.tag", TAG);
            assertEquals(List.of(withAttachments), ids(table), "only the record its analysis tags so");
            choose(frame, "records.tag", null);
            choose(frame, "records.consent", "icc");
            assertEquals(List.of(withAttachments), ids(table), "only the witness who consented to the ICC");
            choose(frame, "records.consent", "national_court");
            assertEquals(List.of(third), ids(table));
            choose(frame, "records.consent", null);
            type(frame, "records.place", "KABUL");
            assertEquals(List.of(kabul), ids(table), "the place, whatever its case");
            type(frame, "records.place", "");
            choose(frame, "records.consent", "legal_team");
            choose(frame, "records.tag", TAG);
            Screen.screenshot(frame, "records-filtered", language);
            assertEquals(List.of(withAttachments), ids(table));

            onEdtRun(() -> table.setRowSelectionInterval(0, 0));
            click(frame, "records.read");
            Screen.waitFor("the reader", SLOW, () -> present(frame, "reader.heading"));
            kept = desktop.window().recordsModel().record(withAttachments);
            assertEquals(Messages.of("reader.field.place").render(), text(frame, "reader.name.interview.place"),
                    "the field's words in the window's language, not the format's key");
            assertEquals(Messages.of("reader.present", Messages.of("reader.role.interpreter")).render(),
                    text(frame, "reader.name.interview.present.1"));
            assertEquals(Messages.of("reader.field.recipients").render(), text(frame, "reader.name.consent.recipients"));
            assertTrue(text(frame, "reader.value.consent.recipients").contains(
                    org.gawah.interview.InterviewWords.valueLabel("icc").render()), "a fixed value in words");
            assertEquals(org.gawah.interview.InterviewWords.yesNo(true).render(), text(frame, "reader.value.consent.anonymity"));
            assertEquals(Messages.of("reader.field.act_type").render(), text(frame, "reader.name.events.1.act_type"));
            assertEquals("arbitrary detention", text(frame, "reader.value.events.1.act_type"), "the testimony's own words, as typed");
            assertEquals(Messages.of("reader.field.file_name").render(), text(frame, "reader.name.attachments.0.file_name"));
            assertTrue(onEdt(() -> !named(frame, "reader.value.account.text").getComponentOrientation().isLeftToRight()),
                    "the Dari account right to left in every window");
            assertEquals(language.equals(Language.ENGLISH), onEdt(() -> named(frame, "reader.value.consent.recipients")
                    .getComponentOrientation().isLeftToRight()), "words of the window run as the window runs");
            Screen.waitFor("the custody entries", SLOW, () -> present(frame, "reader.entry.0"));
            Screen.screenshot(frame, "reader-fields", language);

            click(frame, "reader.attachment.0.show");
            Screen.waitFor("the photo", SLOW, () -> present(frame, "reader.attachment.0.image"));
            ImageIcon icon = onEdt(() -> (ImageIcon) ((JLabel) named(frame, "reader.attachment.0.image")).getIcon());
            assertEquals(64, icon.getIconWidth());
            assertEquals(48, icon.getIconHeight());
            assertEquals(new Color(0x2E7D32).getRGB(), ((BufferedImage) icon.getImage()).getRGB(2, 2), "the photo's own pixels");
            assertEquals(photoOpened + 1, opened(photo), "shown: logged opened first");

            // Later, not now: the chooser is modal, and the click returns only once it has closed.
            javax.swing.SwingUtilities.invokeLater(() -> ((AbstractButton) named(frame, "reader.attachment.1.save")).doClick());
            JFileChooser chooser = chooser();
            Screen.screenshot(javax.swing.SwingUtilities.getWindowAncestor(chooser), "chooser", language);
            onEdtRun(() -> {
                chooser.setSelectedFile(folder.toFile());
                chooser.approveSelection();
            });
            Screen.waitFor("the attachment saved", SLOW, () -> present(frame, "reader.attachment.1.status")
                    && ((JTextComponent) named(frame, "reader.attachment.1.status")).getText().contains("notes.txt"));
            Path saved = folder.resolve("notes.txt");
            assertEquals(kept.testimony().at("/attachments/1/sha256").asText(), Digests.sha256(Files.readAllBytes(saved)),
                    "the file saved is the one its signed testimony lists");
            assertEquals(List.of(saved), List.of(Files.list(folder).toArray(Path[]::new)), "no partial file left beside it");
            assertEquals(notesOpened + 1, opened(notes), "saved: logged opened first");
            // The page draws itself again when the status changes, keeping where it was: scroll once that is done.
            for (int i = 0; i < 3; i++) {
                Screen.sleep(200);
                onEdtRun(() -> ((JComponent) named(frame, "reader.attachment.0.image")).scrollRectToVisible(
                        new java.awt.Rectangle(0, -60, 1, 320)));
            }
            Screen.screenshot(frame, "reader-attachments", language);

            click(frame, "lock");
            assertTrue(desktop.awaitClosed());
        }
        assertFalse(kept.holds(mark.toLowerCase(Locale.ROOT)), "lock overwrote the folded text");
        assertThrows(GawahException.class, kept::testimony, "lock overwrote the testimony's bytes");
        assertEquals(List.of(), PlaintextOnDisk.filesHolding(mark, List.of(homes.legal), started), "files holding testimony");
        // The documenter's own photo, written in /tmp before the homes: on a quiet machine within the scan's 2 s slack.
        List<Path> holdingThePhoto = new java.util.ArrayList<>(PlaintextOnDisk.filesHolding(imageMark, List.of(homes.legal), started));
        holdingThePhoto.remove(base.resolve("photo.png"));
        assertEquals(List.of(), holdingThePhoto, "files holding the photo's bytes (ImageIO's cache is off)");
    }

    /** The ids of the record's attachments, as its signed testimony lists them. */
    private static List<String> attachmentIds(String record) {
        List<String> ids = new java.util.ArrayList<>();
        try (Vault vault = Vault.open(homes.legal.resolve("vault.db"))) {
            vault.forEachCustody(row -> {
                Entry entry = Entry.parse(row.entry());
                if (entry.action() == Action.IMPORTED && entry.subject().startsWith("GWA-") && !ids.contains(entry.subject())) {
                    ids.add(entry.subject());
                }
            });
        }
        assertEquals(2, ids.size(), "the two attachments imported");
        return ids;
    }

    /** How many opened entries the legal home's signed log holds about {@code subject}. */
    private static long opened(String subject) {
        long[] count = {0};
        try (Vault vault = Vault.open(homes.legal.resolve("vault.db"))) {
            vault.forEachCustody(row -> {
                Entry entry = Entry.parse(row.entry());
                if (entry.action() == Action.OPENED && entry.subject().equals(subject)) {
                    count[0]++;
                }
            });
        }
        return count[0];
    }

    /** The folder chooser the Save button opened (a dialog of its own), once it shows. */
    private static JFileChooser chooser() {
        Screen.waitFor("the folder chooser", SLOW, () -> chooserShowing() != null);
        return onEdt(RecordsFilteredAndAttachmentsOpenedInTheWindowTest::chooserShowing);
    }

    private static JFileChooser chooserShowing() {
        for (Window window : Window.getWindows()) {
            if (window.isShowing()) {
                for (Component c : Screen.all(window)) {
                    if (c instanceof JFileChooser && "chooser".equals(c.getName())) {
                        return (JFileChooser) c;
                    }
                }
            }
        }
        return null;
    }

    private static int rows(JTable table) {
        return onEdt(table::getRowCount);
    }

    private static int row(JTable table, String id) {
        return onEdt(() -> {
            for (int r = 0; r < table.getRowCount(); r++) {
                if (id.equals(table.getValueAt(r, 0))) {
                    return r;
                }
            }
            throw new AssertionError("no row for " + id);
        });
    }

    private static List<String> ids(JTable table) {
        return onEdt(() -> {
            List<String> ids = new java.util.ArrayList<>();
            for (int r = 0; r < table.getRowCount(); r++) {
                ids.add((String) table.getValueAt(r, 0));
            }
            return ids;
        });
    }

    /** Chooses the item of a filter whose value is {@code value} (null: all). */
    private static void choose(JFrame frame, String name, String value) {
        onEdtRun(() -> {
            JComboBox<?> box = named(frame, name);
            for (int i = 0; i < box.getItemCount(); i++) {
                if (java.util.Objects.equals(((RecordsView.Choice) box.getItemAt(i)).value(), value)) {
                    box.setSelectedIndex(i);
                    return;
                }
            }
            throw new AssertionError(name + " has no choice " + value);
        });
    }

    private static String text(JFrame frame, String name) {
        return onEdt(() -> {
            Component c = named(frame, name);
            return c instanceof JLabel ? ((JLabel) c).getText() : ((JTextComponent) c).getText();
        });
    }

    private static void type(JFrame frame, String name, String typed) {
        onEdtRun(() -> ((JTextComponent) named(frame, name)).setText(typed));
    }

    private static void click(JFrame frame, String name) {
        onEdtRun(() -> ((AbstractButton) named(frame, name)).doClick());
    }

    private static boolean present(JFrame frame, String name) {
        return Screen.all(frame).stream().anyMatch(c -> name.equals(c.getName()) && c.isShowing());
    }
}
