package org.gawah.cli;

import java.util.List;

import org.gawah.Message;
import org.gawah.interview.Asked;
import org.gawah.interview.InterviewQuestions;
import org.gawah.interview.InterviewWords;
import org.gawah.interview.Question;

/**
 * The terminal's face of one interview question: what {@link InterviewQuestions#asked} says,
 * on a screen of its own, asked through the {@link Prompter} (which handles {@code <},
 * {@code !draft}, {@code !lock}, Enter to keep an answer, {@code -} to clear one); what is typed
 * goes back to the model, which checks it; a refusal is said, and the question asked again.
 */
final class AskedInTheTerminal {
    private AskedInTheTerminal() {
    }

    /** Asks {@code q} until its answer is taken. False when the witness did not give consent: then nothing is recorded. */
    static boolean ask(Prompter p, InterviewQuestions questions, Question q) {
        Asked asked = questions.asked(q);
        p.newScreen();
        p.say(Messages.of("interview.step", asked.heading()));
        asked.before().forEach(p::say);
        String current = asked.text();
        while (true) {
            List<Message> refused = answer(p, questions, asked, current);
            if (refused.isEmpty()) {
                return !questions.interview().consentRefused();
            }
            refused.forEach(p::say);
            current = asked.retry();
        }
    }

    private static List<Message> answer(Prompter p, InterviewQuestions questions, Asked asked, String current) {
        Question q = asked.question();
        Message words = InterviewWords.atTerminal(asked);
        switch (asked.kind()) {
            case YES_NO:
            case ONE:
                return questions.choose(q, List.of(p.choose(words, asked.options(), asked.current())));
            case SOME:
                return questions.choose(q, p.chooseSome(words, asked.options(), asked.chosen()));
            case TEXT:
                return questions.type(q, p.text(words, current, asked.required()));
            case LINES:
                return questions.type(q, p.lines(words, current, asked.required()));
            default:
                throw new IllegalStateException(asked.kind().name());
        }
    }
}
