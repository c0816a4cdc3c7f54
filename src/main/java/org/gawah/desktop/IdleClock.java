package org.gawah.desktop;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * How long the window has gone without a key press or a mouse move, against the limit after
 * which it locks itself. Measured on a monotonic clock ({@link System#nanoTime}), so changing the
 * computer's time neither locks early nor keeps the window open.
 */
final class IdleClock {
    private final Duration limit;
    private final LongSupplier nanoTime;
    private volatile long lastActivity;

    IdleClock(Duration limit, LongSupplier nanoTime) {
        this.limit = limit;
        this.nanoTime = nanoTime;
        this.lastActivity = nanoTime.getAsLong();
    }

    Duration limit() {
        return limit;
    }

    /** Someone used the window. */
    void touch() {
        lastActivity = nanoTime.getAsLong();
    }

    boolean expired() {
        return nanoTime.getAsLong() - lastActivity >= limit.toNanos();
    }
}
