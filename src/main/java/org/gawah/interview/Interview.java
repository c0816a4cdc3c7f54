package org.gawah.interview;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The answers of one interview, in the order a documenter asks them: consent first (no consent,
 * no record), then the interview, the witness, how they know, their account in their own words,
 * the events, and whether they acknowledged the record. The answers are the same fields as
 * {@code gawah record --from FILE.json} (docs/format/testimony.md) and live in memory only; each
 * was checked when it was typed (InterviewQuestions), by whichever face asked it: the terminal
 * ({@code gawah interview}) or the window. Dates are kept as typed, so the record
 * keeps them as given beside their Gregorian value.
 */
public final class Interview {
    public static final List<String> STEPS = List.of("purpose", "withdrawal", "recipients", "audio_video", "anonymity",
            "started_at", "place", "documenter", "interpreter", "languages", "pseudonym", "confidentiality",
            "identity", "vulnerability", "connection", "reliability", "account_language", "account", "notes",
            "events", "acknowledged", "ended_at");
    static final List<String> RECIPIENTS = List.of("legal_team", "icc", "un_mechanism", "national_court", "publication");
    static final List<String> CONFIDENTIALITY = List.of("public", "restricted", "confidential", "strictly_confidential");
    static final List<String> CONNECTIONS = List.of("victim", "eyewitness", "relative", "hearsay", "other");
    static final List<String> RELIABILITY = List.of("high", "medium", "low", "unknown");
    static final List<String> PRECISIONS = List.of("exact", "estimate", "unknown_day", "unknown");
    static final int UNKNOWN = 3;

    /** One act the witness describes. */
    public static final class Event {
        String act;
        int precision = UNKNOWN;
        /** As typed, in any calendar. */
        String date;
        String place;

        Event() {
        }
    }

    final boolean identityAllowed;
    final String documenterDefault;

    Boolean purposeExplained;
    Boolean withdrawalExplained;
    List<Integer> recipients = new ArrayList<>();
    Boolean audioVideo;
    Boolean anonymity;
    /** As typed, in any calendar; checked when typed. */
    String startedAt;
    String place;
    String documenter;
    String interpreter;
    /** Codes, space-separated: names typed were turned into codes when typed. */
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

    /**
     * {@code identityAllowed}: a protection officer's key is pinned, so the witness's name can be
     * sealed apart; {@code documenterDefault}: the name offered for the documenter (from their key).
     */
    public Interview(boolean identityAllowed, String documenterDefault) {
        this.identityAllowed = identityAllowed;
        this.documenterDefault = documenterDefault;
    }

    /** True once consent allows a record: the purpose was explained. */
    public boolean consentGiven() {
        return Boolean.TRUE.equals(purposeExplained) && withdrawalExplained != null && !recipients.isEmpty()
                && audioVideo != null && anonymity != null;
    }

    /** True once the witness said the purpose was not explained: then nothing is recorded. */
    public boolean consentRefused() {
        return Boolean.FALSE.equals(purposeExplained);
    }

    /** The answers as testimony input, the same shape as {@code --from FILE.json}; only what was given. */
    public ObjectNode input() {
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
            if (e.act == null) {
                continue; // begun and left before its first answer
            }
            ObjectNode event = list.addObject();
            ObjectNode date = event.putObject("date").put("precision", PRECISIONS.get(e.precision));
            putIfGiven(date, "value", e.precision == UNKNOWN ? null : e.date);
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

    /**
     * The answers of a draft ({@code gawah.draft/1}, docs/format/testimony.md) to go on with: its
     * {@code consent} and {@code fields}, which are the shape {@link #input} gives, read back into
     * answers. The witness's name is not among them: a draft seals it apart, for the protection
     * officers alone. What this interview does not ask (an earlier interview, a support person)
     * is not read back. The draft is the documenter's own signed record: a value that is not one
     * of the interview's (an unknown recipient or level) is left unanswered, to be asked again.
     */
    public static Interview resume(JsonNode consent, JsonNode fields, boolean identityAllowed, String documenterDefault) {
        Interview in = new Interview(identityAllowed, documenterDefault);
        in.purposeExplained = bool(consent.get("purpose_explained"));
        in.withdrawalExplained = bool(consent.get("withdrawal_explained"));
        for (JsonNode recipient : consent.path("recipients")) {
            int i = RECIPIENTS.indexOf(recipient.asText());
            if (i >= 0 && !in.recipients.contains(i)) {
                in.recipients.add(i);
            }
        }
        in.audioVideo = bool(consent.get("audio_video"));
        in.anonymity = bool(consent.get("anonymity"));
        JsonNode interview = fields.path("interview");
        in.startedAt = text(interview.get("started_at"));
        in.endedAt = text(interview.get("ended_at"));
        in.place = text(interview.get("place"));
        for (JsonNode person : interview.path("present")) {
            String role = person.path("role").asText();
            if (role.equals("documenter")) {
                in.documenter = text(person.get("name"));
            } else if (role.equals("interpreter")) {
                in.interpreter = text(person.get("name"));
            }
        }
        in.interviewLanguages = codes(interview.path("languages").get("interview"));
        in.recordLanguages = codes(interview.path("languages").get("record"));
        JsonNode witness = fields.path("witness");
        in.pseudonym = text(witness.get("pseudonym"));
        in.confidentiality = CONFIDENTIALITY.indexOf(witness.path("confidentiality").asText());
        in.vulnerability = lines(witness.get("vulnerability"));
        in.referrals = lines(witness.get("referrals_offered"));
        JsonNode source = fields.path("source");
        in.connection = CONNECTIONS.indexOf(source.path("connection").asText());
        in.reliability = in.connection < 0 ? -1 : RELIABILITY.indexOf(source.path("reliability").asText());
        in.accountLanguage = text(fields.path("account").get("language"));
        in.account = text(fields.path("account").get("text"));
        in.notes = text(fields.get("documenter_notes"));
        for (JsonNode e : fields.path("events")) {
            Event event = new Event();
            event.act = text(e.get("act_type"));
            int precision = PRECISIONS.indexOf(e.path("date").path("precision").asText());
            event.precision = precision < 0 ? UNKNOWN : precision;
            event.date = event.precision == UNKNOWN ? null : text(e.path("date").get("value"));
            event.place = text(e.get("place"));
            if (event.act != null) {
                in.events.add(event);
            }
        }
        JsonNode ack = fields.path("acknowledgement");
        in.acknowledged = bool(ack.get("witness_acknowledged"));
        in.reasonIfNot = Boolean.FALSE.equals(in.acknowledged) ? text(ack.get("reason_if_not")) : null;
        return in;
    }

    private static Boolean bool(JsonNode node) {
        return node != null && node.isBoolean() ? node.booleanValue() : null;
    }

    private static String text(JsonNode node) {
        return node != null && node.isTextual() && !node.textValue().isBlank() ? node.textValue() : null;
    }

    private static String codes(JsonNode array) {
        List<String> codes = new ArrayList<>();
        if (array != null) {
            array.forEach(code -> codes.add(code.asText()));
        }
        return codes.isEmpty() ? null : String.join(" ", codes);
    }

    /** A list kept one item a line, as it was typed. */
    private static String lines(JsonNode array) {
        List<String> lines = new ArrayList<>();
        if (array != null) {
            array.forEach(line -> lines.add(line.asText()));
        }
        return lines.isEmpty() ? null : String.join("\n", lines);
    }

    /** The documenter's name as a key's user ID gives it, without the e-mail part; null if none. */
    public static String nameIn(String userId) {
        int angle = userId == null ? -1 : userId.indexOf('<');
        String name = userId == null ? "" : (angle < 0 ? userId : userId.substring(0, angle)).strip();
        return name.isEmpty() ? null : name;
    }

    /** The first of the codes in {@code codes}, or null. */
    static String first(String codes) {
        return codes == null ? null : codes.strip().split("\\s+")[0];
    }

    private static void codes(ObjectNode parent, String field, String codes) {
        if (codes != null) {
            ArrayNode array = parent.putArray(field);
            for (String code : codes.strip().split("\\s+")) {
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
}
