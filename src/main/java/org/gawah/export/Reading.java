package org.gawah.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

// A document in the package for the receiving body, not a message to this laptop's user: English, whatever --lang says.
/**
 * A testimony (or addendum) as plain text for a person to read, e.g. a court registry clerk.
 *
 * <p>Rules that keep the reading faithful to the signed record:
 * <ul>
 * <li>Every value is written exactly as it is: nothing inserted, removed or normalised, no bidi
 * controls added. Each value ends its own line, after its label, so right-to-left text cannot
 * reorder the label or another value (bidi runs end at a line break).</li>
 * <li>The account, the documenter's notes and any value with a line break are written as a block
 * between two marker lines that the text itself does not contain, so where the text ends is never
 * in doubt.</li>
 * <li>Whatever is present is shown, whatever is missing is skipped: a redacted copy may lack
 * fields, and an unknown field is shown under its own key rather than dropped.</li>
 * <li>A date typed in a Hijri calendar (or otherwise than in ISO 8601) shows both: the Gregorian
 * value, then the date as it was given, its calendar and the text written.</li>
 * </ul>
 */
public final class Reading {
    /** Labels by path; an array item's path ends in {@code []}. Other keys are shown as they are. */
    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("schema", "Format"),
            Map.entry("record_id", "Record id"),
            Map.entry("recorded_at", "Recorded at"),
            Map.entry("adds_to", "Adds files to record"),
            Map.entry("withheld", "Withheld from this copy"),
            Map.entry("interview", "Interview"),
            Map.entry("interview.started_at", "Started"),
            Map.entry("interview.started_at_given", "Started, as given"),
            Map.entry("interview.started_at_given.calendar", "Calendar"),
            Map.entry("interview.started_at_given.text", "Written"),
            Map.entry("interview.ended_at", "Ended"),
            Map.entry("interview.ended_at_given", "Ended, as given"),
            Map.entry("interview.ended_at_given.calendar", "Calendar"),
            Map.entry("interview.ended_at_given.text", "Written"),
            Map.entry("interview.place", "Place"),
            Map.entry("interview.present", "Present (role: name)"),
            Map.entry("interview.present[]", "Person"),
            Map.entry("interview.languages", "Languages"),
            Map.entry("interview.languages.interview", "Spoken in the interview"),
            Map.entry("interview.languages.record", "Used in the record"),
            Map.entry("acknowledgement", "Acknowledgement"),
            Map.entry("acknowledgement.witness_acknowledged", "Witness acknowledged the record"),
            Map.entry("acknowledgement.reason_if_not", "Reason it was not acknowledged"),
            Map.entry("consent", "Consent"),
            Map.entry("consent.purpose_explained", "Purpose explained to the witness"),
            Map.entry("consent.recipients", "May be shared with"),
            Map.entry("consent.audio_video", "Audio or video of the witness may be used"),
            Map.entry("consent.anonymity", "Witness asks to stay anonymous"),
            Map.entry("consent.withdrawal_explained", "Witness told how to withdraw consent"),
            Map.entry("witness", "Witness"),
            Map.entry("witness.pseudonym", "Pseudonym"),
            Map.entry("witness.confidentiality", "Confidentiality"),
            Map.entry("witness.vulnerability", "Vulnerability"),
            Map.entry("witness.referrals_offered", "Referrals offered"),
            Map.entry("witness.earlier_interviews", "Earlier interviews"),
            Map.entry("witness.earlier_interviews[]", "Earlier interview"),
            Map.entry("witness.earlier_interviews[].date", "Date"),
            Map.entry("witness.earlier_interviews[].date_given", "Date, as given"),
            Map.entry("witness.earlier_interviews[].date_given.calendar", "Calendar"),
            Map.entry("witness.earlier_interviews[].date_given.text", "Written"),
            Map.entry("witness.earlier_interviews[].by", "By"),
            Map.entry("witness.earlier_interviews[].note", "Note"),
            Map.entry("source", "Source"),
            Map.entry("source.connection", "Connection to the events"),
            Map.entry("source.reliability", "Reliability"),
            Map.entry("source.note", "Note"),
            Map.entry("account", "Account (the witness's own words)"),
            Map.entry("account.language", "Language"),
            Map.entry("account.text", "Text"),
            Map.entry("documenter_notes", "Documenter's notes (the documenter's words, not the witness's)"),
            Map.entry("events", "Events"),
            Map.entry("events[]", "Event"),
            Map.entry("events[].date", "Date"),
            Map.entry("events[].date.precision", "Precision"),
            Map.entry("events[].date.value", "Gregorian (ISO 8601)"),
            Map.entry("events[].date.given", "As given"),
            Map.entry("events[].date.given.calendar", "Calendar"),
            Map.entry("events[].date.given.text", "Written"),
            Map.entry("events[].place", "Place"),
            Map.entry("events[].act_type", "Act"),
            Map.entry("events[].method", "Method"),
            Map.entry("events[].consequences", "Consequences"),
            Map.entry("events[].perpetrator_type", "Perpetrator type"),
            Map.entry("attachments", "Attachments"),
            Map.entry("attachments[]", "Attachment"),
            Map.entry("attachments[].id", "Attachment id"),
            Map.entry("attachments[].file_name", "File name"),
            Map.entry("attachments[].media_type", "Media type"),
            Map.entry("attachments[].size", "Size (bytes)"),
            Map.entry("attachments[].sha256", "SHA-256"),
            Map.entry("attachments[].sha512", "SHA-512"),
            Map.entry("attachments[].generation", "Generation"),
            Map.entry("attachments[].transcript_of", "Transcript of attachment"),
            Map.entry("attachments[].translation_of", "Translation of attachment"),
            Map.entry("attachments[].metadata", "What the file says of itself (read at sealing, signed)"),
            Map.entry("attachments[].metadata.read_by", "Read by"),
            Map.entry("attachments[].metadata.status", "Status"),
            Map.entry("attachments[].metadata.format", "Format"),
            Map.entry("attachments[].metadata.captured_at", "Captured at (the device's clock)"),
            Map.entry("attachments[].metadata.gps", "GPS position"),
            Map.entry("attachments[].metadata.gps.latitude", "Latitude"),
            Map.entry("attachments[].metadata.gps.longitude", "Longitude"),
            Map.entry("attachments[].metadata.gps.as_written", "As written"),
            Map.entry("attachments[].metadata.make", "Device make"),
            Map.entry("attachments[].metadata.model", "Device model"),
            Map.entry("attachments[].metadata.serial_numbers", "Serial numbers"),
            Map.entry("attachments[].metadata.owner", "Owner (as the device was set up)"),
            Map.entry("attachments[].metadata.duration_seconds", "Duration (seconds)"),
            Map.entry("name_keys", "Name keys (keyed hashes for the legal team's search for the witness's name; "
                    + "useless without the key sealed to the legal team)"),
            Map.entry("name_keys.rules", "Rules"),
            Map.entry("name_keys.algorithm", "Algorithm"),
            Map.entry("name_keys.sealed_key", "Sealed key (OpenPGP, base64)"),
            Map.entry("name_keys.hashes", "Hashes (base64)"));

    /** Always a block, even on one line: the two texts a reader must never run together. */
    private static final Set<String> BLOCKS = Set.of("account.text", "documenter_notes");
    /** Codes and enum values short enough to list on one line: "prs, ps". */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_.:/+-]{1,40}");
    private static final String MARKER = "~~~~~~~~";
    /** Stands for the label of a text item in a list: "- text". */
    private static final String ITEM = "-";

    private final StringBuilder out = new StringBuilder();

    private Reading() {
    }

    public static String render(JsonNode testimony) {
        Reading reading = new Reading();
        reading.document(testimony == null ? MissingNode.getInstance() : testimony);
        return reading.out.toString();
    }

    private void document(JsonNode doc) {
        JsonNode id = doc.path("record_id");
        boolean idInTitle = id.isTextual() && !breaksLine(id.asText());
        String title = kind(doc.path("schema").asText("")) + " "
                + (idInTitle ? id.asText() : "(record id not in this copy)");
        line(title);
        line("=".repeat(title.length()));
        if (!doc.isObject() && !doc.isMissingNode()) {
            value("", "Content", doc, 0);
            return;
        }
        // Top-level values first, then the sections, with what was withheld before them all so
        // the reader knows at once that this copy is not the whole record.
        for (Map.Entry<String, JsonNode> field : doc.properties()) {
            String key = field.getKey();
            if (!isSection(key, field.getValue()) && !(key.equals("record_id") && idInTitle)) {
                value(key, label(key), field.getValue(), 0);
            }
        }
        if (isSection("withheld", doc.path("withheld"))) {
            section("withheld", doc.get("withheld"));
        }
        for (Map.Entry<String, JsonNode> field : doc.properties()) {
            if (isSection(field.getKey(), field.getValue()) && !field.getKey().equals("withheld")) {
                section(field.getKey(), field.getValue());
            }
        }
    }

    private static String kind(String schema) {
        switch (schema) {
            case "gawah.testimony/1": return "Testimony";
            case "gawah.addendum/1": return "Addendum";
            default: return "Record";
        }
    }

    private static boolean isSection(String key, JsonNode value) {
        return value.isContainerNode() || BLOCKS.contains(key) && value.isTextual();
    }

    private void section(String key, JsonNode value) {
        String heading = label(key);
        line("");
        line(heading);
        line("-".repeat(heading.length()));
        if (value.isObject()) {
            members(key, value, 1);
        } else if (value.isArray()) {
            if (value.isEmpty()) {
                line("  (none)");
            }
            items(key + "[]", value, 1);
        } else {
            text(key, "  ", "Text", value.asText());
        }
    }

    private void value(String path, String label, JsonNode value, int depth) {
        String pad = "  ".repeat(depth);
        if (value.isTextual()) {
            text(path, pad, label, value.asText());
        } else if (value.isBoolean()) {
            line(pad + label + ": " + (value.booleanValue() ? "yes" : "no"));
        } else if (value.isObject()) {
            line(pad + label + ":");
            members(path, value, depth + 1);
        } else if (value.isArray()) {
            list(path, pad + label, value, depth);
        } else {
            line(pad + label + ": " + value.asText()); // a number, or null in a damaged copy
        }
    }

    private void members(String path, JsonNode object, int depth) {
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            String child = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
            value(child, LABELS.getOrDefault(child, field.getKey()), field.getValue(), depth);
        }
    }

    private void list(String path, String lead, JsonNode array, int depth) {
        if (array.isEmpty()) {
            line(lead + ": (none)"); // "asked: none", which is not the same as not recorded
        } else if (allTokens(array)) {
            StringBuilder joined = new StringBuilder();
            array.forEach(item -> joined.append(joined.length() == 0 ? "" : ", ").append(item.asText()));
            line(lead + ": " + joined);
        } else {
            line(lead + ":");
            items(path + "[]", array, depth + 1);
        }
    }

    private void items(String path, JsonNode array, int depth) {
        String pad = "  ".repeat(depth);
        int number = 0;
        for (JsonNode item : array) {
            number++;
            if (isPerson(path, item)) {
                line(pad + "- " + item.get("role").asText() + ": " + item.get("name").asText());
            } else if (item.isTextual()) {
                text(path, pad, ITEM, item.asText());
            } else {
                value(path, LABELS.getOrDefault(path, "Item") + " " + number, item, depth);
            }
        }
    }

    /** One line per person present, "interpreter: Interpreter I-3", when it is that simple. */
    private static boolean isPerson(String path, JsonNode item) {
        return path.equals("interview.present[]") && item.size() == 2
                && item.path("role").isTextual() && TOKEN.matcher(item.path("role").asText()).matches()
                && item.path("name").isTextual() && !breaksLine(item.path("name").asText());
    }

    /** "Label: value" on one line, or, for the account, the notes and multi-line text, a block. */
    private void text(String path, String pad, String label, String text) {
        if (!BLOCKS.contains(path) && !breaksLine(text)) {
            line(pad + label + (label.equals(ITEM) ? " " : ": ") + text);
            return;
        }
        String marker = MARKER;
        while (text.contains(marker)) {
            marker += "~";
        }
        line(pad + label + " (exactly as recorded, between the two " + marker + " lines):");
        line(marker);
        line(text);
        line(marker);
    }

    private static boolean allTokens(JsonNode array) {
        for (JsonNode item : array) {
            if (!item.isTextual() || !TOKEN.matcher(item.asText()).matches()) {
                return false;
            }
        }
        return true;
    }

    /** Any character a terminal or editor would start a new line at (or return to its start). */
    private static boolean breaksLine(String text) {
        return text.chars().anyMatch(c -> c == '\n' || c == '\r' || c == 0x0b || c == 0x0c
                || c == 0x85 || c == 0x2028 || c == 0x2029);
    }

    private static String label(String key) {
        return LABELS.getOrDefault(key, key);
    }

    private void line(String text) {
        out.append(text).append('\n');
    }
}
