package org.gawah.desktop;

import static org.gawah.desktop.Screen.all;
import static org.gawah.desktop.Screen.named;
import static org.gawah.desktop.Screen.onEdt;
import static org.gawah.desktop.Screen.onEdtRun;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.Component;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import javax.swing.AbstractButton;
import javax.swing.JFrame;
import javax.swing.JLabel;

import org.assertj.swing.core.BasicRobot;
import org.assertj.swing.core.Robot;
import org.assertj.swing.fixture.FrameFixture;
import org.gawah.Language;
import org.gawah.testsupport.Homes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The language switch, clicked in a real window: every word of the window (the header, the page,
 * the footer) is shown again in the language chosen, in that language's font size, the whole
 * window turns to its direction, and the program's own messages follow (one language a process).
 */
@WindowTest
class LanguageSwitchesAtRunTimeTest {
    @TempDir
    static Path base;

    @Test
    void everyWordAndTheDirectionFollowTheLanguageChosen() {
        Homes homes = new Homes(base.resolve("homes"));
        try (Desktop desktop = Desktop.open(homes.documenter, Language.ENGLISH, Duration.ofMinutes(10))) {
            JFrame frame = desktop.window().frame();
            Robot robot = BasicRobot.robotWithCurrentAwtHierarchyWithoutScreenLock();
            try {
                FrameFixture window = new FrameFixture(robot, frame);
                Screen.waitFor("the home to be read", Duration.ofSeconds(30), () -> !named(frame, "welcome.checking").isVisible());
                for (Locale language : List.of(Language.DARI, Language.PASHTO, Language.ENGLISH)) {
                    window.toggleButton("language." + language.toLanguageTag()).click();
                    boolean leftToRight = !Language.rightToLeft(language);
                    onEdtRun(() -> {
                        assertEquals(language, Language.current());
                        assertEquals(Messages.of("window.title").render(language), frame.getTitle());
                        assertEquals(Messages.of("window.title").render(language), ((JLabel) named(frame, "window.title")).getText());
                        assertEquals(Messages.of("window.lock").render(language), ((AbstractButton) named(frame, "lock")).getText());
                        assertEquals(Messages.of("welcome.heading").render(language), ((JLabel) named(frame, "welcome.heading")).getText());
                        assertEquals(Messages.of("welcome.key.ready").render(language), ((JLabel) named(frame, "welcome.key")).getText());
                        assertEquals(Messages.of("welcome.protection.some", 1).render(language),
                                ((JLabel) named(frame, "welcome.protection")).getText());
                        assertEquals(Messages.of("window.idle", 10).render(language), ((JLabel) named(frame, "window.idle")).getText());
                        assertEquals(Messages.of("window.lock.tip").render(language), ((AbstractButton) named(frame, "lock")).getToolTipText());
                        for (Component c : all(frame)) {
                            assertEquals(leftToRight, c.getComponentOrientation().isLeftToRight(),
                                    "orientation of " + c.getClass().getSimpleName() + " " + c.getName() + " in " + language);
                        }
                        assertEquals(LanguageStyle.of(language).fontSize(), named(frame, "welcome.key").getFont().getSize());
                        assertEquals(BundledFonts.FAMILY, named(frame, "welcome.key").getFont().getFamily());
                    });
                    Screen.screenshot(frame, "welcome-switched", language);
                }
            } finally {
                robot.cleanUpWithoutDisposingWindows();
            }
        }
    }
}
