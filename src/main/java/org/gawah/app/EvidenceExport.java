package org.gawah.app;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.gawah.Digests;
import org.gawah.Failure;
import org.gawah.GawahException;
import org.gawah.bag.BagWriter;
import org.gawah.cases.Analysis;
import org.gawah.cases.CaseFile;
import org.gawah.custody.Action;
import org.gawah.custody.Entry;
import org.gawah.custody.EntrySigner;
import org.gawah.export.CaseExport;
import org.gawah.export.Consent;
import org.gawah.export.EvidencePackage;
import org.gawah.export.Profile;
import org.gawah.export.Redaction;
import org.gawah.export.Report;
import org.gawah.keys.Keyring;
import org.gawah.keys.Role;
import org.gawah.openpgp.Certificate;
import org.gawah.openpgp.Opener;
import org.gawah.openpgp.Sealer;
import org.gawah.openpgp.SecretKey;
import org.gawah.openpgp.SigningKey;
import org.gawah.tsp.TsaCertificate;
import org.gawah.vault.SignedVault;
import org.gawah.vault.Vault;
import org.gawah.vault.VaultWrite;

/**
 * An evidence package of one case for one receiving body, as one straight pipeline
 * (docs/format/evidence-package.md): the case and its analyses as the signed log says, each
 * record opened and checked, consent and protection applied ({@link EvidenceItems}), the payload
 * written, then, holding the vault's write lock, this export's custody entries, the tag files and
 * the signature; the final entry commits only once the package is whole on disk. Called by
 * {@code gawah export} and by the window's export page, which first asks for a {@link #preview}:
 * the very same pipeline into a bag that goes nowhere, nothing written but the {@code opened}
 * entry listing what it read.
 */
public final class EvidenceExport {
    private EvidenceExport() {
    }

    /**
     * What to export: the case, for whom, encrypted to whom ({@code recipient}, or null for a
     * plaintext package), with the identities where consent allows, what a person said was read,
     * and the organisation named as the sender (null: the custodian certificate's user ID).
     */
    public record Request(String caseId, Profile profile, Certificate recipient, boolean includeIdentities,
                          Reviewed reviewed, String organization) {
    }

    /** How far the work is; called on the working thread. */
    public interface Progress {
        /** Record {@code done} of {@code of} of the case is being read. */
        default void record(String recordId, int done, int of) {
        }

        /** Bytes of an attachment's sealed file read so far, of its sealed size, as it is decrypted into the package. */
        default void attachment(String attachmentId, long done, long of) {
        }

        default void attachmentDone(String attachmentId) {
        }

        /**
         * Every record was left out: told before the export refuses ({@link Failure#LEFT_OUT}), with
         * each reason, which the refusal itself does not carry.
         */
        default void nothingGoes(Report report) {
        }
    }

    /** The files an export writes: the package, its reports beside it, and the custodian's certificate beside an encrypted one. */
    public record Outputs(Path packageFile, Path textReport, Path jsonReport, Path companion) {
    }

    /** A package built: its id, what went in and what stayed out, where each file is, and the package's size. */
    public record Built(String bagId, Report report, Outputs outputs, long size) {
    }

    /**
     * What an export would carry, and what it would leave out and why, without writing a byte:
     * with, for each record that goes redacted, every text that named its witness and where, and
     * the case title's and analysts' notes' own matches (keyed by the case id and by the record).
     * The matches hold testimony: in memory only.
     */
    public record Preview(Report report, Map<String, List<Redaction.Match>> matches) {
    }

    /** Everything one export run shares between its steps. */
    record Run(Vault vault, SignedVault signed, SecretKey own, Opener.PassphraseSource ask, List<Certificate> documenters,
               Profile profile, boolean includeIdentities, Reviewed reviewed, Report report, Progress progress) {
    }

    /**
     * The files an export to {@code out} writes, each checked not to exist yet, and the folder to
     * exist; nothing is written.
     */
    public static Outputs outputs(Path out, boolean encrypted) {
        Path textReport = out.resolveSibling(out.getFileName() + ".report.txt");
        Path jsonReport = out.resolveSibling(out.getFileName() + ".report.json");
        // An encrypted package hides the custodian's certificate inside: the receiver needs it first.
        Path companion = encrypted ? out.resolveSibling(out.getFileName() + ".custodian.asc") : null;
        for (Path existing : encrypted ? List.of(out, textReport, jsonReport, companion) : List.of(out, textReport, jsonReport)) {
            if (Files.exists(existing)) {
                throw new GawahException(Failure.OUTPUT_EXISTS, Messages.of("export.output-exists", existing),
                        Messages.of("export.output-exists.hint"));
            }
        }
        Path folder = out.toAbsolutePath().getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new GawahException(Failure.MISSING_INPUT, Messages.of("export.no-folder", folder));
        }
        return new Outputs(out, textReport, jsonReport, companion);
    }

    /**
     * The receiving body's certificate in {@code file}, checked to be the one whose fingerprint
     * was given (when {@code fingerprint} is not null) and to be able to receive now.
     */
    public static Certificate recipient(Path file, String fingerprint, Instant now) {
        Certificate recipient = Certificate.parse(InputFile.read(file, InputFile.Kind.CERTIFICATE));
        if (fingerprint != null
                && !fingerprint.replaceAll("\\s", "").toUpperCase(java.util.Locale.ROOT).equals(recipient.fingerprint())) {
            throw new GawahException(Failure.CERTIFICATE_REFUSED, Messages.of("export.other-certificate", file,
                    recipient.fingerprint()), Messages.of("export.other-certificate.hint"));
        }
        recipient.checkCanEncrypt(now);
        return recipient;
    }

    /**
     * What {@link #build} would put in the package and leave out, read exactly as it reads: the
     * same records opened, consent applied, the same searches for names. Nothing is written but
     * custody entries: every sealed source the preview decrypted (each record, identity envelope and
     * attachment, whether it goes or not) is listed in one {@code opened} entry, as the records page
     * lists what it opens, signed with {@code key} before the preview is handed back; a
     * preview that fails half way logs what it had read. The passphrase is asked of {@code ask} as by build.
     */
    public static Preview preview(Home home, Team team, Opener.PassphraseSource ask, Supplier<SigningKey> key, Request request,
                                  Progress progress) throws IOException {
        Keyring keyring = home.keyring();
        Report report = new Report(org.gawah.testimony.RecordId.randomExport(), request.caseId(), request.profile());
        try (Vault vault = home.vault()) {
            SignedVault signed = home.signed(vault);
            Case opened = open(signed, team, ask, request.caseId());
            Run run = run(vault, signed, team, ask, request, report, progress, keyring);
            EvidenceItems items = new EvidenceItems(run, new BagWriter(OutputStream.nullOutputStream(), report.bagId()));
            Preview preview;
            try {
                preview = previewed(items, run, request, opened);
            } catch (IOException | RuntimeException | Error e) {
                try {
                    logOpened(vault, key, items.read());
                } catch (RuntimeException logging) {
                    e.addSuppressed(logging);
                }
                throw e;
            } finally {
                items.wipe();
            }
            // Logged before anything is shown: no plaintext leaves the vault unrecorded.
            logOpened(vault, key, items.read());
            return preview;
        }
    }

    private static Preview previewed(EvidenceItems items, Run run, Request request, Case opened) throws IOException {
        Report report = run.report();
        addAll(items, run, request.caseId(), opened.analyses());
        Map<String, List<Redaction.Match>> matches = new LinkedHashMap<>();
        if (!report.items().isEmpty()) {
            Map<String, Analysis> exported = exportedAnalyses(items, opened.analyses());
            // The title's and notes' lines of the report, as the package's case.json would give them.
            CaseExport.json(opened.file(), exported, request.profile().analystNotes(), items.allNames(),
                    items.unsearchedWitnesses(), request.reviewed().contains(request.caseId()), report);
            caseMatches(opened.file(), exported, request.profile().analystNotes(), items.allNames(), matches);
        }
        items.matches().forEach((record, found) -> matches.computeIfAbsent(record, r -> new ArrayList<>()).addAll(found));
        return new Preview(report, matches);
    }

    /**
     * The preview's {@code opened} entry: one for every source it read, listed as the records page
     * lists what it opens (view {@code export-preview}); none when nothing was read.
     */
    private static void logOpened(Vault vault, Supplier<SigningKey> key, Map<String, String> read) {
        if (read.isEmpty()) {
            return;
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        try (VaultWrite write = vault.begin()) {
            CustodyLog.appendOpening(write, org.gawah.custody.OpenedList.EXPORT_PREVIEW_VIEW, read, now, new EntrySigner(key.get()));
            write.commit();
        }
    }

    /** One entry of {@code action} a subject (subject to the SHA-256 of its ciphertext), in order; the entries appended. */
    private static List<Entry> append(VaultWrite write, Action action, Map<String, String> subjects, Instant now,
                                      EntrySigner signer) {
        List<Entry> entries = new ArrayList<>();
        for (Map.Entry<String, String> subject : subjects.entrySet()) {
            entries.add(write.append(action, subject.getKey(), subject.getValue(), now, signer).entry());
        }
        return entries;
    }

    /**
     * Builds the package into {@code outputs.packageFile()} under the id {@code bagId}, with its reports
     * beside it (and, encrypted, the custodian's certificate); {@code key} is asked for once the
     * case and its records checked, before a byte is written. Listed in the vault as a partial
     * file while it is written: if this process is killed, the next command in the home removes
     * the plaintext it leaves (or keeps it, once logged).
     */
    public static Built build(Home home, Team team, Opener.PassphraseSource ask, Supplier<SigningKey> key, Request request,
                              String bagId, Path out, Progress progress) throws IOException {
        Outputs outputs = outputs(out, request.recipient() != null);
        Keyring keyring = home.keyring();
        List<TsaCertificate> tsas = TsaTrust.pinned(home);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        // The id in the name tells, after a crash, whether this partial package was logged.
        Path partial = PartialFiles.beside(out, bagId);
        Report report = new Report(bagId, request.caseId(), request.profile());
        try (Vault vault = home.vault()) {
            SignedVault signed = home.signed(vault);
            Case opened = open(signed, team, ask, request.caseId());
            SigningKey signing = key.get();
            try (PartialFiles.Writing writing = PartialFiles.create(home, vault, partial, PartialFiles.EXPORT)) {
                Run run = run(vault, signed, team, ask, request, report, progress, keyring);
                try {
                    write(run, signing, now, tsas, request, opened, partial);
                } catch (IOException | RuntimeException | Error e) {
                    // Once the export is logged its package is kept, whatever failed after the commit.
                    if (!home.signed(vault).exported(bagId)) {
                        PartialFiles.discard(vault, writing, partial, e);
                    }
                    throw e;
                }
                PartialFiles.moveIntoPlace(vault, writing, partial, out,
                        (file, why) -> Messages.of("export.cannot-move", bagId, file, out, why), Messages.of("export.cannot-move.hint"));
            }
        }
        OutputFile.writeNew(outputs.textReport(), report.text().getBytes(StandardCharsets.UTF_8));
        OutputFile.writeNew(outputs.jsonReport(), report.json());
        if (outputs.companion() != null) {
            OutputFile.writeNew(outputs.companion(), team.own().certificate().armored().getBytes(StandardCharsets.US_ASCII));
        }
        return new Built(bagId, report, outputs, Files.size(out));
    }

    /** The case and the latest analysis of each of its records, as the signed log says, each record held to its entries. */
    private record Case(CaseFile file, Map<String, Analysis> analyses) {
    }

    private static Case open(SignedVault signed, Team team, Opener.PassphraseSource ask, String caseId) {
        CaseFile caseFile = team.openCase(signed, caseId, ask);
        // Membership and the latest analysis of each record are what the signed log says, never the tables.
        Map<String, Analysis> analyses = team.openAnalyses(signed, caseId, ask);
        if (analyses.isEmpty()) {
            throw new GawahException(Failure.NOT_FOUND, Messages.of("export.no-records", caseId),
                    Messages.of("export.no-records.hint", caseId));
        }
        // Each record held to its custody entries before anything is written: a ciphertext that
        // is not the one logged stops the export here, not halfway through the package. Whichever
        // analyst of a team vault imported it, the package carries that analyst's entries.
        for (String recordId : analyses.keySet()) {
            signed.record(recordId).orElseThrow();
        }
        // So is each time-stamp token the package may carry.
        signed.refuseUnloggedTokens(team.own().fingerprint());
        return new Case(caseFile, analyses);
    }

    private static Run run(Vault vault, SignedVault signed, Team team, Opener.PassphraseSource ask, Request request,
                           Report report, Progress progress, Keyring keyring) {
        List<Certificate> documenters = new ArrayList<>(keyring.pinned(Role.DOCUMENTER));
        documenters.add(team.own().certificate());
        return new Run(vault, signed, team.own(), ask, documenters, request.profile(), request.includeIdentities(),
                request.reviewed(), report, progress);
    }

    /** Every record of the case, in its order; refuses when none goes, after telling why each stayed out. */
    private static void addAll(EvidenceItems items, Run run, String caseId, Map<String, Analysis> analyses) throws IOException {
        int done = 0;
        for (String recordId : analyses.keySet()) {
            run.progress().record(recordId, ++done, analyses.size());
            items.add(recordId);
        }
        Report report = run.report();
        if (report.items().isEmpty()) {
            run.progress().nothingGoes(report);
            boolean consent = report.leftOut().stream().allMatch(left -> Consent.isRefusal(left.reason()));
            throw new GawahException(Failure.LEFT_OUT, consent
                    ? Messages.of("export.no-consent", analyses.size(), caseId, run.profile().recipientName())
                    : Messages.of("export.nothing", analyses.size(), caseId),
                    consent ? Messages.of("export.no-consent.hint") : Messages.of("export.nothing.hint"));
        }
    }

    private static Map<String, Analysis> exportedAnalyses(EvidenceItems items, Map<String, Analysis> analyses) {
        Map<String, Analysis> exported = new LinkedHashMap<>();
        items.exportedRecords().forEach(recordId -> exported.put(recordId, analyses.get(recordId)));
        return exported;
    }

    /** Where the case title and the analysts' notes that go name a witness whose identity does not. */
    private static void caseMatches(CaseFile file, Map<String, Analysis> exported, boolean notes, Redaction.Masker names,
                                    Map<String, List<Redaction.Match>> into) {
        List<org.gawah.names.Finder.Span> inTitle = names.find(file.title(), false);
        if (!inTitle.isEmpty()) {
            into.computeIfAbsent(file.caseId(), c -> new ArrayList<>()).add(new Redaction.Match("title", file.title(), inTitle));
        }
        for (Map.Entry<String, Analysis> one : exported.entrySet()) {
            String note = one.getValue() == null || !notes ? null : one.getValue().note();
            List<org.gawah.names.Finder.Span> inNote = note == null ? List.of() : names.find(note, false);
            if (!inNote.isEmpty()) {
                into.computeIfAbsent(one.getKey(), r -> new ArrayList<>()).add(new Redaction.Match("note", note, inNote));
            }
        }
    }

    /**
     * The payload, record by record; then, holding the vault's write lock, the custody entries of
     * this export, the tag files and the signature. The final entry commits only once the package
     * is complete and on disk.
     */
    private static void write(Run run, SigningKey key, Instant now, List<TsaCertificate> tsas, Request request, Case opened,
                              Path partial) throws IOException {
        Certificate recipient = request.recipient();
        try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.WRITE);
             OutputStream file = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 20)) {
            OutputStream zipped = recipient == null ? file : Sealer.sealing(file, key, List.of(recipient), now);
            CloseOnce once = new CloseOnce(zipped);
            BagWriter bag = new BagWriter(once, run.report().bagId());
            EvidenceItems items = new EvidenceItems(run, bag);
            try {
                addAll(items, run, request.caseId(), opened.analyses());
                byte[] manifest = bag.writeManifests();
                EntrySigner signer = new EntrySigner(key);
                try (VaultWrite write = run.vault().begin()) {
                    List<Entry> entries = new ArrayList<>(append(write, Action.EXPORTED, items.exported(), now, signer));
                    entries.addAll(append(write, Action.REDACTED, items.redactions(), now, signer));
                    String bagId = run.report().bagId();
                    Entry last = write.append(Action.EXPORTED, bagId, Digests.sha256(manifest), now, signer).entry();
                    long firstOfExport = entries.isEmpty() ? last.seq() : entries.get(0).seq();
                    String name = request.organization() != null ? request.organization() : run.own().certificate().userId();
                    EvidencePackage.Info info = new EvidencePackage.Info(bagId, name, run.own().fingerprint(), request.caseId(),
                            run.profile(), now, last);
                    // First: it adds the other analysts' certificates to the signers, for keys/.
                    EvidencePackage.Custody custody = items.custody(firstOfExport, tsas);
                    EvidencePackage.writeTags(bag, info, run.report().items(),
                            CaseExport.json(opened.file(), exportedAnalyses(items, opened.analyses()),
                                    run.profile().analystNotes(), items.allNames(), items.unsearchedWitnesses(),
                                    run.reviewed().contains(request.caseId()), run.report()),
                            custody, run.own().certificate(), items.signers(), key);
                    bag.finish();
                    if (recipient != null) {
                        once.close(); // ends the OpenPGP message; the file stays open to be synced
                    }
                    file.flush();
                    channel.force(true);
                    write.commit();
                }
            } finally {
                items.wipe(); // the name-key secrets of the records searched
                bag.close();
            }
        }
    }

    /** Lets the zip be finished and the encryption closed in order, whatever closes it again later. */
    private static final class CloseOnce extends FilterOutputStream {
        private boolean closed;

        CloseOnce(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            if (!closed) {
                closed = true;
                out.close();
            }
        }
    }
}
