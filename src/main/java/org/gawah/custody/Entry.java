package org.gawah.custody;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import org.gawah.Digests;
import org.gawah.Message;

/**
 * One custody-log entry (docs/format/custody-log.md). Its bytes are the canonical JSON below,
 * built by hand: every value is ASCII from a fixed alphabet or a whole number, so sorted keys and
 * no whitespace are all RFC 8785 asks. Parsing accepts only bytes that this class would write.
 */
public record Entry(long seq, Instant time, String actor, Action action, String subject, String subjectSha256,
                    String prevSha256) {
    public static final String SCHEMA = "gawah.custody/1";
    /** {@code prev_sha256} of the first entry of a log. */
    public static final String GENESIS = "0".repeat(64);

    private static final Pattern FINGERPRINT = Pattern.compile("[0-9A-F]{40}|[0-9A-F]{64}");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern SUBJECT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]{0,127}");
    /** What {@link #canonical()} writes, field by field (the fast path of {@link #parse}). */
    private static final Pattern CANONICAL = Pattern.compile("\\{\"action\":\"([a-z_]+)\",\"actor\":\"([0-9A-F]+)\","
            + "\"prev_sha256\":\"([0-9a-f]+)\",\"schema\":\"(gawah\\.custody/1)\",\"seq\":([0-9]+),"
            + "\"subject\":\"([A-Za-z0-9._/-]+)\",\"subject_sha256\":\"([0-9a-f]+)\",\"time\":\"([^\"]+)\"\\}");
    private static final Set<String> KEYS = Set.of("action", "actor", "prev_sha256", "schema", "seq", "subject",
            "subject_sha256", "time");
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION.mappedFeature())
            .build();

    public Entry {
        time = time.truncatedTo(ChronoUnit.SECONDS);
        check(seq >= 1, Messages.of("custody.entry.seq-below-one"));
        check(FINGERPRINT.matcher(actor).matches(), Messages.of("custody.entry.actor-not-fingerprint"));
        check(SUBJECT.matcher(subject).matches(), Messages.of("custody.entry.subject-not-id"));
        check(SHA256.matcher(subjectSha256).matches(), Messages.of("custody.entry.subject-sha256-invalid"));
        check(SHA256.matcher(prevSha256).matches(), Messages.of("custody.entry.prev-sha256-invalid"));
    }

    /** The canonical bytes: what is signed, and what the next entry's {@code prev_sha256} hashes. */
    public byte[] canonical() {
        return json(null).getBytes(StandardCharsets.US_ASCII);
    }

    /** One line of an exported log: the canonical entry with its signature (base64) added in key order. */
    public String line(byte[] signature) {
        return json(Base64.getEncoder().encodeToString(signature));
    }

    public String sha256() {
        return Digests.sha256(canonical());
    }

    private String json(String signature) {
        return "{\"action\":\"" + action.wire()
                + "\",\"actor\":\"" + actor
                + "\",\"prev_sha256\":\"" + prevSha256
                + "\",\"schema\":\"" + SCHEMA
                + "\",\"seq\":" + seq
                + (signature == null ? "" : ",\"signature\":\"" + signature + "\"")
                + ",\"subject\":\"" + subject
                + "\",\"subject_sha256\":\"" + subjectSha256
                + "\",\"time\":\"" + time + "\"}";
    }

    /** Reads canonical entry bytes; anything not byte-for-byte canonical is refused. */
    public static Entry parse(byte[] canonical) {
        Entry entry = fast(canonical);
        if (entry != null) {
            return entry;
        }
        entry = fromJson(canonical, KEYS);
        if (!Arrays.equals(entry.canonical(), canonical)) {
            throw new CustodyException(Messages.of("custody.entry.not-canonical"));
        }
        return entry;
    }

    /** Reads one exported line: the entry and its signature. */
    public static Signed parseLine(String line) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        Set<String> keys = new TreeSet<>(KEYS);
        keys.add("signature");
        Entry entry = fromJson(bytes, keys);
        JsonNode tree = tree(bytes);
        byte[] signature;
        try {
            signature = Base64.getDecoder().decode(tree.get("signature").asText());
        } catch (IllegalArgumentException e) {
            throw new CustodyException(Messages.of("custody.entry.signature-not-base64"));
        }
        if (!entry.line(signature).equals(line)) {
            throw new CustodyException(Messages.of("custody.entry.not-canonical"));
        }
        return new Signed(entry, signature);
    }

    /**
     * The canonical form read by one pattern: every command walks the whole log, and a JSON tree
     * per entry costs a cold JVM 80 us each. Accepts exactly what {@link #canonical()} writes
     * (the bytes are compared with it); anything else, or anything that fails, goes the slow way,
     * which names the problem.
     */
    private static Entry fast(byte[] bytes) {
        java.util.regex.Matcher m = CANONICAL.matcher(new String(bytes, StandardCharsets.ISO_8859_1));
        if (!m.matches() || m.group(5).length() > 18) {
            return null;
        }
        try {
            Entry entry = new Entry(Long.parseLong(m.group(5)), Instant.parse(m.group(8)), m.group(2),
                    Action.fromWire(m.group(1)).orElseThrow(), m.group(6), m.group(7), m.group(3));
            return Arrays.equals(entry.canonical(), bytes) ? entry : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static Entry fromJson(byte[] bytes, Set<String> keys) {
        JsonNode tree = tree(bytes);
        Set<String> present = new TreeSet<>();
        for (Iterator<String> names = tree.fieldNames(); names.hasNext(); ) {
            present.add(names.next());
        }
        if (!present.equals(keys)) {
            throw new CustodyException(Messages.of("custody.entry.fields", present, new TreeSet<>(keys)));
        }
        check(SCHEMA.equals(tree.get("schema").asText()), Messages.of("custody.entry.schema", SCHEMA));
        check(tree.get("seq").isIntegralNumber() && tree.get("seq").canConvertToLong(),
                Messages.of("custody.entry.seq-not-whole"));
        for (String text : new String[] {"action", "actor", "subject", "subject_sha256", "prev_sha256", "time"}) {
            check(tree.get(text).isTextual(), Messages.of("custody.entry.not-string", text));
        }
        Action action = Action.fromWire(tree.get("action").asText())
                .orElseThrow(() -> new CustodyException(Messages.of("custody.entry.unknown-action")));
        Instant time;
        try {
            time = Instant.parse(tree.get("time").asText());
        } catch (DateTimeParseException e) {
            throw new CustodyException(Messages.of("custody.entry.time-not-utc"));
        }
        return new Entry(tree.get("seq").asLong(), time, tree.get("actor").asText(), action,
                tree.get("subject").asText(), tree.get("subject_sha256").asText(), tree.get("prev_sha256").asText());
    }

    private static JsonNode tree(byte[] bytes) {
        try {
            JsonNode tree = JSON.readTree(bytes);
            if (tree == null || !tree.isObject()) {
                throw new CustodyException(Messages.of("custody.entry.not-object"));
            }
            return tree;
        } catch (IOException e) {
            throw new CustodyException(Messages.of("custody.entry.not-json"));
        }
    }

    private static void check(boolean condition, Message problem) {
        if (!condition) {
            throw new CustodyException(problem);
        }
    }

    /** An entry with its detached signature. */
    public record Signed(Entry entry, byte[] signature) {
        public String line() {
            return entry.line(signature);
        }
    }
}
