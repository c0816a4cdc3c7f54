package org.gawah.export;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.gawah.Digests;
import org.gawah.GawahException;
import org.gawah.bag.BagReader;
import org.gawah.custody.Action;
import org.gawah.custody.ChainDigests;
import org.gawah.custody.CustodyException;
import org.gawah.custody.Entry;
import org.gawah.openpgp.Certificate;
import org.gawah.openpgp.DetachedSignature;

/**
 * The custody entries of an evidence package (docs/format/evidence-package.md, "Custody
 * entries"): each signed by its actor at its own time; each a link of its actor's chain, as the
 * digest list beside it gives the chain; the custodian's chain ending at this export, over this
 * manifest; and, once the items are read, every item traced from its sealing to this export.
 */
final class PackageCustody {
    private static final String FINGERPRINT = "([0-9A-F]{40}|[0-9A-F]{64})";
    private static final Pattern ENTRY_FILE = Pattern.compile("custody/" + FINGERPRINT + "/([0-9]{8})\\.json");
    private static final Pattern CHAIN_FILE = Pattern.compile("custody/" + FINGERPRINT + "/" + Pattern.quote(ChainDigests.FILE));
    private static final Pattern TOKEN_FILE = Pattern.compile("custody/" + FINGERPRINT + "/timestamps/(GWT(-[0-9A-HJKMNP-TV-Z]{4}){4})\\.tsr");
    private static final Pattern EVIDENCE_FILE = Pattern.compile("custody/" + FINGERPRINT + "/([0-9]{8})\\.ers");
    private static final Pattern EXPORT_ENTRY = Pattern.compile("([1-9][0-9]{0,17}) ([0-9a-f]{64})");

    private final Map<String, List<Entry>> bySubject = new HashMap<>();
    /** The folders of the custodian's own log: its own, and on a team vault, the other analysts' whose lists begin it. */
    private final Set<String> team = new java.util.TreeSet<>();
    /** Each evidence record checked, by its file: when it proves its entry existed. */
    private final Map<String, Instant> evidence = new HashMap<>();
    /** Each token checked, by its file: what it proves. */
    private final Map<String, Proven> proven = new HashMap<>();
    private final String custodian;

    /** A token's word: entry {@code covered} of {@code actor}'s log, and all before it, existed at {@code time}. */
    private record Proven(String actor, long covered, Instant time) {
    }
    private int count;

    private PackageCustody(String custodian) {
        this.custodian = custodian;
    }

    /** Whether {@code file} is a custody file this format knows: an entry, its signature, or a chain's digests. */
    static boolean known(String file) {
        return ENTRY_FILE.matcher(file.endsWith(".sig") ? file.substring(0, file.length() - 4) : file).matches()
                || CHAIN_FILE.matcher(file).matches() || TOKEN_FILE.matcher(file).matches()
                || EVIDENCE_FILE.matcher(file).matches();
    }

    /** Checks every entry and chain; the trace of the items waits for {@link #checkTrace}. */
    static PackageCustody check(BagReader bag, Set<String> files, Map<String, Certificate> keys, Certificate custodian,
                                Map<String, String> info, String id, List<org.gawah.tsp.TsaCertificate> tsas) {
        PackageCustody custody = new PackageCustody(custodian.fingerprint());
        Map<String, TreeMap<Long, Entry>> byActor = new TreeMap<>();
        for (String file : files) {
            Matcher name = ENTRY_FILE.matcher(file);
            if (name.matches()) {
                Entry entry = custody.entry(bag, files, keys, file, name);
                byActor.computeIfAbsent(entry.actor(), a -> new TreeMap<>()).put(entry.seq(), entry);
            }
        }
        for (String file : files) {
            if (file.startsWith("custody/") && file.endsWith(".sig") && !files.contains(file.substring(0, file.length() - 4))) {
                throw PackageCheck.refused(Messages.of("check.custody-orphan-signature", file));
            }
            Matcher chain = CHAIN_FILE.matcher(file);
            if (chain.matches() && !byActor.containsKey(chain.group(1))) {
                throw PackageCheck.refused(Messages.of("check.chain-orphan", file));
            }
        }
        Entry export = exportEntry(bag, byActor.getOrDefault(custody.custodian, new TreeMap<>()), info, id);
        Map<String, ChainDigests> chains = new HashMap<>();
        byActor.forEach((actor, entries) -> chains.put(actor,
                checkChain(bag, files, actor, entries, actor.equals(custody.custodian) ? export : null)));
        custody.checkTeam(byActor, chains);
        custody.checkTokens(bag, files, byActor, chains, tsas);
        custody.checkEvidenceRecords(bag, files, byActor, tsas);
        return custody;
    }

    /**
     * The folders of the custodian's log (docs/format/evidence-package.md, "Several analysts of one
     * team vault"): its own, and each whose digest list is the first lines of its own. Where they
     * are several, the log's entry 1 is carried, and walked by number the carried entries admit
     * each actor before its first entry: entry 1's from the start, any other key once an
     * {@code analyst_added} entry by an actor admitted before it names it.
     */
    private void checkTeam(Map<String, TreeMap<Long, Entry>> byActor, Map<String, ChainDigests> chains) {
        ChainDigests own = chains.get(custodian);
        chains.forEach((actor, chain) -> {
            if (own.startsWith(chain)) {
                team.add(actor);
            }
        });
        if (team.size() == 1) {
            return;
        }
        TreeMap<Long, Entry> log = new TreeMap<>();
        team.forEach(actor -> log.putAll(byActor.get(actor)));
        if (log.firstKey() != 1) {
            throw PackageCheck.refused(Messages.of("check.team-no-first-entry", String.join(", ", team)));
        }
        Set<String> admitted = new java.util.HashSet<>(Set.of(log.firstEntry().getValue().actor()));
        for (Entry entry : log.values()) {
            if (!admitted.contains(entry.actor())) {
                throw PackageCheck.refused(Messages.of("check.team-unadmitted", EvidencePackage.custodyFile(entry), entry.actor()));
            }
            if (entry.action() == Action.ANALYST_ADDED && org.gawah.custody.Admissions.admitsKey(entry.subject())) {
                admitted.add(entry.subject());
            }
        }
    }

    /**
     * Every token is the one a carried {@code timestamped} entry of its folder's log logged, over the
     * entry before that one as the log's digest list gives it (SHA-256), with the nonce its id
     * fixes, signed by a TSA pinned here; every carried {@code timestamped} entry has its token.
     */
    private void checkTokens(BagReader bag, Set<String> files, Map<String, TreeMap<Long, Entry>> byActor,
                             Map<String, ChainDigests> chains, List<org.gawah.tsp.TsaCertificate> tsas) {
        Instant now = Instant.now();
        for (String file : files) {
            Matcher name = TOKEN_FILE.matcher(file);
            if (!name.matches()) {
                continue;
            }
            String actor = name.group(1);
            String id = name.group(2);
            byte[] token = bag.tag(file);
            Entry logged = byActor.getOrDefault(actor, new TreeMap<>()).values().stream()
                    .filter(e -> e.action() == Action.TIMESTAMPED && e.subject().equals(id)).findFirst()
                    .orElseThrow(() -> PackageCheck.refused(Messages.of("check.token-unlogged", file)));
            if (!Digests.sha256(token).equals(logged.subjectSha256())) {
                throw PackageCheck.refused(Messages.of("check.token-swapped", file, EvidencePackage.custodyFile(logged)));
            }
            long covered = logged.seq() - 1;
            try {
                org.gawah.tsp.TimeStamp stamp = org.gawah.tsp.TimeStamp.parse(token);
                stamp.checkDigest(org.gawah.tsp.ImprintHash.SHA256, java.util.HexFormat.of().parseHex(chains.get(actor).at(covered)),
                        org.gawah.tsp.TimeStampQuery.nonceOf(id), tsas, now);
                proven.put(file, new Proven(actor, covered, stamp.time()));
            } catch (GawahException e) {
                throw new GawahException(e.failure(), Messages.of("check.token", file, e.message()), e.hintMessage());
            }
        }
        byActor.values().forEach(entries -> entries.values().stream().filter(e -> e.action() == Action.TIMESTAMPED)
                .forEach(e -> {
                    String file = EvidencePackage.tokenFile(e.actor(), e.subject());
                    if (!files.contains(file)) {
                        throw PackageCheck.refused(Messages.of("check.token-missing", file, EvidencePackage.custodyFile(e)));
                    }
                }));
    }

    /**
     * Every evidence record (docs/format/evidence-record.md) proves the carried {@code sealed} or
     * {@code attached} entry beside it, through tokens of TSAs pinned here.
     */
    private void checkEvidenceRecords(BagReader bag, Set<String> files, Map<String, TreeMap<Long, Entry>> byActor,
                                      List<org.gawah.tsp.TsaCertificate> tsas) {
        Instant now = Instant.now();
        for (String file : files) {
            Matcher name = EVIDENCE_FILE.matcher(file);
            if (!name.matches()) {
                continue;
            }
            Entry entry = byActor.getOrDefault(name.group(1), new TreeMap<>()).get(Long.parseLong(name.group(2)));
            if (entry == null || !(entry.action() == Action.SEALED || entry.action() == Action.ATTACHED)) {
                throw PackageCheck.refused(Messages.of("check.ers-orphan", file));
            }
            try {
                org.gawah.tsp.EvidenceRecord record = org.gawah.tsp.EvidenceRecord.parse(bag.tag(file));
                evidence.put(file, record.check(java.util.HexFormat.of().parseHex(Digests.sha256(entry.canonical())), tsas, now).time());
            } catch (GawahException e) {
                throw new GawahException(e.failure(), Messages.of("check.ers", file, e.message()), e.hintMessage());
            }
        }
    }

    /** One entry: signed beside it, canonical, named for its actor and number, signed by its actor at its time. */
    private Entry entry(BagReader bag, Set<String> files, Map<String, Certificate> keys, String file, Matcher name) {
        if (!files.contains(file + ".sig")) {
            throw PackageCheck.refused(Messages.of("check.custody-unsigned", file));
        }
        byte[] bytes = bag.tag(file);
        Entry entry;
        try {
            entry = Entry.parse(bytes);
        } catch (CustodyException e) {
            throw PackageCheck.refused(Messages.of("check.custody-entry", file, e.getMessage()));
        }
        Certificate actor = keys.get(name.group(1));
        if (actor == null || !entry.actor().equals(name.group(1)) || entry.seq() != Long.parseLong(name.group(2))) {
            throw PackageCheck.refused(Messages.of("check.custody-name", file, Long.parseLong(name.group(2)), name.group(1)));
        }
        Instant signedAt;
        try {
            signedAt = DetachedSignature.verify(bag.tag(file + ".sig"), bytes, List.of(actor)).signedAt();
        } catch (GawahException e) {
            throw new GawahException(e.failure(), Messages.of("check.custody-signature", file, e.message()));
        }
        if (!signedAt.equals(entry.time())) {
            throw PackageCheck.refused(Messages.of("check.custody-time", file, signedAt, entry.time()));
        }
        bySubject.computeIfAbsent(entry.subject(), s -> new ArrayList<>()).add(entry);
        count++;
        return entry;
    }

    /** The custodian's last entry: bag-info.txt's Gawah-Export-Entry, the export of this package over its manifest. */
    private static Entry exportEntry(BagReader bag, TreeMap<Long, Entry> custodianEntries, Map<String, String> info, String id) {
        Matcher head = EXPORT_ENTRY.matcher(info.get("Gawah-Export-Entry"));
        Map.Entry<Long, Entry> last = custodianEntries.lastEntry();
        if (!head.matches() || last == null || last.getKey() != Long.parseLong(head.group(1))
                || !Digests.sha256(last.getValue().canonical()).equals(head.group(2))) {
            throw PackageCheck.refused(Messages.of("check.export-entry"));
        }
        Entry export = last.getValue();
        if (export.action() != Action.EXPORTED || !export.subject().equals(id)
                || !export.subjectSha256().equals(Digests.sha256(bag.tag("manifest-sha256.txt")))) {
            throw PackageCheck.refused(Messages.of("check.export-entry-subject"));
        }
        return export;
    }

    /**
     * An actor's entries against the digests of its whole log: each is the entry listed at its
     * place and follows the one listed before it, so none was edited, moved or made up, though the
     * entries between them stay out. The custodian's list ends at this export's entry.
     */
    private static ChainDigests checkChain(BagReader bag, Set<String> files, String actor, TreeMap<Long, Entry> entries, Entry export) {
        String file = EvidencePackage.chainFile(actor);
        if (!files.contains(file)) {
            throw PackageCheck.refused(Messages.of("check.chain-missing", EvidencePackage.CUSTODY + actor + "/"));
        }
        ChainDigests chain;
        try {
            chain = ChainDigests.parse(bag.tag(file));
        } catch (CustodyException e) {
            throw PackageCheck.refused(Messages.of("check.chain-unreadable", file, e.problem()));
        }
        for (Entry entry : entries.values()) {
            Optional<org.gawah.Message> problem = chain.problemWith(entry);
            if (problem.isPresent()) {
                throw PackageCheck.refused(Messages.of("check.chain-link", EvidencePackage.custodyFile(entry), file, problem.get()));
            }
        }
        if (export != null && chain.head() != export.seq()) {
            throw PackageCheck.refused(Messages.of("check.chain-head", file, EvidencePackage.custodyFile(export)));
        }
        return chain;
    }

    int count() {
        return count;
    }

    /**
     * Every item with a sealed source is traced by the entries: made ({@code sealed} or
     * {@code attached}) by the documenter its sidecar names, {@code imported} by the custodian
     * unless the custodian made it, and {@code exported} by the custodian, all over one digest;
     * a redacted copy by the custodian's {@code redacted} entry over its own bytes, and naming as
     * {@code original_sealed_sha256} the digest its record was sealed with. {@code documents}
     * reads the file at a sidecar's path.
     */
    void checkTrace(Collection<JsonNode> sidecars, Function<String, JsonNode> documents) {
        for (JsonNode sidecar : sidecars) {
            String record = sidecar.path("record_id").asText();
            String path = sidecar.path("path").asText();
            String documenter = sidecar.path("documenter").asText();
            switch (sidecar.path("kind").asText()) {
                case "testimony" -> proven(sidecar, trace(path, record, Action.SEALED, documenter, true));
                case "identity" -> proven(sidecar, trace(path, record + "/identity", Action.SEALED, documenter, true));
                case "attachment" -> proven(sidecar, trace(path, sidecar.path("item_id").asText(), Action.ATTACHED, documenter, true));
                case "redacted_testimony" -> {
                    proven(sidecar, null);
                    Entry sealed = trace(path, record, Action.SEALED, documenter, false);
                    if (!sealed.subjectSha256().equals(documents.apply(path).path("original_sealed_sha256").asText())) {
                        throw PackageCheck.refused(Messages.of("check.redacted-original", path, record));
                    }
                    String subject = record + "/redacted";
                    if (find(subject, Action.REDACTED, custodian).filter(e -> e.subjectSha256().equals(sidecar.path("sha256").asText()))
                            .isEmpty()) {
                        throw PackageCheck.refused(Messages.of("check.trace-missing", path, Action.REDACTED.wire(), subject, custodian));
                    }
                }
                default -> proven(sidecar, null); // a reading, made at export: no sealed source of its own
            }
        }
    }

    /**
     * A sidecar's proven time ({@code timestamped_at}, {@code timestamp_token}) must be what a
     * checked token of its documenter's log says, over the entry that made the item or a later one.
     */
    private void proven(JsonNode sidecar, Entry creation) {
        if (sidecar.has("evidence_record") && (creation == null
                || !sidecar.path("evidence_record").asText().equals(EvidencePackage.evidenceFile(creation))
                || !evidence.containsKey(sidecar.path("evidence_record").asText()))) {
            throw PackageCheck.refused(Messages.of("check.ers-claim", sidecar.path("path").asText(),
                    sidecar.path("evidence_record").asText()));
        }
        boolean claims = sidecar.has("timestamped_at") || sidecar.has("timestamp_token");
        if (!claims) {
            return;
        }
        String path = sidecar.path("path").asText();
        Proven proof = proven.get(sidecar.path("timestamp_token").asText());
        if (creation == null || proof == null || !proof.actor().equals(creation.actor()) || proof.covered() < creation.seq()
                || !proof.time().toString().equals(sidecar.path("timestamped_at").asText())) {
            throw PackageCheck.refused(Messages.of("check.token-claim", path, sidecar.path("timestamp_token").asText()));
        }
    }

    /** The entry that made {@code subject}, once every entry of it is found to agree with it. */
    private Entry trace(String path, String subject, Action made, String documenter, boolean exported) {
        Entry creation = require(path, subject, made, documenter);
        // Made in the custodian's own log needs no import; else one of that log's analysts imported it.
        if (!team.contains(documenter) && team.stream().noneMatch(analyst -> find(subject, Action.IMPORTED, analyst).isPresent())) {
            throw team.size() == 1 ? PackageCheck.refused(Messages.of("check.trace-missing", path, Action.IMPORTED.wire(), subject, custodian))
                    : PackageCheck.refused(Messages.of("check.trace-not-imported", path, subject, String.join(", ", team)));
        }
        if (exported) {
            require(path, subject, Action.EXPORTED, custodian);
        }
        for (Entry entry : bySubject.get(subject)) {
            if (!entry.subjectSha256().equals(creation.subjectSha256())) {
                throw PackageCheck.refused(Messages.of("check.trace-digest", path, subject));
            }
        }
        return creation;
    }

    private Entry require(String path, String subject, Action action, String actor) {
        return find(subject, action, actor).orElseThrow(() ->
                PackageCheck.refused(Messages.of("check.trace-missing", path, action.wire(), subject, actor)));
    }

    private Optional<Entry> find(String subject, Action action, String actor) {
        return bySubject.getOrDefault(subject, List.of()).stream()
                .filter(e -> e.action() == action && e.actor().equals(actor)).findFirst();
    }
}
