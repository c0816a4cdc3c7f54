package org.gawah.cli;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

import org.gawah.Message;

/**
 * Progress of long work on the terminal: bytes, rate, time left, on one line of stderr that
 * redraws itself about once a second. Silent when stderr is not an interactive terminal, so
 * logs and pipes stay clean.
 */
final class Progress {
    private final Terminal terminal;
    /** What is being done, e.g. "sealing photo.jpg": a {@link Message}, or a String from a caller not yet moved to one. */
    private final Message label;
    private final long total;
    private final long started = System.nanoTime();
    private final boolean shown;
    private long done;
    private long lastDrawn;

    Progress(Terminal terminal, Message label, long total) {
        this.terminal = terminal;
        this.label = label;
        this.total = total;
        this.shown = terminal.console() != null && total > (8L << 20);
    }

    /** Counts what is read through it. */
    InputStream counting(InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n > 0) {
                    advance(n);
                }
                return n;
            }
        };
    }

    void advance(long bytes) {
        done += bytes;
        long now = System.nanoTime();
        if (shown && now - lastDrawn > 1_000_000_000L) {
            lastDrawn = now;
            draw(now);
        }
    }

    void finish() {
        if (shown) {
            draw(System.nanoTime());
            terminal.say();
        }
    }

    private void draw(long now) {
        double seconds = Math.max(1e-3, (now - started) / 1e9);
        double rate = done / seconds;
        long left = rate > 0 ? (long) ((total - done) / rate) : 0;
        // The line redraws itself: back to its start, the words, then blanks over a longer previous line.
        terminal.redraw(Messages.of("progress.line", label, Display.size(done), Display.size(total),
                String.format(Locale.ROOT, "%.0f", rate / (1 << 20)), String.format(Locale.ROOT, "%d:%02d", left / 60, left % 60)));
    }
}
