package org.gawah.desktop;

import static org.gawah.desktop.Screen.named;
import static org.gawah.desktop.Screen.onEdt;
import static org.gawah.desktop.WindowInterviewSealsWhatGnuPgOpensTest.beginAndUnlock;
import static org.gawah.desktop.WindowInterviewSealsWhatGnuPgOpensTest.click;
import static org.gawah.desktop.WindowInterviewSealsWhatGnuPgOpensTest.present;
import static org.gawah.desktop.WindowInterviewSealsWhatGnuPgOpensTest.recordsIn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import javax.swing.JFrame;
import javax.swing.text.JTextComponent;

import org.gawah.Language;
import org.gawah.testsupport.Gawah;
import org.gawah.testsupport.Homes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Only what is signed is trusted, in the window as at the terminal: a certificate copied by hand
 * into the home's {@code keys/legal/} while an interview is open (no {@code key_imported} entry
 * vouches for it) stops the window's seal with the very error {@code gawah record} gives, and
 * nothing is sealed, to it or to anyone. The answers stay in the window, to be sealed once the
 * stray file is gone. Screenshot: target/screenshots/interview-refused-keyring-LANG.png.
 */
@WindowTest
class WindowSealRefusesAHandCopiedCertificateTest {
    private static final Duration SLOW = Duration.ofSeconds(60);

    @org.junit.jupiter.api.io.TempDir
    static Path base;
    static Homes homes;
    static Path strangerCert;
    static String strangerFingerprint;

    @BeforeAll
    static void homesAndAStranger() {
        homes = new Homes(base.resolve("gawah"));
        Path stranger = base.resolve("stranger");
        homes.gawah.in(stranger, "init").ok();
        strangerFingerprint = homes.gawah.in(stranger, "keys", "generate", "--name", "Not on the team").ok().out().strip();
        strangerCert = base.resolve("stranger.asc");
        homes.gawah.in(stranger, "keys", "export", "--out", strangerCert.toString()).ok();
    }

    static List<Locale> languages() {
        return List.of(Language.DARI, Language.PASHTO, Language.ENGLISH);
    }

    @ParameterizedTest(name = "in {0}")
    @MethodSource("languages")
    void aCertificateCopiedByHandStopsTheSealAsItStopsTheCommand(Locale language) throws Exception {
        int before = recordsIn(homes.documenter);
        Path copied = homes.documenter.resolve("keys").resolve("legal").resolve(strangerFingerprint + ".asc");
        try (Desktop desktop = Desktop.open(homes.documenter, language, Duration.ofMinutes(10))) {
            JFrame frame = desktop.window().frame();
            beginAndUnlock(frame, language);
            walkEveryQuestion(frame, language);
            Screen.waitFor("the review", SLOW, () -> present(frame, "interview.seal"));

            // Copied by hand, as a file manager would, after the interview began.
            Files.copy(strangerCert, copied);
            try {
                click(frame, "interview.seal");
                Screen.waitFor("the seal to be refused", SLOW, () -> present(frame, "interview.problem"));
                Screen.waitFor("the reason scrolled into view", SLOW,
                        () -> ((javax.swing.JComponent) named(frame, "interview.problem")).getVisibleRect().height > 0);
                Screen.screenshot(frame, "interview-refused-keyring", language);
                String shown = onEdt(() -> ((JTextComponent) named(frame, "interview.problem")).getText());

                Gawah.Result command = homes.gawah.inWithInput(homes.documenter, Homes.sampleInput(),
                        "record", "--from", "-", "--lang", language.toLanguageTag());
                assertNotEquals(0, command.code(), "the command refuses too");
                String error = command.stderr().lines().findFirst().orElse("");
                assertTrue(plain(error).endsWith(plain(shown)), "the window says what the command says:\n window:  "
                        + shown + "\n command: " + error);
                assertTrue(shown.contains(strangerFingerprint) || shown.contains(copied.getFileName().toString()),
                        "the refusal names the file: " + shown);
                assertEquals(before, recordsIn(homes.documenter), "nothing was sealed");
                assertTrue(desktop.window().interviewModel().holdsAnswers(), "the answers stay, to be sealed later");
                assertTrue(present(frame, "interview.seal"), "the review is shown again, with the seal button");
            } finally {
                Files.deleteIfExists(copied);
            }

            // With the stray file gone, the same answers are sealed.
            click(frame, "interview.seal");
            Screen.waitFor("the record to be sealed", SLOW, () -> present(frame, "interview.sealed.id"));
            assertEquals(before + 1, recordsIn(homes.documenter));
        }
    }

    /**
     * Every question answered as WindowInterviewSealsWhatGnuPgOpensTest answers it, without its
     * screenshot of each page the first time it shows: that class leaves the same pictures under
     * the same names (interview-PART-LANG.png), and each costs the robot's wait for an idle screen
     * and a PNG. Only the screenshots are left out: every answer and every check on the way is its.
     */
    private static void walkEveryQuestion(JFrame frame, Locale language) {
        java.util.Set<String> shotByThatClass = new java.util.AbstractSet<>() {
            @Override
            public boolean add(String page) {
                return false;
            }

            @Override
            public java.util.Iterator<String> iterator() {
                return java.util.Collections.emptyIterator();
            }

            @Override
            public int size() {
                return 0;
            }
        };
        WindowInterviewSealsWhatGnuPgOpensTest.Answers typed = WindowInterviewSealsWhatGnuPgOpensTest.Answers.in(language);
        int[] events = new int[1];
        for (int i = 0; i < 80 && !present(frame, "interview.seal"); i++) {
            WindowInterviewSealsWhatGnuPgOpensTest.answer(frame, language, typed, shotByThatClass, events);
        }
    }

    /** The words without direction marks and isolates (the terminal and the window place them differently). */
    private static String plain(String text) {
        return text.replaceAll("[\\u200E\\u200F\\u061C\\u202A-\\u202E\\u2066-\\u2069]", "").strip();
    }
}
