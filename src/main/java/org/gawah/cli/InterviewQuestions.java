package org.gawah.cli;

import java.util.ArrayList;
import java.util.List;

import org.gawah.Message;

/**
 * The interview's questions, one at a time, and which comes next: each step of {@link
 * Interview#STEPS} asks one question or a few (the two language questions, the name and the
 * contact), some only when an earlier answer calls for them. Every answer is checked as it is
 * typed ({@link TypedAnswers}), so that nothing is refused only at the seal. Events are a small
 * menu: add one, change or remove any one of them, or go on.
 */
final class InterviewQuestions {
    /** One question the documenter sees: its step, which of the step's questions, and the event it is about (or null). */
    record Question(String step, String part, Interview.Event event) {
    }

    private static final int ADD = 0;
    private static final int CHANGE = 1;
    private static final int REMOVE = 2;
    private static final int DONE = 3;

    private final Interview interview;
    /** What the events menu was last answered, and the event picked to change or remove. */
    private int eventAction = DONE;
    private Interview.Event picked;

    InterviewQuestions(Interview interview) {
        this.interview = interview;
    }

    /** The interview's first question. */
    Question first() {
        return firstOf(Interview.STEPS.get(0));
    }

    /** The first question {@code step} asks now, or null if it asks none (the name, with no protection officer's key). */
    Question firstOf(String step) {
        for (String part : parts(step)) {
            if (asked(part)) {
                return new Question(step, part, null);
            }
        }
        return null;
    }

    /** The question after {@code q}, given the answers so far; null after the last (then the review). */
    Question next(Question q) {
        if (q.step().equals("events")) {
            Question event = nextAboutEvents(q);
            if (event != null) {
                return event;
            }
        } else {
            List<String> parts = parts(q.step());
            for (String part : parts.subList(parts.indexOf(q.part()) + 1, parts.size())) {
                if (asked(part)) {
                    return new Question(q.step(), part, null);
                }
            }
        }
        for (String step : Interview.STEPS.subList(Interview.STEPS.indexOf(q.step()) + 1, Interview.STEPS.size())) {
            Question first = firstOf(step);
            if (first != null) {
                return first;
            }
        }
        return null;
    }

    private List<String> parts(String step) {
        switch (step) {
            case "languages": return List.of("interview_languages", "record_languages");
            case "identity": return interview.identityAllowed
                    ? List.of("identity_name", "identity_other_names", "identity_contact") : List.of();
            case "vulnerability": return List.of("vulnerability", "referrals");
            case "acknowledged": return List.of("acknowledged", "reason_if_not");
            default: return List.of(step);
        }
    }

    /** Whether a question is asked, given the answers before it. */
    private boolean asked(String part) {
        switch (part) {
            case "identity_other_names":
            case "identity_contact":
                return interview.identityName != null;
            case "reason_if_not": return Boolean.FALSE.equals(interview.acknowledged);
            default: return true;
        }
    }

    /** After a question about events: the next one about them, or null to go on to the next step. */
    private Question nextAboutEvents(Question q) {
        Interview.Event e = q.event();
        switch (q.part()) {
            case "events":
                if (eventAction == ADD) {
                    Interview.Event added = new Interview.Event();
                    interview.events.add(added);
                    return new Question("events", "event_act", added);
                }
                return eventAction == DONE ? null : new Question("events", "event_pick", null);
            case "event_pick":
                if (eventAction == CHANGE) {
                    return new Question("events", "event_act", picked);
                }
                interview.events.remove(picked);
                return new Question("events", "events", null);
            case "event_act": return new Question("events", "event_precision", e);
            case "event_precision":
                return new Question("events", e.precision == Interview.UNKNOWN ? "event_place" : "event_date", e);
            case "event_date": return new Question("events", "event_place", e);
            default: return new Question("events", "events", null);
        }
    }

    /** Asks {@code q} on a screen of its own. False when the witness did not give consent: then nothing is recorded. */
    boolean ask(Prompter p, Question q) {
        p.newScreen();
        p.say(Messages.of("interview.step", Interview.STEPS.indexOf(q.step()) + 1, Interview.STEPS.size(),
                InterviewWords.title(q.step())));
        Interview in = interview;
        switch (q.part()) {
            case "purpose":
                in.purposeExplained = p.yesNo(Messages.of("interview.q.purpose"), in.purposeExplained);
                return in.purposeExplained;
            case "withdrawal":
                in.withdrawalExplained = p.yesNo(Messages.of("interview.q.withdrawal"), in.withdrawalExplained);
                break;
            case "recipients":
                in.recipients = p.chooseSome(Messages.of("interview.q.recipients"), labels(Interview.RECIPIENTS), in.recipients);
                break;
            case "audio_video":
                in.audioVideo = p.yesNo(Messages.of("interview.q.audio-video"), in.audioVideo);
                break;
            case "anonymity":
                in.anonymity = p.yesNo(Messages.of("interview.q.anonymity"), in.anonymity);
                break;
            case "started_at":
                in.startedAt = TypedAnswers.time(p, Messages.of("interview.q.started-at"), in.startedAt, null);
                break;
            case "place":
                in.place = p.text(Messages.of("interview.q.place"), in.place, true);
                break;
            case "documenter":
                in.documenter = p.text(Messages.of("interview.q.documenter"), in.documenter == null ? in.documenterDefault : in.documenter, true);
                break;
            case "interpreter":
                in.interpreter = p.text(Messages.of("interview.q.interpreter"), in.interpreter, false);
                break;
            case "interview_languages":
                in.interviewLanguages = TypedAnswers.languages(p, Messages.of("interview.q.interview-languages"),
                        in.interviewLanguages == null ? TypedAnswers.defaultLanguage() : in.interviewLanguages, false);
                break;
            case "record_languages":
                in.recordLanguages = TypedAnswers.languages(p, Messages.of("interview.q.record-languages"),
                        in.recordLanguages == null ? in.interviewLanguages : in.recordLanguages, false);
                break;
            case "pseudonym":
                if (!in.identityAllowed) {
                    p.say(Messages.of("interview.identity-not-possible"));
                }
                in.pseudonym = TypedAnswers.pseudonym(p, Messages.of("interview.q.pseudonym"), in.pseudonym,
                        in.identityName, in.identityOtherNames, in.identityContact);
                break;
            case "confidentiality":
                in.confidentiality = p.choose(Messages.of("interview.q.confidentiality"), labels(Interview.CONFIDENTIALITY),
                        in.confidentiality < 0 ? 2 : in.confidentiality);
                break;
            case "identity_name":
                in.identityName = TypedAnswers.identityName(p, Messages.of("interview.q.identity-name"), in.identityName,
                        in.pseudonym, in.identityOtherNames, in.identityContact);
                break;
            case "identity_other_names":
                // Latin spellings and nicknames: the export searches for each (docs/format/testimony.md).
                in.identityOtherNames = TypedAnswers.otherNames(p, Messages.of("interview.q.identity-other-names"),
                        in.identityOtherNames, in.pseudonym, in.identityName, in.identityContact);
                break;
            case "identity_contact":
                in.identityContact = TypedAnswers.contact(p, Messages.of("interview.q.identity-contact"), in.identityContact,
                        in.pseudonym, in.identityName, in.identityOtherNames);
                break;
            case "vulnerability":
                in.vulnerability = p.lines(Messages.of("interview.q.vulnerability"), in.vulnerability, false);
                break;
            case "referrals":
                in.referrals = p.lines(Messages.of("interview.q.referrals"), in.referrals, false);
                break;
            case "connection":
                in.connection = p.choose(Messages.of("interview.q.connection"), labels(Interview.CONNECTIONS), in.connection);
                break;
            case "reliability":
                in.reliability = p.choose(Messages.of("interview.q.reliability"), labels(Interview.RELIABILITY),
                        in.reliability < 0 ? 3 : in.reliability);
                break;
            case "account_language":
                in.accountLanguage = TypedAnswers.languages(p, Messages.of("interview.q.account-language"),
                        in.accountLanguage == null ? Interview.first(in.recordLanguages) : in.accountLanguage, true);
                break;
            case "account":
                in.account = p.lines(Messages.of("interview.q.account"), in.account, true);
                break;
            case "notes":
                in.notes = p.lines(Messages.of("interview.q.notes"), in.notes, false);
                break;
            case "acknowledged":
                in.acknowledged = p.yesNo(Messages.of("interview.q.acknowledged"), in.acknowledged);
                if (in.acknowledged) {
                    in.reasonIfNot = null;
                }
                break;
            case "reason_if_not":
                in.reasonIfNot = p.text(Messages.of("interview.q.reason-if-not"), in.reasonIfNot, true);
                break;
            case "ended_at":
                in.endedAt = TypedAnswers.time(p, Messages.of("interview.q.ended-at"), in.endedAt, in.startedAt);
                break;
            default:
                askAboutEvents(p, q);
        }
        return true;
    }

    private void askAboutEvents(Prompter p, Question q) {
        Interview.Event e = q.event();
        switch (q.part()) {
            case "events":
                eventsMenu(p);
                break;
            case "event_pick":
                picked = interview.events.get(p.choose(eventAction == CHANGE ? Messages.of("interview.q.event-change")
                        : Messages.of("interview.q.event-remove"), eventLabels(), -1));
                break;
            case "event_act":
                e.act = p.text(Messages.of("interview.q.event-act"), e.act, true);
                break;
            case "event_precision":
                e.precision = p.choose(Messages.of("interview.q.event-precision"), labels(Interview.PRECISIONS), e.precision);
                if (e.precision == Interview.UNKNOWN) {
                    e.date = null;
                }
                break;
            case "event_date":
                e.date = TypedAnswers.eventDate(p, e);
                break;
            case "event_place":
                e.place = p.text(Messages.of("interview.q.event-place"), e.place, false);
                break;
            default:
                throw new IllegalStateException(q.part());
        }
    }

    /** The events so far, then what to do: add one, change one, remove one, or go on. */
    private void eventsMenu(Prompter p) {
        // An event left at its first question (by going back) was never begun.
        interview.events.removeIf(event -> event.act == null);
        List<Message> events = eventLabels();
        for (Message event : events) {
            p.say(event);
        }
        if (events.isEmpty()) {
            p.say(Messages.of("interview.events.none"));
        }
        List<Message> actions = List.of(Messages.of("interview.events.add"), Messages.of("interview.events.change"),
                Messages.of("interview.events.remove"), Messages.of("interview.events.done"));
        while (true) {
            eventAction = p.choose(Messages.of("interview.q.events"), actions, -1);
            if (eventAction == ADD || eventAction == DONE || !interview.events.isEmpty()) {
                return;
            }
            p.say(Messages.of("interview.events.none"));
        }
    }

    private List<Message> eventLabels() {
        List<Message> labels = new ArrayList<>();
        for (int i = 0; i < interview.events.size(); i++) {
            labels.add(InterviewShown.event(i + 1, interview.events.get(i)));
        }
        return labels;
    }

    static List<Message> labels(List<String> values) {
        return values.stream().map(InterviewWords::valueLabel).toList();
    }
}
