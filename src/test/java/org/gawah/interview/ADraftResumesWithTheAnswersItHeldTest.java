package org.gawah.interview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.gawah.testimony.Drafts;
import org.gawah.testimony.SealableTestimony;
import org.junit.jupiter.api.Test;

/**
 * An interview sealed as a draft and taken up again: the draft's bytes ({@code gawah.draft/1},
 * as {@link Drafts} writes them) read back into the one interview model give the same answers,
 * the witness's name aside (sealed apart, for the protection officers alone); the path stands at
 * the step the draft stopped at, and going back leads through the steps before it.
 */
class ADraftResumesWithTheAnswersItHeldTest {
    private static final String RECORD_ID = "GWH-7K3M-9QXA-2D4F-8ZZP";

    @Test
    void everyAnswerComesBackButTheNameSealedApart() throws Exception {
        Interview interview = new Interview(true, "Documenter D-14");
        InterviewPath path = walk(interview, "review");
        assertEquals(Question.REVIEW, path.current());
        ObjectNode before = interview.input();
        assertTrue(before.has("identity"), before.toString());

        Interview resumed = resumedFrom(interview, path.reached());

        ObjectNode expected = before.deepCopy();
        expected.remove("identity");
        assertEquals(expected, resumed.input());
        assertNull(resumed.identityName);
        assertTrue(resumed.consentGiven());
    }

    @Test
    void thePathStandsWhereTheDraftStoppedAndGoesBackThroughTheStepsBefore() throws Exception {
        Interview interview = new Interview(true, "Documenter D-14");
        InterviewPath stopped = walk(interview, "account");
        assertEquals("account", stopped.reached());

        Interview resumed = resumedFrom(interview, stopped.reached());
        InterviewQuestions questions = new InterviewQuestions(resumed);
        InterviewPath path = new InterviewPath(questions);
        path.resumeAt("account");
        assertEquals("account", path.current().part());
        assertNull(questions.asked(path.current()).text(), "the account was not typed yet");
        path.back();
        assertEquals("account_language", path.current().part());
        assertEquals("prs", questions.asked(path.current()).text());
        path.back();
        assertEquals("reliability", path.current().part());
    }

    /** Sealed as a draft would be (Drafts.build), read back as the window reads a draft it opened. */
    private static Interview resumedFrom(Interview interview, String stoppedAt) throws Exception {
        SealableTestimony draft = Drafts.build(interview.input(), RECORD_ID, Instant.parse("2026-11-20T08:30:12Z"), stoppedAt);
        JsonNode json = new ObjectMapper().readTree(draft.testimony());
        assertEquals(stoppedAt, json.path("stopped_at_step").asText());
        return Interview.resume(json.get("consent"), json.get("fields"), true, "Documenter D-14");
    }

    /** Answers every question as a documenter would, until {@code step} (or the review) is reached. */
    private static InterviewPath walk(Interview interview, String step) {
        InterviewQuestions questions = new InterviewQuestions(interview);
        InterviewPath path = new InterviewPath(questions);
        int events = 0;
        for (int guard = 0; guard < 100 && path.current() != Question.REVIEW && !path.current().step().equals(step); guard++) {
            Question q = path.current();
            Asked asked = questions.asked(q);
            List<org.gawah.Message> refused;
            switch (q.part()) {
                case "recipients": refused = questions.choose(q, List.of(0, 1)); break;
                case "confidentiality": refused = questions.choose(q, List.of(3)); break;
                case "connection": refused = questions.choose(q, List.of(1)); break;
                case "acknowledged": refused = questions.choose(q, List.of(1)); break;
                case "events": refused = questions.choose(q, List.of(events++ == 0 ? 0 : 3)); break;
                case "event_precision": refused = questions.choose(q, List.of(0)); break;
                case "started_at": refused = questions.type(q, "۱۰ حمل ۱۴۰۴ ساعت ۱۰:۰۰"); break;
                case "place": refused = questions.type(q, "هرات، ناحیهٔ ۵"); break;
                case "interpreter": refused = questions.type(q, "Interpreter I-3"); break;
                case "interview_languages": refused = questions.type(q, "دری، پښتو"); break;
                case "pseudonym": refused = questions.type(q, "W-0301"); break;
                case "identity_name": refused = questions.type(q, "گل‌احمد"); break;
                case "identity_other_names": refused = questions.type(q, "Gul Ahmad\nGul"); break;
                case "identity_contact": refused = questions.type(q, null); break;
                case "vulnerability": refused = questions.type(q, "sole caregiver\nsigns of trauma"); break;
                case "referrals": refused = questions.type(q, "psychosocial support"); break;
                case "account": refused = questions.type(q, "در ماه اسد ۱۴۰۴ مردان مسلح آمدند.\nتا امروز خبری نداریم."); break;
                case "notes": refused = questions.type(q, "calm, asked for a break"); break;
                case "event_act": refused = questions.type(q, "arbitrary detention"); break;
                case "event_date": refused = questions.type(q, "۲۴ اسد ۱۴۰۴"); break;
                case "event_place": refused = questions.type(q, "Kabul"); break;
                case "reason_if_not": refused = questions.type(q, "too tired to hear it read back"); break;
                default:
                    refused = asked.kind() == Asked.Kind.TEXT || asked.kind() == Asked.Kind.LINES
                            ? questions.type(q, asked.text()) : questions.choose(q, List.of(0));
                    break;
            }
            assertEquals(List.of(), refused, q.part());
            path.answered();
        }
        return path;
    }
}
