package org.gawah.cases;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.gawah.Failure;
import org.gawah.GawahException;
import org.gawah.testimony.Json;
import org.gawah.testimony.RecordId;

/**
 * The legal team's analysis of one record in a case, {@code gawah.analysis/1}
 * (docs/format/case.md): legal qualification, reliability, a note. Kept apart from the
 * witness's words, signed by the analyst and sealed to the team.
 */
public record Analysis(String analysisId, String caseId, String recordId, Instant madeAt, String analyst,
                       List<String> legalQualification, String reliability, String note) {
    public static final String SCHEMA = "gawah.analysis/1";
    public static final Set<String> RELIABILITY = Set.of("high", "medium", "low", "unknown");
    static final int NOTE_LIMIT = 64 * 1024;

    public Analysis {
        if (!RecordId.isValid("GWN", analysisId) || !RecordId.isValid("GWC", caseId) || !RecordId.isValid("GWH", recordId)) {
            throw new IllegalArgumentException("ids");
        }
        List<String> tags = new ArrayList<>();
        for (String tag : legalQualification) {
            LegalTags.requireKnown(tag);
            if (!tags.contains(tag)) {
                tags.add(tag);
            }
        }
        legalQualification = List.copyOf(tags);
        if (reliability != null && !RELIABILITY.contains(reliability)) {
            throw new GawahException(Failure.USAGE, Messages.of("analysis.reliability"));
        }
        if (note != null) {
            note = CaseText.check(note, Messages.of("analysis.note"), NOTE_LIMIT, false);
        }
    }

    /** The exact bytes that are signed and sealed. */
    public byte[] bytes() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("schema", SCHEMA);
        node.put("analysis_id", analysisId);
        node.put("case_id", caseId);
        node.put("record_id", recordId);
        node.put("made_at", madeAt.toString());
        node.put("analyst", analyst);
        ArrayNode tags = node.putArray("legal_qualification");
        legalQualification.forEach(tags::add);
        if (reliability != null) {
            node.put("reliability", reliability);
        }
        if (note != null) {
            node.put("note", note);
        }
        return Json.write(node);
    }

    /** Reads an opened {@code gawah.analysis/1}; anything else is damaged data. */
    public static Analysis read(byte[] json) {
        try {
            JsonNode node = Json.parse(json, 1 << 20, Messages.of("analysis.document"));
            CaseFile.require(node, SCHEMA);
            List<String> tags = new ArrayList<>();
            node.get("legal_qualification").forEach(tag -> tags.add(tag.textValue()));
            Analysis analysis = new Analysis(node.get("analysis_id").textValue(), node.get("case_id").textValue(),
                    node.get("record_id").textValue(), Instant.parse(node.get("made_at").textValue()),
                    node.get("analyst").textValue(), tags, text(node, "reliability"), text(node, "note"));
            if (!java.util.Arrays.equals(analysis.bytes(), json)) {
                throw new IllegalArgumentException("not canonical");
            }
            return analysis;
        } catch (RuntimeException e) {
            throw new GawahException(Failure.BAD_DATA, Messages.of("analysis.damaged", SCHEMA));
        }
    }

    private static String text(JsonNode node, String key) {
        return node.has(key) ? node.get(key).textValue() : null;
    }
}
