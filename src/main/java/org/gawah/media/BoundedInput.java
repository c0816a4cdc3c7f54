package org.gawah.media;

import java.io.IOException;
import java.io.InputStream;

/**
 * The file as metadata-extractor sees it: at most {@code maxRead} bytes handed over and at most
 * {@code maxCalls} calls, then every read fails with {@link Exceeded}. Skipping is passed on to
 * the file (a seek), so a film's data is stepped over, not read, and costs no memory.
 */
final class BoundedInput extends InputStream {
    /** The bound was reached: the rest of the file is not read. */
    static final class Exceeded extends IOException {
        private static final long serialVersionUID = 1L;

        Exceeded() {
            super("metadata bound reached");
        }
    }

    private final InputStream in;
    private final long maxRead;
    private final long maxCalls;
    private long read;
    private long calls;
    private volatile boolean stopped;
    private boolean exceeded;

    BoundedInput(InputStream in, long maxRead, long maxCalls) {
        this.in = in;
        this.maxRead = maxRead;
        this.maxCalls = maxCalls;
    }

    /** Whether the library asked for more than the bound allows (it may have swallowed the failure). */
    boolean exceeded() {
        return exceeded;
    }

    /** Makes every later call fail: the time allowed is over. */
    void stop() {
        stopped = true;
    }

    @Override
    public int read() throws IOException {
        count(1);
        int b = in.read();
        if (b >= 0) {
            read++;
        }
        return b;
    }

    @Override
    public int read(byte[] into, int offset, int length) throws IOException {
        count(length);
        int n = in.read(into, offset, (int) Math.min(length, maxRead - read));
        if (n > 0) {
            read += n;
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        count(0);
        return in.skip(n);
    }

    @Override
    public int available() throws IOException {
        return in.available();
    }

    private void count(int wanted) throws Exceeded {
        calls++;
        if (stopped || calls > maxCalls || wanted > 0 && read >= maxRead) {
            exceeded = true;
            throw new Exceeded();
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
