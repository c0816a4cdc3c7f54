package org.gawah.testimony;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.gawah.Message;
import org.gawah.names.Finder;
import org.gawah.names.Folding;
import org.gawah.names.Keys;
import org.gawah.names.KnownKeys;

/**
 * Turns a documenter's input into the exact bytes that get signed: the {@code gawah.testimony/1}
 * document and, apart from it, the {@code gawah.identity/1} document. Those bytes are kept and
 * exported as they are, never re-serialised, so this is the only place that writes them
 * (docs/format/testimony.md is their specification).
 */
public final class Testimonies {
    public static final String SCHEMA = "gawah.testimony/1";
    public static final String IDENTITY_SCHEMA = "gawah.identity/1";
    public static final String ADDENDUM_SCHEMA = "gawah.addendum/1";
    /** Input limit: the account may hold 8 MiB, and there must be room for the rest. */
    public static final int MAX_INPUT = 16 * 1024 * 1024;
    /** Output limit, and read's: pretty-printing at most doubles the size of the input. */
    static final int MAX_TESTIMONY = 32 * 1024 * 1024;
    private static final Pattern RECORD_ID = Pattern.compile("GWH(-[0-9A-Z]{4}){4}");

    private Testimonies() {
    }

    /** Validates input and builds the exact bytes to sign. recordId like "GWH-7K3M-9QXA-2D4F-8ZZP"; recordedAt UTC. */
    public static SealableTestimony build(JsonNode input, String recordId, Instant recordedAt) {
        return build(input, recordId, recordedAt, List.of());
    }

    /** As {@link #build(JsonNode, String, Instant)}, listing the attachments sealed with it. */
    public static SealableTestimony build(JsonNode input, String recordId, Instant recordedAt,
                                          List<Attachment> attachments) {
        return build(input, recordId, recordedAt, attachments, null);
    }

    /**
     * As above; with {@code keySealer}, a testimony whose input names the witness also carries
     * {@code name_keys}: keyed hashes of the name and contact, the key sealed by {@code keySealer}
     * (to the testimony's own recipients), so that a legal team that cannot open the identity can
     * still find the name in it (docs/format/testimony.md, "name_keys").
     */
    public static SealableTestimony build(JsonNode input, String recordId, Instant recordedAt,
                                          List<Attachment> attachments, NameKeys.Sealer keySealer) {
        return build(input, recordId, recordedAt, attachments, keySealer, null);
    }

    /**
     * As above, for answers typed at this computer (the interview): a time typed without its
     * offset takes {@code typedIn}'s; null, as for a file, means the offset must be given.
     */
    public static SealableTestimony build(JsonNode input, String recordId, Instant recordedAt,
                                          List<Attachment> attachments, NameKeys.Sealer keySealer, ZoneId typedIn) {
        return build(input, recordId, recordedAt, attachments, keySealer, typedIn, null);
    }

    /**
     * As above, with the name keys hashed ahead ({@link #hashNamesAhead}) when they are of this
     * identity; null or another identity's, they are hashed here.
     */
    public static SealableTestimony build(JsonNode input, String recordId, Instant recordedAt,
                                          List<Attachment> attachments, NameKeys.Sealer keySealer, ZoneId typedIn,
                                          NameKeys.Ahead namesAhead) {
        Objects.requireNonNull(recordedAt, "recordedAt");
        if (recordId == null || !RECORD_ID.matcher(recordId).matches()) {
            // Made by gawah, not typed by a user: a wrong one is a bug.
            throw new IllegalArgumentException("not a record id: " + recordId);
        }
        if (input != null && input.isObject()) {
            for (String setByGawah : new String[] {"record_id", "recorded_at"}) {
                if (input.has(setByGawah)) {
                    throw Input.refusal(setByGawah, Messages.of("field.set-by-gawah"));
                }
            }
        }
        Input root = Input.root(input, "schema", "interview", "acknowledgement", "consent", "witness",
                "source", "account", "documenter_notes", "events", "identity");
        String schema = root.optionalToken("schema");
        if (schema != null && !schema.equals(SCHEMA)) {
            throw root.refuse("schema", Messages.of("schema.must-be", SCHEMA), schema);
        }
        Instant at = recordedAt.truncatedTo(ChronoUnit.SECONDS);
        Sections sections = new Sections(at, typedIn);

        ObjectNode t = Sections.object();
        t.put("schema", SCHEMA);
        t.put("record_id", recordId);
        t.put("recorded_at", at.toString());
        t.set("interview", sections.interview(root));
        t.set("acknowledgement", sections.acknowledgement(root));
        t.set("consent", sections.consent(root));
        t.set("witness", sections.witness(root));
        t.set("source", sections.source(root));
        t.set("account", sections.account(root));
        Sections.putIfGiven(t, "documenter_notes", root.optionalText("documenter_notes"));
        t.set("events", sections.events(root));
        listAttachments(t, attachments);

        ObjectNode identity = identity(root, recordId, t.path("witness").path("pseudonym").textValue());
        if (identity != null && keySealer != null) {
            t.set("name_keys", NameKeys.of(identity, keySealer, namesAhead));
        }
        byte[] testimony = Json.write(t);
        if (testimony.length > MAX_TESTIMONY) {
            throw Json.refused(Messages.of("input.too-large", MAX_TESTIMONY >> 20));
        }
        return new SealableTestimony(testimony, identity == null ? null : Json.write(identity));
    }

    /**
     * Starts hashing the name keys of the identity in {@code checked} (what {@link #build} made of
     * the same input) on a thread of their own, for the seal to take; null when it has no identity.
     * The caller closes it, which wipes the key if the seal did not take it.
     */
    public static NameKeys.Ahead hashNamesAhead(SealableTestimony checked) {
        return checked.identity() == null ? null
                : NameKeys.Ahead.start(Json.parse(checked.identity(), MAX_TESTIMONY, Messages.of("json.testimony")));
    }

    /**
     * Parses input JSON strictly (invalid UTF-8, duplicate keys, trailing garbage, over 16 MiB:
     * INVALID_TESTIMONY), for callers that lay more fields over it before {@link #build}.
     */
    public static JsonNode parseInput(byte[] inputJson) {
        Objects.requireNonNull(inputJson, "inputJson");
        return Json.parse(inputJson, MAX_INPUT, Messages.of("json.testimony-input"));
    }

    /** Parses UTF-8 JSON input bytes (strict: invalid UTF-8, duplicate keys, trailing garbage, > 16 MiB all refused with INVALID_TESTIMONY) and calls build. */
    public static SealableTestimony build(byte[] inputJson, String recordId, Instant recordedAt) {
        Objects.requireNonNull(inputJson, "inputJson");
        return build(parseInput(inputJson), recordId, recordedAt);
    }

    /** Reads back a sealed testimony's plaintext (for display/tests): validates schema=="gawah.testimony/1" and returns the tree. */
    public static JsonNode read(byte[] testimonyJson) {
        return read(testimonyJson, SCHEMA);
    }

    /** Reads back any sealed record's plaintext: a testimony, an addendum or a draft. */
    public static JsonNode readRecord(byte[] json) {
        return read(json, SCHEMA, ADDENDUM_SCHEMA, Drafts.SCHEMA);
    }

    private static JsonNode read(byte[] json, String... schemas) {
        Objects.requireNonNull(json, "json");
        JsonNode tree = Json.parse(json, MAX_TESTIMONY, Messages.of("json.testimony"));
        JsonNode schema = tree.get("schema");
        if (!tree.isObject() || schema == null || !List.of(schemas).contains(schema.textValue())) {
            Message problem = switch (schemas.length) {
                case 1 -> Messages.of("schema.must-be", schemas[0]);
                case 2 -> Messages.of("schema.must-be-either", schemas[0], schemas[1]);
                case 3 -> Messages.of("schema.must-be-one-of-three", schemas[0], schemas[1], schemas[2]);
                default -> throw new IllegalArgumentException("one to three schemas"); // a bug, not input
            };
            throw Input.refusal("schema", problem, schema != null && schema.isTextual() ? schema.textValue() : null);
        }
        return tree;
    }

    /**
     * An addendum: attachments added after a testimony was sealed, as a record of their own that
     * names the record it adds to. Signed like a testimony, so the hashes are vouched for too.
     */
    public static byte[] buildAddendum(String recordId, Instant recordedAt, String addsTo, List<Attachment> attachments) {
        if (!RECORD_ID.matcher(recordId).matches() || !RECORD_ID.matcher(addsTo).matches()) {
            throw new IllegalArgumentException("not a record id: " + recordId + " / " + addsTo);
        }
        ObjectNode a = Sections.object();
        a.put("schema", ADDENDUM_SCHEMA);
        a.put("record_id", recordId);
        a.put("recorded_at", recordedAt.truncatedTo(ChronoUnit.SECONDS).toString());
        a.put("adds_to", addsTo);
        listAttachments(a, attachments);
        return Json.write(a);
    }

    private static void listAttachments(ObjectNode record, List<Attachment> attachments) {
        ArrayNode listed = record.putArray("attachments");
        for (Attachment a : attachments) {
            ObjectNode entry = listed.addObject().put("id", a.id())
                    .put("file_name", java.text.Normalizer.normalize(a.fileName(), java.text.Normalizer.Form.NFC))
                    .put("media_type", a.mediaType()).put("size", a.size()).put("sha256", a.sha256())
                    .put("sha512", a.sha512()).put("generation", a.generation());
            if (a.derived() != null) {
                entry.put(a.derived().kind().key(), a.derived().of());
            }
            if (a.metadata() != null) {
                entry.set("metadata", MetadataJson.of(a.metadata()));
            }
        }
    }

    /**
     * The identity document, or null. It must not be given away by the pseudonym: a pseudonym
     * equal to the name would put the name into the testimony, which is sealed more widely.
     */
    static ObjectNode identity(Input root, String recordId, String pseudonym) {
        Input in = root.optionalObject("identity", "name", "other_names", "contact", "notes");
        if (in == null) {
            return null;
        }
        String name = in.text("name");
        List<String> otherNames = in.texts("other_names");
        String contact = in.optionalText("contact");
        if (namesThePerson(pseudonym, otherNames == null ? List.of(name) : concat(name, otherNames), contact)) {
            throw Input.refusal("witness.pseudonym", Messages.of("identity.pseudonym-is-name"));
        }
        ObjectNode out = Sections.object().put("schema", IDENTITY_SCHEMA).put("record_id", recordId).put("name", name);
        if (otherNames != null) {
            ArrayNode spellings = out.putArray("other_names");
            otherNames.forEach(spellings::add);
        }
        Sections.putIfGiven(out, "contact", contact);
        Sections.putIfGiven(out, "notes", in.optionalText("notes"));
        return out;
    }

    /**
     * Whether {@code pseudonym} gives the person away: the export's own matcher, over the keys of
     * the name, its other spellings and the contact, finds any of them in it, in any spelling it
     * would find in a testimony (another letter form, a joiner, Latin letters, a suffix). What the
     * export would have to withhold cannot be the name the testimony goes by. A spelling too short
     * for the matcher (one letter and digits, "W-7") is refused when the pseudonym is that spelling
     * folded alike. The interview asks this as the names are typed.
     */
    public static boolean namesThePerson(String pseudonym, List<String> spellings, String contact) {
        if (pseudonym == null) {
            return false;
        }
        String bare = lettersAndDigits(pseudonym);
        if (spellings.stream().anyMatch(spelling -> spelling != null && bare.equals(lettersAndDigits(spelling)))) {
            return true;
        }
        return !new Finder(KnownKeys.plain(Keys.ofPerson(spellings, contact))).find(pseudonym, false).isEmpty();
    }

    private static String lettersAndDigits(String text) {
        return Folding.fold(text).replaceAll("[^\\p{L}\\p{N}]+", "");
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> all = new java.util.ArrayList<>(List.of(first));
        all.addAll(rest);
        return all;
    }
}
