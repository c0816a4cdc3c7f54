package org.gawah.interview;

import java.util.ArrayList;
import java.util.List;

import org.gawah.Message;

/**
 * The interview's questions, one at a time, and which comes next: each step of {@link
 * Interview#STEPS} asks one question or a few (the two language questions, the name and the
 * contact), some only when an earlier answer calls for them. Every answer is checked as it is
 * typed ({@link TypedAnswers}), so that nothing is refused only at the seal. Events are a small
 * menu: add one, change or remove any one of them, or go on.
 *
 * <p>This is the one model of the interview: the terminal ({@code gawah interview}) and the
 * window ask the same questions in the same words, through {@link #asked}, and hand the answers
 * to {@link #type} or {@link #choose}. Nothing here prints or draws.
 */
public final class InterviewQuestions {
    private static final int ADD = 0;
    private static final int CHANGE = 1;
    private static final int REMOVE = 2;
    private static final int DONE = 3;

    private final Interview interview;
    /** What the events menu was last answered, and the event picked to change or remove. */
    private int eventAction = DONE;
    private Interview.Event picked;

    public InterviewQuestions(Interview interview) {
        this.interview = interview;
    }

    public Interview interview() {
        return interview;
    }

    /** The interview's first question. */
    public Question first() {
        return firstOf(Interview.STEPS.get(0));
    }

    /** The first question {@code step} asks now, or null if it asks none (the name, with no protection officer's key). */
    public Question firstOf(String step) {
        for (String part : parts(step)) {
            if (asked(part)) {
                return new Question(step, part, null);
            }
        }
        return null;
    }

    /** The question after {@code q}, given the answers so far; null after the last (then the review). */
    public Question next(Question q) {
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

    /**
     * {@code q} as a face shows it: heading, what comes before, the question, what it takes and
     * what it holds now. At the events menu, an event left at its first question (by going back)
     * is forgotten first: it was never begun.
     */
    public Asked asked(Question q) {
        Interview in = interview;
        Message heading = Messages.of("interview.heading", Interview.STEPS.indexOf(q.step()) + 1, Interview.STEPS.size(),
                InterviewWords.title(q.step()));
        Interview.Event e = q.event();
        switch (q.part()) {
            case "purpose": return yesNo(q, heading, Messages.of("interview.q.purpose"), in.purposeExplained);
            case "withdrawal": return yesNo(q, heading, Messages.of("interview.q.withdrawal"), in.withdrawalExplained);
            case "recipients":
                return new Asked(q, heading, List.of(), Asked.Kind.SOME, Messages.of("interview.q.recipients"),
                        labels(Interview.RECIPIENTS), null, null, in.recipients, true);
            case "audio_video": return yesNo(q, heading, Messages.of("interview.q.audio-video"), in.audioVideo);
            case "anonymity": return yesNo(q, heading, Messages.of("interview.q.anonymity"), in.anonymity);
            case "started_at":
                return moment(q, heading, Messages.of("interview.q.started-at"), in.startedAt);
            case "place": return text(q, heading, Messages.of("interview.q.place"), in.place, true);
            case "documenter":
                return text(q, heading, Messages.of("interview.q.documenter"),
                        in.documenter == null ? in.documenterDefault : in.documenter, true);
            case "interpreter": return text(q, heading, Messages.of("interview.q.interpreter"), in.interpreter, false);
            case "interview_languages":
                return text(q, heading, Messages.of("interview.q.interview-languages"),
                        in.interviewLanguages == null ? TypedAnswers.defaultLanguage() : in.interviewLanguages, true);
            case "record_languages":
                return text(q, heading, Messages.of("interview.q.record-languages"),
                        in.recordLanguages == null ? in.interviewLanguages : in.recordLanguages, true);
            case "pseudonym":
                return new Asked(q, heading, in.identityAllowed ? List.of() : List.of(Messages.of("interview.identity-not-possible")),
                        Asked.Kind.TEXT, Messages.of("interview.q.pseudonym"), List.of(), in.pseudonym, null, List.of(), true);
            case "confidentiality":
                return one(q, heading, Messages.of("interview.q.confidentiality"), labels(Interview.CONFIDENTIALITY),
                        in.confidentiality < 0 ? 2 : in.confidentiality);
            case "identity_name": return text(q, heading, Messages.of("interview.q.identity-name"), in.identityName, false);
            case "identity_other_names":
                return lines(q, heading, Messages.of("interview.q.identity-other-names"), in.identityOtherNames, false);
            case "identity_contact":
                return text(q, heading, Messages.of("interview.q.identity-contact"), in.identityContact, false);
            case "vulnerability": return lines(q, heading, Messages.of("interview.q.vulnerability"), in.vulnerability, false);
            case "referrals": return lines(q, heading, Messages.of("interview.q.referrals"), in.referrals, false);
            case "connection":
                return one(q, heading, Messages.of("interview.q.connection"), labels(Interview.CONNECTIONS), in.connection);
            case "reliability":
                return one(q, heading, Messages.of("interview.q.reliability"), labels(Interview.RELIABILITY),
                        in.reliability < 0 ? 3 : in.reliability);
            case "account_language":
                return text(q, heading, Messages.of("interview.q.account-language"),
                        in.accountLanguage == null ? Interview.first(in.recordLanguages) : in.accountLanguage, true);
            case "account": return lines(q, heading, Messages.of("interview.q.account"), in.account, true);
            case "notes": return lines(q, heading, Messages.of("interview.q.notes"), in.notes, false);
            case "acknowledged": return yesNo(q, heading, Messages.of("interview.q.acknowledged"), in.acknowledged);
            case "reason_if_not": return text(q, heading, Messages.of("interview.q.reason-if-not"), in.reasonIfNot, true);
            case "ended_at": return moment(q, heading, Messages.of("interview.q.ended-at"), in.endedAt);
            case "events":
                // An event left at its first question (by going back) was never begun.
                interview.events.removeIf(event -> event.act == null);
                List<Message> before = eventLabels();
                return new Asked(q, heading, before.isEmpty() ? List.of(Messages.of("interview.events.none")) : before,
                        Asked.Kind.ONE, Messages.of("interview.q.events"), List.of(Messages.of("interview.events.add"),
                        Messages.of("interview.events.change"), Messages.of("interview.events.remove"),
                        Messages.of("interview.events.done")), null, null, List.of(), true);
            case "event_pick":
                return one(q, heading, eventAction == CHANGE ? Messages.of("interview.q.event-change")
                        : Messages.of("interview.q.event-remove"), eventLabels(), -1);
            case "event_act": return text(q, heading, Messages.of("interview.q.event-act"), e.act, true);
            case "event_precision":
                return one(q, heading, Messages.of("interview.q.event-precision"), labels(Interview.PRECISIONS), e.precision);
            case "event_date": return text(q, heading, TypedAnswers.eventDateQuestion(e), e.date, true);
            case "event_place": return text(q, heading, Messages.of("interview.q.event-place"), e.place, false);
            default: throw new IllegalStateException(q.part());
        }
    }

    /**
     * Takes what was typed for {@code q} (null or blank: nothing), checked as the record will be;
     * returns why it was not taken, or nothing when it was. Text is kept as typed, stripped (a
     * line) or with its trailing blank lines removed (several lines).
     */
    public List<Message> type(Question q, String typed) {
        Asked.Kind kind = asked(q).kind();
        String given = typed == null || typed.isBlank() ? null : kind == Asked.Kind.LINES ? typed.stripTrailing() : typed.strip();
        if (given != null && given.chars().anyMatch(c -> Character.isISOControl(c) && c != '\t' && !(c == '\n' && kind == Asked.Kind.LINES))) {
            return List.of(Messages.of("interview.control-character"));
        }
        if (given == null && asked(q).required()) {
            return List.of(Messages.of("interview.required"));
        }
        TypedAnswers.Checked checked = check(q, given);
        if (checked.ok()) {
            keep(q, checked.value());
        }
        return checked.refused();
    }

    private TypedAnswers.Checked check(Question q, String given) {
        Interview in = interview;
        if (given == null) {
            return TypedAnswers.Checked.taken(null);
        }
        switch (q.part()) {
            case "started_at": return TypedAnswers.time(given, null);
            case "ended_at": return TypedAnswers.time(given, in.startedAt);
            case "interview_languages":
            case "record_languages":
                return TypedAnswers.languages(given, false);
            case "account_language": return TypedAnswers.languages(given, true);
            case "pseudonym": return TypedAnswers.pseudonym(given, in.identityName, in.identityOtherNames, in.identityContact);
            case "identity_name":
                return TypedAnswers.identityName(given, in.pseudonym, in.identityOtherNames, in.identityContact);
            // Latin spellings and nicknames: the export searches for each (docs/format/testimony.md).
            case "identity_other_names":
                return TypedAnswers.otherNames(given, in.pseudonym, in.identityName, in.identityContact);
            case "identity_contact":
                return TypedAnswers.contact(given, in.pseudonym, in.identityName, in.identityOtherNames);
            case "event_date": return TypedAnswers.eventDate(q.event(), given);
            default: return TypedAnswers.Checked.taken(given);
        }
    }

    private void keep(Question q, String value) {
        Interview in = interview;
        Interview.Event e = q.event();
        switch (q.part()) {
            case "started_at": in.startedAt = value; break;
            case "place": in.place = value; break;
            case "documenter": in.documenter = value; break;
            case "interpreter": in.interpreter = value; break;
            case "interview_languages": in.interviewLanguages = value; break;
            case "record_languages": in.recordLanguages = value; break;
            case "pseudonym": in.pseudonym = value; break;
            case "identity_name": in.identityName = value; break;
            case "identity_other_names": in.identityOtherNames = value; break;
            case "identity_contact": in.identityContact = value; break;
            case "vulnerability": in.vulnerability = value; break;
            case "referrals": in.referrals = value; break;
            case "account_language": in.accountLanguage = value; break;
            case "account": in.account = value; break;
            case "notes": in.notes = value; break;
            case "reason_if_not": in.reasonIfNot = value; break;
            case "ended_at": in.endedAt = value; break;
            case "event_act": e.act = value; break;
            case "event_date": e.date = value; break;
            case "event_place": e.place = value; break;
            default: throw new IllegalStateException(q.part() + " is not typed");
        }
    }

    /**
     * Takes the options chosen for {@code q} (indexes of its options; yes is 0, no is 1); returns
     * why they were not taken, or nothing when they were.
     */
    public List<Message> choose(Question q, List<Integer> chosen) {
        Asked asked = asked(q);
        if (chosen.isEmpty() || chosen.stream().anyMatch(i -> i < 0 || i >= asked.options().size())
                || asked.kind() != Asked.Kind.SOME && chosen.size() > 1) {
            return List.of(Messages.of("interview.choose-one"));
        }
        Interview in = interview;
        int i = chosen.get(0);
        boolean yes = i == 0;
        switch (q.part()) {
            case "purpose": in.purposeExplained = yes; break;
            case "withdrawal": in.withdrawalExplained = yes; break;
            case "recipients": in.recipients = new ArrayList<>(chosen.stream().distinct().toList()); break;
            case "audio_video": in.audioVideo = yes; break;
            case "anonymity": in.anonymity = yes; break;
            case "confidentiality": in.confidentiality = i; break;
            case "connection": in.connection = i; break;
            case "reliability": in.reliability = i; break;
            case "acknowledged":
                in.acknowledged = yes;
                if (yes) {
                    in.reasonIfNot = null;
                }
                break;
            case "event_precision":
                q.event().precision = i;
                if (i == Interview.UNKNOWN) {
                    q.event().date = null;
                }
                break;
            case "events":
                if ((i == CHANGE || i == REMOVE) && interview.events.isEmpty()) {
                    return List.of(Messages.of("interview.events.none"));
                }
                eventAction = i;
                break;
            case "event_pick": picked = interview.events.get(i); break;
            default: throw new IllegalStateException(q.part() + " is not chosen");
        }
        return List.of();
    }

    /** Questions about an event that was removed are not gone back to. */
    boolean removed(Question q) {
        return q.event() != null && !interview.events.contains(q.event());
    }

    private Asked yesNo(Question q, Message heading, Message words, Boolean current) {
        return new Asked(q, heading, List.of(), Asked.Kind.YES_NO, words,
                List.of(Messages.of("interview.yes"), Messages.of("interview.no")), null, null,
                current == null ? List.of() : List.of(current ? 0 : 1), true);
    }

    private static Asked one(Question q, Message heading, Message words, List<Message> options, int current) {
        return new Asked(q, heading, List.of(), Asked.Kind.ONE, words, options, null, null,
                current < 0 ? List.of() : List.of(current), true);
    }

    private static Asked text(Question q, Message heading, Message words, String current, boolean required) {
        return new Asked(q, heading, List.of(), Asked.Kind.TEXT, words, List.of(), current, null, List.of(), required);
    }

    private static Asked lines(Question q, Message heading, Message words, String current, boolean required) {
        return new Asked(q, heading, List.of(), Asked.Kind.LINES, words, List.of(), current, null, List.of(), required);
    }

    /** A moment: Enter takes now, in this computer's time zone, and after a refusal too. */
    private static Asked moment(Question q, Message heading, Message words, String current) {
        String now = TypedAnswers.now();
        return new Asked(q, heading, List.of(), Asked.Kind.TEXT, words, List.of(), current == null ? now : current, now,
                List.of(), true);
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
