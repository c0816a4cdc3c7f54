package org.gawah.app;

import java.nio.file.Path;

/**
 * What sealing files reports as it goes, and how a face stops it: called on the sealing thread,
 * often (every read), so an implementation only notes the numbers and draws them in its own time.
 * The terminal draws a line a second; the window a progress bar with a Cancel button.
 */
public interface SealProgress {
    /** Reports nothing and is never cancelled. */
    SealProgress NONE = (done, total) -> { };

    /** {@code file} ({@code size} bytes) is about to be read and sealed. */
    default void file(Path file, long size) {
    }

    /** {@code done} bytes of all the files' {@code total} are sealed so far. */
    void bytes(long done, long total);

    /** The file last begun is sealed whole. */
    default void fileDone(Path file) {
    }

    /**
     * Asked before every read and once more before the record is committed: true stops the
     * sealing there with a {@link java.util.concurrent.CancellationException}, and nothing is
     * stored (the vault's transaction is rolled back).
     */
    default boolean cancelled() {
        return false;
    }
}
