package org.gawah.vault;

import java.nio.file.Path;
import java.time.Instant;

/**
 * A file a command is writing outside the vault (table {@code outputs}, docs/format/vault.md):
 * where, by which command, since when, which process, known by its id and start time, and which
 * computer's home ('' when registered before version 9).
 */
public record OutputInProgress(long id, Path path, String command, Instant startedAt, long pid, String processStarted,
                               String machine) {
}
