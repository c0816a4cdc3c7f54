package org.gawah.cases;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.gawah.Failure;
import org.gawah.GawahException;
import org.gawah.testimony.Json;
import org.gawah.testimony.RecordId;

/** A case's own document, {@code gawah.case/1} (docs/format/case.md): its id, when it was made, its title. */
public record CaseFile(String caseId, Instant createdAt, String title) {
    public static final String SCHEMA = "gawah.case/1";
    static final int TITLE_LIMIT = 200;

    public CaseFile {
        if (!RecordId.isValid("GWC", caseId)) {
            throw new IllegalArgumentException("not a case id");
        }
        title = CaseText.check(title, Messages.of("case.title"), TITLE_LIMIT, true);
    }

    /** The exact bytes that are signed and sealed. */
    public byte[] bytes() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("schema", SCHEMA);
        node.put("case_id", caseId);
        node.put("created_at", createdAt.toString());
        node.put("title", title);
        return Json.write(node);
    }

    /** Reads an opened {@code gawah.case/1}; anything else is damaged data. */
    public static CaseFile read(byte[] json) {
        try {
            JsonNode node = Json.parse(json, 1 << 20, Messages.of("case.document"));
            require(node, SCHEMA);
            CaseFile file = new CaseFile(node.get("case_id").textValue(), Instant.parse(node.get("created_at").textValue()),
                    node.get("title").textValue());
            if (!java.util.Arrays.equals(file.bytes(), json)) {
                throw new IllegalArgumentException("not canonical");
            }
            return file;
        } catch (RuntimeException e) {
            throw new GawahException(Failure.BAD_DATA, Messages.of("case.damaged", SCHEMA));
        }
    }

    static void require(JsonNode node, String schema) {
        if (!node.isObject() || node.get("schema") == null || !schema.equals(node.get("schema").textValue())) {
            throw new IllegalArgumentException("schema");
        }
    }
}
