package org.gawah.desktop;

import java.awt.Component;
import java.awt.Container;
import java.lang.reflect.InvocationTargetException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import javax.swing.AbstractButton;
import javax.swing.JFrame;
import javax.swing.SwingUtilities;
import javax.swing.text.JTextComponent;

import org.gawah.Failure;
import org.gawah.GawahException;

/**
 * The run dist/build.sh trains the window's ahead-of-time cache on ({@code gawah desktop
 * --train-records-page}, hidden): in the window it opened, the records page is used as a legal
 * team uses it, through its own controls: Records, the passphrase, Open, then searches typed into
 * the search field, and the window locked. Java records which classes this loads and how the hot
 * methods ran (opening, decrypting, verifying, folding, searching, drawing the table), so that
 * bin/gawah-desktop starts with them. The home is the build's throw-away one; nothing is written
 * but what the page writes (its one {@code opened} entry).
 */
final class RecordsTraining {
    /** Typed in turn: common words, one with the Arabic kaf and yeh, a rarer one, Latin, none found, two words. */
    private static final List<String> SEARCHES = List.of("مکتب", "كاريز", "آسیاب", "دروازهي", "gawah", "ولایت هرات",
            "شوهرم بردند", "");
    private static final Duration LONGEST = Duration.ofMinutes(10);

    private RecordsTraining() {
    }

    /** Opens the records in {@code desktop}'s window with {@code passphrase} (wiped here), searches, and locks the window. */
    static void run(Desktop desktop, char[] passphrase) throws InterruptedException {
        JFrame frame = desktop.window().frame();
        try {
            click(frame, "records");
            waitFor(() -> showing(frame, "records.passphrase") || showing(frame, "records.problem"));
            // Into the field's wiping document a character at a time, as typing puts it there: never a String.
            onEdt(() -> {
                javax.swing.text.Document field = ((JTextComponent) named(frame, "records.passphrase")).getDocument();
                try {
                    for (char c : passphrase) {
                        field.insertString(field.getLength(), Character.toString(c), null);
                    }
                } catch (javax.swing.text.BadLocationException e) {
                    throw new IllegalStateException(e);
                }
                return null;
            });
        } finally {
            java.util.Arrays.fill(passphrase, '\0');
        }
        click(frame, "records.open");
        waitFor(() -> showing(frame, "records.table") || showing(frame, "records.problem"));
        if (!onEdt(() -> showing(frame, "records.table"))) {
            throw new GawahException(Failure.NOT_READY, Messages.of("desktop.training.failed"));
        }
        for (int round = 0; round < 3; round++) {
            for (String word : SEARCHES) {
                onEdt(() -> {
                    ((JTextComponent) named(frame, "records.search")).setText(word);
                    return null;
                });
            }
        }
        click(frame, "lock");
    }

    private static void click(JFrame frame, String name) {
        onEdt(() -> {
            ((AbstractButton) named(frame, name)).doClick();
            return null;
        });
    }

    private static void waitFor(Supplier<Boolean> condition) throws InterruptedException {
        long deadline = System.nanoTime() + LONGEST.toNanos();
        while (!onEdt(condition)) {
            if (System.nanoTime() > deadline) {
                throw new GawahException(Failure.NOT_READY, Messages.of("desktop.training.failed"));
            }
            Thread.sleep(20);
        }
    }

    private static boolean showing(Container root, String name) {
        Component found = find(root, name);
        return found != null && found.isShowing();
    }

    @SuppressWarnings("unchecked")
    private static <T extends Component> T named(Container root, String name) {
        Component found = find(root, name);
        if (found == null) {
            throw new IllegalStateException("no component named " + name);
        }
        return (T) found;
    }

    private static Component find(Component root, String name) {
        if (name.equals(root.getName())) {
            return root;
        }
        if (root instanceof Container container) {
            for (Component child : container.getComponents()) {
                Component found = find(child, name);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static <T> T onEdt(Supplier<T> action) {
        AtomicReference<T> result = new AtomicReference<>();
        try {
            SwingUtilities.invokeAndWait(() -> result.set(action.get()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while training", e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(e.getCause());
        }
        return result.get();
    }
}
