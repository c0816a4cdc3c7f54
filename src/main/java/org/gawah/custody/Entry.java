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

    /** The alphabets of the values (docs/format/custody-log.md): fingerprints, digests, nonces, subjects; as tables of ASCII. */
    private static final boolean[] UPPER_HEX = alphabet("0123456789ABCDEF");
    private static final boolean[] LOWER_HEX = alphabet("0123456789abcdef");
    private static final boolean[] SUBJECT_START = alphabet("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789");
    private static final boolean[] SUBJECT_CHARS = alphabet("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._/-");
    private static final Set<String> KEYS_1 = Set.of("action", "actor", "prev_sha256", "schema", "seq", "subject",
            "subject_sha256", "time");
    private static final Set<String> KEYS = Set.of("action", "actor", "nonce", "prev_sha256", "schema", "seq", "subject",
            "subject_sha256", "time");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** An entry as read, or made with a given nonce; {@code nonce} null is an entry of {@link #SCHEMA_1}. */
    public Entry {
        time = time.truncatedTo(ChronoUnit.SECONDS);
        // Character by character, not by pattern: every command builds one entry per line of the log.
        check(seq >= 1, Messages.of("custody.entry.seq-below-one"));
        check((actor.length() == 40 || actor.length() == 64) && all(actor, UPPER_HEX),
                Messages.of("custody.entry.actor-not-fingerprint"));
        check(!subject.isEmpty() && subject.length() <= 128 && in(subject.charAt(0), SUBJECT_START) && all(subject, SUBJECT_CHARS),
                Messages.of("custody.entry.subject-not-id"));
        check(isLowerHex(subjectSha256, 64), Messages.of("custody.entry.subject-sha256-invalid"));
        check(isLowerHex(prevSha256, 64), Messages.of("custody.entry.prev-sha256-invalid"));
        check(nonce == null || isLowerHex(nonce, 2 * NONCE_BYTES), Messages.of("custody.entry.nonce-invalid"));
    }

    /** Whether {@code text} is in the subject alphabet (docs/format/custody-log.md). */
    static boolean isSubject(String text) {
        return !text.isEmpty() && text.length() <= 128 && in(text.charAt(0), SUBJECT_START) && all(text, SUBJECT_CHARS);
    }

    private static boolean isLowerHex(String hex, int length) {
        return hex.length() == length && all(hex, LOWER_HEX);
    }

    private static boolean all(String text, boolean[] alphabet) {
        for (int i = 0; i < text.length(); i++) {
            if (!in(text.charAt(i), alphabet)) {
                return false;
            }
        }
        return true;
    }

    private static boolean in(char c, boolean[] alphabet) {
        return c < 128 && alphabet[c];
    }

    private static boolean[] alphabet(String characters) {
        boolean[] table = new boolean[128];
        characters.chars().forEach(c -> table[c] = true);
        return table;
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
        Entry entry = fast(canonical);
        if (entry != null) {
            return entry;
        }
        entry = fromJson(canonical, false);
        if (!Arrays.equals(entry.canonical(), canonical)) {
            throw new CustodyException(Messages.of("custody.entry.not-canonical"));
        }
        return entry;
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

    /**
     * The canonical form read by one pass over its bytes: every command walks the whole log, and
     * a JSON tree (or a regular expression) per entry costs a cold JVM about a second per 5,000
     * entries. The literal parts must be exactly those {@link #canonical()} writes, each value in
     * its alphabet ({@code seq} without leading zeros, {@code time} exactly as an instant prints),
     * and the record's own checks apply: what this accepts is byte for byte canonical. Anything
     * else returns null, and the slow way names the problem.
     */
    private static Entry fast(byte[] bytes) {
        Scan in = new Scan(bytes);
        try {
            String action = in.literal("{\"action\":\"").upTo('"');
            String actor = in.literal("\",\"actor\":\"").upTo('"');
            // A nonce makes the entry gawah.custody/2, its absence /1: the schema read must be the one it implies.
            String nonce = in.skip("\",\"nonce\":\"") ? in.upTo('"') : null;
            String prev = in.literal("\",\"prev_sha256\":\"").upTo('"');
            String seq = in.literal("\",\"schema\":\"" + (nonce == null ? SCHEMA_1 : SCHEMA) + "\",\"seq\":").upTo(',');
            String subject = in.literal(",\"subject\":\"").upTo('"');
            String subjectSha256 = in.literal("\",\"subject_sha256\":\"").upTo('"');
            String time = in.literal("\",\"time\":\"").upTo('"');
            in.literal("\"}").end();
            if (seq.isEmpty() || seq.length() > 18 || seq.charAt(0) == '0' || !seq.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return null;
            }
            Instant instant = instant(time);
            Action known = Action.fromWire(action).orElse(null);
            if (known == null || instant == null) {
                return null;
            }
            // The nonce as read (null for gawah.custody/1): the seven-argument constructor would draw a new one.
            return new Entry(Long.parseLong(seq), instant, actor, known, subject, subjectSha256, prev, nonce);
        } catch (RuntimeException notCanonical) {
            return null;
        }
    }

    /**
     * {@code YYYY-MM-DDTHH:MM:SSZ}, exactly as {@link Instant#toString()} prints a whole second of
     * the years 0000 to 9999, or null.
     */
    private static Instant instant(String time) {
        if (time.length() != 20 || time.charAt(4) != '-' || time.charAt(7) != '-' || time.charAt(10) != 'T'
                || time.charAt(13) != ':' || time.charAt(16) != ':' || time.charAt(19) != 'Z') {
            return null;
        }
        for (int i : new int[] {0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18}) {
            if (time.charAt(i) < '0' || time.charAt(i) > '9') {
                return null;
            }
        }
        try {
            return java.time.LocalDateTime.of(Integer.parseInt(time, 0, 4, 10), Integer.parseInt(time, 5, 7, 10),
                    Integer.parseInt(time, 8, 10, 10), Integer.parseInt(time, 11, 13, 10), Integer.parseInt(time, 14, 16, 10),
                    Integer.parseInt(time, 17, 19, 10)).toInstant(java.time.ZoneOffset.UTC);
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    /** Reads ASCII bytes left to right: a fixed text, then a value up to a delimiter. */
    private static final class Scan {
        private final byte[] bytes;
        private int at;

        Scan(byte[] bytes) {
            this.bytes = bytes;
        }

        Scan literal(String text) {
            for (int i = 0; i < text.length(); i++) {
                if (at >= bytes.length || bytes[at++] != text.charAt(i)) {
                    throw new IllegalArgumentException();
                }
            }
            return this;
        }

        /** Whether {@code text} comes next: if so it is read, else nothing is. */
        boolean skip(String text) {
            if (bytes.length - at < text.length()) {
                return false;
            }
            for (int i = 0; i < text.length(); i++) {
                if (bytes[at + i] != text.charAt(i)) {
                    return false;
                }
            }
            at += text.length();
            return true;
        }

        /** The value before {@code delimiter}, whose bytes must all be printable ASCII other than a quote or backslash. */
        String upTo(char delimiter) {
            int start = at;
            while (at < bytes.length && bytes[at] != delimiter) {
                byte b = bytes[at++];
                if (b < 0x21 || b > 0x7e || b == '"' || b == '\\') {
                    throw new IllegalArgumentException();
                }
            }
            return new String(bytes, start, at - start, StandardCharsets.US_ASCII);
        }

        void end() {
            if (at != bytes.length) {
                throw new IllegalArgumentException();
            }
        }
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

    /**
     * The strict JSON reader, made only when an entry is not in the canonical form the fast path
     * reads (or is an exported line): loading Jackson costs a cold command a few hundred classes.
     */
    private static final class Strict {
        static final ObjectMapper JSON = JsonMapper.builder()
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
