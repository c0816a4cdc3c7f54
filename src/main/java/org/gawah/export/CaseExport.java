package org.gawah.export;

import java.util.List;
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
        return json(file, analyses, notes, Redaction.Masker.none(), List.of(), false, null);
    }

    /**
     * As above, the title and the notes searched with {@code names} (every witness of the case
     * whose identity does not go) and masked; what was masked is noted in {@code report}. When the
     * witness of a record in {@code unsearched} could not be searched for (no key here opens the
     * identity and the testimony has no name keys), nothing can say the title or the notes do not
     * name them: both are withheld, unless {@code reviewed} (a person read them: {@code --reviewed
     * CASE-ID}); the report says which, under "left out" or "not searched".
     */
    public static byte[] json(CaseFile file, Map<String, Analysis> analyses, boolean notes, Redaction.Masker names,
                              List<String> unsearched, boolean reviewed, Report report) {
        boolean withheld = !unsearched.isEmpty() && !reviewed;
        String who = String.join(", ", unsearched);
        if (report != null) {
            if (withheld) {
                report.leftOut(file.caseId(), "title", Messages.of("case.title-unsearched", who, file.caseId()),
                        Report.Remedy.reviewed(file.caseId()));
            } else if (!unsearched.isEmpty()) {
                report.notSearched(file.caseId(), "title", Messages.of("case.title-reviewed", who, file.caseId()));
            } else {
                report.searched(file.caseId(), Messages.of("case.searched"));
            }
        }
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("schema", "gawah.case-export/1");
        node.put("case_id", file.caseId());
        String title = withheld ? Redaction.MARK : names.mask(file.title());
        if (!withheld && !title.equals(file.title()) && report != null) {
            report.note(Messages.of("case.title-masked"));
        }
        node.put("title", title);
        ArrayNode records = node.putArray("records");
        boolean notesWithheld = false;
        for (Map.Entry<String, Analysis> one : analyses.entrySet()) {
            String recordId = one.getKey();
            Analysis analysis = one.getValue();
            ObjectNode record = records.addObject();
            record.put("record_id", recordId);
            ArrayNode tags = record.putArray("legal_qualification");
            if (analysis != null) {
                analysis.legalQualification().forEach(tags::add);
                if (analysis.reliability() != null) {
                    record.put("reliability", analysis.reliability());
                }
                if (notes && analysis.note() != null) {
                    String note = withheld ? Redaction.MARK : names.mask(analysis.note());
                    notesWithheld |= withheld;
                    if (!withheld && !note.equals(analysis.note()) && report != null) {
                        report.note(Messages.of("case.note-masked", recordId));
                    }
                    record.put("note", note);
                }
            }
        }
        if (notesWithheld && report != null) {
            report.leftOut(file.caseId(), "notes", Messages.of("case.notes-unsearched", who, file.caseId()),
                    Report.Remedy.reviewed(file.caseId()));
        }
        return Json.write(node);
    }
}
