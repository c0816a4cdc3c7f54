package org.gawah.desktop;

import static org.gawah.desktop.Screen.named;
import static org.gawah.desktop.Screen.onEdt;
import static org.gawah.desktop.WindowInterviewSealsWhatGnuPgOpensTest.answer;
import static org.gawah.desktop.WindowInterviewSealsWhatGnuPgOpensTest.beginAndUnlock;
import static org.gawah.desktop.WindowInterviewSealsWhatGnuPgOpensTest.click;
import static org.gawah.desktop.WindowInterviewSealsWhatGnuPgOpensTest.part;
import static org.gawah.desktop.WindowInterviewSealsWhatGnuPgOpensTest.present;
import static org.gawah.desktop.WindowInterviewSealsWhatGnuPgOpensTest.recordsIn;
import static org.gawah.desktop.WindowInterviewSealsWhatGnuPgOpensTest.setText;
import static org.gawah.desktop.WindowInterviewSealsWhatGnuPgOpensTest.walkEveryQuestion;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.swing.AbstractButton;
import javax.swing.JFrame;
import javax.swing.text.JTextComponent;

import org.gawah.Language;
import org.gawah.custody.Action;
import org.gawah.custody.Entry;
import org.gawah.openpgp.SealedRecipients;
import org.gawah.openpgp.SecretKey;
import org.gawah.testsupport.Homes;
import org.gawah.vault.Vault;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An interview the window's lock interrupts is sealed as a draft, never kept in clear, and taken
 * up again: after the lock button, the welcome page of the next window offers it; after unlock
 * the interview stands where it stopped, every answer back (the account typed and not yet handed
 * over included), the witness's name aside (sealed apart, for the protection officers only, and
 * said so); sealed, the record says it continues the draft, and the draft is offered no more. The
 * draft is sealed to the legal team and to the documenter's own key (to be resumed), and opening
 * it is logged as {@code gawah open} logs it. Closing the window and the idle limit keep a draft
 * too. No file in the home or the temporary folder holds anything typed. Screenshots:
 * welcome-draft-LANG, interview-resumed-LANG, interview-sealed-resumed-LANG.
 */
@WindowTest
class AnInterruptedInterviewIsTakenUpAgainTest {
    private static final Duration SLOW = Duration.ofSeconds(60);

    @TempDir
    static Path base;
    static Homes homes;

    @BeforeAll
    static void homes() {
        homes = new Homes(base.resolve("gawah"));
    }

    static List<Locale> languages() {
        return List.of(Language.DARI, Language.PASHTO, Language.ENGLISH);
    }

    @ParameterizedTest(name = "in {0}")
    @MethodSource("languages")
    void aLockedInterviewIsResumedWhereItStoppedAndSealed(Locale language) throws Exception {
        long started = System.currentTimeMillis();
        WindowInterviewSealsWhatGnuPgOpensTest.Answers typed = WindowInterviewSealsWhatGnuPgOpensTest.Answers.in(language);
        int before = recordsIn(homes.documenter);

        // Locked at the account, typed and not yet handed over.
        String draftId;
        try (Desktop desktop = Desktop.open(homes.documenter, language, Duration.ofMinutes(10))) {
            JFrame frame = desktop.window().frame();
            walkTo(frame, language, typed, "account");
            setText(frame, "interview.lines", typed.account());
            long locking = System.nanoTime();
            click(frame, "lock");
            assertTrue(desktop.awaitClosed());
            // Not a timed test: printed for the record (lock seals the draft before the window closes).
            System.out.println(language + ": Lock clicked to the window closed, the draft sealed: "
                    + (System.nanoTime() - locking) / 1_000_000 + " ms");
            draftId = draftIn(desktop);
        }
        assertEquals(before + 1, recordsIn(homes.documenter), "the draft");
        assertSealedToTheTeamAndTheDocumenter(draftId);
        assertEquals(List.of(), PlaintextOnDisk.filesHolding(typed.mark(), List.of(homes.documenter), started));

        // The next window offers it; after unlock, it stands at the account, as typed.
        try (Desktop desktop = Desktop.open(homes.documenter, language, Duration.ofMinutes(10))) {
            JFrame frame = desktop.window().frame();
            Screen.waitFor("the draft offered", SLOW, () -> present(frame, "welcome.resume"));
            assertTrue(onEdt(() -> ((JTextComponent) named(frame, "welcome.draft")).getText()).contains(draftId));
            Screen.screenshot(frame, "welcome-draft", language);
            click(frame, "welcome.resume");
            Screen.waitFor("the unlock page", SLOW, () -> present(frame, "interview.passphrase"));
            setText(frame, "interview.passphrase", Homes.PASSPHRASE);
            click(frame, "interview.unlock");
            Screen.waitFor("the account, taken up again", SLOW, () -> "account".equals(part(frame)));
            assertEquals(typed.account(), onEdt(() -> ((JTextComponent) named(frame, "interview.lines")).getText()));
            assertTrue(onEdt(() -> ((JTextComponent) named(frame, "interview.resumed.0")).getText()).contains(draftId));
            assertEquals("interview.resume.taken-up-without-name",
                    desktop.window().interviewModel().resumedSaid().get(0).key(), "the name was sealed apart: said so");
            Screen.screenshot(frame, "interview-resumed", language);
            assertEquals(1, opened(draftId), "opening the draft is logged, as gawah open logs it");

            // Back leads through the answers before it, as the draft held them.
            click(frame, "interview.back");
            assertEquals("account_language", part(frame));
            click(frame, "interview.next");
            assertEquals("account", part(frame));

            walkEveryQuestion(frame, language, typed);
            Screen.waitFor("the review", SLOW, () -> present(frame, "interview.seal"));
            click(frame, "interview.seal");
            Screen.waitFor("the record sealed", SLOW, () -> present(frame, "interview.sealed.resumed"));
            assertTrue(onEdt(() -> ((JTextComponent) named(frame, "interview.sealed.resumed")).getText()).contains(draftId));
            Screen.screenshot(frame, "interview-sealed-resumed", language);
            click(frame, "interview.home");
            // The home is read again (its Check again button off meanwhile).
            Screen.waitFor("the welcome page, the home read again", SLOW, () -> present(frame, "welcome.begin")
                    && ((AbstractButton) named(frame, "welcome.check-again")).isEnabled());
            assertFalse(present(frame, "welcome.resume"), "once sealed, the draft is offered no more");
        }
        assertEquals(before + 2, recordsIn(homes.documenter), "the draft, and the record");
        assertEquals(List.of(), PlaintextOnDisk.filesHolding(typed.mark(), List.of(homes.documenter), started));
    }

    @Test
    void closingTheWindowKeepsADraftToo() throws Exception {
        WindowInterviewSealsWhatGnuPgOpensTest.Answers typed = WindowInterviewSealsWhatGnuPgOpensTest.Answers.in(Language.ENGLISH);
        int before = recordsIn(homes.documenter);
        Desktop desktop = Desktop.open(homes.documenter, Language.ENGLISH, Duration.ofMinutes(10));
        walkTo(desktop.window().frame(), Language.ENGLISH, typed, "place");
        desktop.close();
        assertEquals(LockReason.CLOSED, desktop.model().lockedBy());
        assertEquals(before + 1, recordsIn(homes.documenter));
        assertSealedToTheTeamAndTheDocumenter(draftIn(desktop));
    }

    @Test
    void theIdleLimitKeepsADraftToo() throws Exception {
        WindowInterviewSealsWhatGnuPgOpensTest.Answers typed = WindowInterviewSealsWhatGnuPgOpensTest.Answers.in(Language.PASHTO);
        int before = recordsIn(homes.documenter);
        Desktop desktop = Desktop.open(homes.documenter, Language.PASHTO, Duration.ofSeconds(3));
        // Kept in use while the test walks (a click from here is no mouse event), then left alone.
        AtomicBoolean inUse = new AtomicBoolean(true);
        Thread user = new Thread(() -> {
            while (inUse.get()) {
                desktop.model().idle().touch();
                Screen.sleep(100);
            }
        });
        user.start();
        try {
            walkTo(desktop.window().frame(), Language.PASHTO, typed, "place");
        } finally {
            inUse.set(false);
            user.join();
        }
        assertTrue(desktop.awaitClosed());
        desktop.close();
        assertEquals(LockReason.IDLE, desktop.model().lockedBy());
        assertEquals(before + 1, recordsIn(homes.documenter));
        assertSealedToTheTeamAndTheDocumenter(draftIn(desktop));
    }

    /** Begin, unlock, and answer until {@code stop} is the question shown. */
    private static void walkTo(JFrame frame, Locale language, WindowInterviewSealsWhatGnuPgOpensTest.Answers typed, String stop) {
        beginAndUnlock(frame, language);
        Set<String> shot = new HashSet<>(); // each page's picture once a walk, not at every answer
        for (int i = 0; i < 60 && !stop.equals(part(frame)); i++) {
            answer(frame, language, typed, shot, new int[1]);
        }
        assertEquals(stop, part(frame));
    }

    /** The draft's id, from what the window said after it closed. */
    private static String draftIn(Desktop desktop) {
        List<String> said = new ArrayList<>();
        desktop.saidAfterLock().forEach(m -> said.add(m.render(Language.ENGLISH)));
        assertEquals(1, said.size(), said.toString());
        java.util.regex.Matcher id = java.util.regex.Pattern.compile("GWH(-[0-9A-Z]{4}){4}").matcher(said.get(0));
        assertTrue(id.find(), said.get(0));
        return id.group();
    }

    /** The draft's testimony is sealed to the legal team and to the documenter's own key (to be resumed), as the vault holds it. */
    private static void assertSealedToTheTeamAndTheDocumenter(String draftId) throws Exception {
        Path file = base.resolve(draftId + ".pgp");
        homes.gawah.in(homes.documenter, "export-sealed", draftId, "--out", file.toString()).ok();
        byte[] sealed = java.nio.file.Files.readAllBytes(file);
        SealedRecipients recipients = SealedRecipients.of(sealed);
        SecretKey own = new org.gawah.app.Home(homes.documenter, said -> { }).keyring().requireOwnKey();
        assertTrue(recipients.includes(own), "the documenter can take it up");
        assertEquals(2, SealedRecipients.count(sealed), "the legal team's key and the documenter's");
    }

    /** How many times the home's log says this record was opened. */
    private static long opened(String id) {
        long[] count = new long[1];
        try (Vault vault = Vault.open(homes.documenter.resolve("vault.db"))) {
            vault.forEachCustody(row -> {
                Entry entry = Entry.parse(row.entry());
                if (entry.action() == Action.OPENED && entry.subject().equals(id)) {
                    count[0]++;
                }
            });
        }
        return count[0];
    }
}
