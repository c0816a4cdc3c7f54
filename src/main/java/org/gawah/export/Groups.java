package org.gawah.export;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A recording and its transcripts and translations are one item (the Leiden Guidelines): each
 * belongs to the group of the recording its chain of {@code transcript_of}/{@code translation_of}
 * ends at, and a package lists a group's rows together (docs/format/evidence-package.md).
 */
final class Groups {
    private Groups() {
    }

    /** Item id → the id of its group's recording, for every item in a group (the recording too). */
    static Map<String, String> of(List<Item> items) {
        Map<String, String> of = new HashMap<>();
        for (Item item : items) {
            if (item.relation() != null) {
                of.put(item.id(), item.relation().of());
            }
        }
        return of(of, items.size());
    }

    /**
     * Item id → its group's recording, from {@code of} (each transcript or translation → the item
     * it is of), among {@code count} items: what the package writes, and what gawah verify expects.
     */
    static Map<String, String> of(Map<String, String> of, int count) {
        Map<String, String> groups = new HashMap<>();
        for (String id : of.keySet()) {
            String root = id;
            // A chain is at most as long as the items; a loop (which gawah never seals) stops there too.
            for (int steps = 0; of.containsKey(root) && steps <= count; steps++) {
                root = of.get(root);
            }
            groups.put(id, root);
            groups.put(root, root);
        }
        return groups;
    }

    /** The items in their order, each group's members moved up to follow the first of them listed. */
    static List<Item> together(List<Item> items, Map<String, String> groups) {
        Map<String, List<Item>> byGroup = new LinkedHashMap<>();
        List<Item> ordered = new ArrayList<>();
        for (Item item : items) {
            String group = groups.get(item.id());
            if (group == null) {
                ordered.add(item);
            } else {
                byGroup.computeIfAbsent(group, g -> {
                    List<Item> members = new ArrayList<>();
                    ordered.add(null); // the group's place: where its first member came
                    return members;
                }).add(item);
            }
        }
        List<Item> result = new ArrayList<>();
        var groupsInOrder = byGroup.values().iterator();
        for (Item item : ordered) {
            if (item == null) {
                result.addAll(groupsInOrder.next());
            } else {
                result.add(item);
            }
        }
        return result;
    }
}
