package org.gawah.cli;

import java.io.IOException;
import java.io.Writer;

import org.gawah.Screen;

/**
 * What stands between every line of words and stdout or stderr: each line, when it ends or is
 * flushed (a prompt), goes through {@link Screen#line} (or {@link Screen#lineWithoutIsolating} for
 * a terminal that needs visual order), so that nothing written as text (a
 * message, a table row, picocli's help) can send the terminal a control or a bidi override, even
 * when the code that built it forgot the display path. Data bytes do not pass here
 * ({@link Terminal#showData}).
 */
final class ScreenWriter extends Writer {
    private final Writer out;
    private final boolean visualOrder;
    private final StringBuilder pending = new StringBuilder();

    /**
     * {@code visualOrder}: the terminal applies no bidirectional algorithm (Windows), so the guard
     * isolates no number ({@link Screen#lineWithoutIsolating}); words meant for it were reordered
     * before they came here ({@link Bidi#forTerminal}), and an isolate would not be understood.
     */
    ScreenWriter(Writer out, boolean visualOrder) {
        this.out = out;
        this.visualOrder = visualOrder;
    }

    private String guarded(String line) {
        return visualOrder ? Screen.lineWithoutIsolating(line) : Screen.line(line);
    }

    @Override
    public void write(char[] chars, int offset, int length) throws IOException {
        synchronized (lock) {
            for (int i = offset; i < offset + length; i++) {
                if (chars[i] == '\n') {
                    endLine();
                } else {
                    pending.append(chars[i]);
                }
            }
        }
    }

    /** A line ends at a line feed; a carriage return just before it (println on Windows) is part of the line end. */
    private void endLine() throws IOException {
        boolean crlf = pending.length() > 0 && pending.charAt(pending.length() - 1) == '\r';
        if (crlf) {
            pending.setLength(pending.length() - 1);
        }
        out.write(guarded(pending.toString()));
        out.write(crlf ? "\r\n" : "\n");
        pending.setLength(0);
    }

    @Override
    public void flush() throws IOException {
        synchronized (lock) {
            // Half a surrogate pair waits for its other half.
            int keep = pending.length() > 0 && Character.isHighSurrogate(pending.charAt(pending.length() - 1)) ? 1 : 0;
            out.write(guarded(pending.substring(0, pending.length() - keep)));
            pending.delete(0, pending.length() - keep);
            out.flush();
        }
    }

    @Override
    public void close() throws IOException {
        synchronized (lock) {
            flush();
            out.close();
        }
    }
}
