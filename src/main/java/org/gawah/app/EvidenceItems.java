package org.gawah.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.gawah.Digests;
import org.gawah.Failure;
import org.gawah.GawahException;
import org.gawah.Message;
import org.gawah.bag.BagWriter;
import org.gawah.custody.Action;
import org.gawah.custody.ChainDigests;
import org.gawah.custody.CustodyException;
import org.gawah.custody.Entry;
import org.gawah.custody.SignedLog;
import org.gawah.export.AttachmentContents;
import org.gawah.export.Consent;
import org.gawah.export.EvidencePackage;
import org.gawah.export.Item;
import org.gawah.export.Reading;
import org.gawah.export.Redaction;
import org.gawah.export.Report;
import org.gawah.names.KnownKeys;
import org.gawah.openpgp.Certificate;
import org.gawah.openpgp.Opened;
import org.gawah.openpgp.Opener;
import org.gawah.openpgp.SealedRecipients;
import org.gawah.testimony.Json;
import org.gawah.testimony.NameKeys;
import org.gawah.testimony.Drafts;
import org.gawah.testimony.RecordId;
import org.gawah.testimony.Testimonies;
import org.gawah.vault.LoggedRecord;
import org.gawah.vault.RecordWrite;
import org.gawah.vault.StoredAttachment;
import org.gawah.vault.Vault;

/**
 * The payload of an evidence package, record by record: each record opened and checked, consent
 * applied, then its items written into the bag (docs/format/evidence-package.md, "Consent and
 * protection"). Every plaintext buffer is wiped once written.
 */
final class EvidenceItems {
    private static final String JSON = "application/json";
    private static final String TEXT = "text/plain; charset=utf-8";

    private final EvidenceExport.Run run;
    private final BagWriter bag;
    /** Subject → SHA-256 of the sealed source, for the {@code exported} entries. */
    private final Map<String, String> exported = new LinkedHashMap<>();
    private final Map<String, String> redactions = new LinkedHashMap<>();
    /** Attachments in the package: a transcript or translation goes only with its recording. */
    private final Set<String> attachmentsIn = new HashSet<>();
    /** Every sealed source of an item (record, identity envelope, attachment): their entries travel with the package. */
    private final Set<String> sources = new HashSet<>();
    private final List<String> exportedRecords = new ArrayList<>();
    private final Map<String, Certificate> signers = new LinkedHashMap<>();
    /** What each exported record was searched with, for the case's own words (title, notes). */
    private final List<Redaction.Masker> maskers = new ArrayList<>();
    /** Every record's name-key secret opened for this export: wiped when it ends ({@link #wipe}). */
    private final List<KnownKeys.Hashed> hashedKeys = new ArrayList<>();
    /** Records with a witness to protect whom no search could look for: the case's own words were not searched for them. */
    private final List<String> unsearched = new ArrayList<>();
    private Set<String> loggedIdentities;
    /**
     * Every sealed source decrypted so far (a record, an identity envelope, an attachment), subject
     * to the SHA-256 of its ciphertext, in the order first read: the preview's {@code opened} entries.
     */
    private final Map<String, String> read = new LinkedHashMap<>();
    /** Where each redacted record's witness was found, by record: for the preview, in memory only. */
    private final Map<String, List<Redaction.Match>> matches = new LinkedHashMap<>();

    EvidenceItems(EvidenceExport.Run run, BagWriter bag) {
        this.run = run;
        this.bag = bag;
    }

    void add(String recordId) throws IOException {
        LoggedRecord record = run.signed().record(recordId).orElseThrow(() -> new GawahException(Failure.NOT_FOUND,
                Messages.of("export.record-missing", recordId)));
        Opened opened = open(recordId, record.testimony());
        Opened base = null;
        try {
            // The signer inside must be the documenter whose signed custody entry brought the record.
            Provenance.requireBroughtBy(record, recordId, opened);
            JsonNode document = Testimonies.readRecord(opened.content());
            if (Drafts.SCHEMA.equals(document.path("schema").textValue())) {
                if (hasIdentity(record, document)) {
                    unsearched.add(recordId); // its witness may be named in the case's title or notes
                }
                leftOut(recordId, null, Messages.of("export.reason.draft"));
                return;
            }
            JsonNode testimony = document;
            LoggedRecord consentRecord = record;
            if (document.has("adds_to")) {
                // An addendum has no consent of its own: the testimony it adds to decides.
                String addsTo = document.get("adds_to").textValue();
                Optional<LoggedRecord> target = RecordId.isValid("GWH", addsTo) ? run.signed().record(addsTo)
                        : Optional.empty();
                if (target.isEmpty()) {
                    leftOut(recordId, null, Messages.of("export.reason.adds-to-unknown", addsTo));
                    return;
                }
                consentRecord = target.get();
                base = open(addsTo, consentRecord.testimony());
                Provenance.requireBroughtBy(consentRecord, addsTo, base);
                testimony = Testimonies.read(base.content());
            }
            // Whether there is a witness to protect is read from signed data, never from the vault's column alone.
            boolean hasIdentity = hasIdentity(consentRecord, testimony);
            // Searched for even when the record stays out: its witness may be named in the case's title or notes.
            Optional<Redaction.Masker> found = !hasIdentity ? Optional.empty()
                    : canOpenIdentity(consentRecord) ? Optional.of(names(consentRecord))
                    : keyedNames(testimony, base == null ? opened : base, recordId);
            found.ifPresent(maskers::add);
            if (hasIdentity && found.isEmpty()) {
                unsearched.add(recordId);
            }
            var refusal = Consent.refusalMessage(testimony, run.profile());
            if (refusal.isPresent()) {
                leftOut(recordId, null, refusal.get());
                return;
            }
            // Decided only once it is sure the envelope can be opened: else the testimony is checked as if withheld.
            boolean identityGoes = Consent.identity(testimony, run.includeIdentities()) && canOpenIdentity(record);
            if (run.includeIdentities() && record.identity() != null && !identityGoes) {
                leftOut(recordId, recordId + ".identity", canOpenIdentity(record)
                        ? Messages.of("export.reason.anonymous") : Messages.of("export.reason.identity-sealed"));
            }
            Redaction.Masker names = Redaction.Masker.none();
            if (!identityGoes && hasIdentity) {
                if (found.isPresent()) {
                    names = found.get();
                    searched(recordId, canOpenIdentity(consentRecord) ? Messages.of("export.searched.identity")
                            : Messages.of("export.searched.name-keys"));
                } else if (run.reviewed().contains(recordId)) {
                    note(Messages.of("export.note.reviewed", recordId));
                } else {
                    leftOut(recordId, null, Messages.of("export.reason.not-searched", recordId), Report.Remedy.reviewed(recordId));
                    return;
                }
            }
            write(recordId, record, opened, document, testimony, identityGoes, names);
        } finally {
            opened.wipe();
            if (base != null) {
                base.wipe();
            }
        }
    }

    private void write(String recordId, LoggedRecord record, Opened opened, JsonNode document, JsonNode testimony,
                       boolean identityGoes, Redaction.Masker names) throws IOException {
        String folder = recordId + "/";
        Item.RecordFacts facts = Item.RecordFacts.of(testimony);
        Certificate signer = signer(opened.signerFingerprint());
        Redaction.Result redacted = identityGoes ? null
                : Redaction.of(recordId + ".testimony", Digests.sha256(record.testimony()), document,
                        run.profile().withhold(), names);
        String testimonyItem;
        JsonNode readable;
        if (redacted == null) {
            testimonyItem = recordId + ".testimony";
            BagWriter.Digested file = payload(folder + "testimony.json", opened.content());
            BagWriter.Digested signature = payload(folder + "testimony.json.sig", opened.signature());
            add(new Item(testimonyItem, Item.Kind.TESTIMONY, file.path(), signature.path(), recordId, null, JSON,
                    file.size(), file.sha256(), file.sha512(), opened.signedAt(), signer.fingerprint(), "original", null,
                    null, null, facts));
            exported.put(recordId, Digests.sha256(record.testimony()));
            readable = document;
        } else {
            testimonyItem = recordId + ".redacted";
            BagWriter.Digested file = payload(folder + "testimony-redacted.json", redacted.bytes());
            add(new Item(testimonyItem, Item.Kind.REDACTED_TESTIMONY, file.path(), null, recordId, null, JSON,
                    file.size(), file.sha256(), file.sha512(), opened.signedAt(), signer.fingerprint(), "derivative",
                    recordId + ".testimony", redacted.withheld(), null, facts));
            redactions.put(recordId + "/redacted", file.sha256());
            if (!redacted.matches().isEmpty()) {
                matches.put(recordId, redacted.matches());
            }
            ObjectNode copy = (ObjectNode) Json.parse(redacted.bytes(), Integer.MAX_VALUE,
                    Messages.of("export.redacted-copy")).get("testimony");
            ArrayNode withheld = copy.putArray("withheld");
            redacted.withheld().forEach(withheld::add);
            readable = copy;
            java.util.Arrays.fill(redacted.bytes(), (byte) 0);
        }
        sources.add(recordId);
        byte[] text = Reading.render(readable).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        BagWriter.Digested reading = payload(folder + "testimony.txt", text);
        java.util.Arrays.fill(text, (byte) 0);
        add(new Item(recordId + ".reading", Item.Kind.READING, reading.path(), null, recordId, null, TEXT, reading.size(),
                reading.sha256(), reading.sha512(), opened.signedAt(), signer.fingerprint(), "derivative", testimonyItem,
                null, null, facts));
        if (identityGoes) {
            identity(recordId, record, folder, signer, testimonyItem, facts);
        }
        attachments(recordId, record, document, testimony, folder, signer, testimonyItem, facts, identityGoes);
        exportedRecords.add(recordId);
    }

    private void identity(String recordId, LoggedRecord record, String folder, Certificate signer, String testimonyItem,
                          Item.RecordFacts facts) throws IOException {
        Opened identity = open(RecordWrite.identitySubject(recordId), record.identity());
        try {
            requireSameSigner(identity, signer, recordId + "/identity");
            BagWriter.Digested file = payload(folder + "identity.json", identity.content());
            BagWriter.Digested signature = payload(folder + "identity.json.sig", identity.signature());
            add(new Item(recordId + ".identity", Item.Kind.IDENTITY, file.path(), signature.path(), recordId, null, JSON,
                    file.size(), file.sha256(), file.sha512(), identity.signedAt(), signer.fingerprint(), "original", null,
                    null, testimonyItem, facts));
            exported.put(recordId + "/identity", Digests.sha256(record.identity()));
            sources.add(recordId + "/identity");
        } finally {
            identity.wipe();
        }
    }

    private void attachments(String recordId, LoggedRecord record, JsonNode document, JsonNode testimony, String folder,
                             Certificate signer, String testimonyItem, Item.RecordFacts facts, boolean identityGoes)
            throws IOException {
        JsonNode listed = document.get("attachments");
        List<StoredAttachment> stored = record.attachments();
        if (listed == null || listed.size() != stored.size()) {
            throw new GawahException(Failure.BAD_DATA, Messages.of("export.attachment-count", recordId,
                    listed == null ? 0 : listed.size(), stored.size()));
        }
        for (int i = 0; i < stored.size(); i++) {
            JsonNode entry = listed.get(i);
            StoredAttachment attachment = stored.get(i);
            if (!attachment.id().equals(entry.path("id").asText())) {
                throw new GawahException(Failure.BAD_DATA, Messages.of("export.attachment-order", i + 1, recordId));
            }
            String mediaType = entry.path("media_type").asText("application/octet-stream");
            Item.Relation relation = relation(entry);
            if (relation != null && !attachmentsIn.contains(relation.of())) {
                // One item with its recording (Leiden Guidelines): where the recording does not go, neither does this.
                leftOut(recordId, attachment.id(), Messages.of("export.reason.recording-out", relation.of()));
                continue;
            }
            var refused = Consent.mediaRefusalMessage(mediaType, testimony);
            if (refused.isPresent()) {
                leftOut(recordId, attachment.id(), refused.get());
                continue;
            }
            String name = folder + attachment.id() + "." + Item.extension(mediaType);
            // Without the identity, the documenter's file name goes nowhere but the searched testimony.
            String fileName = identityGoes ? entry.path("file_name").asText() : attachment.id() + "." + Item.extension(mediaType);
            Opened sealed;
            if (identityGoes) {
                sealed = streamed(attachment, name);
            } else {
                Optional<Opened> checked = withoutIdentity(recordId, attachment, mediaType, name, entry.path("metadata"));
                if (checked.isEmpty()) {
                    continue;
                }
                sealed = checked.get();
            }
            BagWriter.Digested file = bag.lastPayload();
            requireSameSigner(sealed, signer, attachment.id());
            if (file.size() != entry.path("size").asLong(-1) || !file.sha256().equals(entry.path("sha256").asText())
                    || !file.sha512().equals(entry.path("sha512").asText())) {
                throw new GawahException(Failure.BAD_DATA, Messages.of("export.attachment-differs", attachment.id()));
            }
            BagWriter.Digested signature = payload(name + ".sig", sealed.signature());
            add(new Item(attachment.id(), Item.Kind.ATTACHMENT, file.path(), signature.path(), recordId, fileName, mediaType,
                    file.size(), file.sha256(), file.sha512(), sealed.signedAt(), signer.fingerprint(),
                    entry.path("generation").asText("original"), null, null, testimonyItem, facts, relation,
                    sidecarMetadata(entry.path("metadata"), identityGoes)));
            exported.put(attachment.id(), attachment.sealedSha256());
            attachmentsIn.add(attachment.id());
            sources.add(attachment.id());
        }
    }

    /** The attachment streamed into the package as it is opened, in constant memory. */
    private Opened streamed(StoredAttachment attachment, String name) throws IOException {
        Opened sealed;
        try (InputStream in = counting(attachment, opening(attachment));
             OutputStream data = bag.payload(name)) {
            // Plaintext reaches the package before the checks end; a failure deletes the whole package.
            sealed = Opener.openTo(in, data, run.own(), run.ask(), run.documenters());
        }
        run.progress().attachmentDone(attachment.id());
        return sealed;
    }

    /** The sealed attachment as it is read, each read told to the run's progress (its bytes of the sealed size). */
    private InputStream counting(StoredAttachment attachment, InputStream in) {
        return new java.io.FilterInputStream(in) {
            private long done;

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n > 0) {
                    done += n;
                    run.progress().attachment(attachment.id(), done, attachment.sealedSize());
                }
                return n;
            }
        };
    }

    /**
     * An attachment in an export without the identity (docs/format/evidence-package.md, "Consent
     * and protection"): a file that can hold text stays out unless someone read it and named it with
     * --reviewed. A photo, a sound or a film is judged, reviewed or not (a person who looked at it
     * did not see its coordinates), by the metadata signed with it at sealing and by its own bytes,
     * decrypted once first and read again: with a location it stays out unless named with
     * --with-location; with metadata that cannot be read (a photo's, or a sound's or film's in a
     * format the reader knows), or naming its device's serial number or owner, unless reviewed.
     * What goes is reported as not searched. Empty when it stays out.
     */
    private Optional<Opened> withoutIdentity(String recordId, StoredAttachment attachment, String mediaType, String name,
                                             JsonNode signedMetadata) throws IOException {
        String id = attachment.id();
        boolean reviewed = run.reviewed().contains(id);
        AttachmentContents.Kind kind = AttachmentContents.kind(mediaType);
        if (kind == AttachmentContents.Kind.TEXT) {
            if (!reviewed) {
                leftOut(recordId, id, Messages.of("export.reason.may-name", id), Report.Remedy.reviewed(id));
                return Optional.empty();
            }
            note(Messages.of("export.note.attachment-reviewed", recordId, id));
            return Optional.of(streamed(attachment, name));
        }
        AttachmentContents.Said signed = AttachmentContents.signed(signedMetadata);
        AttachmentContents.Said said = signed.and(metadata(attachment, AttachmentContents.readAgain(signedMetadata)));
        boolean photo = kind == AttachmentContents.Kind.PHOTO;
        if (said.location()) {
            if (!run.reviewed().locationAllowed(id)) {
                leftOut(recordId, id, Messages.of("export.reason.location", AttachmentContents.location(), id),
                        Report.Remedy.withLocation(id));
                return Optional.empty();
            }
            note(Messages.of("export.note.with-location", recordId, id));
        }
        if (!reviewed) {
            if (said.reading() == AttachmentContents.Reading.UNREADABLE
                    || photo && said.reading() == AttachmentContents.Reading.FORMAT_UNKNOWN) {
                leftOut(recordId, id, Messages.of("export.reason.until-reviewed", AttachmentContents.unreadable(), id),
                        Report.Remedy.reviewed(id));
                return Optional.empty();
            }
            if (said.device()) {
                // Signed at sealing, or (a file sealed before metadata was recorded) found in its bytes now.
                leftOut(recordId, id, signed.device() ? Messages.of("export.reason.file-details", AttachmentContents.device(), id)
                        : Messages.of("export.reason.until-reviewed", AttachmentContents.device(), id), Report.Remedy.reviewed(id));
                return Optional.empty();
            }
            run.report().notSearched(recordId, id, photo ? Messages.of("export.not-searched.pixels")
                    : said.reading() == AttachmentContents.Reading.FORMAT_UNKNOWN
                    ? Messages.of("export.not-searched.format-unknown") : Messages.of("export.not-searched.sound"));
        } else {
            note(Messages.of("export.note.attachment-reviewed", recordId, id));
        }
        return Optional.of(streamed(attachment, name));
    }

    /**
     * What a photo's, sound's or film's own bytes say, read as it is decrypted (a first pass, in
     * constant memory: the plaintext runs through a pipe into the bounded reader on another thread
     * and is dropped); with {@code readMetadata} false only its format is recognised. The second
     * pass, into the package, checks the signature.
     */
    private AttachmentContents.Said metadata(StoredAttachment attachment, boolean readMetadata) throws IOException {
        AttachmentContents.Said unreadable = new AttachmentContents.Said(false, false, AttachmentContents.Reading.UNREADABLE);
        java.io.PipedInputStream plain = new java.io.PipedInputStream(1 << 16);
        java.util.concurrent.atomic.AtomicReference<AttachmentContents.Said> found = new java.util.concurrent.atomic.AtomicReference<>();
        Thread reader = new Thread(() -> {
            try (plain) {
                found.set(AttachmentContents.read(plain, readMetadata));
                plain.transferTo(OutputStream.nullOutputStream()); // let the writer finish
            } catch (IOException e) {
                found.compareAndSet(null, unreadable);
            }
        }, "gawah-media-metadata");
        reader.setDaemon(true);
        try (java.io.PipedOutputStream sink = new java.io.PipedOutputStream(plain);
             InputStream in = opening(attachment)) {
            reader.start();
            Opener.openTo(in, sink, run.own(), run.ask(), run.documenters());
        } finally {
            try {
                reader.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return found.get() == null ? unreadable : found.get();
    }

    /** The transcript or translation an attachment entry declares itself, or null. */
    private static Item.Relation relation(JsonNode entry) {
        for (String key : List.of("transcript_of", "translation_of")) {
            if (entry.path(key).isTextual()) {
                return new Item.Relation(key, entry.get(key).textValue());
            }
        }
        return null;
    }

    /**
     * An attachment's signed metadata for its sidecar: without the identity, less what could
     * locate or identify the witness, as in the redacted testimony.
     */
    private static JsonNode sidecarMetadata(JsonNode metadata, boolean identityGoes) {
        if (!metadata.isObject()) {
            return null;
        }
        ObjectNode copy = metadata.deepCopy();
        if (!identityGoes) {
            Redaction.DEVICE_DETAILS.forEach(copy::remove);
        }
        return copy;
    }

    /** Leaves something out: the report writes the reason in English, the terminal shows it in the run's language. */
    private void leftOut(String recordId, String item, Message reason) {
        leftOut(recordId, item, reason, null);
    }

    private void leftOut(String recordId, String item, Message reason, Report.Remedy remedy) {
        run.report().leftOut(recordId, item, reason, remedy);
    }

    private void searched(String recordId, Message how) {
        run.report().searched(recordId, how);
    }

    private void note(Message note) {
        run.report().note(note);
    }

    /**
     * Whether a record has an identity envelope, as signed data says: its signed testimony carries
     * name_keys (sealed only with an identity), or a signed custody log holds the documenter's
     * {@code sealed GWH-…/identity} entry. The vault's identity column is a cache that a hand edit,
     * or a bag that left the envelope out, can empty; it only ever adds to these.
     */
    private boolean hasIdentity(LoggedRecord record, JsonNode testimony) {
        return record.identity() != null || testimony.has("name_keys")
                || loggedIdentities().contains(RecordWrite.identitySubject(record.id()));
    }

    /** Every identity envelope a signed custody log of this vault says was sealed, read once an export. */
    private Set<String> loggedIdentities() {
        if (loggedIdentities == null) {
            Set<String> subjects = new HashSet<>();
            java.util.function.Consumer<Entry.Signed> each = signed -> {
                Entry entry = signed.entry();
                if (entry.action() == Action.SEALED && entry.subject().endsWith("/identity")) {
                    subjects.add(entry.subject());
                }
            };
            run.signed().log().entries().forEach(each);
            run.signed().received().values().forEach(log -> log.entries().forEach(each));
            loggedIdentities = subjects;
        }
        return loggedIdentities;
    }

    /** Whether the identity envelope is sealed to this home's key, as its own session-key packets say. */
    private boolean canOpenIdentity(LoggedRecord record) {
        return record.identity() != null && SealedRecipients.of(record.identity()).includes(run.own());
    }

    /** The witness's name and contact, from the identity envelope, to find them in the testimony. */
    private Redaction.Masker names(LoggedRecord record) {
        Opened identity = open(RecordWrite.identitySubject(record.id()), record.identity());
        try {
            JsonNode node = Json.parse(identity.content(), Integer.MAX_VALUE, Messages.of("export.identity"));
            List<String> spellings = new ArrayList<>();
            spellings.add(node.path("name").asText(null));
            node.path("other_names").forEach(n -> spellings.add(n.asText(null)));
            return new Redaction.Masker(spellings, node.path("contact").asText(null));
        } finally {
            identity.wipe();
        }
    }

    /**
     * The testimony's name_keys, when it has them and this key opens their sealed key: the name
     * found without reading it (docs/format/testimony.md, "name_keys"). Empty for a testimony
     * sealed without them, or by rules this version does not know.
     */
    private Optional<Redaction.Masker> keyedNames(JsonNode testimony, Opened signedBy, String recordId) {
        NameKeys.Section section = NameKeys.read(testimony);
        if (section == null) {
            return Optional.empty();
        }
        // Inside the testimony, already read: its own ciphertext is no subject of the log.
        Opened key = Opener.open(section.sealedKey(), run.own(), run.ask(), run.documenters());
        try {
            requireSameSigner(key, signer(signedBy.signerFingerprint()), recordId + " name_keys");
            if (key.content().length != 32) {
                throw new GawahException(Failure.BAD_DATA, Messages.of("export.name-keys-damaged", recordId));
            }
            KnownKeys.Hashed hashed = KnownKeys.hashed(section.rules(), key.content(), section.hashes());
            if (hashed == null) {
                return Optional.empty();
            }
            hashedKeys.add(hashed);
            return Optional.of(new Redaction.Masker(hashed));
        } finally {
            key.wipe();
        }
    }

    /** Decrypts {@code sealed}, the source logged under {@code subject}, noting it read. */
    private Opened open(String subject, byte[] sealed) {
        read.putIfAbsent(subject, Digests.sha256(sealed));
        return Opener.open(sealed, run.own(), run.ask(), run.documenters());
    }

    /** An attachment about to be decrypted, noted read. */
    private InputStream opening(StoredAttachment attachment) {
        read.putIfAbsent(attachment.id(), attachment.sealedSha256());
        return run.vault().openAttachment(attachment);
    }

    private static void requireSameSigner(Opened opened, Certificate signer, String what) {
        if (!opened.signerFingerprint().equals(signer.fingerprint())) {
            throw new GawahException(Failure.BAD_SIGNATURE, Messages.of("export.other-signer", what,
                    opened.signerFingerprint(), signer.fingerprint()));
        }
    }

    private Certificate signer(String fingerprint) {
        Certificate certificate = run.documenters().stream().filter(c -> c.fingerprint().equals(fingerprint))
                .findFirst().orElseThrow();
        signers.putIfAbsent(fingerprint, certificate);
        return certificate;
    }

    private BagWriter.Digested payload(String name, byte[] content) throws IOException {
        try (OutputStream out = bag.payload(name)) {
            out.write(content);
        }
        return bag.lastPayload();
    }

    private void add(Item item) {
        run.report().included(item);
    }

    Map<String, String> exported() {
        return exported;
    }

    Map<String, String> redactions() {
        return redactions;
    }

    /** Every sealed source decrypted so far, subject to its ciphertext's SHA-256, in the order first read. */
    Map<String, String> read() {
        return read;
    }

    List<String> exportedRecords() {
        return exportedRecords;
    }

    /** Records whose witness no search could look for (in the case's order): the title and notes were not searched for them. */
    List<String> unsearchedWitnesses() {
        return List.copyOf(unsearched);
    }

    /** Every witness's name this export searched for, at once: for the case title and the analysts' notes. */
    Redaction.Masker allNames() {
        Redaction.Masker all = Redaction.Masker.none();
        for (Redaction.Masker masker : maskers) {
            all = all.and(masker);
        }
        return all;
    }

    /** Each redacted record's texts that named its witness, with where: what the preview shows. */
    Map<String, List<Redaction.Match>> matches() {
        return matches;
    }

    /** Wipes every record's name-key secret this export opened; called when the export ends, however it ends. */
    void wipe() {
        hashedKeys.forEach(KnownKeys::wipe);
    }

    /** Keys with digits hashed slowly by this export's searches: what the name keys cost it. */
    int slowHashes() {
        return hashedKeys.stream().mapToInt(KnownKeys.Hashed::slowHashes).sum();
    }

    List<Certificate> signers() {
        return List.copyOf(signers.values());
    }

    /**
     * The custody entries that prove this package's items, and nothing about other records or
     * other exports (docs/format/evidence-package.md, "Custody entries"): each source's
     * {@code sealed} or {@code attached} entry in the log of the documenter who made it, its
     * {@code imported} entries in this vault's log, and this export's own entries, from
     * {@code firstOfExport} on (read inside its transaction). Each log they come from is walked
     * whole, to list every entry's digest: the selection is checked as links of that chain.
     */
    EvidencePackage.Custody custody(long firstOfExport, List<org.gawah.tsp.TsaCertificate> tsas) {
        List<Entry.Signed> entries = new ArrayList<>();
        Map<String, ChainDigests> chains = new LinkedHashMap<>();
        Vault vault = run.vault();
        PackageTimestamps stamps = new PackageTimestamps(run.signed(), tsas);
        for (String actor : vault.receivedLogs()) {
            extract(actor, each -> vault.forEachReceived(actor, each), this::created, entries, chains, stamps);
        }
        TeamLog team = vaultLog(firstOfExport, stamps);
        entries.addAll(team.entries());
        chains.putAll(team.chains());
        team.analysts().forEach(c -> signers.putIfAbsent(c.fingerprint(), c));
        return new EvidencePackage.Custody(entries, chains, stamps.done());
    }

    /**
     * This vault's own log: on a team vault, several analysts' (docs/format/evidence-package.md,
     * "Several analysts of one team vault"): whoever made or imported a source, the custodian's
     * export, each analyst's tokens over what that analyst made, and the admissions they need.
     */
    private TeamLog vaultLog(long firstOfExport, PackageTimestamps stamps) {
        String custodian = run.own().fingerprint();
        ChainDigests.Walk walk = new ChainDigests.Walk();
        List<Entry.Signed> picked = new ArrayList<>();
        try {
            run.vault().forEachCustody(row -> {
                Entry entry = walk.add(row.entry());
                if (created(entry) || imported(entry) || entry.actor().equals(custodian) && entry.seq() >= firstOfExport) {
                    picked.add(new Entry.Signed(entry, row.signature()));
                }
            });
            List<Entry.Signed> log = run.signed().log().entries();
            java.util.Set<String> makers = new java.util.TreeSet<>(List.of(custodian));
            picked.stream().filter(s -> created(s.entry())).forEach(s -> makers.add(s.entry().actor()));
            for (String maker : makers) {
                java.util.function.Predicate<Entry> made = e -> created(e) && e.actor().equals(maker);
                picked.addAll(stamps.select(maker, log, made));
                stamps.evidenceRecords(maker, log, made);
            }
            return TeamLog.of(custodian, picked, log, walk.done(), run.vault()::keptAnalyst);
        } catch (CustodyException e) {
            throw new GawahException(Failure.BAD_DATA, Messages.of("export.custody-broken", custodian, e.problem()),
                    Messages.of("export.custody-broken.hint"));
        }
    }

    /** A documenter's log received in bags, as the run read it, checked. */
    private List<Entry.Signed> signedLog(String actor) {
        return run.signed().received().get(actor).entries();
    }

    private boolean created(Entry entry) {
        return (entry.action() == Action.SEALED || entry.action() == Action.ATTACHED) && sources.contains(entry.subject());
    }

    private boolean imported(Entry entry) {
        return entry.action() == Action.IMPORTED && sources.contains(entry.subject());
    }

    /** One log, walked from its first entry: the entries {@code wanted} keeps, and the log's digests if it kept any. */
    private void extract(String actor, java.util.function.Consumer<java.util.function.Consumer<Vault.CustodyRow>> log,
                                java.util.function.Predicate<Entry> wanted, List<Entry.Signed> entries,
                                Map<String, ChainDigests> chains, PackageTimestamps stamps) {
        ChainDigests.Walk walk = new ChainDigests.Walk();
        int before = entries.size();
        try {
            log.accept(row -> {
                Entry entry = walk.add(row.entry());
                if (wanted.test(entry)) {
                    entries.add(new Entry.Signed(entry, row.signature()));
                }
            });
            // The earliest token over each source this log made, with the entry that logged it,
            // chosen from the log as its signatures vouch for it; and each source's evidence record.
            entries.addAll(stamps.select(actor, signedLog(actor), this::created));
            stamps.evidenceRecords(actor, signedLog(actor), this::created);
        } catch (CustodyException e) {
            throw new GawahException(Failure.BAD_DATA, Messages.of("export.custody-broken", actor, e.problem()),
                    Messages.of("export.custody-broken.hint"));
        }
        if (entries.size() > before) {
            chains.put(actor, walk.done());
        }
    }
}
