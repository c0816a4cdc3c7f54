package org.gawah.desktop;

import java.awt.AWTException;
import java.awt.Component;
import java.awt.Container;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import javax.imageio.ImageIO;
import javax.swing.SwingUtilities;

/** What the window tests need of the screen: reading Swing on its thread, waiting, screenshots. */
final class Screen {
    static final Path SCREENSHOTS = Path.of("target/screenshots");

    private Screen() {
    }

    /** Runs {@code read} on the event thread and returns what it returned. */
    static <T> T onEdt(Supplier<T> read) {
        AtomicReference<T> result = new AtomicReference<>();
        try {
            SwingUtilities.invokeAndWait(() -> result.set(read.get()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } catch (InvocationTargetException e) {
            throw new AssertionError(e.getCause());
        }
        return result.get();
    }

    static void onEdtRun(Runnable action) {
        onEdt(() -> {
            action.run();
            return null;
        });
    }

    /** Waits until {@code condition} (checked on the event thread) holds, failing after {@code limit}. */
    static void waitFor(String what, Duration limit, BooleanSupplier condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!onEdt(condition::getAsBoolean)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + limit.toMillis() + " ms for " + what);
            }
            sleep(20);
        }
    }

    /** Every component under {@code root}, itself included (on the event thread). */
    static List<Component> all(Component root) {
        List<Component> all = new ArrayList<>();
        collect(root, all);
        return all;
    }

    private static void collect(Component c, List<Component> into) {
        into.add(c);
        if (c instanceof Container) {
            for (Component child : ((Container) c).getComponents()) {
                collect(child, into);
            }
        }
    }

    /** The component named {@code name} under {@code root} (on the event thread), or an assertion error. */
    @SuppressWarnings("unchecked")
    static <T extends Component> T named(Component root, String name) {
        for (Component c : all(root)) {
            if (name.equals(c.getName())) {
                return (T) c;
            }
        }
        throw new AssertionError("no component named " + name);
    }

    /**
     * The window as the screen shows it (the screen's pixels, through java.awt.Robot), written to
     * target/screenshots/SCREEN-LANG.png for a person to look at.
     */
    static Path screenshot(Component window, String screen, Locale language) {
        try {
            Robot robot = new Robot();
            settle();
            Rectangle bounds = onEdt(() -> new Rectangle(window.getLocationOnScreen(), window.getSize()));
            BufferedImage image = robot.createScreenCapture(bounds);
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(screen + "-" + language.toLanguageTag() + ".png");
            ImageIO.write(image, "png", file.toFile());
            return file;
        } catch (AWTException e) {
            throw new AssertionError("no robot on this screen", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What the event thread has queued is done and its drawing sent to the X server: two round
     * trips through the queue (a repaint posts its own event) and a flush. Robot.waitForIdle waits
     * for the whole native queue to fall quiet instead, which a blinking caret and the idle timer
     * kept from happening for up to ten seconds a shot once many windows had lived in the JVM.
     */
    static void settle() {
        onEdtRun(() -> { });
        onEdtRun(() -> { });
        java.awt.Toolkit.getDefaultToolkit().sync();
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
