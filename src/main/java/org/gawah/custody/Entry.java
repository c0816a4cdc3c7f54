package org.gawah.custody;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
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
 *
 * <p>Every entry made now ({@link #Entry(long, Instant, String, Action, String, String, String)},
 * whatever its action) holds a fresh random {@code nonce} (schema {@link #SCHEMA}): a package
 * carries the SHA-256 of entries it does not carry, and without the nonce each of them could be
 * confirmed by guessing, since all but its time and action are known to whoever holds the records
 * it names. Entries written before (schema {@link #SCHEMA_1}, {@code nonce} null) are read and
 * verified as they are: a signed chain cannot be rewritten.
 */
public record Entry(long seq, Instant time, String actor, Action action, String subject, String subjectSha256,
                    String prevSha256, String nonce) {
    /** The schema of an entry with a nonce: every entry written now. */
    public static final String SCHEMA = "gawah.custody/2";
    /** The schema of an entry written before the nonce (none is written any more). */
    public static final String SCHEMA_1 = "gawah.custody/1";
    /** {@code prev_sha256} of the first entry of a log. */
    public static final String GENESIS = "0".repeat(64);
    /** Bytes of randomness in a nonce: 128 bits, written as 32 lower-case hex digits. */
    public static final int NONCE_BYTES = 16;

    private static final Pattern FINGERPRINT = Pattern.compile("[0-9A-F]{40}|[0-9A-F]{64}");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern NONCE = Pattern.compile("[0-9a-f]{" + 2 * NONCE_BYTES + "}");
    private static final Pattern SUBJECT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]{0,127}");
    private static final Set<String> KEYS_1 = Set.of("action", "actor", "prev_sha256", "schema", "seq", "subject",
            "subject_sha256", "time");
    private static final Set<String> KEYS = Set.of("action", "actor", "nonce", "prev_sha256", "schema", "seq", "subject",
            "subject_sha256", "time");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** An entry as read, or made with a given nonce; {@code nonce} null is an entry of {@link #SCHEMA_1}. */
    public Entry {
        time = time.truncatedTo(ChronoUnit.SECONDS);
        check(seq >= 1, Messages.of("custody.entry.seq-below-one"));
        check(FINGERPRINT.matcher(actor).matches(), Messages.of("custody.entry.actor-not-fingerprint"));
        check(SUBJECT.matcher(subject).matches(), Messages.of("custody.entry.subject-not-id"));
        check(SHA256.matcher(subjectSha256).matches(), Messages.of("custody.entry.subject-sha256-invalid"));
        check(SHA256.matcher(prevSha256).matches(), Messages.of("custody.entry.prev-sha256-invalid"));
        check(nonce == null || NONCE.matcher(nonce).matches(), Messages.of("custody.entry.nonce-invalid"));
    }

    /** A new entry, with a nonce drawn now: the way every entry is made. */
    public Entry(long seq, Instant time, String actor, Action action, String subject, String subjectSha256, String prevSha256) {
        this(seq, time, actor, action, subject, subjectSha256, prevSha256, freshNonce());
    }

    private static String freshNonce() {
        byte[] bytes = new byte[NONCE_BYTES];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** {@link #SCHEMA}, or {@link #SCHEMA_1} for an entry written before the nonce. */
    public String schema() {
        return nonce == null ? SCHEMA_1 : SCHEMA;
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
                + (nonce == null ? "" : "\",\"nonce\":\"" + nonce)
                + "\",\"prev_sha256\":\"" + prevSha256
                + "\",\"schema\":\"" + schema()
                + "\",\"seq\":" + seq
                + (signature == null ? "" : ",\"signature\":\"" + signature + "\"")
                + ",\"subject\":\"" + subject
                + "\",\"subject_sha256\":\"" + subjectSha256
                + "\",\"time\":\"" + time + "\"}";
    }

    /** Reads canonical entry bytes; anything not byte-for-byte canonical is refused. */
    public static Entry parse(byte[] canonical) {
        Entry read = readCanonical(canonical);
        if (read != null) {
            return read;
        }
        Entry entry = fromJson(canonical, false);
        if (!Arrays.equals(entry.canonical(), canonical)) {
            throw new CustodyException(Messages.of("custody.entry.not-canonical"));
        }
        return entry;
    }

    /** The one form this class writes, field by field (the time checked by {@link Instant#parse}). */
    private static final Pattern CANONICAL = Pattern.compile("\\{\"action\":\"([a-z_]{1,32})\",\"actor\":\"([0-9A-F]{40}|[0-9A-F]{64})\""
            + "(?:,\"nonce\":\"([0-9a-f]{32})\")?"
            + ",\"prev_sha256\":\"([0-9a-f]{64})\",\"schema\":\"gawah\\.custody/[12]\",\"seq\":([1-9][0-9]{0,17})"
            + ",\"subject\":\"([A-Za-z0-9][A-Za-z0-9._/-]{0,127})\",\"subject_sha256\":\"([0-9a-f]{64})\""
            + ",\"time\":\"([0-9A-Z:+-]{20,26})\"\\}");

    /**
     * Canonical bytes read without a JSON parser: every command checks the entries its keyring rests
     * on, and Jackson's start-up would cost more than the check. The bytes are accepted only if
     * they are exactly what this class writes for the entry they spell, the same test as the full
     * parse; anything else (null) goes to the full parse, which names what is wrong.
     */
    private static Entry readCanonical(byte[] bytes) {
        if (bytes.length > 1024) {
            return null;
        }
        java.util.regex.Matcher fields = CANONICAL.matcher(new String(bytes, StandardCharsets.US_ASCII));
        if (!fields.matches()) {
            return null;
        }
        try {
            Action action = Action.fromWire(fields.group(1)).orElse(null);
            if (action == null) {
                return null;
            }
            // The nonce as read (null for gawah.custody/1): the seven-argument constructor would draw a new one.
            Entry entry = new Entry(Long.parseLong(fields.group(5)), Instant.parse(fields.group(8)), fields.group(2), action,
                    fields.group(6), fields.group(7), fields.group(4), fields.group(3));
            return Arrays.equals(entry.canonical(), bytes) ? entry : null;
        } catch (CustodyException | DateTimeParseException | NumberFormatException e) {
            return null;
        }
    }

    /** Reads one exported line: the entry and its signature. */
    public static Signed parseLine(String line) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        Entry entry = fromJson(bytes, true);
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

    /** The entry in {@code bytes}: the keys of its schema (and {@code signature} for an exported line), nothing else. */
    private static Entry fromJson(byte[] bytes, boolean signed) {
        JsonNode tree = tree(bytes);
        Set<String> present = new TreeSet<>();
        for (Iterator<String> names = tree.fieldNames(); names.hasNext(); ) {
            present.add(names.next());
        }
        boolean first = SCHEMA_1.equals(tree.path("schema").asText());
        check(first || SCHEMA.equals(tree.path("schema").asText()), Messages.of("custody.entry.schema", SCHEMA, SCHEMA_1));
        Set<String> keys = new TreeSet<>(first ? KEYS_1 : KEYS);
        if (signed) {
            keys.add("signature");
        }
        if (!present.equals(keys)) {
            throw new CustodyException(Messages.of("custody.entry.fields", present, keys));
        }
        check(tree.get("seq").isIntegralNumber() && tree.get("seq").canConvertToLong(),
                Messages.of("custody.entry.seq-not-whole"));
        for (String text : new String[] {"action", "actor", "subject", "subject_sha256", "prev_sha256", "time"}) {
            check(tree.get(text).isTextual(), Messages.of("custody.entry.not-string", text));
        }
        check(first || tree.get("nonce").isTextual(), Messages.of("custody.entry.not-string", "nonce"));
        Action action = Action.fromWire(tree.get("action").asText())
                .orElseThrow(() -> new CustodyException(Messages.of("custody.entry.unknown-action")));
        Instant time;
        try {
            time = Instant.parse(tree.get("time").asText());
        } catch (DateTimeParseException e) {
            throw new CustodyException(Messages.of("custody.entry.time-not-utc"));
        }
        return new Entry(tree.get("seq").asLong(), time, tree.get("actor").asText(), action,
                tree.get("subject").asText(), tree.get("subject_sha256").asText(), tree.get("prev_sha256").asText(),
                first ? null : tree.get("nonce").asText());
    }

    private static JsonNode tree(byte[] bytes) {
        try {
            JsonNode tree = Strict.JSON.readTree(bytes);
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

    /** The strict JSON reader, made only when an entry is not read by {@link #readCanonical} (its start-up is most of a check). */
    private static final class Strict {
        private static final ObjectMapper JSON = JsonMapper.builder()
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION.mappedFeature())
                .build();
    }

    /** An entry with its detached signature. */
    public record Signed(Entry entry, byte[] signature) {
        public String line() {
            return entry.line(signature);
        }
    }
}
