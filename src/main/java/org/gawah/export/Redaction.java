package org.gawah.export;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.gawah.testimony.Json;

/**
 * A redacted derivative of a testimony (docs/format/evidence-package.md, "gawah.redacted/1"):
 * the fields a profile withholds are removed and every mention of the witness's name or contact
 * is replaced. It is a new document: the documenter's signature covers the original, not this.
 */
public final class Redaction {
    public static final String SCHEMA = "gawah.redacted/1";
    public static final String MARK = "[withheld]";

    /** The derivative's bytes and what was withheld, as field paths. */
    public record Result(byte[] bytes, List<String> withheld) {
        public Result {
            withheld = List.copyOf(withheld);
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
        mask(copy, "", names, withheld);
        if (withheld.isEmpty()) {
            return null;
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
        return new Result(Json.write(document), withheld);
    }

    private static boolean remove(ObjectNode node, String path) {
        String[] parts = path.split("\\.");
        JsonNode parent = node;
        for (int i = 0; i < parts.length - 1; i++) {
            parent = parent.path(parts[i]);
        }
        return parent instanceof ObjectNode && ((ObjectNode) parent).remove(parts[parts.length - 1]) != null;
    }

    private static void mask(JsonNode node, String at, Masker names, List<String> withheld) {
        if (node instanceof ObjectNode) {
            ObjectNode object = (ObjectNode) node;
            for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                String path = at.isEmpty() ? field.getKey() : at + "." + field.getKey();
                if (field.getValue().isTextual()) {
                    String masked = names.mask(field.getValue().textValue());
                    if (!masked.equals(field.getValue().textValue())) {
                        field.setValue(TextNode.valueOf(masked));
                        withheld.add(path + " (name)");
                    }
                } else {
                    mask(field.getValue(), path, names, withheld);
                }
            }
        } else if (node instanceof ArrayNode) {
            ArrayNode array = (ArrayNode) node;
            for (int i = 0; i < array.size(); i++) {
                String path = at + "[" + i + "]";
                if (array.get(i).isTextual()) {
                    String masked = names.mask(array.get(i).textValue());
                    if (!masked.equals(array.get(i).textValue())) {
                        array.set(i, TextNode.valueOf(masked));
                        withheld.add(path + " (name)");
                    }
                } else {
                    mask(array.get(i), path, names, withheld);
                }
            }
        }
    }

    /**
     * Replaces the witness's name, each word of it of three letters or more, and the contact,
     * wherever they stand as words, ignoring case. Over-redaction is the safe side; the contact is
     * matched whole only (its words are ordinary words).
     */
    public static final class Masker {
        /** A letter or digit next to a match means it is inside another word. Marks are not: an ezafe may follow. */
        private static final String EDGE = "[\\p{L}\\p{N}]";
        /** Arabic harakat, superscript alef and tatweel: written or not, the same name. */
        private static final String IGNORABLE = "[\\u064B-\\u065F\\u0670\\u0640]";
        private final List<Pattern> patterns = new ArrayList<>();

        public Masker(String name, String contact) {
            List<String> words = new ArrayList<>();
            if (name != null && !name.isBlank()) {
                words.add(name.strip());
                for (String part : name.split("[\\s,;:()\"'«»]+")) {
                    if (part.codePointCount(0, part.length()) >= 3 && !words.contains(part)) {
                        words.add(part);
                    }
                }
            }
            if (contact != null && !contact.isBlank()) {
                words.add(contact.strip());
            }
            // Longest first, so a full name is replaced whole before its parts are looked for.
            words.sort((a, b) -> b.length() - a.length());
            for (String word : words) {
                patterns.add(Pattern.compile("(?<!" + EDGE + ")" + letters(word) + "[\\p{M}\\u0640]*(?!" + EDGE + ")",
                        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
            }
        }

        /**
         * The word as a pattern that also matches its Arabic-keyboard spelling (ي for ی, ك for ک,
         * ة for ه) and any harakat or tatweel between its letters.
         */
        private static String letters(String word) {
            StringBuilder regex = new StringBuilder();
            word.codePoints().filter(c -> !String.valueOf(Character.toChars(c)).matches(IGNORABLE)).forEach(c -> {
                if (regex.length() > 0) {
                    regex.append(IGNORABLE).append('*');
                }
                switch (c) {
                    case 'ی', 'ي', 'ى' -> regex.append("[یيى]");
                    case 'ک', 'ك' -> regex.append("[کك]");
                    case 'ه', 'ة' -> regex.append("[هة]");
                    default -> regex.append(Pattern.quote(new String(Character.toChars(c))));
                }
            });
            return regex.toString();
        }

        public static Masker none() {
            return new Masker(null, null);
        }

        public String mask(String text) {
            String result = text;
            for (Pattern pattern : patterns) {
                result = pattern.matcher(result).replaceAll(Matcher.quoteReplacement(MARK));
            }
            return result;
        }
    }
}
