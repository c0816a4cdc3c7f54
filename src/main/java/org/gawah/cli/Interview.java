package org.gawah.cli;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.gawah.Language;
import org.gawah.Message;

/**
 * The questions of one interview, in the order a documenter asks them: consent first (no
 * consent, no record), then the interview, the witness, how they know, their account in their
 * own words, the events, and whether they acknowledged the record. The answers are the same
 * fields as {@code gawah record --from FILE.json} (docs/format/testimony.md) and live in memory only.
 */
final class Interview {
    static final List<String> STEPS = List.of("purpose", "withdrawal", "recipients", "audio_video", "anonymity",
            "started_at", "place", "documenter", "interpreter", "languages", "pseudonym", "confidentiality",
            "identity", "vulnerability", "connection", "reliability", "account_language", "account", "notes",
            "events", "acknowledged", "ended_at");
    static final List<String> RECIPIENTS = List.of("legal_team", "icc", "un_mechanism", "national_court", "publication");
    static final List<String> CONFIDENTIALITY = List.of("public", "restricted", "confidential", "strictly_confidential");
    static final List<String> CONNECTIONS = List.of("victim", "eyewitness", "relative", "hearsay", "other");
    static final List<String> RELIABILITY = List.of("high", "medium", "low", "unknown");
    static final List<String> PRECISIONS = List.of("exact", "estimate", "unknown_day", "unknown");

    /** One act the witness describes. */
    static final class Event {
        String act;
        int precision = 3;
        String date;
        String place;
    }

    private final boolean identityAllowed;
    private final String documenterDefault;

    Boolean purposeExplained;
    Boolean withdrawalExplained;
    List<Integer> recipients = new ArrayList<>();
    Boolean audioVideo;
    Boolean anonymity;
    String startedAt;
    String place;
    String documenter;
    String interpreter;
    String interviewLanguages;
    String recordLanguages;
    String pseudonym;
    int confidentiality = -1;
    String identityName;
    String identityContact;
    String identityOtherNames;
    String vulnerability;
    String referrals;
    int connection = -1;
    int reliability = -1;
    String accountLanguage;
    String account;
    String notes;
    List<Event> events = new ArrayList<>();
    Boolean acknowledged;
    String reasonIfNot;
    String endedAt;

    Interview(boolean identityAllowed, String documenterDefault) {
        this.identityAllowed = identityAllowed;
        this.documenterDefault = documenterDefault;
    }

    /** True once consent allows a record: the purpose was explained. */
    boolean consentGiven() {
        return Boolean.TRUE.equals(purposeExplained) && withdrawalExplained != null && !recipients.isEmpty()
                && audioVideo != null && anonymity != null;
    }

    /**
     * Asks step {@code index}. Returns false when the witness did not give consent: the
     * interview ends there and nothing is recorded.
     */
    boolean ask(Prompter p, int index) {
        String step = STEPS.get(index);
        p.newScreen();
        p.say(Messages.of("interview.step", index + 1, STEPS.size(), InterviewWords.title(step)));
        switch (step) {
            case "purpose":
                purposeExplained = p.yesNo(Messages.of("interview.q.purpose"), purposeExplained);
                return purposeExplained;
            case "withdrawal":
                withdrawalExplained = p.yesNo(Messages.of("interview.q.withdrawal"), withdrawalExplained);
                return true;
            case "recipients":
                recipients = p.chooseSome(Messages.of("interview.q.recipients"), labels(RECIPIENTS), recipients);
                return true;
            case "audio_video":
                audioVideo = p.yesNo(Messages.of("interview.q.audio-video"), audioVideo);
                return true;
            case "anonymity":
                anonymity = p.yesNo(Messages.of("interview.q.anonymity"), anonymity);
                return true;
            case "started_at":
                startedAt = time(p, Messages.of("interview.q.started-at"), startedAt);
                return true;
            case "place":
                place = p.text(Messages.of("interview.q.place"), place, true);
                return true;
            case "documenter":
                documenter = p.text(Messages.of("interview.q.documenter"), documenter == null ? documenterDefault : documenter, true);
                return true;
            case "interpreter":
                interpreter = p.text(Messages.of("interview.q.interpreter"), interpreter, false);
                return true;
            case "languages":
                interviewLanguages = p.text(Messages.of("interview.q.interview-languages"),
                        interviewLanguages == null ? defaultLanguage() : interviewLanguages, true);
                recordLanguages = p.text(Messages.of("interview.q.record-languages"),
                        recordLanguages == null ? interviewLanguages : recordLanguages, true);
                return true;
            case "pseudonym":
                pseudonym = p.text(Messages.of("interview.q.pseudonym"), pseudonym, true);
                return true;
            case "confidentiality":
                confidentiality = p.choose(Messages.of("interview.q.confidentiality"), labels(CONFIDENTIALITY),
                        confidentiality < 0 ? 2 : confidentiality);
                return true;
            case "identity":
                if (!identityAllowed) {
                    p.say(Messages.of("interview.identity-not-possible"));
                    return true;
                }
                identityName = p.text(Messages.of("interview.q.identity-name"), identityName, false);
                if (identityName != null) {
                    // Latin spellings and nicknames: the export searches for each (docs/format/testimony.md).
                    identityOtherNames = p.lines(Messages.of("interview.q.identity-other-names"), identityOtherNames, false);
                    identityContact = p.text(Messages.of("interview.q.identity-contact"), identityContact, false);
                }
                return true;
            case "vulnerability":
                vulnerability = p.lines(Messages.of("interview.q.vulnerability"), vulnerability, false);
                referrals = p.lines(Messages.of("interview.q.referrals"), referrals, false);
                return true;
            case "connection":
                connection = p.choose(Messages.of("interview.q.connection"), labels(CONNECTIONS), connection);
                return true;
            case "reliability":
                reliability = p.choose(Messages.of("interview.q.reliability"), labels(RELIABILITY), reliability < 0 ? 3 : reliability);
                return true;
            case "account_language":
                accountLanguage = p.text(Messages.of("interview.q.account-language"),
                        accountLanguage == null ? first(recordLanguages) : accountLanguage, true);
                return true;
            case "account":
                account = p.lines(Messages.of("interview.q.account"), account, true);
                return true;
            case "notes":
                notes = p.lines(Messages.of("interview.q.notes"), notes, false);
                return true;
            case "events":
                askEvents(p);
                return true;
            case "acknowledged":
                acknowledged = p.yesNo(Messages.of("interview.q.acknowledged"), acknowledged);
                reasonIfNot = acknowledged ? null : p.text(Messages.of("interview.q.reason-if-not"), reasonIfNot, true);
                return true;
            case "ended_at":
                endedAt = time(p, Messages.of("interview.q.ended-at"), endedAt);
                return true;
            default:
                throw new IllegalStateException(step);
        }
    }

    private void askEvents(Prompter p) {
        while (true) {
            for (int i = 0; i < events.size(); i++) {
                p.say(Messages.of("interview.event-listed", i + 1, events.get(i).act, label(PRECISIONS, events.get(i).precision),
                        events.get(i).date == null ? "" : events.get(i).date));
            }
            int next = p.choose(Messages.of("interview.q.events"), List.of(Messages.of("interview.events.add"),
                    Messages.of("interview.events.remove-last"), Messages.of("interview.events.done")), -1);
            if (next == 2) {
                return;
            }
            if (next == 1) {
                if (!events.isEmpty()) {
                    events.remove(events.size() - 1);
                }
                continue;
            }
            Event e = new Event();
            e.act = p.text(Messages.of("interview.q.event-act"), null, true);
            e.precision = p.choose(Messages.of("interview.q.event-precision"), labels(PRECISIONS), 3);
            if (e.precision != 3) {
                e.date = p.text(Messages.of("interview.q.event-date"), null, true);
            }
            e.place = p.text(Messages.of("interview.q.event-place"), null, false);
            events.add(e);
        }
    }

    /** An interview time; Enter takes now, in this computer's time zone. */
    private static String time(Prompter p, Message question, String current) {
        String now = OffsetDateTime.now(ZoneId.systemDefault()).truncatedTo(ChronoUnit.MINUTES).toString();
        while (true) {
            String typed = p.text(question, current == null ? now : current, true);
            try {
                return OffsetDateTime.parse(typed).toString();
            } catch (DateTimeParseException e) {
                p.say(Messages.of("interview.bad-time"));
                current = null;
            }
        }
    }

    /** The answers as testimony input, the same shape as {@code --from FILE.json}; only what was given. */
    ObjectNode input() {
        ObjectNode in = JsonNodeFactory.instance.objectNode();
        ObjectNode interview = in.putObject("interview");
        putIfGiven(interview, "started_at", startedAt);
        putIfGiven(interview, "ended_at", endedAt);
        putIfGiven(interview, "place", place);
        ArrayNode present = interview.putArray("present");
        addPerson(present, "documenter", documenter);
        addPerson(present, "interpreter", interpreter);
        addPerson(present, "witness", pseudonym);
        if (interviewLanguages != null || recordLanguages != null) {
            ObjectNode languages = interview.putObject("languages");
            codes(languages, "interview", interviewLanguages);
            codes(languages, "record", recordLanguages);
        }
        if (acknowledged != null) {
            ObjectNode ack = in.putObject("acknowledgement").put("witness_acknowledged", acknowledged);
            putIfGiven(ack, "reason_if_not", reasonIfNot);
        }
        ObjectNode consent = in.putObject("consent");
        if (purposeExplained != null) {
            consent.put("purpose_explained", purposeExplained);
        }
        ArrayNode who = consent.putArray("recipients");
        recipients.forEach(i -> who.add(RECIPIENTS.get(i)));
        putIfGiven(consent, "audio_video", audioVideo);
        putIfGiven(consent, "anonymity", anonymity);
        putIfGiven(consent, "withdrawal_explained", withdrawalExplained);
        ObjectNode witness = in.putObject("witness");
        putIfGiven(witness, "pseudonym", pseudonym);
        if (confidentiality >= 0) {
            witness.put("confidentiality", CONFIDENTIALITY.get(confidentiality));
        }
        lines(witness, "vulnerability", vulnerability);
        lines(witness, "referrals_offered", referrals);
        if (connection >= 0) {
            ObjectNode source = in.putObject("source").put("connection", CONNECTIONS.get(connection));
            if (reliability >= 0) {
                source.put("reliability", RELIABILITY.get(reliability));
            }
        }
        ObjectNode acc = in.putObject("account");
        putIfGiven(acc, "language", accountLanguage);
        putIfGiven(acc, "text", account);
        putIfGiven(in, "documenter_notes", notes);
        ArrayNode list = in.putArray("events");
        for (Event e : events) {
            ObjectNode event = list.addObject();
            ObjectNode date = event.putObject("date").put("precision", PRECISIONS.get(e.precision));
            putIfGiven(date, "value", e.date);
            putIfGiven(event, "place", e.place);
            event.put("act_type", e.act);
        }
        if (identityName != null) {
            ObjectNode identity = in.putObject("identity").put("name", identityName);
            lines(identity, "other_names", identityOtherNames);
            putIfGiven(identity, "contact", identityContact);
        }
        for (String name : List.of("interview", "acknowledgement", "witness", "account")) {
            if (in.get(name) != null && in.get(name).isEmpty()) {
                in.remove(name);
            }
        }
        return in;
    }

    /** What a step holds now, for the review: short, one line. */
    String shown(String step) {
        switch (step) {
            case "purpose": return yesNo(purposeExplained);
            case "withdrawal": return yesNo(withdrawalExplained);
            case "recipients": return String.join(", ", recipients.stream().map(i -> label(RECIPIENTS, i)).toList());
            case "audio_video": return yesNo(audioVideo);
            case "anonymity": return yesNo(anonymity);
            case "started_at": return orDash(startedAt);
            case "place": return short60(place);
            case "documenter": return short60(documenter);
            case "interpreter": return short60(interpreter);
            case "languages": return orDash(interviewLanguages) + " / " + orDash(recordLanguages);
            case "pseudonym": return short60(pseudonym);
            case "confidentiality": return confidentiality < 0 ? "-" : label(CONFIDENTIALITY, confidentiality);
            case "identity": return identityName == null ? "-" : Messages.of("interview.identity-given").render();
            case "vulnerability": return short60(vulnerability) + " / " + short60(referrals);
            case "connection": return connection < 0 ? "-" : label(CONNECTIONS, connection);
            case "reliability": return reliability < 0 ? "-" : label(RELIABILITY, reliability);
            case "account_language": return orDash(accountLanguage);
            case "account": return account == null ? "-" : Messages.of("interview.characters", account.length()).render();
            case "notes": return notes == null ? "-" : Messages.of("interview.characters", notes.length()).render();
            case "events": return String.valueOf(events.size());
            case "acknowledged": return yesNo(acknowledged) + (reasonIfNot == null ? "" : " (" + short60(reasonIfNot) + ")");
            case "ended_at": return orDash(endedAt);
            default: throw new IllegalStateException(step);
        }
    }

    private static List<Message> labels(List<String> values) {
        return values.stream().map(InterviewWords::valueLabel).toList();
    }

    private static String label(List<String> values, int index) {
        return InterviewWords.valueLabel(values.get(index)).render();
    }

    private static String defaultLanguage() {
        Locale ui = Language.current();
        return ui.equals(Language.DARI) ? "prs" : ui.equals(Language.PASHTO) ? "ps" : "en";
    }

    private static String first(String codes) {
        return codes == null ? null : codes.strip().split("[\\s,]+")[0];
    }

    private static void codes(ObjectNode parent, String field, String codes) {
        if (codes != null) {
            ArrayNode array = parent.putArray(field);
            for (String code : codes.strip().split("[\\s,،]+")) {
                array.add(code);
            }
        }
    }

    /** One list item a line typed. */
    private static void lines(ObjectNode parent, String field, String typed) {
        if (typed != null) {
            ArrayNode list = parent.putArray(field);
            typed.lines().map(String::strip).filter(line -> !line.isEmpty()).forEach(list::add);
        }
    }

    private static void addPerson(ArrayNode present, String role, String name) {
        if (name != null) {
            present.addObject().put("role", role).put("name", name);
        }
    }

    private static void putIfGiven(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    private static void putIfGiven(ObjectNode node, String field, Boolean value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    private static String yesNo(Boolean b) {
        return b == null ? "-" : Messages.of(b ? "interview.yes" : "interview.no").render();
    }

    private static String orDash(String s) {
        return s == null ? "-" : s;
    }

    private static String short60(String s) {
        if (s == null) {
            return "-";
        }
        String line = s.strip().replaceAll("\\s+", " ");
        return line.length() <= 60 ? line : line.substring(0, 59) + "…";
    }
}
