package org.gawah.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.gawah.Digests;
import org.gawah.Failure;
import org.gawah.GawahException;
import org.gawah.bag.BagReader;
import org.gawah.bag.Submission;
import org.gawah.custody.Action;
import org.gawah.custody.Entry;
import org.gawah.custody.EntrySigner;
import org.gawah.keys.Keyring;
import org.gawah.keys.Role;
import org.gawah.openpgp.Certificate;
import org.gawah.openpgp.SecretKey;
import org.gawah.vault.ImportedBag;
import org.gawah.vault.RecordWrite;
import org.gawah.vault.SealedRecord;
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
        try (BagReader bag = BagReader.open(file); Vault vault = home.vault()) {
            String zipSha256 = sha256(file);
            Optional<ImportedBag> same = vault.importedBag(bag.name());
            if (same.isPresent() && same.get().bagSha256().equals(zipSha256)) {
                // These exact bytes passed every check when they were imported: nothing to redo.
                return alreadyImported(terminal, same.get(), zipSha256);
            }
            Progress progress = new Progress(terminal, Messages.of("import.checking"), size(file));
            Submission.Verified verified = Submission.read(bag, documenters, progress::advance);
            progress.finish();
            List<org.gawah.tsp.LogTimestamps.Proof> proofs = BagTimestamps.check(home, verified);
            Optional<ImportedBag> before = judge(vault, verified, zipSha256);
            if (before.isPresent()) {
                return alreadyImported(terminal, before.get(), zipSha256);
            }
            EntrySigner signer = new EntrySigner(passphrase.unlockForSigning(terminal, own, Instant.now()));
            int[] counts = store(vault, bag, verified, zipSha256, signer, proofs);
            terminal.info(Messages.of("import.imported", verified.id(), verified.documenter().userId(),
                    Display.fingerprint(verified.documenter().fingerprint()), counts[0], counts[1]));
            terminal.line(verified.id());
        }
        return 0;
    }

    /**
     * What this vault makes of a bag that passed every check, writing nothing (verify asks it too,
     * so that both say the same): the earlier import, when these very bytes were imported before;
     * a refusal when another file came under its id, or when it replays or forks its documenter's
     * log; otherwise nothing, and import stores it.
     */
    static Optional<ImportedBag> judge(Vault vault, Submission.Verified bag, String zipSha256) {
        Optional<ImportedBag> before = vault.importedBag(bag.id());
        if (before.isPresent()) {
            requireSameBytes(before.get(), zipSha256);
            return before;
        }
        refuseReplayOrFork(vault, bag);
        return Optional.empty();
    }

    private static void requireSameBytes(ImportedBag before, String zipSha256) {
        if (!before.bagSha256().equals(zipSha256)) {
            throw new GawahException(Failure.BAD_DATA, Messages.of("import.bag-differs", before.id(), before.importedAt(),
                    zipSha256), Messages.of("import.bag-differs.hint"));
        }
    }

    private static int alreadyImported(Terminal terminal, ImportedBag before, String zipSha256) {
        requireSameBytes(before, zipSha256);
        terminal.info(Messages.of("import.already", before.id(), before.importedAt()));
        terminal.line(before.id());
        return 0;
    }

    /**
     * The documenter's log in the bag must extend the furthest one received before, entry for
     * entry. An older head is a replay; a different entry at the same place is a fork.
     */
    private static void refuseReplayOrFork(Vault vault, Submission.Verified bag) {
        String documenter = bag.documenter().fingerprint();
        Optional<ImportedBag> latest = vault.latestImport(documenter);
        if (latest.isEmpty()) {
            return;
        }
        long head = bag.head().seq();
        if (head <= latest.get().headSeq()) {
            throw new GawahException(Failure.BAD_DATA, Messages.of("import.replayed", bag.id(), latest.get().id(), head,
                    latest.get().headSeq()), Messages.of("import.replayed.hint"));
        }
        Entry.Signed atLatest = bag.log().get((int) latest.get().headSeq() - 1);
        if (!atLatest.entry().sha256().equals(latest.get().headSha256())) {
            throw new GawahException(Failure.BAD_DATA, Messages.of("import.forked", bag.id(), latest.get().id(),
                    latest.get().headSeq()), Messages.of("import.forked.hint"));
        }
    }

    /** Everything in one transaction; each ciphertext is hashed again as stored and must still match. */
    private static int[] store(Vault vault, BagReader bag, Submission.Verified verified, String zipSha256,
                               EntrySigner signer, List<org.gawah.tsp.LogTimestamps.Proof> proofs) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String documenter = verified.documenter().fingerprint();
        int added = 0;
        int skipped = 0;
        try (VaultWrite write = vault.begin()) {
            // Again under the write lock: another import may have landed since the first look.
            if (vault.importedBag(verified.id()).isPresent()) {
                throw new GawahException(Failure.BAD_DATA, Messages.of("import.concurrent", verified.id()));
            }
            refuseReplayOrFork(vault, verified);
            for (Submission.RecordMeta meta : verified.records()) {
                if (write.hasRecord(meta.id())) {
                    refuseConflict(vault, meta, verified);
                    skipped++;
                    continue;
                }
                byte[] testimony = checked(bag, meta.testimonyFile(), verified);
                byte[] identity = meta.identityFile() == null ? null : checked(bag, meta.identityFile(), verified);
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
                write.append(Action.IMPORTED, meta.id(), Digests.sha256(testimony), now, signer);
                if (identity != null) {
                    write.append(Action.IMPORTED, RecordWrite.identitySubject(meta.id()), Digests.sha256(identity), now, signer);
                }
                added++;
            }
            for (VaultWrite.WrittenAttachment attachment : write.attachments()) {
                String expected = verified.payloadSha256().get(Submission.RecordMeta.attachmentFile(attachment.id()));
                if (!attachment.sha256().equals(expected)) {
                    throw new GawahException(Failure.BAD_DATA, Messages.of("import.changed", attachment.id()));
                }
                write.append(Action.IMPORTED, attachment.id(), attachment.sha256(), now, signer);
            }
            Entry.Signed head = verified.log().get(verified.log().size() - 1);
            write.recordImport(new ImportedBag(verified.id(), documenter, head.entry().seq(), verified.headSha256(),
                    zipSha256, now), verified.log());
            for (org.gawah.tsp.LogTimestamps.Proof proof : proofs) {
                write.storeToken(documenter, proof.seq(), proof.id(), proof.token());
            }
            write.append(Action.IMPORTED, verified.id(), zipSha256, now, signer);
            write.commit();
        }
        return new int[] {added, skipped};
    }

    /** A record id already here must be the same sealed testimony: never let one record shadow another. */
    private static void refuseConflict(Vault vault, Submission.RecordMeta meta, Submission.Verified verified) {
        SealedRecord here = vault.get(meta.id()).orElseThrow();
        String incoming = verified.payloadSha256().get(meta.testimonyFile());
        String identity = meta.identityFile() == null ? null : verified.payloadSha256().get(meta.identityFile());
        boolean same = Digests.sha256(here.testimony()).equals(incoming)
                && java.util.Objects.equals(here.identity() == null ? null : Digests.sha256(here.identity()), identity)
                && here.signer().equals(verified.documenter().fingerprint());
        if (!same) {
            throw new GawahException(Failure.BAD_DATA, Messages.of("import.conflict", meta.id(), verified.id(), here.signer()),
                    Messages.of("import.conflict.hint"));
        }
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
