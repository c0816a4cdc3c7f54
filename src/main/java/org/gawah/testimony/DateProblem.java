package org.gawah.testimony;

import org.gawah.Message;

/**
 * Why a typed date cannot be taken, and what to write instead (or null). Thrown by {@link
 * GivenDate} and {@link GivenTime}; a testimony file turns it into a refusal naming the field,
 * the interview shows it under the question and asks again. It never carries the text typed.
 */
public final class DateProblem extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Message problem;
    private final transient Message hint;

    DateProblem(Message problem, Message hint) {
        super(problem.key(), null, false, false);
        this.problem = problem;
        this.hint = hint;
    }

    DateProblem(Message problem) {
        this(problem, null);
    }

    public Message problem() {
        return problem;
    }

    /** What to write instead, or null. */
    public Message hint() {
        return hint;
    }
}
