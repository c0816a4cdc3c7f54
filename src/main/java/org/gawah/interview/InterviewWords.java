package org.gawah.interview;

import org.gawah.Message;

/** The words for each interview step and each fixed answer, as the documenter sees them, in either face. */
public final class InterviewWords {
    private InterviewWords() {
    }

    public static Message title(String step) {
        switch (step) {
            case "purpose": return Messages.of("interview.title.purpose");
            case "withdrawal": return Messages.of("interview.title.withdrawal");
            case "recipients": return Messages.of("interview.title.recipients");
            case "audio_video": return Messages.of("interview.title.audio-video");
            case "anonymity": return Messages.of("interview.title.anonymity");
            case "started_at": return Messages.of("interview.title.started-at");
            case "place": return Messages.of("interview.title.place");
            case "documenter": return Messages.of("interview.title.documenter");
            case "interpreter": return Messages.of("interview.title.interpreter");
            case "languages": return Messages.of("interview.title.languages");
            case "pseudonym": return Messages.of("interview.title.pseudonym");
            case "confidentiality": return Messages.of("interview.title.confidentiality");
            case "identity": return Messages.of("interview.title.identity");
            case "vulnerability": return Messages.of("interview.title.vulnerability");
            case "connection": return Messages.of("interview.title.connection");
            case "reliability": return Messages.of("interview.title.reliability");
            case "account_language": return Messages.of("interview.title.account-language");
            case "account": return Messages.of("interview.title.account");
            case "notes": return Messages.of("interview.title.notes");
            case "events": return Messages.of("interview.title.events");
            case "acknowledged": return Messages.of("interview.title.acknowledged");
            case "ended_at": return Messages.of("interview.title.ended-at");
            default: throw new IllegalStateException(step);
        }
    }

    /** Yes or no, as the interview says them. */
    public static Message yesNo(boolean yes) {
        return Messages.of(yes ? "interview.yes" : "interview.no");
    }

    /** The words for a fixed value (recipients, levels, connections, date precisions). */
    public static Message valueLabel(String value) {
        switch (value) {
            case "legal_team": return Messages.of("interview.value.legal-team");
            case "icc": return Messages.of("interview.value.icc");
            case "un_mechanism": return Messages.of("interview.value.un-mechanism");
            case "national_court": return Messages.of("interview.value.national-court");
            case "publication": return Messages.of("interview.value.publication");
            case "public": return Messages.of("interview.value.public");
            case "restricted": return Messages.of("interview.value.restricted");
            case "confidential": return Messages.of("interview.value.confidential");
            case "strictly_confidential": return Messages.of("interview.value.strictly-confidential");
            case "victim": return Messages.of("interview.value.victim");
            case "eyewitness": return Messages.of("interview.value.eyewitness");
            case "relative": return Messages.of("interview.value.relative");
            case "hearsay": return Messages.of("interview.value.hearsay");
            case "other": return Messages.of("interview.value.other");
            case "high": return Messages.of("interview.value.high");
            case "medium": return Messages.of("interview.value.medium");
            case "low": return Messages.of("interview.value.low");
            case "unknown": return Messages.of("interview.value.unknown");
            case "exact": return Messages.of("interview.value.exact");
            case "estimate": return Messages.of("interview.value.estimate");
            case "unknown_day": return Messages.of("interview.value.unknown-day");
            default: throw new IllegalStateException(value);
        }
    }

    /**
     * The question as the terminal asks it: its words, then how to answer there (Enter for now, a
     * lone full stop, several numbers), which a window has no use for.
     */
    public static Message atTerminal(Asked asked) {
        Message typing;
        switch (asked.question().part()) {
            case "recipients": typing = Messages.of("interview.typing.several"); break;
            case "started_at":
            case "ended_at":
                typing = Messages.of("interview.typing.now");
                break;
            case "interpreter": typing = Messages.of("interview.typing.if-none"); break;
            case "identity_name":
            case "identity_contact":
                typing = Messages.of("interview.typing.leave-out");
                break;
            case "vulnerability":
            case "referrals":
            case "notes":
                typing = Messages.of("interview.typing.full-stop");
                break;
            case "event_place": typing = Messages.of("interview.typing.if-unknown"); break;
            default: return asked.words();
        }
        return Messages.of("interview.with-typing", asked.words(), typing);
    }

    /**
     * The question as the window asks it: its words, and what an empty field means where it may
     * be left empty (a time to answer is shown filled in with now, so it needs nothing).
     */
    public static Message inWindow(Asked asked) {
        Message typing;
        switch (asked.question().part()) {
            case "interpreter":
            case "vulnerability":
            case "referrals":
            case "notes":
                typing = Messages.of("interview.window.if-none");
                break;
            case "identity_name":
            case "identity_contact":
                typing = Messages.of("interview.window.leave-out");
                break;
            case "event_place": typing = Messages.of("interview.window.if-unknown"); break;
            default: return asked.words();
        }
        return Messages.of("interview.with-typing", asked.words(), typing);
    }
}
