package org.gawah.interview;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

import org.gawah.Language;
import org.junit.jupiter.api.Test;

/**
 * One question, two faces: the window asks every question in the words the terminal uses, but
 * without what only a terminal needs (Enter, a lone full stop, numbers to type, {@code <}); the
 * terminal keeps them. Checked over every question the model asks, in every language.
 */
class WindowQuestionsCarryNoTerminalInstructionsTest {
    private static final List<String> PARTS = List.of("purpose", "withdrawal", "recipients", "audio_video", "anonymity",
            "started_at", "place", "documenter", "interpreter", "interview_languages", "record_languages", "pseudonym",
            "confidentiality", "identity_name", "identity_other_names", "identity_contact", "vulnerability", "referrals",
            "connection", "reliability", "account_language", "account", "notes", "acknowledged", "reason_if_not", "ended_at",
            "events", "event_act", "event_precision", "event_place");

    @Test
    void theWindowAsksWithoutTerminalInstructionsAndTheTerminalKeepsThem() {
        for (Locale language : Language.SUPPORTED) {
            ResourceBundle words = ResourceBundle.getBundle(Messages.BUNDLE, language);
            List<String> terminalOnly = words.keySet().stream().filter(k -> k.startsWith("interview.typing."))
                    .map(k -> Messages.of(k).render(language)).toList();
            assertFalse(terminalOnly.isEmpty());
            int kept = 0;
            for (String part : PARTS) {
                Asked asked = asked(part);
                String window = InterviewWords.inWindow(asked).render(language);
                String terminal = InterviewWords.atTerminal(asked).render(language);
                assertTrue(terminal.startsWith(asked.words().render(language)), part + ": " + terminal);
                for (String only : terminalOnly) {
                    assertFalse(window.contains(only), language + " " + part + ": the window says \"" + only + "\": " + window);
                    kept += terminal.contains(only) ? 1 : 0;
                }
                assertFalse(window.contains("Enter") || window.contains("<"), language + " " + part + ": " + window);
            }
            assertTrue(kept >= 10, language + ": the terminal keeps its typing hints (" + kept + ")");
        }
        // The refusal the window shows too says how to choose another precision in words both faces have.
        for (Locale language : Language.SUPPORTED) {
            assertFalse(Messages.of("interview.needs-day").render(language).contains("<"), language.toString());
        }
    }

    private static Asked asked(String part) {
        Interview interview = new Interview(true, "D-14");
        InterviewQuestions questions = new InterviewQuestions(interview);
        Interview.Event event = new Interview.Event();
        interview.events.add(event);
        String step = Interview.STEPS.contains(part) ? part : part.startsWith("event") ? "events"
                : part.startsWith("identity") ? "identity" : part.endsWith("languages") ? "languages"
                : part.equals("referrals") ? "vulnerability" : part.equals("reason_if_not") ? "acknowledged" : part;
        return questions.asked(new Question(step, part, part.startsWith("event_") ? event : null));
    }
}
