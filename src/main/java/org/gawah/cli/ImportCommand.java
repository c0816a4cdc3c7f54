package org.gawah.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

import org.gawah.Digests;
import org.gawah.Failure;
import org.gawah.GawahException;
import org.gawah.Message;
import org.gawah.app.CustodyLog;
import org.gawah.app.Home;
import org.gawah.bag.BagReader;
import org.gawah.bag.Submission;
import org.gawah.custody.Action;
import org.gawah.custody.Entry;
import org.gawah.custody.EntrySigner;
import org.gawah.custody.Subjects;
import org.gawah.keys.Keyring;
import org.gawah.keys.Role;
import org.gawah.openpgp.Certificate;
import org.gawah.openpgp.Opened;
import org.gawah.openpgp.Opener;
import org.gawah.openpgp.SealedRecipients;
import org.gawah.openpgp.SecretKey;
import org.gawah.vault.ImportedBag;
import org.gawah.vault.LoggedRecord;
import org.gawah.vault.RecordWrite;
import org.gawah.vault.SealedRecord;
import org.gawah.vault.SignedVault;
import org.gawah.vault.StoredAttachment;
import org.gawah.vault.Vault;
import org.gawah.vault.VaultWrite;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "import")
final class ImportCommand implements Callable<Integer> {
    @ParentCommand
    GawahCommand root;

    @Mixin
    HomeOptions homeOptions;

    @Mixin
    PassphraseOptions passphrase;

    @Parameters(paramLabel = "FILE", descriptionKey = "gawah.import.file")
    Path file;

    @Override
    public Integer call() {
        Terminal terminal = root.terminal;
        Home home = homeOptions.resolve(terminal);
        Keyring keyring = home.keyring();
        SecretKey own = keyring.requireOwnKey();
        List<Certificate> documenters = keyring.pinned(Role.DOCUMENTER);
        if (documenters.isEmpty()) {
            throw new GawahException(Failure.NOT_READY, Messages.of("import.no-documenter"),
                    Messages.of("import.no-documenter.hint"));
        }
        if (!Files.isRegularFile(file)) {
            throw new GawahException(Failure.MISSING_INPUT, Messages.of("import.no-file", file));
        }
        AskOnce ask = new AskOnce(passphrase.forKeys(terminal));
        try (BagReader bag = BagReader.open(file); Vault vault = home.vault()) {
            String zipSha256 = sha256(file);
            // What this vault already holds is what its signed log says, never its tables.
            SignedVault signed = home.signed(vault);
            Optional<Entry> same = signed.importedZip(bag.name(), zipSha256);
            if (same.isPresent()) {
                // These exact bytes passed every check when they were imported: nothing to redo.
                return alreadyImported(terminal, bag.name(), same.get().time());
            }
            Progress progress = new Progress(terminal, Messages.of("import.checking"), size(file));
            Submission.Verified verified = Submission.read(bag, documenters, progress::advance);
            progress.finish();
            List<org.gawah.tsp.LogTimestamps.Proof> proofs = BagTimestamps.check(home, verified);
            judge(signed, verified, zipSha256);
            Set<String> checked = new HashSet<>();
            checkSigners(terminal, signed, bag, verified, own, ask, documenters, checked);
            EntrySigner signer = new EntrySigner(CustodyLog.signingKey(own, ask));
            Outcome outcome = store(home, vault, bag, verified, zipSha256, signer, own, ask, documenters, checked, proofs);
            for (Message skipped : outcome.skipped()) {
                terminal.warn(skipped);
            }
            terminal.info(Messages.of("import.imported", verified.id(), verified.documenter().userId(),
                    Display.fingerprint(verified.documenter().fingerprint()), outcome.added(), outcome.here()));
            terminal.line(verified.id());
        } finally {
            ask.wipe();
        }
        return 0;
    }

    /**
     * What this vault makes of a bag that passed every check, writing nothing (verify asks it too,
     * so that both say the same), judged from the vault's signed log, never its imports table: the
     * entry that logged importing these very bytes, when they were imported before; a refusal when
     * another file came under the id of a bag of the same documenter, or when the bag replays or
     * forks its documenter's log (another documenter's bag with the same id is no reason);
     * otherwise nothing, and import stores it.
     */
    static Optional<Entry> judge(SignedVault vault, Submission.Verified bag, String zipSha256) {
        Optional<Entry> before = vault.importedZip(bag.id(), zipSha256);
        if (before.isPresent()) {
            return before;
        }
        BagHistory.refuseReplayOrFork(vault, bag, zipSha256);
        return Optional.empty();
    }

    private static int alreadyImported(Terminal terminal, String bagId, Instant importedAt) {
        terminal.info(Messages.of("import.already", bagId, importedAt));
        terminal.line(bagId);
        return 0;
    }

    /** What became of a bag's records: how many were stored, how many were here already, and why any were left out. */
    private record Outcome(int added, int here, List<Message> skipped) {
    }

    /** What to do with one record of the bag, given what the vault holds. */
    private enum Step { STORE, CLAIM, HAVE, SKIP }

    /**
     * A record id already here: the same sealed record (testimony, identity envelope, attachments)
     * is kept once, and this documenter's log is one more claim to it ({@link Step#CLAIM}), which
     * opening decides; a different record under the id is this documenter's own contradiction
     * (refused) or another documenter's record ({@link Step#SKIP}: that one record stays out, the
     * rest of the bag comes in). A new record whose attachment ids are taken is skipped too.
     */
    private static Step step(SignedVault vault, Submission.RecordMeta meta, Submission.Verified bag,
                             List<Message> skipped) {
        String documenter = bag.documenter().fingerprint();
        Optional<LoggedRecord> here = vault.record(meta.id());
        if (here.isEmpty()) {
            for (String attachment : meta.attachments()) {
                if (vault.attachmentTaken(attachment)) {
                    skipped.add(Messages.of("import.attachment-taken", meta.id(), bag.id(), attachment));
                    return Step.SKIP;
                }
            }
            return Step.STORE;
        }
        if (sameRecord(here.get(), meta, bag)) {
            return here.get().broughtBy(documenter) ? Step.HAVE : Step.CLAIM;
        }
        if (here.get().broughtBy(documenter)) {
            throw new GawahException(Failure.BAD_DATA, Messages.of("import.conflict", meta.id(), bag.id(),
                    Display.fingerprint(documenter)), Messages.of("import.conflict.hint"));
        }
        skipped.add(Messages.of("import.conflict-skipped", meta.id(), bag.id(),
                Display.fingerprint(here.get().documenters().get(0))));
        return Step.SKIP;
    }

    /** Whether the bag's record is byte for byte the one here: testimony, identity envelope, and attachments in order. */
    private static boolean sameRecord(LoggedRecord here, Submission.RecordMeta meta, Submission.Verified bag) {
        Map<String, String> sha256 = bag.payloadSha256();
        if (!Digests.sha256(here.testimony()).equals(sha256.get(meta.testimonyFile()))) {
            return false;
        }
        String identity = here.identity() == null ? null : Digests.sha256(here.identity());
        if (!java.util.Objects.equals(identity, meta.identityFile() == null ? null : sha256.get(meta.identityFile()))) {
            return false;
        }
        if (here.attachments().size() != meta.attachments().size()) {
            return false;
        }
        for (int i = 0; i < meta.attachments().size(); i++) {
            StoredAttachment stored = here.attachments().get(i);
            String id = meta.attachments().get(i);
            if (!stored.id().equals(id)
                    || !stored.sealedSha256().equals(sha256.get(Submission.RecordMeta.attachmentFile(id)))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The signer inside each record the bag brings in must be the documenter who signed the bag
     * and whose log says it sealed the record. The one-pass signature is inside the encryption, so
     * this is seen only where this home's key can open the testimony (or identity envelope):
     * opened in memory, checked, wiped; nothing shown or written. Elsewhere it is checked when the
     * record is opened ({@link Provenance}).
     */
    private static void checkSigners(Terminal terminal, SignedVault vault, BagReader bag, Submission.Verified verified,
                                     SecretKey own, AskOnce ask, List<Certificate> documenters, Set<String> checked) {
        int unchecked = 0;
        List<Message> ignored = new ArrayList<>();
        for (Submission.RecordMeta meta : verified.records()) {
            Step step = step(vault, meta, verified, ignored);
            if (step != Step.STORE && step != Step.CLAIM) {
                continue;
            }
            if (!checkSigner(meta, bag, verified, own, ask, documenters)) {
                unchecked++;
            }
            checked.add(meta.id());
        }
        if (unchecked > 0) {
            terminal.info(Messages.of("import.signers-unchecked", unchecked));
        }
    }

    /** Returns whether this home could open the testimony and so check its signer. */
    private static boolean checkSigner(Submission.RecordMeta meta, BagReader bag, Submission.Verified verified,
                                       SecretKey own, AskOnce ask, List<Certificate> documenters) {
        String documenter = verified.documenter().fingerprint();
        boolean opened = false;
        for (String file : new String[] {meta.testimonyFile(), meta.identityFile()}) {
            if (file == null) {
                continue;
            }
            byte[] sealed = checked(bag, file, verified);
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
                            verified.id(), Display.fingerprint(inside.signerFingerprint()), Display.fingerprint(documenter)),
                            Messages.of("import.other-signer.hint"));
                }
            } finally {
                inside.wipe();
            }
            opened |= file.equals(meta.testimonyFile());
        }
        return opened;
    }

    /** Everything in one transaction; each ciphertext is hashed again as stored and must still match. */
    private static Outcome store(Home home, Vault vault, BagReader bag, Submission.Verified verified, String zipSha256,
                                 EntrySigner signer, SecretKey own, AskOnce ask, List<Certificate> documenters,
                                 Set<String> checked, List<org.gawah.tsp.LogTimestamps.Proof> proofs) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String documenter = verified.documenter().fingerprint();
        int added = 0;
        int here = 0;
        List<Message> skipped = new ArrayList<>();
        try (VaultWrite write = vault.begin()) {
            // Again under the write lock, from the log as it is now: another import may have landed since the first look
            // (on a team vault, another analyst's). Taken before the read: PostgreSQL's is otherwise taken at the first write.
            write.lockNow();
            SignedVault signed = home.signed(vault);
            if (signed.importedZip(verified.id(), zipSha256).isPresent()) {
                throw new GawahException(Failure.BAD_DATA, Messages.of("import.concurrent", verified.id()));
            }
            BagHistory.refuseReplayOrFork(signed, verified, zipSha256);
            for (Submission.RecordMeta meta : verified.records()) {
                Step step = step(signed, meta, verified, skipped);
                if ((step == Step.STORE || step == Step.CLAIM) && !checked.contains(meta.id())) {
                    checkSigner(meta, bag, verified, own, ask, documenters);
                }
                if (step != Step.STORE) {
                    here += step == Step.SKIP ? 0 : 1;
                    continue;
                }
                byte[] testimony = checked(bag, meta.testimonyFile(), verified);
                byte[] identity = meta.identityFile() == null ? null : checked(bag, meta.identityFile(), verified);
                int before = write.attachments().size();
                for (int position = 0; position < meta.attachments().size(); position++) {
                    String attachment = meta.attachments().get(position);
                    String path = Submission.RecordMeta.attachmentFile(attachment);
                    try (OutputStream out = write.attachment(meta.id(), position, attachment)) {
                        bag.copy(path, out);
                    } catch (IOException e) {
                        throw new GawahException(Failure.BAD_DATA, Messages.of("import.cannot-store", path, e.getMessage()),
                                null, e);
                    }
                }
                write.insert(new SealedRecord(meta.id(), meta.sealedAt(), documenter, testimony,
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
                added++;
            }
            Entry.Signed head = verified.log().get(verified.log().size() - 1);
            write.recordImport(new ImportedBag(verified.id(), documenter, head.entry().seq(), verified.headSha256(),
                    zipSha256, now), verified.log());
            for (org.gawah.tsp.LogTimestamps.Proof proof : proofs) {
                write.storeToken(documenter, proof.seq(), proof.id(), proof.token());
            }
            write.append(Action.IMPORTED, verified.id(), zipSha256, now, signer);
            // The head of the documenter's log this bag carried: replays and forks are judged against it.
            write.append(Action.IMPORTED, Subjects.bagHead(verified.id()), verified.headSha256(), now, signer);
            write.commit();
        }
        return new Outcome(added, here, skipped);
    }

    private static byte[] checked(BagReader bag, String path, Submission.Verified verified) {
        byte[] data = bag.tag(path);
        if (!Digests.sha256(data).equals(verified.payloadSha256().get(path))) {
            throw new GawahException(Failure.BAD_DATA, Messages.of("import.changed", path));
        }
        return data;
    }

    static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new GawahException(Failure.MISSING_INPUT, Messages.of("import.cannot-read", file, e.getMessage()));
        }
    }

    static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
            return java.util.HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new GawahException(Failure.MISSING_INPUT, Messages.of("import.cannot-read", file, e.getMessage()));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
