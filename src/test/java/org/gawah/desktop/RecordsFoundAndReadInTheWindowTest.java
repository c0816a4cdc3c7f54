package org.gawah.desktop;

import static org.gawah.desktop.Screen.named;
import static org.gawah.desktop.Screen.onEdt;
import static org.gawah.desktop.Screen.onEdtRun;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

import javax.swing.AbstractButton;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JTable;
import javax.swing.text.JTextComponent;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.gawah.Language;
import org.gawah.custody.Action;
import org.gawah.custody.Entry;
import org.gawah.custody.OpenedList;
import org.gawah.testsupport.Homes;
import org.gawah.vault.Vault;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The legal team's window on a bag made by real gawah commands (a documenter's record, submit,
 * import): unlock once, every record in one table, found by a Dari word written with another kaf
 * or without its zero-width non-joiner, read section by section with its signature and custody
 * entries; each window session logs the record as opened, exactly as gawah open does; nothing of
 * the testimony reaches disk. In Dari, Pashto and English, with a screenshot of each screen
 * (records-LANG, records-search-LANG, reader-LANG).
 */
@WindowTest
class RecordsFoundAndReadInTheWindowTest {
    private static final Duration SLOW = Duration.ofSeconds(90);
    /** In the account as sealed: مکتب with the Persian kaf; searched with the Arabic kaf ك. */
    private static final String ARABIC_KAF = "مك\u062Aب";
    /** In the account as sealed: خانه‌ی with a zero-width non-joiner; searched without it, with the Arabic yeh. */
    private static final String WITHOUT_ZWNJ = "خانهي";

    @TempDir
    static Path base;
    static Homes homes;
    static String id;
    static String mark;

    @BeforeAll
    static void aBagImported() throws Exception {
        homes = new Homes(base.resolve("gawah"));
        mark = "ZQ" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        ObjectMapper json = new ObjectMapper();
        ObjectNode input = (ObjectNode) json.readTree(Homes.sampleInput());
        ((ObjectNode) input.get("account")).put("text", input.at("/account/text").asText() + "\n" + mark);
        id = homes.gawah.inWithInput(homes.documenter, json.writeValueAsBytes(input), "record", "--from", "-").ok().out().strip();
        Path bag = base.resolve("bag.zip");
        homes.gawah.in(homes.documenter, "submit", "--out", bag.toString()).ok();
        homes.gawah.in(homes.legal, "import", bag.toString()).ok();
    }

    static List<Locale> languages() {
        return List.of(Language.DARI, Language.PASHTO, Language.ENGLISH);
    }

    @ParameterizedTest(name = "in {0}")
    @MethodSource("languages")
    void aRecordIsFoundByAnotherSpellingAndRead(Locale language) throws Exception {
        long started = System.currentTimeMillis();
        long openedBefore = opened(homes.legal, id);
        try (Desktop desktop = Desktop.open(homes.legal, language, Duration.ofMinutes(10))) {
            JFrame frame = desktop.window().frame();
            click(frame, "records");
            Screen.waitFor("the unlock page", SLOW, () -> present(frame, "records.passphrase"));
            onEdtRun(() -> ((JTextComponent) named(frame, "records.passphrase")).setText(Homes.PASSPHRASE));
            click(frame, "records.open");
            Screen.waitFor("the records' table", SLOW, () -> present(frame, "records.table"));
            JTable table = onEdt(() -> named(frame, "records.table"));
            assertEquals(1, onEdt(table::getRowCount));
            assertEquals(id, onEdt(() -> table.getValueAt(0, 0)));
            String date = onEdt(() -> (String) table.getValueAt(0, 1));
            assertTrue(date.contains("2026-11-20") && date.contains("1405"), "both calendars: " + date);
            assertEquals("W-0193", onEdt(() -> table.getValueAt(0, 5)));
            assertTrue(onEdt(() -> (String) table.getValueAt(0, 4)).contains("Documenter D-14"));
            Screen.screenshot(frame, "records", language);

            search(frame, "nothing-like-this");
            assertEquals(0, onEdt(table::getRowCount), "a word the record does not hold finds nothing");
            search(frame, ARABIC_KAF);
            assertEquals(1, onEdt(table::getRowCount), "another kaf finds it");
            search(frame, WITHOUT_ZWNJ);
            assertEquals(1, onEdt(table::getRowCount), "without the zero-width non-joiner, with another yeh, finds it");
            search(frame, mark.toLowerCase(Locale.ROOT));
            assertEquals(1, onEdt(table::getRowCount), "Latin case is folded too");
            onEdtRun(() -> ((JTextComponent) named(frame, "records.from")).setText("1 Qaws 1405"));
            assertEquals(0, onEdt(table::getRowCount), "an interview before the range is left out");
            onEdtRun(() -> ((JTextComponent) named(frame, "records.from")).setText("۲۹ عقرب ۱۴۰۵"));
            assertEquals(1, onEdt(table::getRowCount), "the range's first day, typed in Solar Hijri with Persian digits, holds it");
            search(frame, ARABIC_KAF);
            Screen.screenshot(frame, "records-search", language);

            onEdtRun(() -> table.setRowSelectionInterval(0, 0));
            click(frame, "records.read");
            Screen.waitFor("the reader", SLOW, () -> present(frame, "reader.heading"));
            String account = onEdt(() -> ((JTextComponent) named(frame, "reader.value.account.text")).getText());
            assertTrue(account.contains(mark), "the account as sealed");
            boolean rtl = onEdt(() -> !named(frame, "reader.value.account.text").getComponentOrientation().isLeftToRight());
            assertTrue(rtl, "the Dari account runs right to left in every window");
            boolean ltr = onEdt(() -> named(frame, "reader.value.source.note").getComponentOrientation().isLeftToRight());
            assertTrue(ltr, "the English note runs left to right in every window");
            String signer = onEdt(() -> ((JLabel) named(frame, "reader.signer")).getText());
            assertTrue(signer.contains("Documenter D-14"), signer);
            String fingerprint = onEdt(() -> ((JLabel) named(frame, "reader.fingerprint")).getText());
            assertTrue(fingerprint.contains(homes.documenterFingerprint.substring(0, 4)), fingerprint);
            // The custody entries are read from the signed logs when the record is shown, off the event thread.
            Screen.waitFor("the custody entries", SLOW, () -> present(frame, "reader.entry.0"));
            String firstEntry = onEdt(() -> ((JTextComponent) named(frame, "reader.entry.0")).getText());
            assertTrue(firstEntry.contains(id), firstEntry);
            Screen.screenshot(frame, "reader", language);

            click(frame, "lock");
            assertTrue(desktop.awaitClosed());
            assertTrue(desktop.window().recordsModel().all().isEmpty(), "lock drops every record opened");
            assertNull(desktop.window().recordsModel().record(id));
        }
        assertEquals(openedBefore + 1, opened(homes.legal, id), "opened once, logged once");
        assertEquals(List.of(), PlaintextOnDisk.filesHolding(mark, List.of(homes.legal), started), "files holding testimony");
    }

    /**
     * How many opened entries the legal home's signed log holds about {@code record}: its own, and
     * those of many openings whose list names it (docs/format/custody-log.md).
     */
    private static long opened(Path home, String record) {
        long[] count = {0};
        try (Vault vault = Vault.open(home.resolve("vault.db"))) {
            vault.forEachCustody(row -> {
                Entry entry = Entry.parse(row.entry());
                if (entry.action() == Action.OPENED && (entry.subject().equals(record) || (OpenedList.isOpening(entry)
                        && OpenedList.parse(vault.openedList(entry.subjectSha256()).orElseThrow()).items().containsKey(record)))) {
                    count[0]++;
                }
            });
        }
        return count[0];
    }

    private static void search(JFrame frame, String typed) {
        onEdtRun(() -> ((JTextComponent) named(frame, "records.search")).setText(typed));
    }

    private static void click(JFrame frame, String name) {
        onEdtRun(() -> ((AbstractButton) named(frame, name)).doClick());
    }

    private static boolean present(JFrame frame, String name) {
        return Screen.all(frame).stream().anyMatch(c -> name.equals(c.getName()) && c.isShowing());
    }
}
