package org.gawah.export;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.gawah.Language;
import org.gawah.Message;
import org.gawah.testimony.Json;

// FILE.report.txt and FILE.report.json are documents kept with the package, not messages: English, whatever --lang says.
// (Reasons and notes are Messages all the same: printed on the terminal, they are in the user's language.)
/**
 * The export report: what went into the package and what was left out, and why. Ids and reasons
 * only, never testimony. Kept beside the package, not in it: the receiver is not told what was
 * withheld from it.
 */
public final class Report {
    /**
     * Something left out: a record, or one file of a record ({@code item} set); with what a person
     * may say to let it go ({@code remedy}), or null when nothing they say can.
     */
    public record LeftOut(String recordId, String item, Message reason, Remedy remedy) {
        public LeftOut(String recordId, String item, Message reason) {
            this(recordId, item, reason, null);
        }
    }

    /**
     * What lets something left out go, said by a person: that they read it and it may go as it is
     * ({@code gawah export --reviewed ID}), or that a file may go with the place its metadata
     * records ({@code --with-location ID}). {@code id} is what is named: a record, an attachment, or
     * the case (its title and notes).
     */
    public record Remedy(boolean withLocation, String id) {
        public static Remedy reviewed(String id) {
            return new Remedy(false, id);
        }

        public static Remedy withLocation(String id) {
            return new Remedy(true, id);
        }
    }

    private final String bagId;
    private final String caseId;
    private final Profile profile;
    private final List<Item> included = new ArrayList<>();
    private final List<LeftOut> leftOut = new ArrayList<>();
    private final List<Message> notes = new ArrayList<>();
    private final List<LeftOut> searched = new ArrayList<>();
    private final List<LeftOut> notSearched = new ArrayList<>();

    public Report(String bagId, String caseId, Profile profile) {
        this.bagId = bagId;
        this.caseId = caseId;
        this.profile = profile;
    }

    public String bagId() {
        return bagId;
    }

    public void included(Item item) {
        included.add(item);
    }

    public void leftOut(String recordId, String item, Message reason) {
        leftOut(recordId, item, reason, null);
    }

    /** Something left out that goes once a person says so ({@link Remedy}). */
    public void leftOut(String recordId, String item, Message reason, Remedy remedy) {
        leftOut.add(new LeftOut(recordId, item, reason, remedy));
    }

    /** A record searched for its witness's name, and with what. */
    public void searched(String recordId, Message how) {
        searched.add(new LeftOut(recordId, null, how));
    }

    /** Something that went into the package without being searched, and why it could not be. */
    public void notSearched(String recordId, String item, Message why) {
        notSearched.add(new LeftOut(recordId, item, why));
    }

    public void note(Message note) {
        notes.add(note);
    }

    public List<Item> items() {
        return List.copyOf(included);
    }

    public List<LeftOut> leftOut() {
        return List.copyOf(leftOut);
    }

    /** Records searched for their witness, each with what it was searched with. */
    public List<LeftOut> searched() {
        return List.copyOf(searched);
    }

    /** Items included without being searched, each with why. */
    public List<LeftOut> notSearched() {
        return List.copyOf(notSearched);
    }

    public List<Message> notes() {
        return List.copyOf(notes);
    }

    public String text() {
        StringBuilder text = new StringBuilder();
        text.append("Export ").append(bagId).append(" of case ").append(caseId).append(" for ").append(profile.name())
                .append(" (").append(profile.recipient()).append(")\n\n");
        text.append("Included (").append(included.size()).append(" items):\n");
        for (Item item : included) {
            text.append("  ").append(item.path()).append("  ").append(item.kind().wire());
            if (!item.withheld().isEmpty()) {
                text.append("; withheld: ").append(String.join(", ", item.withheld()));
            }
            text.append('\n');
        }
        text.append("\nLeft out (").append(leftOut.size()).append("):\n");
        for (LeftOut out : leftOut) {
            text.append("  ").append(out.recordId()).append(out.item() == null ? "" : " " + out.item())
                    .append(": ").append(english(out.reason())).append('\n');
        }
        text.append('\n').append(english(Messages.of("report.searched-heading", searched.size()))).append('\n');
        for (LeftOut one : searched) {
            text.append("  ").append(one.recordId()).append(": ").append(english(one.reason())).append('\n');
        }
        text.append("  ").append(english(Messages.of("report.searched-scope"))).append('\n');
        text.append('\n').append(english(Messages.of("report.not-searched-heading", notSearched.size()))).append('\n');
        for (LeftOut one : notSearched) {
            text.append("  ").append(one.recordId()).append(one.item() == null ? "" : " " + one.item())
                    .append(": ").append(english(one.reason())).append('\n');
        }
        if (!notes.isEmpty()) {
            text.append("\nNotes:\n");
            notes.forEach(note -> text.append("  ").append(english(note)).append('\n'));
        }
        return text.toString();
    }

    public byte[] json() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("schema", "gawah.export-report/1");
        node.put("package_id", bagId);
        node.put("case_id", caseId);
        node.put("profile", profile.identifier());
        ArrayNode in = node.putArray("included");
        for (Item item : included) {
            ObjectNode entry = in.addObject();
            entry.put("item_id", item.id());
            entry.put("kind", item.kind().wire());
            entry.put("path", item.path());
            ArrayNode withheld = entry.putArray("withheld");
            item.withheld().forEach(withheld::add);
        }
        ArrayNode out = node.putArray("left_out");
        for (LeftOut left : leftOut) {
            ObjectNode entry = out.addObject();
            entry.put("record_id", left.recordId());
            if (left.item() != null) {
                entry.put("item_id", left.item());
            }
            entry.put("reason", english(left.reason()));
        }
        ArrayNode searchedNode = node.putArray("searched");
        for (LeftOut one : searched) {
            searchedNode.addObject().put("record_id", one.recordId()).put("with", english(one.reason()));
        }
        ArrayNode notSearchedNode = node.putArray("not_searched");
        for (LeftOut one : notSearched) {
            ObjectNode entry = notSearchedNode.addObject().put("record_id", one.recordId());
            if (one.item() != null) {
                entry.put("item_id", one.item());
            }
            entry.put("reason", english(one.reason()));
        }
        ArrayNode notesNode = node.putArray("notes");
        notes.forEach(note -> notesNode.add(english(note)));
        return Json.write(node);
    }

    private static String english(Message message) {
        return message.render(Language.ENGLISH);
    }
}
