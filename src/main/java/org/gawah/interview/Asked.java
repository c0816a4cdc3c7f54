package org.gawah.interview;

import java.util.List;

import org.gawah.Message;

/**
 * A question as a face shows it, whichever face: the step's heading ("3 of 22: who may receive
 * it"), what is said before the question (the events so far, why no name can be recorded), the
 * question's words, and what kind of answer it takes with what is answered now. A face asks,
 * then hands what was typed or chosen to {@link InterviewQuestions#type} or
 * {@link InterviewQuestions#choose}, which check it and say why when they refuse it.
 *
 * @param text     for {@link Kind#TEXT} and {@link Kind#LINES}: the answer now, or what Enter takes (now, for a moment); or null
 * @param retry    what is offered after a refusal (now, for a moment; else null)
 * @param chosen   for the choices: the indexes of {@code options} chosen now (empty when none)
 */
public record Asked(Question question, Message heading, List<Message> before, Kind kind, Message words,
                    List<Message> options, String text, String retry, List<Integer> chosen, boolean required) {
    /** The kinds of answer: yes or no, one of the options, some of them, a line of text, several lines. */
    public enum Kind { YES_NO, ONE, SOME, TEXT, LINES }

    public Asked {
        before = List.copyOf(before);
        options = List.copyOf(options);
        chosen = List.copyOf(chosen);
    }

    /** The one option chosen now, or -1. */
    public int current() {
        return chosen.isEmpty() ? -1 : chosen.get(0);
    }
}
