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
import org.gawah.bag.BagWriter;
import org.gawah.bag.Submission;
import org.gawah.custody.Action;
import org.gawah.custody.ChainCheck;
import org.gawah.custody.Entry;
import org.gawah.custody.EntrySigner;
import org.gawah.openpgp.SecretKey;
import org.gawah.openpgp.SigningKey;
import org.gawah.testimony.RecordId;
import org.gawah.vault.SealedRecord;
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
            List<String> ids = since ? vault.unsubmittedRecords() : vault.recordIds();
            if (ids.isEmpty()) {
                throw new GawahException(Failure.NOT_FOUND, since ? Messages.of("submit.nothing-new")
                        : Messages.of("submit.vault-empty"));
            }
            SigningKey key = passphrase.unlockForSigning(terminal, own, Instant.now());
            // Listed in the vault before a byte is written: if this process is killed, the next
            // command in this home removes the partial bag (or keeps it, once logged).
            try (PartialFiles.Writing writing = PartialFiles.create(home, vault, partial, PartialFiles.SUBMIT)) {
                try {
                    write(terminal, vault, ids, bagId, partial, own, key);
                } catch (IOException | RuntimeException e) {
                    // Once the submission is logged its bag is kept, whatever failed after the commit.
                    if (!vault.hasSubmission(bagId)) {
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
     * the bag is complete and on disk, so no logged submission lacks its bag.
     */
    private void write(Terminal terminal, Vault vault, List<String> ids, String bagId, Path partial, SecretKey own,
                       SigningKey key) throws IOException {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<Submission.RecordMeta> records = new ArrayList<>();
        try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.WRITE);
             OutputStream file = new BufferedOutputStream(java.nio.channels.Channels.newOutputStream(channel), 1 << 20);
             BagWriter bag = new BagWriter(file, bagId)) {
            long total = 0;
            for (String id : ids) {
                total += vault.attachments(id).stream().mapToLong(StoredAttachment::sealedSize).sum();
            }
            Progress progress = new Progress(terminal, Messages.of("submit.packing"), total);
            for (String id : ids) {
                records.add(pack(vault, id, bag, progress));
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
                write.recordSubmission(bagId, now, log.get(log.size() - 1).entry().seq(), ids);
                String name = organization != null ? organization : own.certificate().userId();
                // Every token the log names travels with it, so the legal team can check each one.
                // The table is a cache: each token must be the one its signed entry logged.
                java.util.Map<String, byte[]> tokens = new java.util.TreeMap<>();
                vault.tokens(own.fingerprint()).forEach(t -> tokens.put(t.id(), t.token()));
                for (Entry.Signed signed : log) {
                    Entry entry = signed.entry();
                    if (entry.action() == Action.TIMESTAMPED && (!tokens.containsKey(entry.subject())
                            || !Digests.sha256(tokens.get(entry.subject())).equals(entry.subjectSha256()))) {
                        throw new GawahException(Failure.BAD_DATA, Messages.of("submit.token-not-logged", entry.subject(), entry.seq()),
                                Messages.of("submit.token-not-logged.hint"));
                    }
                }
                if (tokens.size() != log.stream().filter(e -> e.entry().action() == Action.TIMESTAMPED).count()) {
                    throw new GawahException(Failure.BAD_DATA, Messages.of("submit.token-unlogged"),
                            Messages.of("submit.token-not-logged.hint"));
                }
                Submission.writeTags(bag, new Submission.Info(bagId, name, own.fingerprint(), now), records, log,
                        tokens, own.certificate(), key);
                bag.finish();
                channel.force(true);
                write.commit();
            }
        }
    }

    private static Submission.RecordMeta pack(Vault vault, String id, BagWriter bag, Progress progress) throws IOException {
        SealedRecord record = vault.get(id).orElseThrow();
        try (OutputStream data = bag.payload(id + ".pgp")) {
            data.write(record.testimony());
        }
        if (record.identity() != null) {
            try (OutputStream data = bag.payload(id + ".identity.pgp")) {
                data.write(record.identity());
            }
        }
        List<String> attachments = new ArrayList<>();
        for (StoredAttachment attachment : vault.attachments(id)) {
            try (InputStream in = progress.counting(vault.openAttachment(attachment));
                 OutputStream data = bag.payload(attachment.id() + ".pgp")) {
                in.transferTo(data);
            }
            attachments.add(attachment.id());
        }
        return new Submission.RecordMeta(id, record.sealedAt(), record.testimonyRecipients(),
                record.identityRecipients(), attachments);
    }
}
