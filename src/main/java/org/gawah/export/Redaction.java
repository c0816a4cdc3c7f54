package org.gawah.export;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.gawah.names.Finder;
import org.gawah.names.Keys;
import org.gawah.names.KnownKeys;
import org.gawah.testimony.Json;

/**
 * A redacted derivative of a testimony (docs/format/evidence-package.md, "gawah.redacted/1"):
 * the fields a profile withholds are removed and every mention of the witness's name or contact
 * is replaced. It is a new document: the documenter's signature covers the original, not this.
 */
public final class Redaction {
    public static final String SCHEMA = "gawah.redacted/1";
    public static final String MARK = "[withheld]";
    static final String NAME_KEYS = "name_keys";

    /**
     * The derivative's bytes and what was withheld, as field paths; and each text in which the
     * witness's name or contact was found, for a person to see before the package is built (the
     * window's preview). The matches hold testimony: kept in memory only, never written.
     */
    public record Result(byte[] bytes, List<String> withheld, List<Match> matches) {
        public Result {
            withheld = List.copyOf(withheld);
            matches = List.copyOf(matches);
        }
    }

    /** A text of the testimony at {@code path} as sealed, and where in it the name or contact was found. */
    public record Match(String path, String text, List<Finder.Span> spans) {
        public Match {
            spans = List.copyOf(spans);
        }
    }

    private Redaction() {
    }

    /**
     * The derivative of {@code testimony} (sealed as the message whose SHA-256 is
     * {@code sealedSha256}, as the documenter's {@code sealed} entry logs it) without the
     * {@code paths} and with {@code names} masked, or null when nothing needs withholding: then the
     * original itself may go.
     */
    public static Result of(String itemId, String sealedSha256, JsonNode testimony, List<String> paths, Masker names) {
        ObjectNode copy = testimony.deepCopy();
        List<String> withheld = new ArrayList<>();
        for (String path : paths) {
            if (remove(copy, path)) {
                withheld.add(path);
            }
        }
        withholdDeviceDetails(copy, withheld);
        // Not searched (hashes); and of no use to a receiver, who never holds the key sealed in it.
        boolean nameKeys = copy.remove(NAME_KEYS) != null;
        List<Match> matches = new ArrayList<>();
        mask(copy, "", names, withheld, matches);
        if (withheld.isEmpty()) {
            return null;
        }
        if (nameKeys) {
            withheld.add(NAME_KEYS);
        }
        ObjectNode document = JsonNodeFactory.instance.objectNode();
        document.put("schema", SCHEMA);
        document.put("derived_from", itemId);
        // The ciphertext's digest, never the plaintext's: a plaintext hash would let anyone
        // confirm a guessed name or place by putting it back and hashing.
        document.put("original_sealed_sha256", sealedSha256);
        ArrayNode list = document.putArray("withheld");
        withheld.forEach(list::add);
        document.set("testimony", copy);
        return new Result(Json.write(document), withheld, matches);
    }

    /**
     * What an attachment's own metadata says that could locate or identify the witness (its GPS
     * position, its device's serial numbers, its owner's name: docs/format/testimony.md,
     * "attachments[].metadata") never leaves without the identity; the time, device model and
     * duration stay.
     */
    static void withholdDeviceDetails(ObjectNode document, List<String> withheld) {
        JsonNode attachments = document.path("attachments");
        for (int i = 0; i < attachments.size(); i++) {
            JsonNode metadata = attachments.get(i).path("metadata");
            if (metadata instanceof ObjectNode) {
                for (String key : DEVICE_DETAILS) {
                    if (((ObjectNode) metadata).remove(key) != null) {
                        withheld.add("attachments[" + i + "].metadata." + key);
                    }
                }
            }
        }
    }

    /** The keys of an attachment's metadata withheld without the identity. */
    public static final List<String> DEVICE_DETAILS = List.of("gps", "serial_numbers", "owner");

    private static boolean remove(ObjectNode node, String path) {
        String[] parts = path.split("\\.");
        JsonNode parent = node;
        for (int i = 0; i < parts.length - 1; i++) {
            parent = parent.path(parts[i]);
        }
        return parent instanceof ObjectNode && ((ObjectNode) parent).remove(parts[parts.length - 1]) != null;
    }

    private static void mask(JsonNode node, String at, Masker names, List<String> withheld, List<Match> matches) {
        if (node instanceof ObjectNode) {
            ObjectNode object = (ObjectNode) node;
            for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                String path = at.isEmpty() ? field.getKey() : at + "." + field.getKey();
                if (field.getValue().isTextual()) {
                    String original = field.getValue().textValue();
                    boolean fileName = field.getKey().equals("file_name");
                    String masked = fileName ? names.maskFileName(original) : names.mask(original);
                    if (!masked.equals(original)) {
                        field.setValue(TextNode.valueOf(masked));
                        withheld.add(path + " (name)");
                        matches.add(new Match(path, original, names.find(original, fileName)));
                    }
                } else {
                    mask(field.getValue(), path, names, withheld, matches);
                }
            }
        } else if (node instanceof ArrayNode) {
            ArrayNode array = (ArrayNode) node;
            for (int i = 0; i < array.size(); i++) {
                String path = at + "[" + i + "]";
                if (array.get(i).isTextual()) {
                    String original = array.get(i).textValue();
                    String masked = names.mask(original);
                    if (!masked.equals(original)) {
                        array.set(i, TextNode.valueOf(masked));
                        withheld.add(path + " (name)");
                        matches.add(new Match(path, original, names.find(original, false)));
                    }
                } else {
                    mask(array.get(i), path, names, withheld, matches);
                }
            }
        }
    }

    /**
     * Replaces the witness's name in any spelling and the contact in any written form, as
     * {@link Finder} finds them. A file name is searched harder: any part of a word.
     */
    public static class Masker {
        private final Finder finder;

        public Masker(KnownKeys known) {
            this.finder = new Finder(known);
        }

        /** From the identity in the clear: the name, its other spellings, the contact. */
        public Masker(List<String> spellings, String contact) {
            this(KnownKeys.plain(Keys.ofPerson(spellings, contact)));
        }

        public Masker(String name, String contact) {
            this(name == null ? List.of() : List.of(name), contact);
        }

        public static Masker none() {
            return new Masker(KnownKeys.plain(java.util.Set.of()));
        }

        public String mask(String text) {
            return finder.mask(text, MARK, false);
        }

        public String maskFileName(String text) {
            return finder.mask(text, MARK, true);
        }

        /** Where {@link #mask} (or, for a file name, {@link #maskFileName}) would replace, in {@code text}. */
        public List<Finder.Span> find(String text, boolean fileName) {
            return finder.find(text, fileName);
        }

        /** Masks with this and then with {@code other}. */
        public Masker and(Masker other) {
            Masker first = this;
            return new Masker(KnownKeys.plain(java.util.Set.of())) {
                @Override
                public String mask(String text) {
                    return other.mask(first.mask(text));
                }

                @Override
                public String maskFileName(String text) {
                    return other.maskFileName(first.maskFileName(text));
                }

                /** Both finders' spans in the text as it is, in order, overlapping ones merged. */
                @Override
                public List<Finder.Span> find(String text, boolean fileName) {
                    List<Finder.Span> all = new ArrayList<>(first.find(text, fileName));
                    all.addAll(other.find(text, fileName));
                    all.sort(java.util.Comparator.comparingInt(Finder.Span::start));
                    List<Finder.Span> merged = new ArrayList<>();
                    for (Finder.Span span : all) {
                        Finder.Span last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
                        if (last != null && span.start() <= last.end()) {
                            merged.set(merged.size() - 1, new Finder.Span(last.start(), Math.max(last.end(), span.end())));
                        } else {
                            merged.add(span);
                        }
                    }
                    return merged;
                }
            };
        }
    }
}
