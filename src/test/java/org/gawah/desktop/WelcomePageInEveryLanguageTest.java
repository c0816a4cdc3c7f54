package org.gawah.desktop;

import static org.gawah.desktop.Screen.all;
import static org.gawah.desktop.Screen.named;
import static org.gawah.desktop.Screen.onEdt;
import static org.gawah.desktop.Screen.onEdtRun;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Component;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.text.JTextComponent;

import org.gawah.Language;
import org.gawah.testsupport.Homes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The welcome page in real windows, for three homes (none yet, made without a key, a documenter's
 * ready to seal) in English, Dari and Pashto: it says what each home has, in the language's words,
 * every container runs the language's way, the controls sit where that direction puts them, and a
 * screenshot of each is left in target/screenshots for a person to look at.
 */
@WindowTest
class WelcomePageInEveryLanguageTest {
    @TempDir
    static Path base;

    private static Map<String, Path> homes;

    @BeforeAll
    static void makeHomes() {
        Homes made = new Homes(base.resolve("homes"));
        Path fresh = base.resolve("made without a key");
        made.gawah.in(fresh, "init").ok();
        homes = Map.of(
                "welcome-no-home", base.resolve("nothing here yet"),
                "welcome-no-key", fresh,
                "welcome-documenter", made.documenter);
    }

    static Stream<Arguments> screens() {
        List<Arguments> all = new ArrayList<>();
        for (String screen : List.of("welcome-no-home", "welcome-no-key", "welcome-documenter")) {
            for (Locale language : Language.SUPPORTED) {
                all.add(Arguments.of(screen, language));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("screens")
    void saysWhatTheHomeHasInTheLanguagesWordsAndDirection(String screen, Locale language) {
        try (Desktop desktop = Desktop.open(homes.get(screen), language, Duration.ofMinutes(10))) {
            JFrame frame = desktop.window().frame();
            Screen.waitFor("the home to be read", Duration.ofSeconds(30),
                    () -> !named(frame, "welcome.checking").isVisible());

            Map<String, String> marks = marks(frame);
            switch (screen) {
                case "welcome-no-home":
                    assertEquals(Map.of("home", "missing"), marks);
                    break;
                case "welcome-no-key":
                    assertEquals(Map.of("home", "ready", "key", "missing", "legal", "missing", "protection", "warning"), marks);
                    break;
                default:
                    // One legal-team key (a warning: lose it and every record is lost) and a protection officer.
                    assertEquals(Map.of("home", "ready", "key", "ready", "legal", "warning", "protection", "ready"), marks);
                    break;
            }
            onEdtRun(() -> {
                assertEquals(Messages.of("window.title").render(language), frame.getTitle());
                assertEquals(Messages.of("welcome.heading").render(language), ((JLabel) named(frame, "welcome.heading")).getText());
                assertEquals((screen.equals("welcome-documenter") ? Messages.of("welcome.next.ready", Ltr.of("gawah interview"))
                        : Messages.of("welcome.next.setup")).render(language), ((JTextComponent) named(frame, "welcome.next")).getText());
                boolean leftToRight = !Language.rightToLeft(language);
                for (Component c : all(frame)) {
                    assertEquals(leftToRight, c.getComponentOrientation().isLeftToRight(),
                            "orientation of " + c.getClass().getSimpleName() + " " + c.getName());
                }
                // Laid out that way: the title at the start of the header, the controls at its end,
                // each mark before its line's words.
                int title = x(named(frame, "window.title"));
                int lock = x(named(frame, "lock"));
                int mark = x(named(frame, "welcome.home.mark." + marks.get("home")));
                int words = x(named(frame, "welcome.home"));
                assertTrue(leftToRight ? title < lock : title > lock, "title " + title + ", lock " + lock);
                assertTrue(leftToRight ? mark < words : mark > words, "mark " + mark + ", words " + words);
            });
            Screen.screenshot(frame, screen, language);
        }
    }

    @org.junit.jupiter.api.Test
    void openingTheWindowTurnsOffWhatWouldWriteToTheTemporaryFolder() {
        try (Desktop desktop = Desktop.open(homes.get("welcome-no-home"), Language.ENGLISH, Duration.ofMinutes(10))) {
            assertEquals(false, javax.imageio.ImageIO.getUseCache(), "ImageIO would cache decoded images on disk");
            assertEquals("false", System.getProperty("flatlaf.useNativeLibrary"), "FlatLaf would copy its library out");
            assertEquals(BundledFonts.FAMILY, onEdt(() -> named(desktop.window().frame(), "welcome.heading").getFont().getFamily()));
        }
    }

    /** Line name to mark, as the page shows them ("welcome.NAME.mark.MARK"). */
    private static Map<String, String> marks(JFrame frame) {
        return onEdt(() -> {
            Map<String, String> marks = new java.util.TreeMap<>();
            for (Component c : all(frame)) {
                String name = c.getName();
                if (name != null && name.matches("welcome\\.[a-z]+\\.mark\\.[a-z]+")) {
                    String[] parts = name.split("\\.");
                    marks.put(parts[1], parts[3]);
                }
            }
            return marks;
        });
    }

    private static int x(Component c) {
        return c.getLocationOnScreen().x + c.getWidth() / 2;
    }
}
