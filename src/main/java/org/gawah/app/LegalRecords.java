package org.gawah.app;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.gawah.Digests;
import org.gawah.Failure;
import org.gawah.GawahException;
import org.gawah.cases.Analysis;
import org.gawah.cases.LegalTags;
import org.gawah.custody.Entry;
import org.gawah.custody.EntrySigner;
import org.gawah.custody.OpenedList;
import org.gawah.custody.SignedLog;
import org.gawah.keys.Keyring;
import org.gawah.keys.Role;
import org.gawah.openpgp.Certificate;
import org.gawah.openpgp.Opened;
import org.gawah.openpgp.Opener;
import org.gawah.openpgp.SecretKey;
import org.gawah.openpgp.SigningKey;
import org.gawah.vault.LoggedRecord;
import org.gawah.vault.RecordWrite;
import org.gawah.vault.SignedVault;
import org.gawah.vault.StoredAttachment;
import org.gawah.vault.Vault;
import org.gawah.vault.VaultWrite;

/**
 * The legal team's view of every record in a home, opened in memory: each record as the signed
 * custody logs vouch for it ({@link SignedVault}), its testimony decrypted with the team's key,
 * its signer checked to be the documenter whose entry brought it ({@link Provenance}), and then,
 * before anything is handed back, one signed {@code opened} entry for all of them, naming the
 * list of what {@code gawah open RECORD-ID} would log one entry each for (each record's id and
 * its ciphertext's SHA-256; docs/format/custody-log.md, "Many openings in one entry"), entry and
 * list in one transaction. Nothing else is written. The identity envelope is not opened.
 *
 * <p>Speed, for a vault of thousands: the records and their attachments are read with two
 * queries, the custody entries about each record are gathered in one pass over the logs, and the
 * records are decrypted on every processor (each thread with its own copy of the signers'
 * certificates). Memory: the ciphertexts while they are opened, then about twice each
 * testimony's size a record ({@link OpenedRecord}); a vault whose records would not fit in what
 * the heap has left is refused before any is opened, rather than failing half way.
 */
public final class LegalRecords {
    /**
     * Heap to keep free for each byte of sealed testimony, the ciphertexts already read: a record
     * opened keeps about 2.2 times its sealed size (bench/README.md, "The legal team's records"),
     * and opening makes garbage besides.
     */
    static final int HEAP_PER_SEALED_BYTE = 3;

    /** Told after each record is opened: how many are done, of how many. Called on the working threads. */
    @FunctionalInterface
    public interface Progress {
        void opened(int done, int of);
    }

    private LegalRecords() {
    }

    /**
     * Opens every record of the home in {@code home} with {@code own}, whose secret parts the
     * caller unlocked (the unlock that made {@code signer} did: see {@link SecretKey#unlockForSigning});
     * {@code signer} signs the {@code opened} entries. A record that fails a check stops the
     * whole reading, as {@code gawah open} stops, and nothing is logged.
     */
    public static List<OpenedRecord> openAll(Path dir, SecretKey own, SigningKey signer, Progress progress) {
        // The home as every command opens it: the keyring held to the signed log, what a killed
        // command left settled (what it did to such files is not shown on this page yet), owed
        // key entries written first.
        Home home = new Home(dir, settled -> { });
        Keyring keyring = home.keyring();
        List<Certificate> signers = new ArrayList<>(keyring.pinned(Role.DOCUMENTER));
        signers.add(own.certificate());
        try (Vault vault = home.vault()) {
            SignedVault signed = SignedVault.read(vault, own.certificate(), keyring.pinned(Role.DOCUMENTER));
            List<LoggedRecord> records = signed.records();
            requireRoom(records);
            Map<String, List<String>> cases = casesByRecord(signed);
            Map<String, List<String>> tags = tagsByRecord(signed, new Team(keyring, own), cases);
            String[] digests = new String[records.size()];
            List<OpenedRecord> opened = openEach(records, own, signers, cases, tags, digests, progress);
            // Logged before anything is shown: no plaintext leaves the vault unrecorded.
            logOpened(vault, signer, records, digests);
            return opened;
        }
    }

    /** Where the signed log files a record: its cases, and the Rome Statute tags of their latest analyses. */
    public record Filed(List<String> cases, List<String> tags) {
    }

    /**
     * Every record's cases and tags as the signed log says now, without opening a testimony (only
     * the team's own analyses, as {@link #openAll} reads them): for a table whose cases changed
     * after its records were opened. Records in no case are not in the map.
     */
    public static Map<String, Filed> filing(Path dir, SecretKey own) {
        Home home = new Home(dir, settled -> { });
        Keyring keyring = home.keyring();
        try (Vault vault = home.vault()) {
            SignedVault signed = SignedVault.read(vault, own.certificate(), keyring.pinned(Role.DOCUMENTER));
            Map<String, List<String>> cases = casesByRecord(signed);
            Map<String, List<String>> tags = tagsByRecord(signed, new Team(keyring, own), cases);
            Map<String, Filed> filed = new HashMap<>();
            cases.forEach((record, in) -> filed.put(record, new Filed(List.copyOf(in), tags.getOrDefault(record, List.of()))));
            return filed;
        }
    }

    /** Refuses, before any record is opened, a vault whose records would not fit in the heap left. */
    private static void requireRoom(List<LoggedRecord> records) {
        long sealed = 0;
        for (LoggedRecord record : records) {
            sealed += record.testimony().length;
        }
        Runtime runtime = Runtime.getRuntime();
        long free = runtime.maxMemory() - (runtime.totalMemory() - runtime.freeMemory());
        long needed = sealed * HEAP_PER_SEALED_BYTE;
        if (needed > free) {
            long mib = 1 << 20;
            throw new GawahException(Failure.NOT_READY, Messages.of("records.too-many", records.size(), needed / mib,
                    runtime.maxMemory() / mib), Messages.of("records.too-many.hint", (runtime.maxMemory() + needed) / mib + 256));
        }
    }

    /**
     * Each record opened, in the vault's order: the first here (so that whatever the key caches
     * is in place before threads share it), the rest on every processor. The first failure stops
     * every thread and is thrown. {@code digests} gets each testimony's ciphertext SHA-256, for
     * the opening list, hashed on the same threads.
     */
    private static List<OpenedRecord> openEach(List<LoggedRecord> records, SecretKey own, List<Certificate> signers,
                                               Map<String, List<String>> cases, Map<String, List<String>> tags,
                                               String[] digests, Progress progress) {
        OpenedRecord[] opened = new OpenedRecord[records.size()];
        if (records.isEmpty()) {
            return List.of();
        }
        AtomicInteger done = new AtomicInteger();
        AtomicInteger next = new AtomicInteger(1);
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        opened[0] = open(records.get(0), own, signers, cases, tags);
        digests[0] = Digests.sha256(records.get(0).testimony());
        progress.opened(done.incrementAndGet(), records.size());
        Runnable worker = () -> {
            List<Certificate> mine = copies(signers);
            for (int i = next.getAndIncrement(); i < records.size() && failure.get() == null; i = next.getAndIncrement()) {
                try {
                    opened[i] = open(records.get(i), own, mine, cases, tags);
                    digests[i] = Digests.sha256(records.get(i).testimony());
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, e);
                    return;
                }
                progress.opened(done.incrementAndGet(), records.size());
            }
        };
        int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), records.size() - 1));
        List<Thread> running = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread thread = new Thread(worker, "gawah-opening-" + t);
            thread.setDaemon(true);
            thread.start();
            running.add(thread);
        }
        try {
            for (Thread thread : running) {
                thread.join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure.compareAndSet(null, new GawahException(Failure.NOT_READY, Messages.of("records.interrupted")));
            running.forEach(Thread::interrupt);
        }
        if (failure.get() != null) {
            Arrays.stream(opened).filter(r -> r != null).forEach(OpenedRecord::wipe);
            throw failure.get();
        }
        return List.of(opened);
    }

    /** The signers' certificates parsed again, for a thread of its own: nothing of Bouncy Castle's is shared between threads but the unlocked key. */
    private static List<Certificate> copies(List<Certificate> signers) {
        List<Certificate> copies = new ArrayList<>();
        signers.forEach(c -> copies.add(Certificate.parse(c.encoded())));
        return copies;
    }

    private static OpenedRecord open(LoggedRecord record, SecretKey own, List<Certificate> signers, Map<String, List<String>> cases,
                                     Map<String, List<String>> tags) {
        Opened opened = Opener.open(record.testimony(), own, LegalRecords::locked, signers);
        boolean kept = false;
        try {
            Provenance.requireBroughtBy(record, record.id(), opened);
            OpenedRecord read = new OpenedRecord(record.id(), record.sealedAt(), opened.signerFingerprint(), opened.signerUserId(),
                    opened.signedAt(), record.attachments().size(), cases.getOrDefault(record.id(), List.of()),
                    tags.getOrDefault(record.id(), List.of()), Provenance.otherClaims(record, opened), opened.content());
            kept = true;
            return read;
        } catch (java.io.IOException e) {
            throw new GawahException(Failure.BAD_DATA, Messages.of("records.not-testimony", record.id()));
        } finally {
            if (!kept) {
                opened.wipe();
            }
        }
    }

    /** The key is unlocked before: a prompt here would be a second unlock the window never asks for. */
    static char[] locked(String fingerprint) {
        throw new GawahException(Failure.NOT_READY, Messages.of("records.key-locked", fingerprint));
    }

    /** Which cases the vault's signed log puts each record in (never the table of members beside it). */
    private static Map<String, List<String>> casesByRecord(SignedVault signed) {
        Map<String, List<String>> cases = new LinkedHashMap<>();
        signed.cases().forEach(c -> signed.contents(c.id()).records()
                .forEach(record -> cases.computeIfAbsent(record, r -> new ArrayList<>()).add(c.id())));
        return cases;
    }

    /**
     * The Rome Statute tags of each record's latest analysis in each of its cases, from the
     * analyses the signed log names (opened with the team's key; reading the team's own analyses
     * is not logged, as {@code gawah case show} does not log it), once each in the Statute's order.
     */
    private static Map<String, List<String>> tagsByRecord(SignedVault signed, Team team, Map<String, List<String>> cases) {
        Map<String, TreeSet<Integer>> found = new HashMap<>();
        List<String> statute = LegalTags.shipped().tags();
        new TreeSet<>(cases.values().stream().flatMap(List::stream).toList()).forEach(caseId -> {
            for (Map.Entry<String, Analysis> analysis : team.openAnalyses(signed, caseId, LegalRecords::locked).entrySet()) {
                for (String tag : analysis.getValue().legalQualification()) {
                    found.computeIfAbsent(analysis.getKey(), r -> new TreeSet<>()).add(statute.indexOf(tag));
                }
            }
        });
        Map<String, List<String>> tags = new HashMap<>();
        found.forEach((record, places) -> tags.put(record, places.stream().map(statute::get).toList()));
        return tags;
    }

    /**
     * The entries of every signed log about the record {@code id}, its identity envelope and its
     * attachments, log by log (the vault's own first, then those received), each in its order:
     * what the reader shows beside a testimony, read when it shows it (the logs checked as every
     * command checks them), not kept for every record opened.
     */
    public static List<Entry> custody(Path dir, SecretKey own, String id) {
        Home home = new Home(dir, settled -> { });
        Keyring keyring = home.keyring();
        try (Vault vault = home.vault()) {
            SignedVault signed = SignedVault.read(vault, own.certificate(), keyring.pinned(Role.DOCUMENTER));
            LoggedRecord record = signed.record(id)
                    .orElseThrow(() -> new GawahException(Failure.BAD_DATA, Messages.of("records.no-record", id)));
            java.util.Set<String> subjects = new java.util.HashSet<>();
            subjects.add(record.id());
            subjects.add(RecordWrite.identitySubject(record.id()));
            for (StoredAttachment attachment : record.attachments()) {
                subjects.add(attachment.id());
            }
            List<SignedLog> logs = new ArrayList<>();
            logs.add(signed.log());
            logs.addAll(signed.received().values());
            List<Entry> entries = new ArrayList<>();
            Map<String, Boolean> listsNaming = new HashMap<>();
            for (SignedLog log : logs) {
                for (Entry.Signed entry : log.entries()) {
                    if (subjects.contains(entry.entry().subject()) || (OpenedList.isOpening(entry.entry())
                            && listsNaming.computeIfAbsent(entry.entry().subjectSha256(),
                                    digest -> names(vault, entry.entry(), subjects)))) {
                        entries.add(entry.entry());
                    }
                }
            }
            return entries;
        }
    }

    /**
     * Whether the list an entry of many openings names holds one of {@code subjects}; a list not
     * kept as logged is refused. The bytes hash to the signed digest ({@link Vault#openedList}), so
     * they are the list as signed, and a line ends "two spaces, subject, line feed" (no subject holds
     * a space): a search of the bytes, not a parse, since the reader does this for every distinct
     * list of the log each time it shows a record (the whole form is verify --vault's to check).
     */
    private static boolean names(Vault vault, Entry entry, java.util.Set<String> subjects) {
        String list = new String(vault.openedList(entry.subjectSha256()).orElseThrow(() -> new GawahException(Failure.BAD_DATA,
                Messages.of("records.opened-list-missing", entry.seq(), entry.subject()),
                Messages.of("records.opened-list-missing.hint"))), java.nio.charset.StandardCharsets.ISO_8859_1);
        return subjects.stream().anyMatch(subject -> list.contains("  " + subject + "\n"));
    }

    /**
     * One {@code opened} entry for every record opened, naming the list of them (each record's id
     * and its ciphertext's SHA-256, what {@code gawah open} logs one entry a record for), the list
     * kept beside it in the same transaction (docs/format/custody-log.md, "Many openings in one entry").
     */
    private static void logOpened(Vault vault, SigningKey signer, List<LoggedRecord> records, String[] digests) {
        if (records.isEmpty()) {
            return;
        }
        Map<String, String> items = new HashMap<>();
        for (int i = 0; i < records.size(); i++) {
            items.put(records.get(i).id(), digests[i]);
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        try (VaultWrite write = vault.begin()) {
            CustodyLog.appendOpening(write, OpenedList.RECORDS_VIEW, items, now, new EntrySigner(signer));
            write.commit();
        }
    }
}
