package org.gawah.export;

import static org.gawah.export.PackageCheck.printable;
import static org.gawah.export.PackageCheck.refused;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The links that keep a recording with its transcripts and translations (the Leiden Guidelines;
 * docs/format/evidence-package.md, "Sidecar"): every sidecar's {@code transcript_of},
 * {@code translation_of} and {@code group}, and every index.csv {@code group} and {@code relation},
 * must follow from the signed testimonies' attachment entries and name items in the package. The
 * sidecars and index.csv are the custodian's word; only the entries are signed by the documenter.
 */
final class PackageLinks {
    static final List<String> KEYS = List.of("transcript_of", "translation_of");

    private PackageLinks() {
    }

    /**
     * Checks every sidecar in {@code byId} (item id → sidecar) against {@code signed} (attachment
     * id → its entry in the signed testimony, or redacted copy, it belongs to).
     */
    static void check(Map<String, JsonNode> byId, Map<String, JsonNode> signed) {
        Map<String, String> of = new HashMap<>();
        for (JsonNode sidecar : byId.values()) {
            String id = sidecar.path("item_id").asText();
            String where = sidecarFile(id);
            JsonNode entry = signed.get(id);
            for (String key : KEYS) {
                String given = text(sidecar, key);
                if (entry == null) {
                    if (given != null) {
                        throw refused(Messages.of("check.link-not-attachment", where, key));
                    }
                    continue;
                }
                if (given != null && !signed.containsKey(given)) {
                    throw refused(Messages.of("check.link-absent", where, key, printable(given)));
                }
                String declared = text(entry, key);
                if (!Objects.equals(given, declared)) {
                    throw refused(Messages.of("check.link-unsigned", where, key, shown(given), shown(declared)));
                }
                if (declared != null) {
                    of.put(id, declared);
                }
            }
            if (entry == null && sidecar.has("group")) {
                throw refused(Messages.of("check.link-not-attachment", where, "group"));
            }
        }
        Map<String, String> groups = Groups.of(of, byId.size());
        for (JsonNode sidecar : byId.values()) {
            String id = sidecar.path("item_id").asText();
            String given = text(sidecar, "group");
            if (!Objects.equals(given, groups.get(id))) {
                throw refused(Messages.of("check.group", sidecarFile(id), shown(given), shown(groups.get(id))));
            }
        }
    }

    /**
     * An index.csv row's last two cells, {@code group} and {@code relation}, against its (checked)
     * sidecar. Group and relation never hold a comma or a quote, so they are the row's last two
     * comma-separated parts exactly when the row is right.
     */
    static void checkRow(String index, String row, JsonNode sidecar) {
        String[] cells = row.split(",", -1);
        String id = sidecar.path("item_id").asText();
        String group = text(sidecar, "group");
        if (!cells[cells.length - 2].equals(group == null ? "" : group)) {
            throw refused(Messages.of("check.index-group", index, id, shownCell(cells[cells.length - 2]), shown(group)));
        }
        String relation = "";
        for (String key : KEYS) {
            if (sidecar.has(key)) {
                relation = key.replace("_of", "");
            }
        }
        if (!cells[cells.length - 1].equals(relation)) {
            throw refused(Messages.of("check.index-relation", index, id, shownCell(cells[cells.length - 1]),
                    relation.isEmpty() ? Messages.of("check.link-none") : relation));
        }
    }

    private static String sidecarFile(String id) {
        return "metadata/items/" + id + ".json";
    }

    private static String text(JsonNode node, String key) {
        return node.has(key) ? node.get(key).asText() : null;
    }

    private static Object shown(String value) {
        return value == null ? Messages.of("check.link-none") : printable(value);
    }

    private static Object shownCell(String value) {
        return value.isEmpty() ? Messages.of("check.link-none") : printable(value);
    }
}
