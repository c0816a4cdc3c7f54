package org.gawah.export;

import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.gawah.cases.Analysis;
import org.gawah.cases.CaseFile;
import org.gawah.testimony.Json;

/** {@code metadata/case.json}: the legal team's analysis of the exported records, apart from the witnesses' words. */
public final class CaseExport {
    private CaseExport() {
    }

    /** {@code analyses}: the latest analysis of each exported record, in case order (null where none). */
    public static byte[] json(CaseFile file, Map<String, Analysis> analyses, boolean notes) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("schema", "gawah.case-export/1");
        node.put("case_id", file.caseId());
        node.put("title", file.title());
        ArrayNode records = node.putArray("records");
        analyses.forEach((recordId, analysis) -> {
            ObjectNode record = records.addObject();
            record.put("record_id", recordId);
            ArrayNode tags = record.putArray("legal_qualification");
            if (analysis != null) {
                analysis.legalQualification().forEach(tags::add);
                if (analysis.reliability() != null) {
                    record.put("reliability", analysis.reliability());
                }
                if (notes && analysis.note() != null) {
                    record.put("note", analysis.note());
                }
            }
        });
        return Json.write(node);
    }
}
