package org.gawah.desktop;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.gawah.Language;
import org.gawah.Message;
import org.gawah.interview.InterviewWords;
import org.gawah.testimony.DateCalendar;
import org.gawah.testimony.Iso639;

/**
 * A testimony as the reader lays it out, without a control: one section at a time in the format's
 * order (docs/format/testimony.md), each member under words in the window's language, never the
 * format's key. A value is either the window's own words (yes or no, a level, a day in both
 * calendars, a language's name), which run in the window's direction, or the testimony's own text,
 * which keeps its own direction and reaches the screen through the display path. A member this
 * version does not know (one a later format adds) is still shown, under its key, so that nothing
 * signed is hidden from the reader.
 */
final class TestimonyFields {
    /** A sub-heading (an event, an earlier interview, an attachment), a value in the window's words, or the testimony's text. */
    enum Kind { HEADING, WORDS, TEXT }

    /**
     * One line of the reader. {@code path} names it (the format's keys and indices, dotted:
     * {@code events.0.act_type}); {@code words} is set for {@link Kind#WORDS}, {@code text} for
     * {@link Kind#TEXT}.
     */
    record Field(String path, Kind kind, Message label, Message words, String text) {
        static Field heading(String path, Message label) {
            return new Field(path, Kind.HEADING, label, null, null);
        }

        static Field words(String path, Message label, Message words) {
            return new Field(path, Kind.WORDS, label, words, null);
        }

        static Field text(String path, Message label, String text) {
            return new Field(path, Kind.TEXT, label, null, text);
        }
    }

    private final List<Field> fields = new ArrayList<>();

    private TestimonyFields() {
    }

    /** The fields of {@code section} (a top-level key of the testimony) as the reader shows them; empty when it is absent. */
    static List<Field> of(JsonNode testimony, String section) {
        JsonNode node = testimony.get(section);
        TestimonyFields into = new TestimonyFields();
        if (node == null) {
            return List.of();
        }
        switch (section) {
            case "interview": into.interview(node); break;
            case "acknowledgement": into.acknowledgement(node); break;
            case "consent": into.consent(node); break;
            case "witness": into.witness(node); break;
            case "source": into.source(node); break;
            case "account": into.account(node); break;
            case "documenter_notes": into.text(section, Messages.of("reader.field.documenter_notes"), node); break;
            case "events": into.events(node); break;
            case "attachments": into.attachments(node); break;
            default: into.unknown(section, node); break;
        }
        return List.copyOf(into.fields);
    }

    private void interview(JsonNode node) {
        Set<String> known = known("started_at", "started_at_given", "ended_at", "ended_at_given", "place", "present", "languages");
        time("interview.started_at", Messages.of("reader.field.started_at"), node, "started_at");
        time("interview.ended_at", Messages.of("reader.field.ended_at"), node, "ended_at");
        text("interview.place", Messages.of("reader.field.place"), node.get("place"));
        int i = 0;
        for (JsonNode person : each(node.get("present"))) {
            String path = "interview.present." + i++;
            fields.add(Field.text(path, Messages.of("reader.present", role(person.path("role").asText())), person.path("name").asText()));
            rest(path, person, known("role", "name"));
        }
        JsonNode languages = node.path("languages");
        if (languages.has("interview")) {
            fields.add(Field.words("interview.languages.interview", Messages.of("reader.field.languages.interview"),
                    languages(languages.get("interview"))));
        }
        if (languages.has("record")) {
            fields.add(Field.words("interview.languages.record", Messages.of("reader.field.languages.record"),
                    languages(languages.get("record"))));
        }
        rest("interview.languages", languages, known("interview", "record"));
        rest("interview", node, known);
    }

    private void acknowledgement(JsonNode node) {
        yesNo("acknowledgement.witness_acknowledged", Messages.of("reader.field.witness_acknowledged"), node.get("witness_acknowledged"));
        text("acknowledgement.reason_if_not", Messages.of("reader.field.reason_if_not"), node.get("reason_if_not"));
        rest("acknowledgement", node, known("witness_acknowledged", "reason_if_not"));
    }

    private void consent(JsonNode node) {
        yesNo("consent.purpose_explained", Messages.of("reader.field.purpose_explained"), node.get("purpose_explained"));
        if (node.has("recipients")) {
            List<Message> who = new ArrayList<>();
            each(node.get("recipients")).forEach(r -> who.add(fixed(r.asText())));
            fields.add(Field.words("consent.recipients", Messages.of("reader.field.recipients"), list(who)));
        }
        yesNo("consent.audio_video", Messages.of("reader.field.audio_video"), node.get("audio_video"));
        yesNo("consent.anonymity", Messages.of("reader.field.anonymity"), node.get("anonymity"));
        yesNo("consent.withdrawal_explained", Messages.of("reader.field.withdrawal_explained"), node.get("withdrawal_explained"));
        rest("consent", node, known("purpose_explained", "recipients", "audio_video", "anonymity", "withdrawal_explained"));
    }

    private void witness(JsonNode node) {
        text("witness.pseudonym", Messages.of("reader.field.pseudonym"), node.get("pseudonym"));
        fixed("witness.confidentiality", Messages.of("reader.field.confidentiality"), node.get("confidentiality"));
        texts("witness.vulnerability", Messages.of("reader.field.vulnerability"), node.get("vulnerability"));
        texts("witness.referrals_offered", Messages.of("reader.field.referrals_offered"), node.get("referrals_offered"));
        int i = 0;
        for (JsonNode earlier : each(node.get("earlier_interviews"))) {
            String path = "witness.earlier_interviews." + i++;
            fields.add(Field.heading(path, Messages.of("reader.earlier-interview", i)));
            if (earlier.has("date")) {
                fields.add(Field.words(path + ".date", Messages.of("reader.field.date"),
                        asGiven(day(earlier.get("date").asText()), earlier.get("date_given"))));
            }
            text(path + ".by", Messages.of("reader.field.by"), earlier.get("by"));
            text(path + ".note", Messages.of("reader.field.note"), earlier.get("note"));
            rest(path, earlier, known("date", "date_given", "by", "note"));
        }
        rest("witness", node, known("pseudonym", "confidentiality", "vulnerability", "referrals_offered", "earlier_interviews"));
    }

    private void source(JsonNode node) {
        fixed("source.connection", Messages.of("reader.field.connection"), node.get("connection"));
        fixed("source.reliability", Messages.of("reader.field.reliability"), node.get("reliability"));
        text("source.note", Messages.of("reader.field.note"), node.get("note"));
        rest("source", node, known("connection", "reliability", "note"));
    }

    private void account(JsonNode node) {
        if (node.has("language")) {
            fields.add(Field.words("account.language", Messages.of("reader.field.account.language"), language(node.get("language").asText())));
        }
        text("account.text", Messages.of("reader.field.account.text"), node.get("text"));
        rest("account", node, known("language", "text"));
    }

    private void events(JsonNode node) {
        int i = 0;
        for (JsonNode event : each(node)) {
            String path = "events." + i++;
            fields.add(Field.heading(path, Messages.of("reader.event", i)));
            JsonNode date = event.path("date");
            if (event.has("date")) {
                fields.add(Field.words(path + ".date", Messages.of("reader.field.date"), eventDate(date)));
            }
            text(path + ".act_type", Messages.of("reader.field.act_type"), event.get("act_type"));
            text(path + ".place", Messages.of("reader.field.place"), event.get("place"));
            text(path + ".method", Messages.of("reader.field.method"), event.get("method"));
            text(path + ".consequences", Messages.of("reader.field.consequences"), event.get("consequences"));
            text(path + ".perpetrator_type", Messages.of("reader.field.perpetrator_type"), event.get("perpetrator_type"));
            rest(path + ".date", date, known("precision", "value", "given"));
            rest(path, event, known("date", "act_type", "place", "method", "consequences", "perpetrator_type"));
        }
    }

    private void attachments(JsonNode node) {
        int i = 0;
        for (JsonNode attachment : each(node)) {
            String path = "attachments." + i++;
            fields.add(Field.heading(path, Messages.of("reader.attachment", i)));
            text(path + ".file_name", Messages.of("reader.field.file_name"), attachment.get("file_name"));
            if (attachment.has("media_type")) {
                fields.add(Field.words(path + ".media_type", Messages.of("reader.field.media_type"),
                        Ltr.of(attachment.get("media_type").asText())));
            }
            if (attachment.has("size")) {
                fields.add(Field.words(path + ".size", Messages.of("reader.field.size"),
                        Messages.of("reader.bytes", attachment.get("size").asLong())));
            }
            if (attachment.has("generation")) {
                String generation = attachment.get("generation").asText();
                fields.add(Field.words(path + ".generation", Messages.of("reader.field.generation"),
                        "original".equals(generation) ? Messages.of("reader.original")
                                : "copy".equals(generation) ? Messages.of("reader.copy") : Messages.of("reader.raw", generation)));
            }
            text(path + ".transcript_of", Messages.of("reader.field.transcript_of"), attachment.get("transcript_of"));
            text(path + ".translation_of", Messages.of("reader.field.translation_of"), attachment.get("translation_of"));
            if (attachment.has("sha256")) {
                fields.add(Field.words(path + ".sha256", Messages.of("reader.field.sha256"), Ltr.of(attachment.get("sha256").asText())));
            }
            metadata(path + ".metadata", attachment.path("metadata"));
            rest(path, attachment, known("id", "file_name", "media_type", "size", "generation", "transcript_of", "translation_of",
                    "sha256", "sha512", "metadata"));
        }
    }

    /** What a photo, sound or film said about itself at sealing (docs/format/testimony.md, attachments[].metadata). */
    private void metadata(String path, JsonNode node) {
        if (!node.isObject()) {
            return;
        }
        if (node.has("status")) {
            String status = node.get("status").asText();
            Message words;
            switch (status) {
                case "read": words = Messages.of("reader.metadata.read"); break;
                case "read_with_errors": words = Messages.of("reader.metadata.read_with_errors"); break;
                case "too_large": words = Messages.of("reader.metadata.too_large"); break;
                case "unreadable": words = Messages.of("reader.metadata.unreadable"); break;
                default: words = Messages.of("reader.raw", status); break;
            }
            fields.add(Field.words(path + ".status", Messages.of("reader.field.metadata.status"), words));
        }
        text(path + ".format", Messages.of("reader.field.metadata.format"), node.get("format"));
        text(path + ".captured_at", Messages.of("reader.field.metadata.captured_at"), node.get("captured_at"));
        JsonNode gps = node.path("gps");
        if (gps.has("latitude") && gps.has("longitude")) {
            fields.add(Field.words(path + ".gps", Messages.of("reader.field.metadata.gps"),
                    Messages.of("reader.gps", Ltr.of(gps.get("latitude").asText()), Ltr.of(gps.get("longitude").asText()))));
        }
        text(path + ".gps.as_written", Messages.of("reader.field.metadata.gps"), gps.get("as_written"));
        rest(path + ".gps", gps, known("latitude", "longitude", "as_written"));
        text(path + ".make", Messages.of("reader.field.metadata.make"), node.get("make"));
        text(path + ".model", Messages.of("reader.field.metadata.model"), node.get("model"));
        texts(path + ".serial_numbers", Messages.of("reader.field.metadata.serial_numbers"), node.get("serial_numbers"));
        text(path + ".owner", Messages.of("reader.field.metadata.owner"), node.get("owner"));
        if (node.has("duration_seconds")) {
            fields.add(Field.words(path + ".duration_seconds", Messages.of("reader.field.metadata.duration"),
                    Messages.of("reader.seconds", Ltr.of(node.get("duration_seconds").asText()))));
        }
        text(path + ".read_by", Messages.of("reader.field.metadata.read_by"), node.get("read_by"));
        rest(path, node, known("read_by", "status", "format", "captured_at", "gps", "make", "model", "serial_numbers", "owner",
                "duration_seconds"));
    }

    /** A text member (or an array of texts, each on its own line) under its words. */
    private void text(String path, Message label, JsonNode value) {
        if (value == null) {
            return;
        }
        if (value.isArray()) {
            texts(path, label, value);
        } else if (value.isValueNode()) {
            fields.add(Field.text(path, label, value.asText()));
        } else {
            unknown(path, value);
        }
    }

    private void texts(String path, Message label, JsonNode values) {
        int i = 0;
        for (JsonNode value : each(values)) {
            fields.add(Field.text(path + "." + i++, label, value.asText()));
        }
    }

    private void yesNo(String path, Message label, JsonNode value) {
        if (value == null) {
            return;
        }
        fields.add(value.isBoolean() ? Field.words(path, label, InterviewWords.yesNo(value.booleanValue()))
                : Field.text(path, label, value.asText()));
    }

    /** A value from the format's fixed list (a level, a connection), in words; any other as written. */
    private void fixed(String path, Message label, JsonNode value) {
        if (value != null) {
            fields.add(Field.words(path, label, fixed(value.asText())));
        }
    }

    private static Message fixed(String value) {
        try {
            return InterviewWords.valueLabel(value);
        } catch (IllegalStateException e) {
            return Messages.of("reader.raw", value);
        }
    }

    /** A date-time as stored, its day in the Solar Hijri calendar too, and the text it was typed as. */
    private void time(String path, Message label, JsonNode node, String key) {
        JsonNode value = node.get(key);
        if (value == null) {
            return;
        }
        Message shown;
        try {
            OffsetDateTime time = OffsetDateTime.parse(value.asText());
            shown = bothCalendars(value.asText(), time.toLocalDate());
        } catch (DateTimeParseException e) {
            shown = Messages.of("reader.raw", value.asText());
        }
        fields.add(Field.words(path, label, asGiven(shown, node.get(key + "_given"))));
    }

    private static Message day(String value) {
        try {
            return bothCalendars(value, LocalDate.parse(value));
        } catch (DateTimeParseException e) {
            return Messages.of("reader.raw", value);
        }
    }

    /** An event's date: how precisely it is known, its value (a day in both calendars), as given. */
    private static Message eventDate(JsonNode date) {
        Message precision = fixed(date.path("precision").asText());
        if (!date.has("value")) {
            return precision;
        }
        String value = date.get("value").asText();
        Message shown = value.length() == 10 ? day(value) : Messages.of("reader.raw", value);
        return asGiven(Messages.of("reader.event-date", precision, shown), date.get("given"));
    }

    private static Message bothCalendars(String value, LocalDate day) {
        Message solar = DateCalendar.SOLAR_HIJRI.describe(day);
        return solar == null ? Messages.of("reader.raw", value) : Messages.of("records.date", value, solar);
    }

    /** A date with the text the documenter typed and its calendar, when it was typed otherwise than as stored. */
    private static Message asGiven(Message shown, JsonNode given) {
        if (given == null || !given.has("text")) {
            return shown;
        }
        DateCalendar calendar = DateCalendar.byId(given.path("calendar").asText());
        return Messages.of("reader.as-given", shown, given.get("text").asText(),
                calendar == null ? Messages.of("reader.raw", given.path("calendar").asText()) : calendar.label());
    }

    private static Message languages(JsonNode codes) {
        List<Message> named = new ArrayList<>();
        each(codes).forEach(code -> named.add(language(code.asText())));
        return list(named);
    }

    /** A language's code with its name in the window's language: "prs (دری)". */
    private static Message language(String code) {
        String name = Iso639.name(code, Language.current());
        return name == null ? Messages.of("reader.raw", code) : Messages.of("reader.language", code, name);
    }

    private static Message list(List<Message> items) {
        if (items.isEmpty()) {
            return Messages.of("reader.raw", "-");
        }
        Message joined = items.get(0);
        for (Message item : items.subList(1, items.size())) {
            joined = Messages.of("reader.list", joined, item);
        }
        return joined;
    }

    private static Message role(String role) {
        switch (role) {
            case "documenter": return Messages.of("reader.role.documenter");
            case "interpreter": return Messages.of("reader.role.interpreter");
            case "witness": return Messages.of("reader.role.witness");
            case "legal_representative": return Messages.of("reader.role.legal_representative");
            case "support_person": return Messages.of("reader.role.support_person");
            case "other": return Messages.of("reader.role.other");
            default: return Messages.of("reader.raw", role);
        }
    }

    /** Members of {@code node} not in {@code known}: shown under their keys. */
    private void rest(String path, JsonNode node, Set<String> known) {
        if (node == null || !node.isObject()) {
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> members = node.fields(); members.hasNext(); ) {
            Map.Entry<String, JsonNode> member = members.next();
            if (!known.contains(member.getKey())) {
                unknown(path + "." + member.getKey(), member.getValue());
            }
        }
    }

    /** A member this version has no words for, walked to its values, each under its dotted path. */
    private void unknown(String path, JsonNode node) {
        if (node.isValueNode()) {
            fields.add(Field.text(path, Messages.of("reader.raw", path), node.asText()));
        } else if (node.isArray()) {
            int i = 0;
            for (JsonNode item : node) {
                unknown(path + "." + i++, item);
            }
        } else {
            node.fields().forEachRemaining(member -> unknown(path + "." + member.getKey(), member.getValue()));
        }
    }

    private static Iterable<JsonNode> each(JsonNode array) {
        return array == null || !array.isArray() ? List.of() : array;
    }

    private static Set<String> known(String... keys) {
        return new HashSet<>(List.of(keys));
    }
}
