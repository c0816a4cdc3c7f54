package org.gawah.export;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.gawah.testimony.Json;

/**
 * One file of an evidence package and what its sidecar says about it
 * (docs/format/evidence-package.md, "Items"). {@code facts} are the testimony's languages,
 * consent and confidentiality, shared by every item of a record.
 */
public record Item(String id, Kind kind, String path, String signature, String recordId, String fileName,
                   String mediaType, long size, String sha256, String sha512, Instant sealedAt, String documenter,
                   String generation, String derivedFrom, List<String> withheld, String testimony, RecordFacts facts,
                   Relation relation, JsonNode metadata) {
    /** An attachment declared the transcript ({@code transcript_of}) or translation ({@code translation_of}) of another. */
    public record Relation(String key, String of) {
    }

    public Item(String id, Kind kind, String path, String signature, String recordId, String fileName, String mediaType,
                long size, String sha256, String sha512, Instant sealedAt, String documenter, String generation,
                String derivedFrom, List<String> withheld, String testimony, RecordFacts facts) {
        this(id, kind, path, signature, recordId, fileName, mediaType, size, sha256, sha512, sealedAt, documenter,
                generation, derivedFrom, withheld, testimony, facts, null, null);
    }

    public enum Kind {
        TESTIMONY("testimony"), REDACTED_TESTIMONY("redacted_testimony"), READING("reading"), IDENTITY("identity"),
        ATTACHMENT("attachment");

        private final String wire;

        Kind(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }
    }

    /** The testimony's facts every item of its record carries. */
    public record RecordFacts(JsonNode languages, List<String> consent, String confidentiality) {
        public static RecordFacts of(JsonNode testimony) {
            JsonNode confidentiality = testimony.path("witness").path("confidentiality");
            return new RecordFacts(testimony.path("interview").path("languages").deepCopy(), Consent.recipients(testimony),
                    confidentiality.isTextual() ? confidentiality.textValue() : null);
        }
    }

    public Item {
        withheld = withheld == null ? List.of() : List.copyOf(withheld);
    }

    /** The sidecar, {@code metadata/items/ID.json}, of an item in no group. */
    public byte[] sidecar(String caseId) {
        return sidecar(caseId, null, null);
    }

    /**
     * The sealed source a custody entry made this item from ({@code GWH-…}, {@code GWH-…/identity},
     * {@code GWA-…}), whose time a token can prove; none for what the custodian made at export.
     */
    public String source() {
        return switch (kind) {
            case TESTIMONY -> recordId;
            case IDENTITY -> recordId + "/identity";
            case ATTACHMENT -> id;
            default -> null;
        };
    }

    /**
     * The sidecar; {@code group} is the item id of the recording whose transcripts and
     * translations this item belongs with (itself, for the recording), or null; {@code proof} the
     * earliest time a token proves for the item's sealed source, or null.
     */
    public byte[] sidecar(String caseId, String group, EvidencePackage.TimeProof proof) {
        return sidecar(caseId, group, proof, null);
    }

    /** The same, with {@code evidenceRecord} the package path of the item's RFC 4998 evidence record, or null. */
    public byte[] sidecar(String caseId, String group, EvidencePackage.TimeProof proof, String evidenceRecord) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("schema", "gawah.item/1");
        node.put("item_id", id);
        node.put("kind", kind.wire());
        node.put("path", path);
        putIf(node, "signature", signature);
        node.put("record_id", recordId);
        node.put("case_id", caseId);
        putIf(node, "file_name", fileName);
        node.put("media_type", mediaType);
        node.put("size", size);
        node.put("sha256", sha256);
        node.put("sha512", sha512);
        node.put("sealed_at", sealedAt.toString());
        if (proof != null) {
            node.put("timestamped_at", proof.time().toString());
            node.put("timestamp_token", proof.token());
        }
        putIf(node, "evidence_record", evidenceRecord);
        node.put("documenter", documenter);
        if (facts != null) {
            if (facts.languages() != null && !facts.languages().isMissingNode()) {
                node.set("languages", facts.languages());
            }
            ArrayNode consent = node.putArray("consent");
            facts.consent().forEach(consent::add);
            putIf(node, "confidentiality", facts.confidentiality());
        }
        node.put("generation", generation);
        putIf(node, "derived_from", derivedFrom);
        if (!withheld.isEmpty()) {
            ArrayNode list = node.putArray("withheld");
            withheld.forEach(list::add);
        }
        putIf(node, "testimony", testimony);
        if (relation != null) {
            node.put(relation.key(), relation.of());
        }
        putIf(node, "group", group);
        if (metadata != null && !metadata.isMissingNode()) {
            node.set("metadata", metadata);
        }
        return Json.write(node);
    }

    private static final java.util.Map<String, String> EXTENSIONS = java.util.Map.ofEntries(
            java.util.Map.entry("image/jpeg", "jpg"), java.util.Map.entry("image/png", "png"),
            java.util.Map.entry("image/gif", "gif"), java.util.Map.entry("image/webp", "webp"),
            java.util.Map.entry("image/heic", "heic"), java.util.Map.entry("image/tiff", "tif"),
            java.util.Map.entry("application/pdf", "pdf"), java.util.Map.entry("text/plain", "txt"),
            java.util.Map.entry("audio/mpeg", "mp3"), java.util.Map.entry("audio/mp4", "m4a"),
            java.util.Map.entry("audio/x-m4a", "m4a"), java.util.Map.entry("audio/ogg", "ogg"),
            java.util.Map.entry("audio/wav", "wav"), java.util.Map.entry("audio/x-wav", "wav"),
            java.util.Map.entry("video/mp4", "mp4"), java.util.Map.entry("video/quicktime", "mov"),
            java.util.Map.entry("video/webm", "webm"));

    /**
     * The file name extension for a media type, from a fixed table ("bin" otherwise): the
     * documenter's own file name may identify someone, so it goes in the sidecar only.
     */
    public static String extension(String mediaType) {
        return EXTENSIONS.getOrDefault(mediaType, "bin");
    }

    /** The header of packages made before transcripts and translations were grouped: still read. */
    public static final String CSV_HEADER_THIRTEEN = "item_id,kind,path,record_id,file_name,media_type,size,sha256,sealed_at,"
            + "documenter,generation,derived_from,signature";
    public static final String CSV_HEADER = CSV_HEADER_THIRTEEN + ",group,relation";

    /** Its row in {@code metadata/index.csv} (RFC 4180), in no group. */
    public String csvRow() {
        return csvRow(null);
    }

    /** Its row, with the item id of its group's recording (see {@link #sidecar(String, String, EvidencePackage.TimeProof)}). */
    public String csvRow(String group) {
        return String.join(",", csv(id), csv(kind.wire()), csv(path), csv(recordId), csv(fileName), csv(mediaType),
                csv(String.valueOf(size)), csv(sha256), csv(sealedAt.toString()), csv(documenter), csv(generation),
                csv(derivedFrom), csv(signature), csv(group),
                csv(relation == null ? null : relation.key().replace("_of", "")));
    }

    private static String csv(String value) {
        if (value == null) {
            return "";
        }
        if (value.matches("(?s)[=+\\-@\t\r].*")) {
            // A spreadsheet would run it as a formula; the sidecar keeps the exact value.
            value = "'" + value;
        }
        if (value.matches("[^\",\r\n]*")) {
            return value;
        }
        return "\"" + value.replace("\"", "\"\"") + "\"";
    }

    private static void putIf(ObjectNode node, String key, String value) {
        if (value != null) {
            node.put(key, value);
        }
    }
}
