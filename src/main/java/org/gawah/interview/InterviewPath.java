package org.gawah.interview;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Where the documenter is in the interview, and where going back leads: the questions in order
 * ({@link InterviewQuestions#next}), then the review; from the review, a step to change and back
 * to the review once it is answered. Every question seen, the review too, is kept with the last
 * on top, so that "back" always returns to the one seen before. Both faces walk this one path.
 */
public final class InterviewPath {
    private final InterviewQuestions questions;
    private final Deque<Question> seen = new ArrayDeque<>();
    /** A step changed from the review: leaving it returns to the review. Null on the way through. */
    private String changing;
    private Question current;
    /** The step reached last, "review" at the review: what a draft says it stopped at. */
    private String reached = Interview.STEPS.get(0);

    public InterviewPath(InterviewQuestions questions) {
        this.questions = questions;
        this.current = questions.first();
    }

    /** The question to ask now, or {@link Question#REVIEW}. */
    public Question current() {
        return current;
    }

    public String reached() {
        return reached;
    }

    /** The current question was answered (and its answer taken): on to the next, or to the review. */
    public void answered() {
        seen.push(current);
        Question next = questions.next(current);
        moveTo(next == null || changing != null && !next.step().equals(changing) ? Question.REVIEW : next);
        seen.removeIf(questions::removed);
    }

    /**
     * A draft taken up again: the path walks the questions in order, each answered as the draft
     * holds it, to the step where the draft stopped (or the review), so that "back" leads through
     * them as if they had just been asked.
     */
    public void resumeAt(String step) {
        for (int guard = 0; guard < 1000 && current != Question.REVIEW && !current.step().equals(step); guard++) {
            answered();
        }
    }

    /** Back to the question seen before this one (from the first question, nowhere). */
    public void back() {
        if (current == Question.REVIEW) {
            Question before = seen.isEmpty() ? Question.REVIEW : seen.pop();
            changing = before == Question.REVIEW ? null : before.step();
            moveTo(before);
        } else if (!seen.isEmpty()) {
            Question before = seen.pop();
            changing = changing == null || before == Question.REVIEW ? changing : before.step();
            moveTo(before);
        }
    }

    /** From the review: change the answers of {@code step}, then come back to the review. */
    public void change(String step) {
        if (current != Question.REVIEW || !Interview.STEPS.contains(step)) {
            throw new IllegalStateException("a step is changed from the review: " + step);
        }
        changing = step;
        Question first = questions.firstOf(step);
        if (first != null) {
            seen.push(Question.REVIEW);
            moveTo(first);
        } else {
            moveTo(Question.REVIEW); // nothing to ask there (the name, with no protection officer's key)
        }
    }

    private void moveTo(Question q) {
        current = q;
        if (q == Question.REVIEW) {
            reached = "review";
            changing = null;
        } else {
            reached = q.step();
        }
    }
}
