package org.gawah.custody;

/**
 * A custody entry that is not well formed. Internal to reading the log: callers turn it into a
 * user-facing failure that names the entry ({@link ChainCheck}).
 */
public final class CustodyException extends RuntimeException {
    CustodyException(String problem) {
        super(problem, null, false, false);
    }
}
