package org.gawah.openpgp;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import org.gawah.Failure;
import org.gawah.GawahException;

/**
 * Caps what Bouncy Castle may read while it parses the packets around the literal data: it reads
 * some packets whole into memory (a padding packet, RFC 9580 type 21, of any declared size, or
 * compressed from a few bytes to gigabytes), which no byte count of the plaintext would see. Every
 * such packet of a sealed record is small: session keys, one-pass signatures, signatures, padding.
 * {@link #limit()} before asking for the next packets, {@link #lift()} while data streams.
 */
final class PacketBudget extends FilterInputStream {
    /** The most read for the packets of one step (20,000 one-pass signatures are 300 KB). */
    static final long PER_STEP = 1 << 20;

    private long left = Long.MAX_VALUE;

    PacketBudget(InputStream in) {
        super(in);
    }

    /** From here, at most {@link #PER_STEP} bytes, until lifted. */
    void limit() {
        left = PER_STEP;
    }

    /** Data streams from here: its own bounds apply (the plaintext's size, the MDC). */
    void lift() {
        left = Long.MAX_VALUE;
    }

    @Override
    public int read() throws IOException {
        spend(1);
        int b = super.read();
        if (b >= 0 && left != Long.MAX_VALUE) {
            left--;
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        spend(Math.min(len, 1));
        int n = super.read(b, off, (int) Math.min(len, left));
        if (n > 0 && left != Long.MAX_VALUE) {
            left -= n;
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        spend(Math.min(n, 1));
        long skipped = super.skip(Math.min(n, left));
        if (skipped > 0 && left != Long.MAX_VALUE) {
            left -= skipped;
        }
        return skipped;
    }

    private void spend(long wanted) {
        if (wanted > 0 && left <= 0) {
            throw new GawahException(Failure.BAD_DATA, Messages.of("open.packet-too-large", PER_STEP >> 20),
                    Messages.of("open.damaged.hint"));
        }
    }
}
