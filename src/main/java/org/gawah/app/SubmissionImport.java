package org.gawah.app;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.gawah.Digests;
import org.gawah.Failure;
import org.gawah.Fingerprints;
import org.gawah.GawahException;
import org.gawah.Message;
import org.gawah.bag.BagReader;
import org.gawah.bag.Submission;
import org.gawah.custody.Action;
import org.gawah.custody.Entry;
import org.gawah.custody.EntrySigner;
import org.gawah.custody.Subjects;
import org.gawah.openpgp.Certificate;
import org.gawah.openpgp.Opened;
import org.gawah.openpgp.Opener;
import org.gawah.openpgp.SealedRecipients;
import org.gawah.openpgp.SecretKey;
import org.gawah.tsp.LogTimestamps;
import org.gawah.vault.ImportedBag;
import org.gawah.vault.RecordWrite;
import org.gawah.vault.SealedRecord;
import org.gawah.vault.SignedVault;
import org.gawah.vault.Vault;
import org.gawah.vault.VaultWrite;

/**
 * Importing a submission bag, as a plain operation both faces call ({@code gawah import}, the
 * window's import page): the bag opened, checked and judged first ({@link SubmissionCheck}, a
 * {@link SubmissionReport} the face shows or acts on), then each record's inner signer checked
 * where this home can open it, then everything stored in one transaction with its signed
 * {@code imported} entries, judged again under the write lock. Prints nothing; a refusal is a
 * GawahException, and nothing is stored then.
 */
public final class SubmissionImport implements AutoCloseable {
    private final Home home;
    private final Path file;
    private final SecretKey own;
    private final SubmissionCheck.Trust trust;
    private final BagReader bag;
    private String zipSha256;
    /** The records whose inner signer was checked before storing: not opened a second time. */
    private final Set<String> checked = new HashSet<>();

    /** What became of a bag's records: how many were stored, how many were here already, and why any were left out. */
    public record Outcome(int added, int here, List<Message> skipped) {
    }

    private SubmissionImport(Home home, Path file, SecretKey own, SubmissionCheck.Trust trust, BagReader bag) {
        this.home = home;
        this.file = file;
        this.own = own;
        this.trust = trust;
        this.bag = bag;
    }

    /**
     * Opens the bag in {@code file} for import into {@code home}: refuses a home without its own
     * key or a pinned documenter, and a file that is not there, before reading anything.
     * {@code reportUntrusted}: see {@link SubmissionCheck.Trust}.
     */
    public static SubmissionImport open(Home home, Path file, boolean reportUntrusted, Consumer<CheckStep> steps) {
        SecretKey own = home.keyring().requireOwnKey();
        SubmissionCheck.Trust trust = SubmissionCheck.Trust.forImport(home, reportUntrusted);
        if (Files.isDirectory(file)) {
            throw new GawahException(Failure.MISSING_INPUT, Messages.of("import.folder", file), Messages.of("import.folder.hint"));
        }
        if (!Files.isRegularFile(file)) {
            throw new GawahException(Failure.MISSING_INPUT, Messages.of("import.no-file", file));
        }
        steps.accept(CheckStep.ZIP);
        return new SubmissionImport(home, file, own, trust, BagReader.open(file));
    }

    /** The bag's name as its zip gives it (the folder at its top), before anything is checked. */
    public String name() {
        return bag.name();
    }

    public Path file() {
        return file;
    }

    /** The SHA-256 of the zip, read once. */
    public String zipSha256() {
        if (zipSha256 == null) {
            zipSha256 = SubmissionCheck.sha256(file);
        }
        return zipSha256;
    }

    /**
     * The entry that logged importing these very bytes under this bag's name, read from the
     * vault's signed log, never its tables: they passed every check then, so there is nothing to
     * redo (import says so and stops before checking again).
     */
    public Optional<Entry> importedBefore() {
        try (Vault vault = home.vault()) {
            return home.signed(vault).importedZip(bag.name(), zipSha256());
        }
    }

    /** Checks and judges the bag ({@link SubmissionCheck#check}); {@code progress} counts the payload's bytes. */
    public SubmissionReport check(BagReader.ProgressListener progress, Consumer<CheckStep> steps) {
        return SubmissionCheck.check(home, bag, this::zipSha256, trust, progress, steps);
    }

    /**
     * The signer inside each record the bag brings in must be the documenter who signed the bag
     * and whose log says it sealed the record. The one-pass signature is inside the encryption, so
     * this is seen only where this home's key can open the testimony (or identity envelope):
     * opened in memory, checked, wiped; nothing shown or written. Elsewhere it is checked when the
     * record is opened ({@link Provenance}). Returns how many records could not be checked here.
     * Refuses a report that {@link SubmissionReport#refusal refuses}.
     */
    public int checkSigners(SubmissionReport report, Opener.PassphraseSource ask) {
        requireImportable(report);
        int unchecked = 0;
        for (SubmissionReport.Planned planned : report.records()) {
            if (planned.fate() != SubmissionReport.Fate.NEW && planned.fate() != SubmissionReport.Fate.CLAIM) {
                continue;
            }
            if (!checkSigner(planned.meta(), report.bag(), ask)) {
                unchecked++;
            }
            checked.add(planned.meta().id());
        }
        return unchecked;
    }

    /**
     * Stores the bag: every new record with its entries, the bag's log and tokens, and the bag's own
     * entries, in one transaction, the entries signed with this home's key (unlocked through
     * {@code ask}). Judged again under the write lock, from the log as it is then: another import
     * may have landed since the report. Each ciphertext is hashed again as stored and must still
     * match. {@code progress} counts the bytes stored.
     */
    public Outcome store(SubmissionReport report, Opener.PassphraseSource ask, BagReader.ProgressListener progress) {
        requireImportable(report);
        Submission.Verified verified = report.bag();
        EntrySigner signer = new EntrySigner(CustodyLog.signingKey(own, ask));
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String documenter = verified.documenter().fingerprint();
        int added = 0;
        int here = 0;
        List<Message> skipped = new ArrayList<>();
        try (Vault vault = home.vault(); VaultWrite write = vault.begin()) {
            // Judged again under the write lock, from the log as it is now: another import (on a team vault, another
            // analyst's) may have landed since the first look. PostgreSQL's lock is otherwise taken at the first write.
            write.lockNow();
            SignedVault signed = home.signed(vault);
            if (signed.importedZip(verified.id(), zipSha256()).isPresent()) {
                throw new GawahException(Failure.BAD_DATA, Messages.of("import.concurrent", verified.id()));
            }
            BagHistory.refuseReplayOrFork(signed, verified, zipSha256());
            for (Submission.RecordMeta meta : verified.records()) {
                SubmissionReport.Planned planned = SubmissionCheck.fate(signed, meta, verified);
                switch (planned.fate()) {
                    case CONFLICT:
                        throw SubmissionCheck.conflict(planned.why());
                    case SKIPPED:
                        skipped.add(planned.why());
                        continue;
                    case HERE:
                        here++;
                        continue;
                    default:
                        break;
                }
                if (!checked.contains(meta.id())) {
                    checkSigner(meta, verified, ask);
                }
                if (planned.fate() == SubmissionReport.Fate.CLAIM) {
                    here++;
                    continue;
                }
                storeRecord(write, meta, verified, signer, now, progress);
                added++;
            }
            Entry.Signed head = verified.log().get(verified.log().size() - 1);
            write.recordImport(new ImportedBag(verified.id(), documenter, head.entry().seq(), verified.headSha256(),
                    zipSha256(), now), verified.log());
            for (LogTimestamps.Proof proof : report.timestamps()) {
                write.storeToken(documenter, proof.seq(), proof.id(), proof.token());
            }
            write.append(Action.IMPORTED, verified.id(), zipSha256(), now, signer);
            // The head of the documenter's log this bag carried: replays and forks are judged against it.
            write.append(Action.IMPORTED, Subjects.bagHead(verified.id()), verified.headSha256(), now, signer);
            write.commit();
        }
        return new Outcome(added, here, skipped);
    }

    /** One record's testimony, identity envelope and attachments, and their entries, as sealing writes them. */
    private void storeRecord(VaultWrite write, Submission.RecordMeta meta, Submission.Verified verified, EntrySigner signer,
                             Instant now, BagReader.ProgressListener progress) {
        byte[] testimony = checked(meta.testimonyFile(), verified);
        byte[] identity = meta.identityFile() == null ? null : checked(meta.identityFile(), verified);
        progress.advance(testimony.length + (identity == null ? 0 : identity.length));
        int before = write.attachments().size();
        for (int position = 0; position < meta.attachments().size(); position++) {
            String attachment = meta.attachments().get(position);
            String path = Submission.RecordMeta.attachmentFile(attachment);
            try (OutputStream out = counting(write.attachment(meta.id(), position, attachment), progress)) {
                bag.copy(path, out);
            } catch (IOException e) {
                throw new GawahException(Failure.BAD_DATA, Messages.of("import.cannot-store", path, e.getMessage()), null, e);
            }
        }
        write.insert(new SealedRecord(meta.id(), meta.sealedAt(), verified.documenter().fingerprint(), testimony,
                meta.testimonyRecipients(), identity, meta.identityRecipients()));
        // A record's entries together, as sealing writes them: testimony, identity, then its attachments in order.
        write.append(Action.IMPORTED, meta.id(), Digests.sha256(testimony), now, signer);
        if (identity != null) {
            write.append(Action.IMPORTED, RecordWrite.identitySubject(meta.id()), Digests.sha256(identity), now, signer);
        }
        for (VaultWrite.WrittenAttachment attachment : write.attachments().subList(before, write.attachments().size())) {
            String expected = verified.payloadSha256().get(Submission.RecordMeta.attachmentFile(attachment.id()));
            if (!attachment.sha256().equals(expected)) {
                throw new GawahException(Failure.BAD_DATA, Messages.of("import.changed", attachment.id()));
            }
            write.append(Action.IMPORTED, attachment.id(), attachment.sha256(), now, signer);
        }
    }

    /** Returns whether this home could open the testimony and so check its signer. */
    private boolean checkSigner(Submission.RecordMeta meta, Submission.Verified verified, Opener.PassphraseSource ask) {
        String documenter = verified.documenter().fingerprint();
        List<Certificate> documenters = trust.keys();
        boolean opened = false;
        for (String path : new String[] {meta.testimonyFile(), meta.identityFile()}) {
            if (path == null) {
                continue;
            }
            byte[] sealed = checked(path, verified);
            if (!SealedRecipients.of(sealed).includes(own)) {
                continue;
            }
            Opened inside;
            try {
                inside = Opener.open(sealed, own, ask, documenters);
            } catch (GawahException e) {
                throw new GawahException(e.failure(), Messages.of("import.record-refused", meta.id(), verified.id(),
                        e.message()), e.hintMessage(), e);
            }
            try {
                if (!inside.signerFingerprint().equals(documenter)) {
                    throw new GawahException(Failure.BAD_SIGNATURE, Messages.of("import.other-signer", meta.id(),
                            verified.id(), Fingerprints.grouped(inside.signerFingerprint()), Fingerprints.grouped(documenter)),
                            Messages.of("import.other-signer.hint"));
                }
            } finally {
                inside.wipe();
            }
            opened |= path.equals(meta.testimonyFile());
        }
        return opened;
    }

    private static void requireImportable(SubmissionReport report) {
        if (report.refusal() != null) {
            throw report.refusal();
        }
    }

    private byte[] checked(String path, Submission.Verified verified) {
        byte[] data = bag.tag(path);
        if (!Digests.sha256(data).equals(verified.payloadSha256().get(path))) {
            throw new GawahException(Failure.BAD_DATA, Messages.of("import.changed", path));
        }
        return data;
    }

    private static OutputStream counting(OutputStream out, BagReader.ProgressListener progress) {
        return new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
                progress.advance(len);
            }
        };
    }

    @Override
    public void close() {
        bag.close();
    }
}
