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
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Window;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import javax.swing.AbstractButton;
import javax.swing.JFileChooser;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.SwingUtilities;
import javax.swing.text.JTextComponent;

import org.gawah.Fingerprints;
import org.gawah.Language;
import org.gawah.testsupport.Gawah;
import org.gawah.testsupport.Homes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A documenter's first run, through the real window, in Dari, Pashto and English: from no home
 * at all, the welcome page offers to set up; the key is made with a passphrase typed twice (a
 * mismatch refused first, nothing made), in the language's own script, the meter saying how
 * strong it is; the legal team's certificate is chosen in a file chooser and shown with its
 * fingerprint in groups before anything is pinned; one legal key is a warning, no protection
 * officer's key too; after both are pinned the commands trust the home as one they set up
 * themselves: {@code gawah keys list} passes the keyring check (every pin bound to a signed
 * {@code key_imported} entry) and {@code gawah log} shows the entries. Screenshots:
 * setup-*-LANG.png.
 */
@WindowTest
class FirstRunMakesTheKeyAndPinsTheTeamTest {
    private static final Duration SLOW = Duration.ofSeconds(90);

    @org.junit.jupiter.api.io.TempDir
    static Path base;
    static Gawah gawah = new Gawah(Homes.PASSPHRASE);
    static Path legalCert;
    static String legalFingerprint;

    @BeforeAll
    static void aLegalTeam() {
        Path legal = base.resolve("legal");
        gawah.in(legal, "init").ok();
        legalFingerprint = gawah.in(legal, "keys", "generate", "--name", "Legal team").ok().out().strip();
        legalCert = base.resolve("legal team.asc");
        gawah.in(legal, "keys", "export", "--out", legalCert.toString()).ok();
    }

    static List<Locale> languages() {
        return List.of(Language.DARI, Language.PASHTO, Language.ENGLISH);
    }

    @ParameterizedTest(name = "in {0}")
    @MethodSource("languages")
    void fromNothingToReadyToInterview(Locale language) throws Exception {
        Path home = base.resolve("documenter-" + language.toLanguageTag());
        String passphrase = language.equals(Language.ENGLISH) ? "apple garden river star"
                : language.equals(Language.DARI) ? "باغ سیب کنار دریا ستاره" : "ښځه ګلونه ډوډۍ ږمنځ ټوپک";
        try (Desktop desktop = Desktop.open(home, language, Duration.ofMinutes(10))) {
            JFrame frame = desktop.window().frame();
            Screen.waitFor("the welcome page to offer setting up", SLOW, () -> present(frame, "welcome.setup"));
            assertFalse(present(frame, "welcome.begin"), "no interview without a key and a legal team");
            Screen.screenshot(frame, "setup-welcome", language);
            click(frame, "welcome.setup");

            // The key: a mismatch is refused and makes nothing.
            Screen.waitFor("the key page", SLOW, () -> present(frame, "setup.name"));
            setText(frame, "setup.name", language.equals(Language.ENGLISH) ? "Documenter D-14" : "مستندساز د-۱۴");
            setText(frame, "setup.passphrase", passphrase);
            String strength = onEdt(() -> ((JTextComponent) named(frame, "setup.strength")).getText());
            assertTrue(strength.startsWith(Messages.of("setup.strength.strong").render(language)), strength);
            setText(frame, "setup.again", passphrase + "x");
            Screen.screenshot(frame, "setup-key", language);
            click(frame, "setup.create");
            Screen.waitFor("the mismatch refused", SLOW, () -> present(frame, "setup.problem"));
            assertFalse(Files.exists(home.resolve("keys/secret")) && hasFiles(home.resolve("keys/secret")), "no key made");
            Screen.screenshot(frame, "setup-key-refused", language);

            setText(frame, "setup.passphrase", passphrase);
            setText(frame, "setup.again", passphrase);
            click(frame, "setup.create");
            Screen.waitFor("the key made and the team's page", SLOW, () -> present(frame, "setup.add.legal"));
            assertTrue(present(frame, "setup.legal.mark.missing"), "no legal key yet");
            assertTrue(present(frame, "setup.protection.mark.warning"), "a protection officer's key is asked for");
            assertNotNull(desktop.model().key().get(), "the key made is unlocked for the session");
            Screen.screenshot(frame, "setup-team", language);

            // The legal team's certificate, from a file chooser; shown before it is pinned.
            choose(frame, "setup.add.legal", legalCert, language);
            Screen.waitFor("the certificate shown", SLOW, () -> present(frame, "setup.pin.0.fingerprint"));
            assertEquals(Fingerprints.grouped(legalFingerprint),
                    onEdt(() -> ((JLabel) named(frame, "setup.pin.0.fingerprint")).getText()));
            assertTrue(onEdt(() -> ((JLabel) named(frame, "setup.pin.0.who")).getText()).contains("Legal team"));
            assertFalse(present(frame, "setup.pin.passphrase"), "the key is unlocked already: not asked again");
            Screen.screenshot(frame, "setup-read-out", language);
            assertFalse(Files.exists(home.resolve("keys/legal/" + legalFingerprint + ".asc")), "nothing pinned before the click");
            click(frame, "setup.pin");
            Screen.waitFor("one legal key pinned: a warning", SLOW, () -> present(frame, "setup.legal.mark.warning"));
            Screen.screenshot(frame, "setup-one-legal", language);

            choose(frame, "setup.add.protection", legalCert, language);
            Screen.waitFor("the certificate shown", SLOW, () -> present(frame, "setup.pin.0.fingerprint"));
            click(frame, "setup.pin");
            Screen.waitFor("a protection officer's key pinned", SLOW, () -> present(frame, "setup.protection.mark.ready"));

            click(frame, "setup.finish");
            Screen.waitFor("the welcome page, ready", SLOW, () -> present(frame, "welcome.begin"));
            Screen.screenshot(frame, "setup-ready", language);
        }

        // The commands trust what the window pinned: bound to signed entries, or keys list would refuse.
        String keys = gawah.in(home, "keys", "list").ok().out();
        assertTrue(keys.contains(legalFingerprint), keys);
        // Three signed entries: the own key, then the pin under each role.
        String log = gawah.in(home, "log").ok().out();
        assertEquals(3, log.lines().filter(line -> line.contains("key imported")
                && line.contains(legalFingerprint.substring(0, 16))).count() + 1, log);
        assertTrue(log.lines().anyMatch(line -> line.contains("key imported") && !line.contains(legalFingerprint.substring(0, 16))),
                "the own key's entry: " + log);
    }

    /** Clicks the button that opens a file chooser (modal: clicked later on the event thread), then picks {@code file}. */
    private static void choose(JFrame frame, String button, Path file, Locale language) {
        onEdtRun(() -> {
            AbstractButton open = named(frame, button);
            SwingUtilities.invokeLater(open::doClick);
        });
        Screen.waitFor("the file chooser", SLOW, () -> chooser() != null);
        Screen.screenshot(frame, "setup-chooser", language);
        onEdtRun(() -> {
            JFileChooser chooser = chooser();
            chooser.setSelectedFile(file.toFile());
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

    private static boolean hasFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.findAny().isPresent();
        }
    }
}
