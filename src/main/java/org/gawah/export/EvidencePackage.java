package org.gawah.export;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gawah.bag.BagWriter;
import org.gawah.custody.ChainDigests;
import org.gawah.custody.Entry;
import org.gawah.openpgp.Armor;
import org.gawah.openpgp.Certificate;
import org.gawah.openpgp.DetachedSignature;
import org.gawah.openpgp.SigningKey;

/**
 * An evidence package (docs/format/evidence-package.md): the layout's names, and the tag files
 * written after the payload. {@link PackageCheck} reads one back.
 */
public final class EvidencePackage {
    public static final String BAG_INFO = BagWriter.BAG_INFO;
    public static final String VERIFY = "VERIFY.txt";
    public static final String INDEX = "metadata/index.csv";
    public static final String CASE = "metadata/case.json";
    public static final String ITEMS = "metadata/items/";
    public static final String CUSTODY = "custody/";
    public static final String KEYS = "keys/";
    public static final String TAG_MANIFEST = BagWriter.TAG_MANIFEST;
    public static final String SIGNATURE = BagWriter.SIGNATURE;

    /** What bag-info.txt says, beyond the fixed fields. */
    public record Info(String bagId, String organization, String custodian, String caseId, Profile profile,
                       Instant baggedAt, Entry exportEntry) {
    }

    /**
     * The custody entries a package carries, and for each actor whose entries it carries, the
     * digests of that actor's whole log up to its head (docs/format/custody-log.md, "Extracts").
     */
    public record Custody(List<Entry.Signed> entries, Map<String, ChainDigests> chains, Timestamps timestamps) {
        public Custody(List<Entry.Signed> entries, Map<String, ChainDigests> chains) {
            this(entries, chains, Timestamps.NONE);
        }
    }

    /** When a token proves a sealed source existed, and where that token is in the package. */
    public record TimeProof(java.time.Instant time, String token) {
    }

    /**
     * The time-stamp tokens a package carries (docs/format/evidence-package.md, "Time-stamp
     * tokens"): the files (path to DER bytes), the earliest proof of each sealed source (keyed by
     * {@link #key}), and the TSA certificates pinned by the custodian that vouch for them (PEM).
     */
    public record Timestamps(Map<String, byte[]> tokens, Map<String, TimeProof> proofs, Map<String, String> anchors,
                             Map<String, String> records) {
        public static final Timestamps NONE = new Timestamps(Map.of(), Map.of(), Map.of(), Map.of());

        public static String key(String documenter, String subject) {
            return documenter + " " + subject;
        }
    }

    /** Where an actor's token travels. */
    public static String tokenFile(String actor, String id) {
        return CUSTODY + actor + "/timestamps/" + id + ".tsr";
    }

    /** Where the evidence record (RFC 4998) of a carried entry travels: beside it, {@code SEQ.ers}. */
    public static String evidenceFile(Entry entry) {
        String file = custodyFile(entry);
        return file.substring(0, file.length() - ".json".length()) + ".ers";
    }

    /** Where a TSA certificate the tokens chain to travels, named by its SHA-256. */
    public static String tsaFile(String fingerprint) {
        return KEYS + "tsa/" + fingerprint + ".pem";
    }

    private EvidencePackage() {
    }

    public static String custodyFile(Entry entry) {
        return CUSTODY + entry.actor() + "/" + ChainDigests.entryFile(entry.seq());
    }

    /** The digests of an actor's log, beside its entries. */
    public static String chainFile(String actor) {
        return CUSTODY + actor + "/" + ChainDigests.FILE;
    }

    /**
     * Writes every tag file after the payload and its manifests: bag-info, sidecars, index, case
     * data, custody entries, certificates, VERIFY.txt, then the tag manifest and the custodian's
     * signature over it.
     */
    public static void writeTags(BagWriter bag, Info info, List<Item> items, byte[] caseJson, Custody custody,
                                 Certificate custodian, List<Certificate> documenters, SigningKey key) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("Source-Organization", oneLine(info.organization()));
        fields.put("Bagging-Date", LocalDate.ofInstant(info.baggedAt(), ZoneOffset.UTC).toString());
        fields.put("Payload-Oxum", bag.payloadOxum());
        fields.put("Bag-Count", "1 of 1");
        fields.put("External-Identifier", info.bagId());
        fields.put("Internal-Sender-Identifier", info.custodian());
        fields.put("Case-Identifier", info.caseId());
        fields.put("Intended-Recipient", oneLine(info.profile().recipient()));
        fields.put("Profile-Identifier", info.profile().identifier());
        fields.put("Gawah-Export-Entry", info.exportEntry().seq() + " " + info.exportEntry().sha256());
        fields.put("Bag-Software-Agent", "gawah 0.1.0");
        StringBuilder text = new StringBuilder();
        fields.forEach((label, value) -> text.append(label).append(": ").append(value).append('\n'));
        bag.tag(BAG_INFO, utf8(text.toString()));

        Map<String, String> groups = Groups.of(items);
        StringBuilder index = new StringBuilder(Item.CSV_HEADER).append("\r\n");
        for (Item item : Groups.together(items, groups)) {
            TimeProof proof = item.source() == null ? null
                    : custody.timestamps().proofs().get(Timestamps.key(item.documenter(), item.source()));
            String record = item.source() == null ? null
                    : custody.timestamps().records().get(Timestamps.key(item.documenter(), item.source()));
            bag.tag(ITEMS + item.id() + ".json", item.sidecar(info.caseId(), groups.get(item.id()), proof, record));
            index.append(item.csvRow(groups.get(item.id()))).append("\r\n");
        }
        bag.tag(INDEX, utf8(index.toString()));
        bag.tag(CASE, caseJson);
        for (Entry.Signed signed : custody.entries()) {
            String file = custodyFile(signed.entry());
            bag.tag(file, signed.entry().canonical());
            bag.tag(file + ".sig", signed.signature());
        }
        custody.chains().forEach((actor, chain) -> bag.tag(chainFile(actor), chain.bytes()));
        custody.timestamps().tokens().forEach(bag::tag);
        custody.timestamps().anchors().forEach((fingerprint, pem) -> bag.tag(tsaFile(fingerprint), utf8(pem)));
        bag.tag(KEYS + custodian.fingerprint() + ".asc", custodian.armored().getBytes(StandardCharsets.US_ASCII));
        for (Certificate documenter : documenters) {
            if (!documenter.fingerprint().equals(custodian.fingerprint())) {
                bag.tag(KEYS + documenter.fingerprint() + ".asc", documenter.armored().getBytes(StandardCharsets.US_ASCII));
            }
        }
        bag.tag(VERIFY, utf8(VerifyGuide.text(info, custodian, documenters)));
        byte[] tagManifest = bag.writeTagManifest();
        byte[] signature = DetachedSignature.sign(key, tagManifest, info.baggedAt());
        bag.tag(SIGNATURE, Armor.armor(signature).getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("[\\p{Cntrl}]", " ").strip();
    }
}
