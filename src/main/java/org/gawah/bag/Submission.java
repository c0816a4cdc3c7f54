package org.gawah.bag;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.gawah.Digests;
import org.gawah.Failure;
import org.gawah.GawahException;
import org.gawah.custody.Action;
import org.gawah.custody.ChainCheck;
import org.gawah.custody.CustodyException;
import org.gawah.custody.Entry;
import org.gawah.openpgp.Armor;
import org.gawah.openpgp.Certificate;
import org.gawah.openpgp.DetachedSignature;
import org.gawah.openpgp.SigningKey;
import org.gawah.testimony.RecordId;

/**
 * A submission bag (docs/format/submission-bag.md): the documenter's sealed records as they are,
 * the documenter's whole custody log, and a signed tag manifest. {@link #writeTags} writes the
 * tag files after the payload; {@link #read} checks a received bag completely, trusting nothing
 * until the signature is good and nothing after unless it is bound to what was signed.
 */
public final class Submission {
    public static final String BAG_INFO = BagWriter.BAG_INFO;
    public static final String RECORDS = "metadata/records.jsonl";
    public static final String LOG = "custody/log.jsonl";
    public static final String CERTIFICATE = "keys/documenter.asc";
    public static final String TAG_MANIFEST = BagWriter.TAG_MANIFEST;
    public static final String SIGNATURE = BagWriter.SIGNATURE;
    private static final Set<String> TAG_FILES = Set.of("bagit.txt", BAG_INFO, "manifest-sha256.txt",
            "manifest-sha512.txt", RECORDS, LOG, CERTIFICATE, TAG_MANIFEST, SIGNATURE);
    private static final List<String> REQUIRED_INFO = List.of("Source-Organization", "Bagging-Date", "Payload-Oxum",
            "Bag-Count", "External-Identifier", "Internal-Sender-Identifier", "Gawah-Log-Head");
    private static final Pattern FINGERPRINT = Pattern.compile("[0-9A-F]{40}|[0-9A-F]{64}");
    private static final Pattern LOG_HEAD = Pattern.compile("([1-9][0-9]{0,17}) ([0-9a-f]{64})");
    /** Where a time-stamp token travels: {@code custody/timestamps/GWT-….tsr}, named by its id. */
    public static final String TOKENS = "custody/timestamps/";
    private static final Pattern TOKEN_FILE = Pattern.compile(Pattern.quote(TOKENS) + "(GWT(-[0-9A-HJKMNP-TV-Z]{4}){4})\\.tsr");
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();

    /** One record of the bag, as metadata/records.jsonl describes it. */
    public record RecordMeta(String id, Instant sealedAt, List<String> testimonyRecipients,
                             List<String> identityRecipients, List<String> attachments) {
        public RecordMeta {
            testimonyRecipients = List.copyOf(testimonyRecipients);
            identityRecipients = List.copyOf(identityRecipients);
            attachments = List.copyOf(attachments);
        }

        public String testimonyFile() {
            return "data/" + id + ".pgp";
        }

        public String identityFile() {
            return identityRecipients.isEmpty() ? null : "data/" + id + ".identity.pgp";
        }

        public static String attachmentFile(String attachmentId) {
            return "data/" + attachmentId + ".pgp";
        }

        String line() {
            return "{\"attachments\":" + array(attachments) + ",\"id\":\"" + id + "\",\"identity_recipients\":"
                    + array(identityRecipients) + ",\"sealed_at\":\"" + sealedAt + "\",\"testimony_recipients\":"
                    + array(testimonyRecipients) + "}";
        }

        private static String array(List<String> values) {
            return values.isEmpty() ? "[]" : "[\"" + String.join("\",\"", values) + "\"]";
        }
    }

    /** What bag-info.txt says, beyond the fixed fields. */
    public record Info(String bagId, String organization, String documenter, Instant baggedAt) {
    }

    /** A bag that passed every check. */
    public record Verified(String id, Certificate documenter, Map<String, String> info, List<RecordMeta> records,
                           List<Entry.Signed> log, String headSha256, Map<String, String> payloadSha256,
                           long payloadBytes, Map<String, byte[]> tokens) {
        public Entry head() {
            return log.get(log.size() - 1).entry();
        }

        public int attachmentCount() {
            return records.stream().mapToInt(r -> r.attachments().size()).sum();
        }
    }

    private Submission() {
    }

    /**
     * Writes every tag file after the payload and the manifests: bag-info, records, log,
     * certificate, then the tag manifest and its signature. {@code log} ends with this bag's
     * {@code submitted} entry.
     */
    public static void writeTags(BagWriter bag, Info info, List<RecordMeta> records, List<Entry.Signed> log,
                                 Map<String, byte[]> tokens, Certificate documenter, SigningKey key) {
        Entry head = log.get(log.size() - 1).entry();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("Source-Organization", oneLine(info.organization()));
        fields.put("Bagging-Date", LocalDate.ofInstant(info.baggedAt(), ZoneOffset.UTC).toString());
        fields.put("Payload-Oxum", bag.payloadOxum());
        fields.put("Bag-Count", "1 of 1");
        fields.put("External-Identifier", info.bagId());
        fields.put("Internal-Sender-Identifier", info.documenter());
        fields.put("Gawah-Log-Head", head.seq() + " " + head.sha256());
        fields.put("Bag-Software-Agent", "gawah 0.1.0");
        StringBuilder text = new StringBuilder();
        fields.forEach((label, value) -> text.append(label).append(": ").append(value).append('\n'));
        bag.tag(BAG_INFO, text.toString().getBytes(StandardCharsets.UTF_8));
        bag.tag(RECORDS, lines(records.stream().map(RecordMeta::line).toList()));
        bag.tag(LOG, lines(log.stream().map(Entry.Signed::line).toList()));
        tokens.forEach((id, token) -> bag.tag(TOKENS + id + ".tsr", token));
        bag.tag(CERTIFICATE, documenter.armored().getBytes(StandardCharsets.US_ASCII));
        byte[] tagManifest = bag.writeTagManifest();
        byte[] signature = DetachedSignature.sign(key, tagManifest, info.baggedAt());
        bag.tag(SIGNATURE, Armor.armor(signature).getBytes(StandardCharsets.US_ASCII));
    }

    private static String oneLine(String text) {
        return text.replaceAll("[\\p{Cntrl}]", " ").strip();
    }

    private static byte[] lines(List<String> lines) {
        StringBuilder text = new StringBuilder();
        lines.forEach(line -> text.append(line).append('\n'));
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Checks a received bag completely (docs/format/submission-bag.md, "What import and verify
     * check") against the documenter keys {@code trusted}. Writes nothing.
     */
    public static Verified read(BagReader bag, List<Certificate> trusted, BagReader.ProgressListener progress) {
        return read(bag, trusted, progress, Stages.NONE);
    }

    /** The same, telling {@code stages} as each stage of the check begins. */
    public static Verified read(BagReader bag, List<Certificate> trusted, BagReader.ProgressListener progress,
                                Stages stages) {
        stages.begin(Stages.Stage.LAYOUT);
        bag.checkDeclaration();
        Set<String> files = bag.files();
        for (String file : files) {
            if (!file.startsWith("data/") && !TAG_FILES.contains(file) && !TOKEN_FILE.matcher(file).matches()) {
                throw BagReader.refused(Messages.of("submission.unexpected-file", BagReader.printable(file)));
            }
        }
        for (String required : TAG_FILES) {
            if (!files.contains(required)) {
                throw BagReader.refused(Messages.of("bag.missing-file", required));
            }
        }
        stages.begin(Stages.Stage.SIGNATURE);
        byte[] tagManifest = bag.tag(TAG_MANIFEST);
        Certificate signer;
        try {
            signer = DetachedSignature.verify(bag.tag(SIGNATURE), tagManifest, trusted).signer();
        } catch (GawahException e) {
            throw new GawahException(e.failure(), Messages.of("bag.refused", Messages.of("submission.signature", TAG_MANIFEST, e.message())),
                    e.failure() == Failure.UNKNOWN_SIGNER ? Messages.of("submission.pin-hint") : BagReader.hint());
        }
        bag.checkTagManifest(bag.manifest(TAG_MANIFEST, 128), Set.of(TAG_MANIFEST, SIGNATURE));

        Map<String, String> info = bag.fields(BAG_INFO);
        for (String label : REQUIRED_INFO) {
            if (!info.containsKey(label)) {
                throw BagReader.refused(Messages.of("submission.info-missing", label));
            }
        }
        String id = info.get("External-Identifier");
        if (!RecordId.isValid("GWB", id) || !id.equals(bag.name())) {
            throw BagReader.refused(Messages.of("submission.id", BagReader.printable(bag.name())));
        }
        if (!signer.fingerprint().equals(info.get("Internal-Sender-Identifier"))) {
            throw BagReader.refused(Messages.of("submission.sender", signer.fingerprint()));
        }
        if (!Certificate.parse(bag.tag(CERTIFICATE)).fingerprint().equals(signer.fingerprint())) {
            throw BagReader.refused(Messages.of("submission.certificate", CERTIFICATE));
        }
        java.util.regex.Matcher head = LOG_HEAD.matcher(info.get("Gawah-Log-Head"));
        if (!head.matches()) {
            throw BagReader.refused(Messages.of("submission.log-head"));
        }

        stages.begin(Stages.Stage.CUSTODY_LOG);
        ChainCheck chain = new ChainCheck(Messages.of("submission.bag-log"), List.of(signer));
        List<Entry.Signed> log = readLog(bag, chain);
        Entry last = chain.head();
        if (last == null || last.seq() != Long.parseLong(head.group(1)) || !chain.headSha256().equals(head.group(2))) {
            throw BagReader.refused(Messages.of("submission.log-cut"));
        }
        byte[] manifest256 = bag.tag("manifest-sha256.txt");
        if (last.action() != Action.SUBMITTED || !last.subject().equals(id)
                || !last.subjectSha256().equals(Digests.sha256(manifest256))) {
            throw BagReader.refused(Messages.of("submission.log-last"));
        }

        stages.begin(Stages.Stage.PAYLOAD);
        Map<String, String> sha256 = bag.checkPayload(bag.manifest("manifest-sha256.txt", 64),
                bag.manifest("manifest-sha512.txt", 128), info.get("Payload-Oxum"), progress);
        stages.begin(Stages.Stage.CONTENTS);
        List<RecordMeta> records = readRecords(bag);
        checkItems(records, sha256, chain.digests());
        long bytes = Long.parseLong(info.get("Payload-Oxum").split("\\.")[0]);
        // The tokens are bound to the log by their timestamped entries; whether a TSA pinned by
        // the receiving home signed them is judged there (org.gawah.tsp.LogTimestamps).
        Map<String, byte[]> tokens = new java.util.TreeMap<>();
        for (String file : files) {
            java.util.regex.Matcher token = TOKEN_FILE.matcher(file);
            if (token.matches()) {
                tokens.put(token.group(1), bag.tag(file));
            }
        }
        return new Verified(id, signer, info, records, log, chain.headSha256(), sha256, bytes, tokens);
    }

    private static List<Entry.Signed> readLog(BagReader bag, ChainCheck chain) {
        String text = bag.text(LOG);
        if (!text.endsWith("\n")) {
            throw BagReader.refused(Messages.of("bag.empty-or-unterminated", LOG));
        }
        List<Entry.Signed> log = new ArrayList<>();
        String[] lines = text.substring(0, text.length() - 1).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Entry.Signed signed;
            try {
                signed = Entry.parseLine(lines[i]);
            } catch (CustodyException e) {
                throw BagReader.refused(Messages.of("submission.log-line", i + 1, LOG, e.getMessage()));
            }
            try {
                chain.add(i + 1, signed);
            } catch (GawahException e) {
                throw new GawahException(Failure.BAD_DATA, Messages.of("bag.refused", e.message()), BagReader.hint());
            }
            log.add(signed);
        }
        return log;
    }

    private static List<RecordMeta> readRecords(BagReader bag) {
        String text = bag.text(RECORDS);
        List<RecordMeta> records = new ArrayList<>();
        if (text.isEmpty()) {
            return records;
        }
        if (!text.endsWith("\n")) {
            throw BagReader.refused(Messages.of("bag.no-final-line-break", RECORDS));
        }
        String[] lines = text.substring(0, text.length() - 1).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            RecordMeta record;
            try {
                record = parseRecord(lines[i]);
            } catch (IOException | RuntimeException e) {
                throw BagReader.refused(Messages.of("submission.records-line", i + 1, RECORDS));
            }
            if (!record.line().equals(lines[i])) {
                throw BagReader.refused(Messages.of("submission.records-canonical", i + 1, RECORDS));
            }
            records.add(record);
        }
        return records;
    }

    private static RecordMeta parseRecord(String line) throws IOException {
        JsonNode node = JSON.readTree(line);
        Set<String> keys = new TreeSet<>();
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            keys.add(names.next());
        }
        if (!keys.equals(Set.of("attachments", "id", "identity_recipients", "sealed_at", "testimony_recipients"))) {
            throw new IllegalArgumentException("fields");
        }
        String id = node.get("id").textValue();
        if (!RecordId.isValid("GWH", id)) {
            throw new IllegalArgumentException("id");
        }
        List<String> attachments = strings(node.get("attachments"), a -> RecordId.isValid("GWA", a));
        List<String> testimony = strings(node.get("testimony_recipients"), f -> FINGERPRINT.matcher(f).matches());
        List<String> identity = strings(node.get("identity_recipients"), f -> FINGERPRINT.matcher(f).matches());
        if (testimony.isEmpty()) {
            throw new IllegalArgumentException("recipients");
        }
        try {
            return new RecordMeta(id, Instant.parse(node.get("sealed_at").textValue()), testimony, identity, attachments);
        } catch (DateTimeParseException | NullPointerException e) {
            throw new IllegalArgumentException("sealed_at");
        }
    }

    private static List<String> strings(JsonNode array, java.util.function.Predicate<String> valid) {
        if (array == null || !array.isArray() || array.size() > 10_000) {
            throw new IllegalArgumentException("array");
        }
        List<String> values = new ArrayList<>();
        for (JsonNode item : array) {
            if (!item.isTextual() || !valid.test(item.textValue()) || values.contains(item.textValue())) {
                throw new IllegalArgumentException("item");
            }
            values.add(item.textValue());
        }
        return values;
    }

    /**
     * Every payload file is a record's envelope or attachment, each named once, and each is the
     * ciphertext the documenter's log says was sealed under that id: nothing swapped in; and no
     * record comes without the identity envelope the log says was sealed with it.
     */
    private static void checkItems(List<RecordMeta> records, Map<String, String> sha256, Map<String, String> logged) {
        Map<String, String> subjects = new HashMap<>();
        for (RecordMeta record : records) {
            claim(subjects, record.testimonyFile(), record.id());
            if (record.identityFile() != null) {
                claim(subjects, record.identityFile(), record.id() + "/identity");
            } else if (logged.containsKey(record.id() + "/identity")) {
                // The export decides from signed data whether a record has a witness to protect; a bag must not hide it.
                throw BagReader.refused(Messages.of("submission.identity-missing", record.id(), RECORDS));
            }
            for (String attachment : record.attachments()) {
                claim(subjects, RecordMeta.attachmentFile(attachment), attachment);
            }
        }
        for (String file : sha256.keySet()) {
            if (!subjects.containsKey(file)) {
                throw BagReader.refused(Messages.of("submission.unclaimed", BagReader.printable(file), RECORDS));
            }
        }
        for (Map.Entry<String, String> item : subjects.entrySet()) {
            String file = item.getKey();
            if (!sha256.containsKey(file)) {
                throw BagReader.refused(Messages.of("submission.names-missing", RECORDS, file));
            }
            String expected = logged.get(item.getValue());
            if (expected == null) {
                throw BagReader.refused(Messages.of("submission.not-logged", file, item.getValue()));
            }
            if (!expected.equals(sha256.get(file))) {
                throw BagReader.refused(Messages.of("submission.swapped", file, item.getValue()));
            }
        }
    }

    private static void claim(Map<String, String> subjects, String file, String subject) {
        if (subjects.put(file, subject) != null) {
            throw BagReader.refused(Messages.of("submission.named-twice", RECORDS, file));
        }
    }
}
