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
import org.gawah.bag.BagWriter;
import org.gawah.cases.Analysis;
import org.gawah.cases.CaseFile;
import org.gawah.custody.Action;
import org.gawah.custody.Entry;
import org.gawah.custody.EntrySigner;
import org.gawah.export.CaseExport;
import org.gawah.export.EvidencePackage;
import org.gawah.export.Item;
import org.gawah.export.Profile;
import org.gawah.export.Report;
import org.gawah.keys.Keyring;
import org.gawah.keys.Role;
import org.gawah.openpgp.Certificate;
import org.gawah.openpgp.Sealer;
import org.gawah.openpgp.SecretKey;
import org.gawah.openpgp.SigningKey;
import org.gawah.testimony.RecordId;
import org.gawah.vault.Vault;
import org.gawah.vault.VaultWrite;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "export",
        description = {
            "Build an evidence package of one case for a receiving body (ICC, UN mechanism, national court): a BagIt 1.0 zip holding each testimony and attachment exactly as the documenter signed it, with the documenter's own signature beside it (.sig), a readable rendering, sidecar metadata, an index for the registry, the custody entries of every item, and your signature over it all. VERIFY.txt inside tells the receiver how to check it with gpg and sha256sum alone.",
            "Consent is enforced: a record whose witness did not consent to this recipient is left out; audio and video without audio/video consent are left out; identities go only with --include-identities and when the witness did not ask for anonymity. Otherwise details that could identify the witness are withheld in a redacted copy. A report of what went in and what was left out, and why, is written beside the package (FILE.report.txt, FILE.report.json).",
            "The package holds plaintext testimony. With --to, it is encrypted to the receiving body's certificate and never touches the disk in clear. See docs/format/evidence-package.md.",
        },
        footer = {"", "Examples:",
            "  gawah export --case GWC-4F2K-9QXA-7M3B-2D8Z --for icc --out case-icc.zip",
            "  gawah export --case GWC-4F2K-9QXA-7M3B-2D8Z --for un-mechanism --to mechanism.asc --to-fingerprint 0A1B...9F --out case-un.zip.pgp",
            "  gawah verify case-icc.zip           (what the receiver runs; or gpg and sha256sum, per VERIFY.txt)",
            "", "Profiles (--for): icc, un-mechanism, national, generic."})
final class ExportCommand implements Callable<Integer> {
    @ParentCommand
    GawahCommand root;

    @Mixin
    HomeOptions homeOptions;

    @Mixin
    PassphraseOptions passphrase;

    @Option(names = "--case", required = true, paramLabel = "CASE-ID", description = "The case to export (gawah case list).")
    String caseId;

    @Option(names = "--for", required = true, paramLabel = "PROFILE", description = "Who receives it: icc, un-mechanism, national or generic.")
    String profileName;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The package to write (not overwritten).")
    Path out;

    @Option(names = "--to", paramLabel = "CERT.asc", description = "Encrypt the package to this certificate (the receiving body's).")
    Path to;

    @Option(names = "--to-fingerprint", paramLabel = "HEX",
            description = "With --to: the fingerprint the receiving body gave you by another channel (spaces allowed); any other certificate is refused.")
    String toFingerprint;

    @Option(names = "--include-identities",
            description = "Include the witness-identity envelope where the witness did not ask for anonymity (and the profile's consent holds).")
    boolean includeIdentities;

    @Option(names = "--organization", paramLabel = "NAME", description = "Source-Organization in bag-info.txt (default: your key's user ID).")
    String organization;

    @Option(names = "--reviewed", paramLabel = "RECORD-ID",
            description = "A record whose identity envelope this key cannot open, so its testimony could not be searched for the witness's name: you read it and it may go as it is (repeatable).")
    List<String> reviewed = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        Terminal terminal = root.terminal;
        Home home = homeOptions.resolve(terminal);
        Keyring keyring = home.keyring();
        SecretKey own = keyring.requireOwnKey();
        Profile profile = Profile.named(profileName);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Path textReport = out.resolveSibling(out.getFileName() + ".report.txt");
        Path jsonReport = out.resolveSibling(out.getFileName() + ".report.json");
        for (Path existing : List.of(out, textReport, jsonReport)) {
            if (Files.exists(existing)) {
                throw new GawahException(Failure.OUTPUT_EXISTS, existing + " already exists; nothing was written",
                        "choose another name or move the old file away");
            }
        }
        Path folder = out.toAbsolutePath().getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new GawahException(Failure.MISSING_INPUT, "no such folder: " + folder);
        }
        Certificate recipient = null;
        if (to != null) {
            recipient = Certificate.parse(KeysImportCommand.read(to));
            if (toFingerprint != null
                    && !toFingerprint.replaceAll("\\s", "").toUpperCase(java.util.Locale.ROOT).equals(recipient.fingerprint())) {
                throw new GawahException(Failure.CERTIFICATE_REFUSED, "the certificate in " + to + " is "
                        + recipient.fingerprint() + ", not the one given with --to-fingerprint; nothing was written",
                        "someone may have swapped the file; get it again from the receiving body");
            }
            recipient.checkCanEncrypt(now);
            terminal.info("encrypting to " + Display.safe(recipient.userId()) + " ("
                    + Display.fingerprint(recipient.fingerprint()) + ")" + (toFingerprint == null
                    ? ": check this fingerprint with the receiving body, or give it with --to-fingerprint" : ""));
        }
        List<Certificate> documenters = new ArrayList<>(keyring.pinned(Role.DOCUMENTER));
        documenters.add(own.certificate());
        Team team = new Team(keyring);
        AskOnce ask = new AskOnce(fingerprint ->
                passphrase.read(terminal, "Passphrase for your key " + Display.fingerprint(fingerprint)));
        String bagId = RecordId.randomExport();
        // The id in the name tells, after a crash, whether this partial package was logged.
        Path partial = folder.resolve("." + out.getFileName() + "." + bagId + ".partial");
        Report report;
        try (Vault vault = home.vault()) {
            CaseFile caseFile = team.openCase(vault, caseId, ask);
            List<String> records = vault.caseRecords(caseId);
            if (records.isEmpty()) {
                throw new GawahException(Failure.NOT_FOUND, "case " + caseId + " has no records; nothing was written",
                        "add some: gawah case add " + caseId + " RECORD-ID");
            }
            // Membership is only what signed analyses say: a row added to the table by hand exports nothing.
            Map<String, Analysis> analyses = new LinkedHashMap<>();
            for (String recordId : records) {
                analyses.put(recordId, team.openAnalysis(vault, caseId, recordId, ask).orElseThrow(() -> new GawahException(
                        Failure.BAD_DATA, "record " + recordId + " is in case " + caseId + " without a signed analysis:"
                        + " the case was changed outside Gawah; nothing was written", "run gawah verify --vault")));
            }
            SigningKey key = CustodyLog.signingKey(own, ask);
            recoverInterrupted(terminal, vault, folder, out.getFileName().toString());
            OutputFile.createPrivate(partial);
            report = new Report(bagId, caseId, profile);
            Run run = new Run(terminal, vault, team, own, key, ask, documenters, profile, includeIdentities,
                    java.util.Set.copyOf(reviewed), report, now);
            try {
                write(run, caseFile, analyses, partial, recipient);
            } catch (IOException | RuntimeException | Error e) {
                // Once the export is logged its package is kept, whatever failed after the commit.
                if (!loggedExport(vault, bagId)) {
                    Files.deleteIfExists(partial);
                }
                throw e;
            }
            try {
                Files.move(partial, out);
            } catch (IOException e) {
                throw new GawahException(Failure.OUTPUT_EXISTS, "package " + bagId + " is logged and complete in "
                        + partial + ", but it cannot be moved to " + out + ": " + e.getMessage(), "rename that file yourself");
            }
        } finally {
            ask.wipe();
        }
        OutputFile.writeNew(textReport, report.text().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        OutputFile.writeNew(jsonReport, report.json());
        terminal.info("wrote evidence package " + bagId + " for " + profile.recipient() + ": " + report.items().size()
                + " item(s), " + Display.size(Files.size(out)) + ", to " + out
                + (recipient == null ? " (plaintext: keep it safe)" : " (encrypted to " + Display.fingerprint(recipient.fingerprint()) + ")"));
        printLeftOut(terminal, report);
        report.notes().forEach(terminal::warn);
        terminal.info("report: " + textReport + " (not in the package)");
        terminal.out().println(bagId);
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
            try {
                EvidenceItems items = new EvidenceItems(run, bag);
                for (String recordId : analyses.keySet()) {
                    items.add(recordId);
                }
                if (run.report().items().isEmpty()) {
                    printLeftOut(run.terminal(), run.report());
                    throw new GawahException(Failure.NOT_FOUND, "nothing to export: all " + analyses.size()
                            + " record(s) of case " + caseId + " were left out; nothing was written",
                            "each record's reason is above");
                }
                byte[] manifest = bag.writeManifests();
                EntrySigner signer = new EntrySigner(run.key());
                try (VaultWrite write = run.vault().begin()) {
                    for (Map.Entry<String, String> subject : items.exported().entrySet()) {
                        write.append(Action.EXPORTED, subject.getKey(), subject.getValue(), run.now(), signer);
                    }
                    for (Map.Entry<String, String> redaction : items.redactions().entrySet()) {
                        write.append(Action.REDACTED, redaction.getKey(), redaction.getValue(), run.now(), signer);
                    }
                    String bagId = run.report().bagId();
                    Entry last = write.append(Action.EXPORTED, bagId, Digests.sha256(manifest), run.now(), signer).entry();
                    Map<String, Analysis> exported = new LinkedHashMap<>();
                    items.exportedRecords().forEach(recordId -> exported.put(recordId, analyses.get(recordId)));
                    String name = organization != null ? organization : run.own().certificate().userId();
                    EvidencePackage.Info info = new EvidencePackage.Info(bagId, name, run.own().fingerprint(), caseId,
                            run.profile(), run.now(), last);
                    EvidencePackage.writeTags(bag, info, run.report().items(),
                            CaseExport.json(caseFile, exported, run.profile().analystNotes()), items.custody(bagId),
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
                bag.close();
            }
        }
    }

    /**
     * Partial packages left by an export that was killed. The package is complete and fsynced
     * before its final {@code exported} entry commits, and renamed just after: a logged one is
     * kept under its id (the log says it exists); an unlogged one was never finished and is
     * deleted, since it may hold plaintext.
     */
    private static void recoverInterrupted(Terminal terminal, Vault vault, Path folder, String name) throws IOException {
        String prefix = "." + name + ".";
        List<Path> partials;
        try (var files = Files.list(folder)) {
            partials = files.filter(f -> {
                String file = f.getFileName().toString();
                return file.startsWith(prefix) && file.endsWith(".partial")
                        && RecordId.isValid("GWE", file.substring(prefix.length(), file.length() - ".partial".length()));
            }).toList();
        }
        for (Path partial : partials) {
            String file = partial.getFileName().toString();
            String id = file.substring(prefix.length(), file.length() - ".partial".length());
            if (loggedExport(vault, id)) {
                Path kept = folder.resolve(id + (PackageVerification.isEncrypted(partial) ? ".zip.pgp" : ".zip"));
                Files.move(partial, kept);
                terminal.warn("an earlier export was interrupted after it was logged; its package is kept as " + kept);
            } else {
                Files.delete(partial);
                terminal.warn("deleted " + partial + ", left unfinished by an interrupted export");
            }
        }
    }

    private static boolean loggedExport(Vault vault, String bagId) {
        boolean[] found = {false};
        vault.forEachCustody(row -> {
            Entry entry = Entry.parse(row.entry());
            found[0] |= entry.action() == Action.EXPORTED && entry.subject().equals(bagId);
        });
        return found[0];
    }

    private static void printLeftOut(Terminal terminal, Report report) {
        for (Report.LeftOut left : report.leftOut()) {
            terminal.info("left out " + left.recordId() + (left.item() == null ? "" : " " + left.item()) + ": " + left.reason());
        }
    }

    /** Everything one export run shares between its steps. */
    record Run(Terminal terminal, Vault vault, Team team, SecretKey own, SigningKey key, AskOnce ask,
               List<Certificate> documenters, Profile profile, boolean includeIdentities, java.util.Set<String> reviewed,
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
