package org.gawah.cli;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.gawah.Digests;
import org.gawah.Failure;
import org.gawah.GawahException;
import org.gawah.Message;
import org.gawah.app.CustodyLog;
import org.gawah.app.Home;
import org.gawah.app.InputFile;
import org.gawah.app.OutputFile;
import org.gawah.app.PartialFiles;
import org.gawah.app.Team;
import org.gawah.app.TsaTrust;
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
import org.gawah.export.Report;
import org.gawah.keys.Keyring;
import org.gawah.keys.Role;
import org.gawah.openpgp.Certificate;
import org.gawah.openpgp.Sealer;
import org.gawah.openpgp.SecretKey;
import org.gawah.openpgp.SigningKey;
import org.gawah.testimony.RecordId;
import org.gawah.vault.SignedVault;
import org.gawah.vault.Vault;
import org.gawah.vault.VaultWrite;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "export")
final class ExportCommand implements Callable<Integer> {
    /** The TSAs pinned here: an item's earliest proven time comes from a token one of them signed. */
    private java.util.List<org.gawah.tsp.TsaCertificate> tsas = java.util.List.of();

    @ParentCommand
    GawahCommand root;

    @Mixin
    HomeOptions homeOptions;

    @Mixin
    PassphraseOptions passphrase;

    @Option(names = "--case", required = true, paramLabel = "CASE-ID", converter = IdArgument.class)
    String caseId;

    @Option(names = "--for", required = true, paramLabel = "PROFILE")
    String profileName;

    @Option(names = "--out", required = true, paramLabel = "FILE")
    Path out;

    @Option(names = "--to", paramLabel = "CERT.asc")
    Path to;

    @Option(names = "--to-fingerprint", paramLabel = "HEX")
    String toFingerprint;

    @Option(names = "--include-identities")
    boolean includeIdentities;

    @Option(names = "--organization", paramLabel = "NAME")
    String organization;

    @Option(names = "--reviewed", paramLabel = "ID", converter = IdArgument.class)
    List<String> reviewed = new ArrayList<>();

    @Option(names = "--reviewed-from", paramLabel = "FILE")
    Path reviewedFrom;

    @Option(names = "--reviewed-all", paramLabel = "CASE-ID", converter = IdArgument.class)
    String reviewedAll;

    @Option(names = "--with-location", paramLabel = "GWA-ID", converter = IdArgument.class)
    List<String> withLocation = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        Terminal terminal = root.terminal;
        Home home = homeOptions.resolve(terminal);
        Keyring keyring = home.keyring();
        tsas = TsaTrust.pinned(home);
        SecretKey own = keyring.requireOwnKey();
        Profile profile = Profile.named(profileName);
        Reviewed reviewedIds = Reviewed.ids(reviewed, reviewedFrom, reviewedAll, caseId, withLocation);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Path textReport = out.resolveSibling(out.getFileName() + ".report.txt");
        Path jsonReport = out.resolveSibling(out.getFileName() + ".report.json");
        // An encrypted package hides the custodian's certificate inside: the receiver needs it first.
        Path companion = out.resolveSibling(out.getFileName() + ".custodian.asc");
        for (Path existing : to == null ? List.of(out, textReport, jsonReport) : List.of(out, textReport, jsonReport, companion)) {
            if (Files.exists(existing)) {
                throw new GawahException(Failure.OUTPUT_EXISTS, Messages.of("export.output-exists", existing),
                        Messages.of("export.output-exists.hint"));
            }
        }
        Path folder = out.toAbsolutePath().getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new GawahException(Failure.MISSING_INPUT, Messages.of("export.no-folder", folder));
        }
        Certificate recipient = null;
        if (to != null) {
            recipient = Certificate.parse(InputFile.read(to, InputFile.Kind.CERTIFICATE));
            if (toFingerprint != null
                    && !toFingerprint.replaceAll("\\s", "").toUpperCase(java.util.Locale.ROOT).equals(recipient.fingerprint())) {
                throw new GawahException(Failure.CERTIFICATE_REFUSED, Messages.of("export.other-certificate", to,
                        recipient.fingerprint()), Messages.of("export.other-certificate.hint"));
            }
            recipient.checkCanEncrypt(now);
            String who = recipient.userId();
            String fingerprint = Display.fingerprint(recipient.fingerprint());
            terminal.info(toFingerprint == null ? Messages.of("export.encrypting-unchecked", who, fingerprint)
                    : Messages.of("export.encrypting", who, fingerprint));
        }
        List<Certificate> documenters = new ArrayList<>(keyring.pinned(Role.DOCUMENTER));
        documenters.add(own.certificate());
        Team team = new Team(keyring);
        AskOnce ask = new AskOnce(fingerprint ->
                passphrase.read(terminal, Messages.of("export.passphrase", Display.fingerprint(fingerprint))));
        String bagId = RecordId.randomExport();
        // The id in the name tells, after a crash, whether this partial package was logged.
        Path partial = PartialFiles.beside(out, bagId);
        Report report;
        try (Vault vault = home.vault()) {
            SignedVault signed = home.signed(vault);
            CaseFile caseFile = team.openCase(signed, caseId, ask);
            // Membership and the latest analysis of each record are what the signed log says, never the tables.
            Map<String, Analysis> analyses = team.openAnalyses(signed, caseId, ask);
            if (analyses.isEmpty()) {
                throw new GawahException(Failure.NOT_FOUND, Messages.of("export.no-records", caseId),
                        Messages.of("export.no-records.hint", caseId));
            }
            // Each record held to its custody entries before anything is written: a ciphertext that
            // is not the one logged stops the export here, not halfway through the package.
            for (String recordId : analyses.keySet()) {
                signed.record(recordId);
            }
            // So is each time-stamp token the package may carry.
            signed.refuseUnloggedTokens(own.fingerprint());
            SigningKey key = CustodyLog.signingKey(own, ask);
            // Listed in the vault before a byte is written: if this process is killed, the next
            // command in this home removes the plaintext it leaves (or keeps it, once logged).
            try (PartialFiles.Writing writing = PartialFiles.create(home, vault, partial, PartialFiles.EXPORT)) {
                report = new Report(bagId, caseId, profile);
                Run run = new Run(terminal, vault, signed, team, own, key, ask, documenters, profile, includeIdentities,
                        reviewedIds, report, now);
                try {
                    write(run, caseFile, analyses, partial, recipient);
                } catch (IOException | RuntimeException | Error e) {
                    // Once the export is logged its package is kept, whatever failed after the commit.
                    if (!home.signed(vault).exported(bagId)) {
                        PartialFiles.discard(vault, writing, partial, e);
                    }
                    throw e;
                }
                try {
                    Files.move(partial, out);
                } catch (IOException e) {
                    throw new GawahException(Failure.OUTPUT_EXISTS, Messages.of("export.cannot-move", bagId, partial, out,
                            e.getMessage()), Messages.of("export.cannot-move.hint"));
                }
                PartialFiles.forget(vault, writing);
            }
        } finally {
            ask.wipe();
        }
        OutputFile.writeNew(textReport, report.text().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        OutputFile.writeNew(jsonReport, report.json());
        String size = Display.size(Files.size(out));
        terminal.info(recipient == null
                ? Messages.of("export.wrote-plaintext", bagId, profile.recipientName(), report.items().size(), size, out)
                : Messages.of("export.wrote-encrypted", bagId, profile.recipientName(), report.items().size(), size, out,
                        Display.fingerprint(recipient.fingerprint())));
        if (recipient != null) {
            OutputFile.writeNew(companion, own.certificate().armored().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }
        printLeftOut(terminal, report);
        for (Report.LeftOut searched : report.searched()) {
            terminal.info(Messages.of("export.searched", searched.recordId(), searched.reason()));
        }
        for (Report.LeftOut unsearched : report.notSearched()) {
            terminal.info(Messages.of("export.not-searched", unsearched.recordId(),
                    unsearched.item() == null ? "" : unsearched.item(), unsearched.reason()));
        }
        report.notes().forEach(terminal::warn);
        terminal.info(Messages.of("export.report", textReport));
        if (recipient != null) {
            terminal.info(Messages.of("export.custodian-certificate", companion, Display.fingerprint(own.fingerprint())));
        }
        terminal.line(bagId);
        return 0;
    }

    /**
     * The payload, record by record; then, holding the vault's write lock, the custody entries of
     * this export, the tag files and the signature. The final entry commits only once the package
     * is complete and on disk.
     */
    private void write(Run run, CaseFile caseFile, Map<String, Analysis> analyses, Path partial, Certificate recipient)
            throws IOException {
        try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.WRITE);
             OutputStream file = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 20)) {
            OutputStream zipped = recipient == null ? file : Sealer.sealing(file, run.key(), List.of(recipient), run.now());
            CloseOnce once = new CloseOnce(zipped);
            BagWriter bag = new BagWriter(once, run.report().bagId());
            EvidenceItems items = new EvidenceItems(run, bag);
            try {
                for (String recordId : analyses.keySet()) {
                    items.add(recordId);
                }
                if (run.report().items().isEmpty()) {
                    printLeftOut(run.terminal(), run.report());
                    boolean consent = run.report().leftOut().stream().allMatch(left -> Consent.isRefusal(left.reason()));
                    throw new GawahException(Failure.LEFT_OUT, consent
                            ? Messages.of("export.no-consent", analyses.size(), caseId, run.profile().recipientName())
                            : Messages.of("export.nothing", analyses.size(), caseId),
                            consent ? Messages.of("export.no-consent.hint") : Messages.of("export.nothing.hint"));
                }
                byte[] manifest = bag.writeManifests();
                EntrySigner signer = new EntrySigner(run.key());
                try (VaultWrite write = run.vault().begin()) {
                    List<Entry> entries = new ArrayList<>();
                    for (Map.Entry<String, String> subject : items.exported().entrySet()) {
                        entries.add(write.append(Action.EXPORTED, subject.getKey(), subject.getValue(), run.now(), signer).entry());
                    }
                    for (Map.Entry<String, String> redaction : items.redactions().entrySet()) {
                        entries.add(write.append(Action.REDACTED, redaction.getKey(), redaction.getValue(), run.now(), signer).entry());
                    }
                    String bagId = run.report().bagId();
                    Entry last = write.append(Action.EXPORTED, bagId, Digests.sha256(manifest), run.now(), signer).entry();
                    long firstOfExport = entries.isEmpty() ? last.seq() : entries.get(0).seq();
                    Map<String, Analysis> exported = new LinkedHashMap<>();
                    items.exportedRecords().forEach(recordId -> exported.put(recordId, analyses.get(recordId)));
                    String name = organization != null ? organization : run.own().certificate().userId();
                    EvidencePackage.Info info = new EvidencePackage.Info(bagId, name, run.own().fingerprint(), caseId,
                            run.profile(), run.now(), last);
                    EvidencePackage.writeTags(bag, info, run.report().items(),
                            CaseExport.json(caseFile, exported, run.profile().analystNotes(), items.allNames(),
                                    items.unsearchedWitnesses(), run.reviewed().contains(caseId), run.report()),
                            items.custody(firstOfExport, tsas),
                            run.own().certificate(), items.signers(), run.key());
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

    /** Each reason in the run's language (the report beside the package has them in English). */
    private static void printLeftOut(Terminal terminal, Report report) {
        for (Report.LeftOut left : report.leftOut()) {
            Message reason = left.reason();
            terminal.info(left.item() == null ? Messages.of("export.left-out", left.recordId(), reason)
                    : Messages.of("export.left-out-item", left.recordId(), left.item(), reason));
        }
    }

    /** Everything one export run shares between its steps. */
    record Run(Terminal terminal, Vault vault, SignedVault signed, Team team, SecretKey own, SigningKey key, AskOnce ask,
               List<Certificate> documenters, Profile profile, boolean includeIdentities, Reviewed reviewed,
               Report report, Instant now) {
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
