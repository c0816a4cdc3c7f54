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
        return json(file, analyses, notes, Redaction.Masker.none(), null);
    }

    /**
     * As above, the title and the notes searched with {@code names} (every witness of the case
     * whose identity does not go) and masked; what was masked is noted in {@code report}.
     */
    public static byte[] json(CaseFile file, Map<String, Analysis> analyses, boolean notes, Redaction.Masker names,
                              Report report) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("schema", "gawah.case-export/1");
        node.put("case_id", file.caseId());
        String title = names.mask(file.title());
        if (!title.equals(file.title()) && report != null) {
            report.note(Messages.of("case.title-masked"));
        }
        node.put("title", title);
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
                    String note = names.mask(analysis.note());
                    if (!note.equals(analysis.note()) && report != null) {
                        report.note(Messages.of("case.note-masked", recordId));
                    }
                    record.put("note", note);
                }
            }
        });
        return Json.write(node);
    }
}
