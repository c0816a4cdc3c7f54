package org.gawah.vault;

import java.nio.file.Path;
import java.time.Instant;

/**
 * A file a command is writing outside the vault (table {@code outputs}, docs/format/vault.md):
 * where, by which command, since when, and which process, known by its id and start time, and by
 * the byte it holds of {@code lockFile} (the home's {@code outputs.lock}; null for a row written
 * before version 9, which is the home's that reads it).
 */
public record OutputInProgress(long id, Path path, String command, Instant startedAt, long pid, String processStarted,
                               Path lockFile) {
    /** A row that names no lock file. */
    public OutputInProgress(long id, Path path, String command, Instant startedAt, long pid, String processStarted) {
        this(id, path, command, startedAt, pid, processStarted, null);
    }

    /** Whether this home (whose lock file is {@code homeLockFile}) is the one that can settle it. */
    public boolean writtenFrom(Path homeLockFile) {
        return lockFile == null || lockFile.equals(homeLockFile.toAbsolutePath());
    }
}
