package org.gawah.testimony;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.gawah.Message;

/**
 * Reads each section of the input and writes its part of the testimony, fields in the order of
 * docs/format/testimony.md (output order is part of the signed bytes). The comment on each
 * section names the source that asks for it (DESIGN.md, "What a testimony records").
 */
final class Sections {
    static final List<String> ROLES = List.of(
            "documenter", "interpreter", "witness", "legal_representative", "support_person", "other");
    static final List<String> RECIPIENTS = List.of("legal_team", "icc", "un_mechanism", "national_court", "publication");
    static final List<String> CONFIDENTIALITY = List.of("public", "restricted", "confidential", "strictly_confidential");
    static final List<String> CONNECTIONS = List.of("victim", "eyewitness", "relative", "hearsay", "other");
    static final List<String> RELIABILITY = List.of("high", "medium", "low", "unknown");
    static final int ACCOUNT_LIMIT = 8 * 1024 * 1024;

    private final Instant recordedAt;
    /** The last day anything recorded can fall on: the recording day, a day's slack for time zones. */
    private final LocalDate latest;
    /** The offset of a time typed without one (the interview's computer), or null: then it is required. */
    private final ZoneId typedIn;

    Sections(Instant recordedAt, ZoneId typedIn) {
        this.recordedAt = recordedAt;
        this.latest = latestDay(recordedAt);
        this.typedIn = typedIn;
    }

    /** The last day anything recorded at {@code recordedAt} can fall on. */
    static LocalDate latestDay(Instant recordedAt) {
        return LocalDate.ofInstant(recordedAt, ZoneOffset.UTC).plusDays(1);
    }

    /** When, where, who was present, in which languages: ICC RPE rule 111(1); HURIDOCS 2510. */
    ObjectNode interview(Input root) {
        Input in = root.object("interview", "started_at", "ended_at", "place", "present", "languages");
        ObjectNode out = object();
        OffsetDateTime started = Dates.dateTime(in, "started_at", typedIn, latest, out).value();
        if (started.toInstant().isAfter(recordedAt.plus(1, ChronoUnit.DAYS))) {
            throw in.refuse("started_at", Messages.of("interview.started-after-recorded", recordedAt));
        }
        if (in.has("ended_at")) {
            OffsetDateTime ended = Dates.dateTime(in, "ended_at", typedIn, latest, out).value();
            if (ended.toInstant().isBefore(started.toInstant())) {
                throw in.refuse("ended_at", Messages.of("interview.ended-before-started"));
            }
        }
        out.put("place", in.text("place"));
        ArrayNode present = out.putArray("present");
        boolean documenter = false;
        for (Input person : in.objects("present", 1, "role", "name")) {
            String role = person.choice("role", ROLES);
            documenter |= role.equals("documenter");
            present.addObject().put("role", role).put("name", person.text("name"));
        }
        if (!documenter) {
            throw in.refuse("present", Messages.of("interview.no-documenter"));
        }
        Input langs = in.object("languages", "interview", "record");
        ObjectNode languages = out.putObject("languages");
        strings(languages, "interview", langs.tokens("interview", 1, Iso639::isValid, Sections::notALanguage));
        strings(languages, "record", langs.tokens("record", 1, Iso639::isValid, Sections::notALanguage));
        return out;
    }

    /** Whether the witness acknowledged the record, and if not why: rule 111(1). */
    ObjectNode acknowledgement(Input root) {
        Input in = root.object("acknowledgement", "witness_acknowledged", "reason_if_not");
        boolean acknowledged = in.bool("witness_acknowledged");
        ObjectNode out = object().put("witness_acknowledged", acknowledged);
        if (acknowledged && in.has("reason_if_not")) {
            throw in.refuse("reason_if_not", Messages.of("acknowledgement.reason-not-allowed"));
        }
        if (!acknowledged) {
            if (!in.has("reason_if_not")) {
                throw in.refuse("reason_if_not", Messages.of("acknowledgement.reason-required"));
            }
            out.put("reason_if_not", in.text("reason_if_not"));
        }
        return out;
    }

    /** Informed consent: Eurojust/ICC OTP guidelines for civil society (2022); WITNESS. */
    ObjectNode consent(Input root) {
        Input in = root.object("consent",
                "purpose_explained", "recipients", "audio_video", "anonymity", "withdrawal_explained");
        if (!in.bool("purpose_explained")) {
            throw in.refuse("purpose_explained", Messages.of("consent.purpose-not-explained"));
        }
        ObjectNode out = object().put("purpose_explained", true);
        strings(out, "recipients", in.tokens("recipients", 1, RECIPIENTS::contains,
                Messages.of("field.must-be-one-of", String.join(", ", RECIPIENTS))));
        out.put("audio_video", in.bool("audio_video"));
        out.put("anonymity", in.bool("anonymity"));
        out.put("withdrawal_explained", in.bool("withdrawal_explained"));
        return out;
    }

    /**
     * The witness by pseudonym only (HURIDOCS confidentiality; Eurojust/ICC OTP), with
     * vulnerability, referrals and earlier interviews (Eurojust/ICC OTP; Murad Code).
     */
    ObjectNode witness(Input root) {
        Input in = root.object("witness",
                "pseudonym", "confidentiality", "vulnerability", "referrals_offered", "earlier_interviews");
        ObjectNode out = object().put("pseudonym", in.text("pseudonym"));
        out.put("confidentiality", in.choice("confidentiality", CONFIDENTIALITY));
        strings(out, "vulnerability", in.texts("vulnerability"));
        strings(out, "referrals_offered", in.texts("referrals_offered"));
        List<Input> earlier = in.objects("earlier_interviews", 0, "date", "by", "note");
        if (earlier != null) {
            ArrayNode list = out.putArray("earlier_interviews");
            for (Input e : earlier) {
                ObjectNode item = list.addObject();
                Dates.day(e, "date", latest, item);
                item.put("by", e.text("by"));
                putIfGiven(item, "note", e.optionalText("note"));
            }
        }
        return out;
    }

    /** How the source knows, and how reliable: HURIDOCS 2509, 2553. */
    ObjectNode source(Input root) {
        Input in = root.object("source", "connection", "reliability", "note");
        ObjectNode out = object().put("connection", in.choice("connection", CONNECTIONS));
        putIfGiven(out, "reliability", in.optionalChoice("reliability", RELIABILITY));
        putIfGiven(out, "note", in.optionalText("note"));
        return out;
    }

    /** The witness's own words, apart from the documenter's notes: Berkeley Protocol. */
    ObjectNode account(Input root) {
        Input in = root.object("account", "language", "text");
        String language = in.token("language");
        if (!Iso639.isValid(language)) {
            throw in.refuse("language", notALanguage(language), language);
        }
        return object().put("language", language).put("text", in.text("text", ACCOUNT_LIMIT));
    }

    /** Events and acts with dates of known precision: HURIDOCS Events Standard Formats. */
    ArrayNode events(Input root) {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        List<Input> events = root.objects("events", 0,
                "date", "place", "act_type", "method", "consequences", "perpetrator_type");
        for (Input e : events == null ? List.<Input>of() : events) {
            ObjectNode item = out.addObject();
            item.set("date", Dates.eventDate(e.object("date", "precision", "value"), latest));
            putIfGiven(item, "place", e.optionalText("place"));
            item.put("act_type", e.text("act_type"));
            putIfGiven(item, "method", e.optionalText("method"));
            putIfGiven(item, "consequences", e.optionalText("consequences"));
            putIfGiven(item, "perpetrator_type", e.optionalText("perpetrator_type"));
        }
        return out;
    }

    /** What a language code must be; for a language's name (Dari, دری), the code to write instead. */
    private static Message notALanguage(String value) {
        String code = Iso639.codeOfName(value);
        if (code != null) {
            return Messages.of("field.language-name", Iso639.listedName(value), code);
        }
        return Messages.of("field.must-be-language");
    }

    static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    static void putIfGiven(ObjectNode out, String key, String value) {
        if (value != null) {
            out.put(key, value);
        }
    }

    /** Writes a list of strings; absent stays absent, since [] ("asked: none") says more. */
    private static void strings(ObjectNode out, String key, List<String> values) {
        if (values != null) {
            ArrayNode array = out.putArray(key);
            values.forEach(array::add);
        }
    }
}
