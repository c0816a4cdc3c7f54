package org.gawah.interview;

/**
 * One question the documenter sees: its step (one of {@link Interview#STEPS}), which of the step's
 * questions it is, and the event it is about (or null). {@link #REVIEW} stands for the review of
 * every answer, where the questions end.
 */
public record Question(String step, String part, Interview.Event event) {
    public static final Question REVIEW = new Question("review", "review", null);
}
