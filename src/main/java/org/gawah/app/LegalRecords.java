package org.gawah.app;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.gawah.Digests;
import org.gawah.Failure;
import org.gawah.GawahException;
import org.gawah.custody.Action;
import org.gawah.custody.Entry;
import org.gawah.custody.EntrySigner;
import org.gawah.custody.SignedLog;
import org.gawah.keys.Keyring;
import org.gawah.keys.Role;
import org.gawah.names.Folding;
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
 * before anything is handed back, one {@code opened} entry per record, exactly the entry
 * {@code gawah open RECORD-ID} appends (the record's id, its ciphertext's SHA-256), all in one
 * transaction. Nothing is written but those entries. The identity envelope is not opened.
 */
public final class LegalRecords {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Told after each record is opened: how many are done, of how many. Called on the working thread. */
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
        List<OpenedRecord> opened = new ArrayList<>();
        try (Vault vault = home.vault()) {
            SignedVault signed = SignedVault.read(vault, own.certificate(), keyring.pinned(Role.DOCUMENTER));
            signed.refuseUnlogged();
            Map<String, List<String>> cases = casesByRecord(signed);
            List<String> ids = signed.recordIds();
            List<LoggedRecord> logged = new ArrayList<>();
            for (String id : ids) {
                LoggedRecord record = signed.record(id).orElseThrow();
                opened.add(open(record, signed, own, signers, cases.getOrDefault(id, List.of())));
                logged.add(record);
                progress.opened(opened.size(), ids.size());
            }
            // Logged before anything is shown: no plaintext leaves the vault unrecorded.
            logOpened(vault, signer, logged);
        }
        return opened;
    }

    private static OpenedRecord open(LoggedRecord record, SignedVault signed, SecretKey own, List<Certificate> signers,
                                     List<String> cases) {
        Opened opened = Opener.open(record.testimony(), own, LegalRecords::locked, signers);
        try {
            Provenance.requireBroughtBy(record, record.id(), opened);
            JsonNode testimony = JSON.readTree(opened.content());
            return new OpenedRecord(record.id(), record.sealedAt(), opened.signerFingerprint(), opened.signerUserId(),
                    opened.signedAt(), record.attachments().size(), cases, testimony, folded(testimony),
                    custody(signed, record), Provenance.otherClaims(record, opened));
        } catch (java.io.IOException e) {
            throw new GawahException(Failure.BAD_DATA, Messages.of("records.not-testimony", record.id()));
        } finally {
            opened.wipe();
        }
    }

    /** The key is unlocked before: a prompt here would be a second unlock the window never asks for. */
    private static char[] locked(String fingerprint) {
        throw new GawahException(Failure.NOT_READY, Messages.of("records.key-locked", fingerprint));
    }

    /** Every text of the testimony, each folded as redaction folds, one per line (a search never spans two). */
    static String folded(JsonNode testimony) {
        StringBuilder all = new StringBuilder();
        collectTexts(testimony, all);
        return Folding.fold(all.toString());
    }

    private static void collectTexts(JsonNode node, StringBuilder into) {
        if (node.isTextual()) {
            into.append(node.asText()).append('\n');
        } else if (node.isContainerNode()) {
            node.forEach(child -> collectTexts(child, into));
        }
    }

    /** Which cases the vault's signed log puts each record in (never the table of members beside it). */
    private static Map<String, List<String>> casesByRecord(SignedVault signed) {
        Map<String, List<String>> cases = new LinkedHashMap<>();
        signed.cases().forEach(c -> signed.contents(c.id()).records()
                .forEach(record -> cases.computeIfAbsent(record, r -> new ArrayList<>()).add(c.id())));
        return cases;
    }

    /** The entries of every signed log about the record, its identity envelope and its attachments. */
    static List<Entry> custody(SignedVault signed, LoggedRecord record) {
        Set<String> subjects = new HashSet<>();
        subjects.add(record.id());
        subjects.add(RecordWrite.identitySubject(record.id()));
        for (StoredAttachment attachment : record.attachments()) {
            subjects.add(attachment.id());
        }
        List<Entry> entries = new ArrayList<>();
        List<SignedLog> logs = new ArrayList<>();
        logs.add(signed.log());
        logs.addAll(signed.received().values());
        for (SignedLog log : logs) {
            for (Entry.Signed entry : log.entries()) {
                if (subjects.contains(entry.entry().subject())) {
                    entries.add(entry.entry());
                }
            }
        }
        return entries;
    }

    /** One {@code opened} entry per record, as {@code gawah open} appends it, in one transaction. */
    private static void logOpened(Vault vault, SigningKey signer, List<LoggedRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        EntrySigner entries = new EntrySigner(signer);
        try (VaultWrite write = vault.begin()) {
            for (LoggedRecord record : records) {
                write.append(Action.OPENED, record.id(), Digests.sha256(record.testimony()), now, entries);
            }
            write.commit();
        }
    }
}
