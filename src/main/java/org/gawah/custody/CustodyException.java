package org.gawah.custody;

import org.gawah.Message;

/**
 * A custody entry that is not well formed. Internal to reading the log: callers turn it into a
 * user-facing failure that names the entry ({@link ChainCheck}), quoting {@link #problem()}.
 */
public final class CustodyException extends RuntimeException {
    private final transient Message problem;

    CustodyException(Message problem) {
        super(problem.key(), null, false, false);
        this.problem = problem;
    }

    /** What is wrong with the entry, in the run's language. */
    @Override
    public String getMessage() {
        return problem.render();
    }

    /** What is wrong with the entry, as words to quote in a message of one's own. */
    public Message problem() {
        return problem;
    }
}
