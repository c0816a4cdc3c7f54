package org.gawah.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.gawah.Digests;
import org.gawah.Failure;
import org.gawah.GawahException;
import org.gawah.MessageIOException;
import org.gawah.app.Home;
import org.gawah.app.PartialFiles;
import org.gawah.bag.BagWriter;
import org.gawah.bag.Submission;
import org.gawah.custody.Action;
import org.gawah.custody.ChainCheck;
import org.gawah.custody.Entry;
import org.gawah.custody.EntrySigner;
import org.gawah.openpgp.Certificate;
import org.gawah.openpgp.SealedRecipients;
import org.gawah.openpgp.SecretKey;
import org.gawah.openpgp.SigningKey;
import org.gawah.testimony.RecordId;
import org.gawah.vault.LoggedRecord;
import org.gawah.vault.SignedVault;
import org.gawah.vault.StoredAttachment;
import org.gawah.vault.Vault;
import org.gawah.vault.VaultWrite;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "submit")
final class SubmitCommand implements Callable<Integer> {
    @ParentCommand
    GawahCommand root;

    @Mixin
    HomeOptions homeOptions;

    @Mixin
    PassphraseOptions passphrase;

    @Option(names = "--out", required = true, paramLabel = "FILE")
    Path out;

    @Option(names = "--since")
    boolean since;

    @Option(names = "--organization", paramLabel = "NAME")
    String organization;

    @Override
    public Integer call() throws IOException {
        Terminal terminal = root.terminal;
        Home home = homeOptions.resolve(terminal);
        SecretKey own = home.keyring().requireOwnKey();
        if (Files.exists(out)) {
            throw new GawahException(Failure.OUTPUT_EXISTS, Messages.of("submit.output-exists", out),
                    Messages.of("submit.output-exists.hint"));
        }
        Path folder = out.toAbsolutePath().getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new GawahException(Failure.MISSING_INPUT, Messages.of("submit.no-folder", folder));
        }
        String bagId = RecordId.randomBag();
        // The id in the name tells, after a crash, whether this partial bag was logged.
        Path partial = PartialFiles.beside(out, bagId);
        try (Vault vault = home.vault()) {
            // What goes into the bag, and what each record is, comes from the signed log, never the tables.
            SignedVault signed = home.signed(vault);
            signed.refuseUnlogged();
            // The tokens the bag will carry, before a byte is written (and again as it is signed).
            signed.refuseUnloggedTokens(own.fingerprint());
            List<String> ids = since ? signed.unsubmittedRecords() : signed.recordIds();
            if (ids.isEmpty()) {
                throw new GawahException(Failure.NOT_FOUND, since ? Messages.of("submit.nothing-new")
                        : Messages.of("submit.vault-empty"));
            }
            List<Certificate> known = knownCertificates(home.keyring(), own);
            List<Submission.RecordMeta> records = new ArrayList<>();
            List<LoggedRecord> logged = new ArrayList<>();
            for (String id : ids) {
                LoggedRecord record = signed.record(id).orElseThrow();
                logged.add(record);
                records.add(meta(record, known));
            }
            SigningKey key = passphrase.unlockForSigning(terminal, own, Instant.now());
            // Listed in the vault before a byte is written: if this process is killed, the next
            // command in this home removes the partial bag (or keeps it, once logged).
            try (PartialFiles.Writing writing = PartialFiles.create(home, vault, partial, PartialFiles.SUBMIT)) {
                try {
                    write(terminal, vault, logged, records, signed.log().size(), bagId, partial, own, key);
                } catch (IOException | RuntimeException e) {
                    // Once the submission is logged its bag is kept, whatever failed after the commit.
                    if (!home.signed(vault).submitted(bagId)) {
                        PartialFiles.discard(vault, writing, partial, e);
                    }
                    throw e;
                }
                try {
                    // Not ATOMIC_MOVE: on Linux that would silently replace an --out made meanwhile.
                    Files.move(partial, out);
                } catch (IOException e) {
                    throw new GawahException(Failure.OUTPUT_EXISTS, Messages.of("submit.cannot-move", bagId, partial, out,
                            e.getMessage()), Messages.of("submit.cannot-move.hint"));
                }
                PartialFiles.forget(vault, writing);
            }
            terminal.info(Messages.of("submit.wrote", bagId, ids.size(), Display.size(Files.size(out)), out));
            terminal.info(Messages.of("submit.ciphertext-only", out.getFileName()));
        }
        terminal.line(bagId);
        return 0;
    }

    /**
     * Payload first, outside any transaction; then, holding the vault's write lock, the
     * {@code submitted} entry, the log and the signed tag files. The entry commits only once
     * the bag is complete and on disk, so no logged submission lacks its bag. {@code logHead}: the
     * log's length when the records were chosen; a record sealed since would come before this
     * bag's entry without being in it (and {@code --since} would then skip it): refused.
     */
    private void write(Terminal terminal, Vault vault, List<LoggedRecord> logged, List<Submission.RecordMeta> records,
                       long logHead, String bagId, Path partial, SecretKey own, SigningKey key) throws IOException {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.WRITE);
             OutputStream file = new BufferedOutputStream(java.nio.channels.Channels.newOutputStream(channel), 1 << 20);
             BagWriter bag = new BagWriter(file, bagId)) {
            long total = logged.stream().flatMap(r -> r.attachments().stream()).mapToLong(StoredAttachment::sealedSize).sum();
            Progress progress = new Progress(terminal, Messages.of("submit.packing"), total);
            for (LoggedRecord record : logged) {
                pack(vault, record, bag, progress);
            }
            progress.finish();
            byte[] manifest = bag.writeManifests();
            try (VaultWrite write = vault.begin()) {
                write.append(Action.SUBMITTED, bagId, Digests.sha256(manifest), now, new EntrySigner(key));
                // The legal team will check this log from its first entry: a damaged one fails here, not there.
                ChainCheck chain = new ChainCheck(Messages.of("submit.own-log"), List.of(own.certificate()));
                List<Entry.Signed> log = new ArrayList<>();
                vault.forEachCustody(row -> log.add(new Entry.Signed(chain.add(row.seq(), row.entry(), row.signature()),
                        row.signature())));
                for (Entry.Signed later : log.subList((int) logHead, log.size() - 1)) {
                    if (later.entry().action() == Action.SEALED) {
                        throw new GawahException(Failure.NOT_READY, Messages.of("submit.sealed-meanwhile",
                                later.entry().subject()), Messages.of("submit.sealed-meanwhile.hint"));
                    }
                }
                write.recordSubmission(bagId, now, log.get(log.size() - 1).entry().seq(),
                        logged.stream().map(LoggedRecord::id).toList());
                String name = organization != null ? organization : own.certificate().userId();
                // Every token the log names travels with it, so the legal team can check each one;
                // each is the one its signed entry logged (the table is a cache).
                java.util.Map<String, byte[]> tokens = SignedVault.tokens(vault, own.fingerprint(), log);
                Submission.writeTags(bag, new Submission.Info(bagId, name, own.fingerprint(), now), records, log,
                        tokens, own.certificate(), key);
                bag.finish();
                channel.force(true);
                write.commit();
            }
        }
    }

    private static void pack(Vault vault, LoggedRecord record, BagWriter bag, Progress progress) throws IOException {
        String id = record.id();
        try (OutputStream data = bag.payload(id + ".pgp")) {
            data.write(record.testimony());
        }
        if (record.identity() != null) {
            try (OutputStream data = bag.payload(id + ".identity.pgp")) {
                data.write(record.identity());
            }
        }
        for (StoredAttachment attachment : record.attachments()) {
            // The chunks must reach the SHA-256 the 'attached' entry logged, or the copy fails.
            try (InputStream in = progress.counting(vault.openAttachment(attachment));
                 OutputStream data = bag.payload(attachment.id() + ".pgp")) {
                in.transferTo(data);
            } catch (MessageIOException damaged) {
                // The vault's own words (a chunk missing, altered): tampering or damage, never a crash.
                throw new GawahException(Failure.BAD_DATA, damaged.message(), Messages.of("submit.damaged.hint"), damaged);
            }
        }
    }

    /**
     * What records.jsonl says of a record, all from signed data: its time from its {@code sealed}
     * entry, its attachments as the log lists them, its recipients from its ciphertexts' own
     * session-key packets (the vault's list of them is a cache), each a certificate known here.
     */
    private static Submission.RecordMeta meta(LoggedRecord record, List<Certificate> known) {
        return new Submission.RecordMeta(record.id(), record.sealedAt(), recipients(record.id(), record.testimony(), known),
                record.identity() == null ? List.of() : recipients(record.id(), record.identity(), known),
                record.attachments().stream().map(StoredAttachment::id).toList());
    }

    private static List<String> recipients(String id, byte[] sealed, List<Certificate> known) {
        SealedRecipients.Matched matched = SealedRecipients.of(sealed).match(known);
        if (!matched.unknown().isEmpty()) {
            throw new GawahException(Failure.NOT_READY, Messages.of("submit.unknown-recipient", id,
                    matched.unknown().get(0)), Messages.of("submit.unknown-recipient.hint"));
        }
        return matched.certificates().stream().map(Certificate::fingerprint).sorted().toList();
    }

    /** Every certificate a record here can have been sealed to: this home's own and every pinned one. */
    private static List<Certificate> knownCertificates(org.gawah.keys.Keyring keyring, SecretKey own) {
        List<Certificate> known = new ArrayList<>();
        for (org.gawah.keys.Role role : org.gawah.keys.Role.values()) {
            known.addAll(keyring.pinned(role));
        }
        known.add(own.certificate());
        return known;
    }
}
