package org.gawah.testimony;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;
import org.gawah.Failure;
import org.gawah.GawahException;

/**
 * A draft: an interview the documenter had to stop, sealed as it stood, so not a word is lost
 * and none is left readable. It is its own schema, {@code gawah.draft/1}, so that nothing takes
 * it for a finished testimony (an evidence package refuses it). Consent must be complete (no
 * consent, no record); every other field is kept as typed, with its text checked and
 * NFC-normalised like a testimony's. The witness's identity goes into its own envelope, exactly
 * as for a testimony.
 */
public final class Drafts {
    public static final String SCHEMA = "gawah.draft/1";
    private static final Pattern STEP = Pattern.compile("[a-z][a-z_]{0,39}");
    private static final Pattern RECORD_ID = Pattern.compile("GWH(-[0-9A-Z]{4}){4}");

    private Drafts() {
    }

    /** {@code stoppedAt} names the step the documenter was at, e.g. "account". */
    public static SealableTestimony build(JsonNode input, String recordId, Instant recordedAt, String stoppedAt) {
        if (!RECORD_ID.matcher(recordId).matches() || !STEP.matcher(stoppedAt).matches()) {
            throw new IllegalArgumentException("not a record id or step: " + recordId + " / " + stoppedAt);
        }
        Input root = Input.root(input, "interview", "acknowledgement", "consent", "witness",
                "source", "account", "documenter_notes", "events", "identity");
        Instant at = recordedAt.truncatedTo(ChronoUnit.SECONDS);
        ObjectNode draft = Sections.object();
        draft.put("schema", SCHEMA);
        draft.put("record_id", recordId);
        draft.put("recorded_at", at.toString());
        draft.put("stopped_at_step", stoppedAt);
        draft.set("consent", new Sections(at, null).consent(root));
        ObjectNode fields = draft.putObject("fields");
        for (Iterator<Map.Entry<String, JsonNode>> it = input.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!field.getKey().equals("consent") && !field.getKey().equals("identity") && !field.getValue().isNull()) {
                fields.set(field.getKey(), checked(field.getValue(), field.getKey()));
            }
        }
        ObjectNode identity = Testimonies.identity(root, recordId,
                input.path("witness").path("pseudonym").asText(""));
        byte[] bytes = Json.write(draft);
        if (bytes.length > Testimonies.MAX_TESTIMONY) {
            throw new GawahException(Failure.INVALID_TESTIMONY, Messages.of("draft.too-large", Testimonies.MAX_TESTIMONY >> 20));
        }
        return new SealableTestimony(bytes, identity == null ? null : Json.write(identity));
    }

    /** A copy with every string checked as testimony text; numbers and booleans as they are. */
    private static JsonNode checked(JsonNode node, String path) {
        if (node.isTextual()) {
            return Sections.object().textNode(Text.check(node, path, Sections.ACCOUNT_LIMIT));
        }
        if (node.isObject()) {
            ObjectNode copy = Sections.object();
            node.fields().forEachRemaining(e -> {
                if (!e.getValue().isNull()) {
                    copy.set(e.getKey(), checked(e.getValue(), path + "." + e.getKey()));
                }
            });
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = Sections.object().arrayNode();
            for (int i = 0; i < node.size(); i++) {
                copy.add(checked(node.get(i), path + "[" + i + "]"));
            }
            return copy;
        }
        if (node.isBoolean() || node.isIntegralNumber()) {
            return node;
        }
        throw new GawahException(Failure.INVALID_TESTIMONY, Messages.of("draft.bad-value", path));
    }
}
