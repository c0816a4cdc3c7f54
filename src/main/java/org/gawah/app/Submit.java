package org.gawah.app;

import java.io.BufferedOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
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
import java.util.concurrent.CancellationException;

import org.gawah.Digests;
import org.gawah.Failure;
import org.gawah.GawahException;
import org.gawah.MessageIOException;
import org.gawah.bag.BagWriter;
import org.gawah.bag.Submission;
import org.gawah.custody.Action;
import org.gawah.custody.ChainCheck;
import org.gawah.custody.Entry;
import org.gawah.custody.EntrySigner;
import org.gawah.keys.Keyring;
import org.gawah.keys.Role;
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

/**
 * Submitting, as a plain operation that both faces call ({@code gawah submit} and the window's
 * records page): the documenter's sealed records, as the signed custody log vouches for them,
 * copied as they are into one submission bag (docs/format/submission-bag.md) with the whole log
 * and a signed tag manifest. The bag is written under a hidden name beside where it goes, listed
 * in the vault before a byte is written, and renamed into place only once its {@code submitted}
 * entry committed: a failure, a cancel or a killed process leaves no half-written bag where the
 * documenter looks (the next command in the home removes one a killed process left). Nothing here
 * prints; what was done comes back as a {@link Submitted}, a refusal as a GawahException.
 */
public final class Submit {
    /** Copies are counted in steps of this size at most, so that a cancel is heard within one. */
    private static final int STEP = 1 << 20;

    /**
     * What to submit and where: a file the documenter named ({@code gawah submit --out FILE}), or a
     * folder (a USB stick chosen in the window), where the bag is named by its id; all records, or
     * only those no earlier bag held ({@code since}); {@code organization} for bag-info.txt, or
     * null for the documenter key's user ID.
     */
    public record Request(Path out, Path folder, boolean since, String organization) {
        public static Request toFile(Path out, boolean since, String organization) {
            return new Request(out, null, since, organization);
        }

        public static Request intoFolder(Path folder, boolean since) {
            return new Request(null, folder, since, null);
        }

        /** The bag's file: the one named, or {@code BAG-ID.zip} in the folder (the name a kept partial bag gets too). */
        Path file(String bagId) {
            return out != null ? out : folder.resolve(bagId + ".zip");
        }
    }

    /** Unlocks the home's own key when the records are chosen and nothing is written yet: a prompt, or the window's key. */
    @FunctionalInterface
    public interface Unlock {
        SigningKey unlock(SecretKey own);
    }

    /** Told how far the bag is, on the working thread; asked whether to stop. */
    public interface Progress {
        /** Bytes of sealed records copied into the bag so far, of {@code total}. */
        void packing(long done, long total);

        /** Every record is in; the bag is being signed and logged, which cancel no longer stops. */
        default void signing() {
        }

        /** True to stop: the bag is then removed, nothing is logged, and a CancellationException ends the call. */
        default boolean cancelled() {
            return false;
        }
    }

    /**
     * What went: the bag's id and file, its records (ids), their attachments, its size; who can
     * open its testimonies, and who alone its witnesses' identity envelopes (as each ciphertext's
     * own session-key packets say, each a certificate known here).
     */
    public record Submitted(String bagId, Path file, List<String> records, int attachments, long bytes,
                            List<Sealed.Reader> readers, List<Sealed.Reader> identityReaders) {
        public Submitted {
            records = List.copyOf(records);
            readers = List.copyOf(readers);
            identityReaders = List.copyOf(identityReaders);
        }
    }

    private Submit() {
    }

    /**
     * Writes the bag {@code request} asks for from the home's vault. Refused before the key is
     * unlocked: a file that exists, a folder that does not, a record not logged, nothing to send,
     * a record sealed to a key no certificate here holds.
     */
    public static Submitted submit(Home home, Request request, Unlock unlock, Progress progress) {
        SecretKey own = home.keyring().requireOwnKey();
        String bagId = RecordId.randomBag();
        Path out = request.file(bagId).toAbsolutePath();
        if (Files.exists(out)) {
            throw new GawahException(Failure.OUTPUT_EXISTS, Messages.of("submit.output-exists", out),
                    Messages.of("submit.output-exists.hint"));
        }
        Path folder = out.getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new GawahException(Failure.MISSING_INPUT, Messages.of("submit.no-folder", folder));
        }
        // The id in the name tells, after a crash, whether this partial bag was logged.
        Path partial = PartialFiles.beside(out, bagId);
        try (Vault vault = home.vault()) {
            // What goes into the bag, and what each record is, comes from the signed log, never the tables.
            SignedVault signed = home.signed(vault);
            signed.refuseUnlogged();
            // The tokens the bag will carry, before a byte is written (and again as it is signed).
            signed.refuseUnloggedTokens(own.fingerprint());
            List<String> ids = request.since() ? signed.unsubmittedRecords() : signed.recordIds();
            if (ids.isEmpty()) {
                throw new GawahException(Failure.NOT_FOUND, request.since() ? Messages.of("submit.nothing-new")
                        : Messages.of("submit.vault-empty"));
            }
            Chosen chosen = new Chosen(knownCertificates(home.keyring(), own));
            for (String id : ids) {
                chosen.add(signed.record(id).orElseThrow());
            }
            SigningKey key = unlock.unlock(own);
            // Listed in the vault before a byte is written: if this process is killed, the next
            // command in this home removes the partial bag (or keeps it, once logged).
            try (PartialFiles.Writing writing = PartialFiles.create(home, vault, partial, PartialFiles.SUBMIT)) {
                try {
                    write(vault, chosen, signed.log().size(), bagId, request, partial, own, key, progress);
                } catch (IOException | RuntimeException e) {
                    // Once the submission is logged its bag is kept, whatever failed after the commit.
                    if (!home.signed(vault).submitted(bagId)) {
                        PartialFiles.discard(vault, writing, partial, e);
                    }
                    if (e instanceof IOException) {
                        throw new GawahException(Failure.MISSING_INPUT, Messages.of("output.cannot-write", out,
                                e.getMessage()), null, e);
                    }
                    throw (RuntimeException) e;
                }
                PartialFiles.moveIntoPlace(vault, writing, partial, out,
                        (file, why) -> Messages.of("submit.cannot-move", bagId, file, out, why), Messages.of("submit.cannot-move.hint"));
            }
            return new Submitted(bagId, out, ids, chosen.attachments(), size(out), Sealed.Reader.of(chosen.readers()),
                    Sealed.Reader.of(chosen.identityReaders()));
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1; // written, fsynced and renamed a moment ago: only its size is not known
        }
    }

    /** The records chosen for the bag, what records.jsonl will say of each, and every key they are sealed to. */
    private static final class Chosen {
        private final List<Certificate> known;
        final List<LoggedRecord> logged = new ArrayList<>();
        final List<Submission.RecordMeta> meta = new ArrayList<>();
        private final Map<String, Certificate> readers = new LinkedHashMap<>();
        private final Map<String, Certificate> identityReaders = new LinkedHashMap<>();

        Chosen(List<Certificate> known) {
            this.known = known;
        }

        /**
         * What records.jsonl says of a record, all from signed data: its time from its {@code sealed}
         * entry, its attachments as the log lists them, its recipients from its ciphertexts' own
         * session-key packets (the vault's list of them is a cache), each a certificate known here.
         */
        void add(LoggedRecord record) {
            logged.add(record);
            List<String> identity = record.identity() == null ? List.of()
                    : recipients(record.id(), record.identity(), identityReaders);
            meta.add(new Submission.RecordMeta(record.id(), record.sealedAt(),
                    recipients(record.id(), record.testimony(), readers), identity,
                    record.attachments().stream().map(StoredAttachment::id).toList()));
        }

        private List<String> recipients(String id, byte[] sealed, Map<String, Certificate> into) {
            SealedRecipients.Matched matched = SealedRecipients.of(sealed).match(known);
            if (!matched.unknown().isEmpty()) {
                throw new GawahException(Failure.NOT_READY, Messages.of("submit.unknown-recipient", id,
                        matched.unknown().get(0)), Messages.of("submit.unknown-recipient.hint"));
            }
            matched.certificates().forEach(c -> into.putIfAbsent(c.fingerprint(), c));
            return matched.certificates().stream().map(Certificate::fingerprint).sorted().toList();
        }

        long payloadBytes() {
            long total = 0;
            for (LoggedRecord record : logged) {
                total += record.testimony().length + (record.identity() == null ? 0 : record.identity().length);
                for (StoredAttachment attachment : record.attachments()) {
                    total += attachment.sealedSize();
                }
            }
            return total;
        }

        int attachments() {
            return logged.stream().mapToInt(r -> r.attachments().size()).sum();
        }

        List<Certificate> readers() {
            return List.copyOf(readers.values());
        }

        List<Certificate> identityReaders() {
            return List.copyOf(identityReaders.values());
        }
    }

    /**
     * Payload first, outside any transaction; then, holding the vault's write lock, the
     * {@code submitted} entry, the log and the signed tag files. The entry commits only once
     * the bag is complete and on disk, so no logged submission lacks its bag. {@code logHead}: the
     * log's length when the records were chosen; a record sealed since would come before this
     * bag's entry without being in it (and {@code --since} would then skip it): refused.
     */
    private static void write(Vault vault, Chosen chosen, long logHead, String bagId, Request request, Path partial,
                              SecretKey own, SigningKey key, Progress progress) throws IOException {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.WRITE);
             OutputStream file = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 20);
             BagWriter bag = new BagWriter(file, bagId)) {
            Counter counter = new Counter(progress, chosen.payloadBytes());
            for (LoggedRecord record : chosen.logged) {
                pack(vault, record, bag, counter);
            }
            progress.signing();
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
                        chosen.logged.stream().map(LoggedRecord::id).toList());
                String name = request.organization() != null ? request.organization() : own.certificate().userId();
                // Every token the log names travels with it, so the legal team can check each one;
                // each is the one its signed entry logged (the table is a cache).
                Map<String, byte[]> tokens = SignedVault.tokens(vault, own.fingerprint(), log);
                Submission.writeTags(bag, new Submission.Info(bagId, name, own.fingerprint(), now), chosen.meta, log,
                        tokens, own.certificate(), key);
                bag.finish();
                channel.force(true);
                write.commit();
            }
        }
    }

    private static void pack(Vault vault, LoggedRecord record, BagWriter bag, Counter counter) throws IOException {
        String id = record.id();
        copy(new java.io.ByteArrayInputStream(record.testimony()), bag, id + ".pgp", counter);
        if (record.identity() != null) {
            copy(new java.io.ByteArrayInputStream(record.identity()), bag, id + ".identity.pgp", counter);
        }
        for (StoredAttachment attachment : record.attachments()) {
            // The chunks must reach the SHA-256 the 'attached' entry logged, or the copy fails.
            try (InputStream in = vault.openAttachment(attachment)) {
                copy(in, bag, attachment.id() + ".pgp", counter);
            } catch (MessageIOException damaged) {
                // The vault's own words (a chunk missing, altered): tampering or damage, never a crash.
                throw new GawahException(Failure.BAD_DATA, damaged.message(), Messages.of("submit.damaged.hint"), damaged);
            }
        }
    }

    private static void copy(InputStream from, BagWriter bag, String name, Counter counter) throws IOException {
        try (InputStream in = counter.counting(from); OutputStream data = bag.payload(name)) {
            in.transferTo(data);
        }
    }

    /** Counts what is copied, tells the progress, and stops the copy when the progress says cancel. */
    private static final class Counter {
        private final Progress progress;
        private final long total;
        private long done;

        Counter(Progress progress, long total) {
            this.progress = progress;
            this.total = total;
            progress.packing(0, total);
        }

        InputStream counting(InputStream in) {
            return new FilterInputStream(in) {
                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    if (progress.cancelled()) {
                        throw new CancellationException();
                    }
                    int n = super.read(b, off, Math.min(len, STEP));
                    if (n > 0) {
                        done += n;
                        progress.packing(done, total);
                    }
                    return n;
                }
            };
        }
    }

    /** Every certificate a record here can have been sealed to: this home's own and every pinned one. */
    private static List<Certificate> knownCertificates(Keyring keyring, SecretKey own) {
        List<Certificate> known = new ArrayList<>();
        for (Role role : Role.values()) {
            known.addAll(keyring.pinned(role));
        }
        known.add(own.certificate());
        return known;
    }
}
