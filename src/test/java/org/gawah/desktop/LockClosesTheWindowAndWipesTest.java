package org.gawah.desktop;

import static org.gawah.desktop.Screen.named;
import static org.gawah.desktop.Screen.onEdt;
import static org.gawah.desktop.Screen.onEdtRun;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.GridBagConstraints;
import java.awt.Point;
import java.awt.event.KeyEvent;
import java.awt.event.WindowEvent;
import java.nio.file.Path;
import java.time.Duration;

import javax.swing.JFrame;
import javax.swing.JPanel;
import javax.swing.JTextField;

import org.assertj.swing.core.BasicRobot;
import org.assertj.swing.core.Robot;
import org.assertj.swing.fixture.FrameFixture;
import org.gawah.Language;
import org.gawah.testsupport.Gawah;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every way of locking closes the real window at once and leaves nothing of what it held: the
 * lock button, Ctrl+L, the idle limit, {@code gawah lock} (here its callback, called from another
 * thread as the session watcher calls it; GawahDesktopProcessTest runs the real command), and
 * closing the window. Each test types Dari into a field of the window and puts an answer and a
 * "key" in the session first.
 */
@WindowTest
class LockClosesTheWindowAndWipesTest {
    private static final String TYPED = "شاهد گفت که ساعت ۹ آمدند";
    private static final Duration CLOSES_WITHIN = Duration.ofSeconds(3);

    @TempDir
    static Path base;

    private static Path home;

    private Desktop desktop;
    private JFrame frame;
    private Robot robot;
    private FrameFixture window;
    private JTextField field;
    private char[] answer;
    private byte[] key;

    @BeforeAll
    static void makeHome() {
        home = base.resolve("home");
        new Gawah("unused").in(home, "init").ok();
    }

    /** Opens the window, types Dari into a field of it, and puts an answer and a "key" in its session. */
    private void open(Duration lockAfter) {
        desktop = Desktop.open(home, Language.DARI, lockAfter);
        frame = desktop.window().frame();
        desktop.model().idle().touch(); // as if someone used it the moment it appeared, however slow it was to start
        robot = BasicRobot.robotWithCurrentAwtHierarchyWithoutScreenLock();
        robot.settings().delayBetweenEvents(20);
        window = new FrameFixture(robot, frame);
        field = onEdt(() -> {
            JTextField typed = new JTextField(new WipingDocument(), "", 30);
            typed.setName("typed");
            JPanel page = named(frame, "page.welcome");
            GridBagConstraints at = new GridBagConstraints();
            at.gridy = 7;
            at.fill = GridBagConstraints.HORIZONTAL;
            page.add(typed, at);
            page.revalidate();
            return typed;
        });
        window.textBox("typed").enterText(TYPED);
        assertEquals(TYPED, onEdt(field::getText));
        answer = "the account, in the witness's words".toCharArray();
        key = new byte[] {1, 2, 3, 4};
        desktop.model().session().answer("account", answer);
        desktop.model().session().hold(Wipeable.of(key));
    }

    @AfterEach
    void close() {
        robot.cleanUpWithoutDisposingWindows();
        desktop.close();
        desktop = null;
    }

    @Test
    void theLockButton() {
        open(Duration.ofMinutes(10));
        window.button("lock").click();
        assertClosedAndWiped(LockReason.BUTTON, true);
    }

    @Test
    void ctrlL() {
        open(Duration.ofMinutes(10));
        // java.awt.Robot itself: real key events from the X server, as a person's keyboard sends them.
        try {
            java.awt.Robot keyboard = new java.awt.Robot();
            keyboard.keyPress(KeyEvent.VK_CONTROL);
            keyboard.keyPress(KeyEvent.VK_L);
            keyboard.keyRelease(KeyEvent.VK_L);
            keyboard.keyRelease(KeyEvent.VK_CONTROL);
        } catch (java.awt.AWTException e) {
            throw new AssertionError(e);
        }
        assertClosedAndWiped(LockReason.SHORTCUT, true);
    }

    @Test
    void gawahLockFromATerminal() {
        open(Duration.ofMinutes(10));
        Thread watcher = new Thread(desktop::lockFromTerminal, "gawah-lock-watch");
        watcher.start();
        assertClosedAndWiped(LockReason.TERMINAL, true);
    }

    @Test
    void closingTheWindowWipesToo() {
        open(Duration.ofMinutes(10));
        onEdtRun(() -> {
            frame.dispatchEvent(new WindowEvent(frame, WindowEvent.WINDOW_CLOSING));
        });
        assertClosedAndWiped(LockReason.CLOSED, false);
    }

    @Test
    void theIdleLimitButNotWhileTheWindowIsUsed() {
        open(Duration.ofSeconds(3));
        Point inside = onEdt(() -> {
            Point p = frame.getLocationOnScreen();
            p.translate(frame.getWidth() / 2, frame.getHeight() / 2);
            return p;
        });
        // Four seconds of someone moving the mouse: past the limit, and still open.
        for (int i = 0; i < 14; i++) {
            robot.moveMouse(inside.x + (i % 2) * 20, inside.y);
            Screen.sleep(300);
        }
        assertNull(desktop.model().lockedBy(), "locked while in use");
        assertTrue(onEdt(frame::isDisplayable));
        // Then nobody: it locks.
        assertClosedAndWiped(LockReason.IDLE, true);
    }

    private void assertClosedAndWiped(LockReason expected, boolean locked) {
        long start = System.nanoTime();
        boolean wasLocked = assertTimeoutPreemptively(CLOSES_WITHIN.plus(desktop.model().idle().limit().getSeconds() < 60
                ? desktop.model().idle().limit() : Duration.ZERO), desktop::awaitClosed, "the window did not close");
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(expected, desktop.model().lockedBy());
        assertEquals(locked, wasLocked);
        assertFalse(onEdt(frame::isDisplayable), "the window is closed");
        assertEquals(0, onEdt(() -> field.getDocument().getLength()), "the field is empty");
        char[] buffer = onEdt(() -> ((WipingDocument) field.getDocument()).buffer());
        for (int i = 0; i < buffer.length - 1; i++) {
            assertEquals('\0', buffer[i], "the field's buffer at " + i + " still holds a typed character");
        }
        for (char c : answer) {
            assertEquals('\0', c, "the answer was not wiped");
        }
        for (byte b : key) {
            assertEquals(0, b, "the key was not wiped");
        }
        assertTrue(desktop.model().session().wiped());
        System.out.println(expected + ": closed " + millis + " ms after the test asked");
    }
}
