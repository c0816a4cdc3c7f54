package org.gawah.export;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.gawah.Failure;
import org.gawah.GawahException;
import org.gawah.Message;
import org.gawah.bag.BagReader;
import org.gawah.bag.Stages;
import org.gawah.openpgp.Certificate;
import org.gawah.openpgp.DetachedSignature;
import org.gawah.testimony.Json;
import org.gawah.testimony.RecordId;

/**
 * Checks an evidence package completely (docs/format/evidence-package.md, "What gawah verify
 * checks"): trusting nothing until the custodian's signature is good, and every item, signature
 * and custody entry after that. Writes nothing.
 */
public final class PackageCheck {
    private static final List<String> REQUIRED_INFO = List.of("Source-Organization", "Bagging-Date", "Payload-Oxum",
            "Bag-Count", "External-Identifier", "Internal-Sender-Identifier", "Case-Identifier", "Intended-Recipient",
            "Profile-Identifier", "Gawah-Export-Entry");
    private static final Pattern TSA_FILE = Pattern.compile("keys/tsa/([0-9A-F]{64})\\.pem");
    private static final Pattern FINGERPRINT = Pattern.compile("[0-9A-F]{40}|[0-9A-F]{64}");
    private static final Pattern ITEM_FILE = Pattern.compile("metadata/items/([A-Za-z0-9.-]{1,80})\\.json");
    private static final Set<String> FIXED = Set.of("bagit.txt", EvidencePackage.BAG_INFO, "manifest-sha256.txt",
            "manifest-sha512.txt", EvidencePackage.TAG_MANIFEST, EvidencePackage.SIGNATURE, EvidencePackage.VERIFY,
            EvidencePackage.INDEX, EvidencePackage.CASE);

    /** A package that passed every check; {@code trusted} says whether its custodian is pinned here. */
    public record Verified(String id, Certificate custodian, boolean trusted, Map<String, String> info, int items,
                           int signatures, List<Certificate> documenters, int custodyEntries, long payloadBytes) {
    }

    private PackageCheck() {
    }

    /**
     * Checks {@code bag} against the custodians trusted here. A package signed by someone else is
     * still checked throughout, with the certificate it carries, and comes back not trusted.
     */
    public static Verified read(BagReader bag, List<Certificate> trusted, BagReader.ProgressListener progress) {
        return read(bag, trusted, List.of(), progress);
    }

    /**
     * The same, with the time-stamping authorities trusted here: a package's time-stamp tokens
     * must be signed by one of them (docs/format/evidence-package.md, "Time-stamp tokens").
     */
    public static Verified read(BagReader bag, List<Certificate> trusted, List<org.gawah.tsp.TsaCertificate> tsas,
                                BagReader.ProgressListener progress) {
        return read(bag, trusted, tsas, progress, Stages.NONE);
    }

    /** The same, telling {@code stages} as each stage of the check begins. */
    public static Verified read(BagReader bag, List<Certificate> trusted, List<org.gawah.tsp.TsaCertificate> tsas,
                                BagReader.ProgressListener progress, Stages stages) {
        stages.begin(Stages.Stage.LAYOUT);
        bag.checkDeclaration();
        Set<String> files = bag.files();
        for (String file : files) {
            boolean known = FIXED.contains(file) || file.startsWith("data/") || ITEM_FILE.matcher(file).matches()
                    || PackageCustody.known(file) || TSA_FILE.matcher(file).matches()
                    || file.matches("keys/([0-9A-F]{40}|[0-9A-F]{64})\\.asc");
            if (!known) {
                throw refused(Messages.of("check.unexpected-file", printable(file)));
            }
        }
        for (String required : FIXED) {
            if (!files.contains(required)) {
                throw refused(Messages.of("check.missing-file", required));
            }
        }
        stages.begin(Stages.Stage.SIGNATURE);
        Map<String, String> info = bag.fields(EvidencePackage.BAG_INFO);
        Map<String, Certificate> keys = keys(bag, files);
        Certificate custodian = keys.get(info.get("Internal-Sender-Identifier"));
        if (custodian == null) {
            throw refused(Messages.of("check.no-custodian"));
        }
        byte[] tagManifest = bag.tag(EvidencePackage.TAG_MANIFEST);
        boolean pinned = trusted.stream().anyMatch(c -> c.fingerprint().equals(custodian.fingerprint()));
        try {
            Certificate signer = DetachedSignature.verify(bag.tag(EvidencePackage.SIGNATURE), tagManifest,
                    pinned ? trusted : List.of(custodian)).signer();
            if (!signer.fingerprint().equals(custodian.fingerprint())) {
                throw refused(Messages.of("check.not-custodian-signed"));
            }
        } catch (GawahException e) {
            throw new GawahException(e.failure(), Messages.of("check.signature", EvidencePackage.TAG_MANIFEST, e.message()), hint());
        }
        bag.checkTagManifest(bag.manifest(EvidencePackage.TAG_MANIFEST, 128),
                Set.of(EvidencePackage.TAG_MANIFEST, EvidencePackage.SIGNATURE));

        for (String label : REQUIRED_INFO) {
            if (!info.containsKey(label)) {
                throw refused(Messages.of("check.info-missing", label));
            }
        }
        String id = info.get("External-Identifier");
        if (!RecordId.isValid("GWE", id) || !id.equals(bag.name())) {
            throw refused(Messages.of("check.id", printable(bag.name())));
        }
        if (!RecordId.isValid("GWC", info.get("Case-Identifier"))) {
            throw refused(Messages.of("check.case-id"));
        }
        stages.begin(Stages.Stage.PAYLOAD);
        Map<String, String> sha512 = bag.manifest("manifest-sha512.txt", 128);
        Map<String, String> sha256 = bag.checkPayload(bag.manifest("manifest-sha256.txt", 64), sha512,
                info.get("Payload-Oxum"), progress);
        checkTsaCertificates(bag, files);
        stages.begin(Stages.Stage.CUSTODY_LOG);
        PackageCustody custody = PackageCustody.check(bag, files, keys, custodian, info, id, tsas);
        stages.begin(Stages.Stage.CONTENTS);
        List<String> documenters = new ArrayList<>();
        Map<String, JsonNode> sidecars = new HashMap<>();
        int signatures = checkItems(bag, files, keys, sha256, sha512, info.get("Case-Identifier"), documenters, sidecars);
        custody.checkTrace(sidecars.values(), path -> parse(bag.tag(path), path));
        long bytes = Long.parseLong(info.get("Payload-Oxum").split("\\.")[0]);
        return new Verified(id, custodian, pinned, info, countItems(files), signatures,
                documenters.stream().map(keys::get).toList(), custody.count(), bytes);
    }

    /**
     * The TSA certificates beside the tokens, for a clerk's {@code openssl -CAfile}: each one X.509
     * certificate named by its SHA-256. They are not trusted for being here: gawah verify trusts
     * only the TSAs pinned in its own home.
     */
    private static void checkTsaCertificates(BagReader bag, Set<String> files) {
        for (String file : files) {
            Matcher name = TSA_FILE.matcher(file);
            if (name.matches()) {
                try {
                    if (!org.gawah.tsp.TsaCertificate.parse(bag.tag(file)).fingerprint().equals(name.group(1))) {
                        throw refused(Messages.of("check.tsa-certificate", printable(file)));
                    }
                } catch (GawahException e) {
                    throw refused(Messages.of("check.tsa-certificate", printable(file)));
                }
            }
        }
    }

    private static Map<String, Certificate> keys(BagReader bag, Set<String> files) {
        Map<String, Certificate> keys = new HashMap<>();
        for (String file : files) {
            if (file.startsWith("keys/") && !TSA_FILE.matcher(file).matches()) {
                Certificate certificate;
                try {
                    certificate = Certificate.parse(bag.tag(file));
                } catch (GawahException e) {
                    throw refused(Messages.of("check.unreadable-certificate", printable(file), e.message()));
                }
                if (!file.equals("keys/" + certificate.fingerprint() + ".asc")) {
                    throw refused(Messages.of("check.certificate-name", printable(file)));
                }
                keys.put(certificate.fingerprint(), certificate);
            }
        }
        return keys;
    }

    /**
     * Every payload file is one item (with a sidecar) or the signature of one; each sidecar agrees
     * with its file; each signature is good, by the documenter the sidecar names, made when the
     * sidecar says it was sealed; each attachment is one its signed testimony lists, with the same
     * digests. Fills {@code byId} with the sidecars.
     */
    private static int checkItems(BagReader bag, Set<String> files, Map<String, Certificate> keys, Map<String, String> sha256,
                                  Map<String, String> sha512, String caseId, List<String> documenters, Map<String, JsonNode> byId) {
        Map<String, JsonNode> byPath = new HashMap<>();
        Set<String> signatures = new HashSet<>();
        Map<String, JsonNode> entries = new HashMap<>();
        for (String file : files) {
            Matcher name = ITEM_FILE.matcher(file);
            if (!name.matches()) {
                continue;
            }
            JsonNode sidecar = parse(bag.tag(file), file);
            String path = sidecar.path("path").asText();
            if (!name.group(1).equals(sidecar.path("item_id").asText()) || !sha256.containsKey(path) || path.endsWith(".sig")
                    || byPath.put(path, sidecar) != null || !caseId.equals(sidecar.path("case_id").asText())) {
                throw refused(Messages.of("check.sidecar-mismatch", file));
            }
            byId.put(name.group(1), sidecar);
            if (sidecar.has("signature")) {
                signatures.add(sidecar.get("signature").asText());
            }
        }
        for (String file : sha256.keySet()) {
            if (!byPath.containsKey(file) && !signatures.contains(file)) {
                throw refused(Messages.of("check.undescribed", printable(file)));
            }
        }
        int checked = 0;
        for (Map.Entry<String, JsonNode> item : byPath.entrySet()) {
            String path = item.getKey();
            JsonNode sidecar = item.getValue();
            Message where = sidecarOf(path);
            if (!sha256.get(path).equals(sidecar.path("sha256").asText()) || !sha512.get(path).equals(sidecar.path("sha512").asText())) {
                throw refused(Messages.of("check.digests", where));
            }
            checkKind(bag, path, sidecar, byId);
            long size = readSize(bag, path);
            if (size != sidecar.path("size").asLong(-1)) {
                throw refused(Messages.of("check.size", where, printable(sidecar.path("size").asText()), size));
            }
            if (sidecar.has("signature")) {
                checkSignature(bag, path, sidecar, keys, documenters);
                checked++;
            }
            if ("attachment".equals(sidecar.path("kind").asText())) {
                entries.put(sidecar.path("item_id").asText(), checkListed(bag, path, sidecar, byId));
            }
        }
        PackageLinks.check(byId, entries);
        checkIndex(bag, byId);
        return checked;
    }

    /**
     * What each kind of item must be (docs/format/evidence-package.md, "Items"): its place and
     * name, whether the documenter's signature must be beside it, and what it belongs to, all
     * within one record and one documenter. An item the documenter signed cannot be passed off as
     * one without a signature, nor an attachment hung on another record's testimony.
     */
    private static void checkKind(BagReader bag, String path, JsonNode sidecar, Map<String, JsonNode> byId) {
        String record = sidecar.path("record_id").asText();
        String kind = sidecar.path("kind").asText();
        String id = sidecar.path("item_id").asText();
        String folder = "data/" + record + "/";
        Message where = sidecarOf(printable(path));
        if (!RecordId.isValid("GWH", record)) {
            throw refused(Messages.of("check.no-record", where));
        }
        boolean signed;
        switch (kind) {
            case "testimony" -> signed = expect(path.equals(folder + "testimony.json") && id.equals(record + ".testimony"), where, true);
            case "identity" -> signed = expect(path.equals(folder + "identity.json") && id.equals(record + ".identity"), where, true);
            case "redacted_testimony" -> signed = expect(path.equals(folder + "testimony-redacted.json")
                    && id.equals(record + ".redacted") && (record + ".testimony").equals(sidecar.path("derived_from").asText()), where, false);
            case "reading" -> signed = expect(path.equals(folder + "testimony.txt") && id.equals(record + ".reading")
                    && byId.containsKey(sidecar.path("derived_from").asText())
                    && sidecar.path("derived_from").asText().startsWith(record + "."), where, false);
            case "attachment" -> signed = expect(RecordId.isValid("GWA", id) && path.matches(Pattern.quote(folder + id) + "\\.[a-z0-9]{1,8}"),
                    where, true);
            default -> throw refused(Messages.of("check.unknown-kind", where));
        }
        if (signed != sidecar.has("signature")) {
            throw refused(signed ? Messages.of("check.must-be-signed", where, kind) : Messages.of("check.cannot-be-signed", where, kind));
        }
        if (kind.equals("testimony") || kind.equals("identity") || kind.equals("redacted_testimony")) {
            JsonNode document = parse(bag.tag(path), path);
            JsonNode inner = kind.equals("redacted_testimony") ? document.path("testimony") : document;
            if (!record.equals(inner.path("record_id").asText())) {
                throw refused(Messages.of("check.wrong-record", printable(path), record, printable(inner.path("record_id").asText())));
            }
        }
        if (kind.equals("attachment") || kind.equals("identity")) {
            String owner = sidecar.path("testimony").asText();
            JsonNode testimony = byId.get(owner);
            if (testimony == null || !(owner.equals(record + ".testimony") || owner.equals(record + ".redacted"))
                    || !testimony.path("documenter").asText().equals(sidecar.path("documenter").asText())) {
                throw refused(Messages.of("check.no-owner", where, record));
            }
        }
    }

    private static boolean expect(boolean holds, Message where, boolean signed) {
        if (!holds) {
            throw refused(Messages.of("check.disagree", where));
        }
        return signed;
    }

    /** metadata/index.csv: one row per sidecar, naming the same item, path and SHA-256. */
    private static void checkIndex(BagReader bag, Map<String, JsonNode> byId) {
        String text = bag.text(EvidencePackage.INDEX);
        List<String> rows = new ArrayList<>(List.of(text.split("\r\n", -1)));
        String header = rows.isEmpty() ? "" : rows.get(0);
        if (rows.isEmpty() || !rows.remove(rows.size() - 1).isEmpty() || !List.of(Item.CSV_HEADER, Item.CSV_HEADER_THIRTEEN).contains(rows.remove(0))
                || rows.size() != byId.size()) {
            throw refused(Messages.of("check.index-rows", EvidencePackage.INDEX));
        }
        Set<String> seen = new HashSet<>();
        for (String row : rows) {
            String[] cells = row.split(",", 4);
            JsonNode sidecar = cells.length < 4 ? null : byId.get(cells[0]);
            if (sidecar == null || !seen.add(cells[0]) || !cells[2].equals(sidecar.path("path").asText())
                    || !row.contains("," + sidecar.path("sha256").asText() + ",")) {
                throw refused(Messages.of("check.index-row", EvidencePackage.INDEX, printable(cells[0])));
            }
            if (header.equals(Item.CSV_HEADER)) {
                // A package made before the two columns has none: its sidecars alone carry the links.
                PackageLinks.checkRow(EvidencePackage.INDEX, row, sidecar);
            }
        }
    }

    private static void checkSignature(BagReader bag, String path, JsonNode sidecar, Map<String, Certificate> keys,
                                       List<String> documenters) {
        String signature = sidecar.get("signature").asText();
        if (!signature.equals(path + ".sig") || !bag.files().contains(signature)) {
            throw refused(Messages.of("check.signature-absent", sidecarOf(path)));
        }
        Certificate documenter = keys.get(sidecar.path("documenter").asText());
        if (documenter == null) {
            throw refused(Messages.of("check.no-documenter-certificate", path));
        }
        DetachedSignature.Verified verified;
        try (InputStream in = bag.open(path)) {
            verified = DetachedSignature.verify(bag.tag(signature), in, List.of(documenter));
        } catch (GawahException e) {
            throw new GawahException(e.failure(), Messages.of("check.item-signature", signature, e.message()),
                    Messages.of("check.item-hint"));
        } catch (IOException e) {
            throw refused(Messages.of("check.unreadable", path, e.getMessage()));
        }
        if (!verified.signedAt().toString().equals(sidecar.path("sealed_at").asText())) {
            throw refused(Messages.of("check.sealed-at", sidecarOf(printable(path)), printable(sidecar.path("sealed_at").asText()),
                    verified.signedAt()));
        }
        if (!documenters.contains(documenter.fingerprint())) {
            documenters.add(documenter.fingerprint());
        }
    }

    /**
     * The attachment must be listed, with these digests, by the signed testimony (or its redacted
     * copy) it belongs to; returns that entry, whose links PackageLinks checks the sidecars against.
     */
    private static JsonNode checkListed(BagReader bag, String path, JsonNode sidecar, Map<String, JsonNode> byId) {
        JsonNode owner = byId.get(sidecar.path("testimony").asText());
        if (owner == null) {
            throw refused(Messages.of("check.attachment-orphan", path));
        }
        JsonNode document = parse(bag.tag(owner.path("path").asText()), owner.path("path").asText());
        JsonNode listed = document.has("testimony") ? document.get("testimony").path("attachments") : document.path("attachments");
        for (JsonNode entry : listed) {
            if (entry.path("id").asText().equals(sidecar.path("item_id").asText())) {
                if (!entry.path("sha256").asText().equals(sidecar.path("sha256").asText())
                        || !entry.path("sha512").asText().equals(sidecar.path("sha512").asText())
                        || entry.path("size").asLong(-1) != sidecar.path("size").asLong(-2)) {
                    throw refused(Messages.of("check.attachment-digests", path));
                }
                return entry;
            }
        }
        throw refused(Messages.of("check.attachment-unlisted", path));
    }

    private static long readSize(BagReader bag, String path) {
        try (InputStream in = bag.open(path)) {
            return in.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw refused(Messages.of("check.unreadable", path, e.getMessage()));
        }
    }

    private static JsonNode parse(byte[] json, String file) {
        try {
            return Json.parse(json, BagReader.MAX_TAG_FILE, Messages.of("check.file", file));
        } catch (GawahException e) {
            throw refused(Messages.of("check.not-json", file));
        }
    }

    private static int countItems(Set<String> files) {
        return (int) files.stream().filter(f -> ITEM_FILE.matcher(f).matches()).count();
    }

    static String printable(String name) {
        return "\"" + name.replaceAll("[^\\x20-\\x7e]", "?") + "\"";
    }

    /** "the sidecar of" an item, for a message. */
    private static Message sidecarOf(String path) {
        return Messages.of("check.sidecar-of", path);
    }

    static GawahException refused(Message problem) {
        return new GawahException(Failure.BAD_DATA, Messages.of("check.refused", problem), hint());
    }

    private static Message hint() {
        return Messages.of("check.hint");
    }
}
