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
}
