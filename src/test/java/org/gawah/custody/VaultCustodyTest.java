package org.gawah.custody;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.gawah.Digests;
import org.gawah.Failure;
import org.gawah.GawahException;
import org.gawah.keys.Keyring;
import org.gawah.openpgp.DetachedSignature;
import org.gawah.openpgp.SigningKey;
import org.gawah.testsupport.Gawah.Result;
import org.gawah.testsupport.Homes;
import org.gawah.testsupport.TestEngine;
import org.gawah.vault.Vault;
import org.gawah.vault.VaultTamper;
import org.gawah.vault.VaultWrite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The documenter's custody log as the commands write it, and what {@code verify --vault} says
 * when someone with the vault (the SQLite file; on a team vault, the owner's account with the
 * triggers disabled) edits, deletes or reorders a row. On both engines.
 */
@ParameterizedClass
@EnumSource(TestEngine.class)
class VaultCustodyTest {
    @Parameter
    TestEngine engine;

    @TempDir
    static Path base;
    static Homes homes;
    static String first;
    static String second;

    @BeforeParameterizedClassInvocation
    static void sealTwoRecords(TestEngine engine) {
        homes = engine.homes(base.resolve(engine.name()));
        first = homes.record();
        second = homes.record();
    }

    /** Entries: 1 the own key (keys generate), 2-3 key imports (legal, protection), 4-5 first record (testimony, identity), 6-7 second. */
    @Test
    void everyActionIsLoggedInOrderAndTheChainVerifies() {
        List<String> lines = homes.gawah.in(homes.documenter, "log", "--jsonl").ok().out().lines().toList();
        assertEquals(7, lines.size());
        List<Entry> entries = lines.stream().map(l -> Entry.parseLine(l).entry()).toList();
        assertEquals(List.of(Action.KEY_IMPORTED, Action.KEY_IMPORTED, Action.KEY_IMPORTED, Action.SEALED, Action.SEALED, Action.SEALED,
                Action.SEALED), entries.stream().map(Entry::action).toList());
        assertEquals(homes.documenterFingerprint + "/own", entries.get(0).subject());
        assertEquals(homes.legalFingerprint + "/legal", entries.get(1).subject());
        assertEquals(homes.legalFingerprint + "/protection", entries.get(2).subject());
        assertEquals(first, entries.get(3).subject());
        assertEquals(first + "/identity", entries.get(4).subject());
        assertEquals(Entry.GENESIS, entries.get(0).prevSha256());
        for (int i = 1; i < entries.size(); i++) {
            assertEquals(entries.get(i - 1).sha256(), entries.get(i).prevSha256());
            assertEquals(homes.documenterFingerprint, entries.get(i).actor());
        }
        String report = homes.gawah.in(homes.documenter, "verify", "--vault", "--no-entry").ok().out();
        assertTrue(report.contains("7 custody entries"), report);
        assertTrue(report.contains("2 records"), report);
    }

    @Test
    void verifyAppendsASignedVerifiedEntry(@TempDir Path dir) {
        Path home = copyOfDocumenter(dir);
        homes.gawah.in(home, "verify", "--vault").ok();
        List<String> lines = homes.gawah.in(home, "log", "--jsonl").ok().out().lines().toList();
        Entry last = Entry.parseLine(lines.get(lines.size() - 1)).entry();
        assertEquals(Action.VERIFIED, last.action());
        assertEquals(last.prevSha256(), last.subjectSha256());
        homes.gawah.in(home, "verify", "--vault", "--no-entry").ok();
    }

    @Test
    void anEditedEntryIsNamed(@TempDir Path dir) throws Exception {
        Path home = copyOfDocumenter(dir);
        VaultTamper.editEntry(home, 5, "\"action\":\"sealed\"", "\"action\":\"opened\"");
        assertBroken(home, "entry 5", "does not carry a good signature");
    }

    @Test
    void anEditThatBreaksTheCanonicalFormIsNamed(@TempDir Path dir) throws Exception {
        Path home = copyOfDocumenter(dir);
        VaultTamper.editEntry(home, 2, ",", ", ");
        assertBroken(home, "entry 2", "edited");
    }

    @Test
    void aDeletedEntryIsNamed(@TempDir Path dir) throws Exception {
        Path home = copyOfDocumenter(dir);
        VaultTamper.sql(home, "DELETE FROM custody_log WHERE seq = 3");
        assertBroken(home, "entry 3", "missing");
    }

    @Test
    void reorderedEntriesAreNamed(@TempDir Path dir) throws Exception {
        Path home = copyOfDocumenter(dir);
        VaultTamper.sql(home, "UPDATE custody_log SET seq = -seq WHERE seq IN (3, 4)",
                "UPDATE custody_log SET seq = 4 WHERE seq = -3", "UPDATE custody_log SET seq = 3 WHERE seq = -4");
        assertBroken(home, "entry 3", "reordered");
    }

    @Test
    void renumberedEntriesAreNamed(@TempDir Path dir) throws Exception {
        // Swap the rows and rewrite their seq fields too: the signatures no longer match.
        Path home = copyOfDocumenter(dir);
        VaultTamper.sql(home, "UPDATE custody_log SET seq = -seq WHERE seq IN (5, 6)",
                "UPDATE custody_log SET seq = 6 WHERE seq = -5", "UPDATE custody_log SET seq = 5 WHERE seq = -6");
        VaultTamper.editEntry(home, 5, "\"seq\":6", "\"seq\":5");
        VaultTamper.editEntry(home, 6, "\"seq\":5", "\"seq\":6");
        assertBroken(home, "entry 5", "signature");
    }

    @Test
    void aSignatureMovedFromAnotherEntryIsNamed(@TempDir Path dir) throws Exception {
        Path home = copyOfDocumenter(dir);
        VaultTamper.sql(home, "UPDATE custody_log SET signature = (SELECT signature FROM custody_log WHERE seq = 5) WHERE seq = 2");
        assertBroken(home, "entry 2", "signature");
    }

    @Test
    void anEntryAppendedByAnotherKeyIsNamed(@TempDir Path dir) throws Exception {
        // A well-formed 8th entry, chained correctly, signed by the legal team's key as itself.
        Path home = copyOfDocumenter(dir);
        SigningKey legal = legalKey();
        appendForged(home, legal, legal.fingerprint());
        assertBroken(home, "entry 8", "not known here");
    }

    @Test
    void anEntryForgedInTheDocumentersNameIsNamed(@TempDir Path dir) throws Exception {
        // The same, claiming the documenter as actor: the signature is not the documenter's.
        Path home = copyOfDocumenter(dir);
        appendForged(home, legalKey(), homes.documenterFingerprint);
        assertBroken(home, "entry 8", "does not carry a good signature by its actor");
    }

    @Test
    void anEntryMadeBeforehandIsNeverChainedOntoATailWhoseSignatureFails(@TempDir Path dir) throws Exception {
        // timestamp makes its entry before asking the authorities, then appends it if it still follows the head:
        // that head is checked as every append checks it, so a signature moved onto it stops the append.
        Path home = copyOfDocumenter(dir);
        SigningKey key = new Keyring(home.resolve("keys")).requireOwnKey()
                .unlockForSigning(Homes.PASSPHRASE.toCharArray(), Instant.now());
        byte[] last = VaultTamper.bytes(home, "SELECT entry FROM custody_log WHERE seq = 7");
        Entry next = new Entry(8, Instant.now(), key.fingerprint(), Action.TIMESTAMPED, "GWT-0000-0000-0000-0000",
                "ab".repeat(32), Digests.sha256(last));
        VaultTamper.sql(home, "UPDATE custody_log SET signature = (SELECT signature FROM custody_log WHERE seq = 6) WHERE seq = 7");
        try (Vault vault = Vault.openHome(home);
             VaultWrite write = vault.begin()) {
            GawahException refused = assertThrows(GawahException.class,
                    () -> write.appendIfNext(next, new EntrySigner(key)));
            assertEquals(Failure.BAD_DATA, refused.failure());
            assertTrue(refused.getMessage().contains("entry 7") && refused.getMessage().contains("signature"),
                    refused.getMessage());
        }
        assertEquals(7, VaultTamper.number(home, "SELECT max(seq) FROM custody_log"), "nothing appended");
    }

    private static SigningKey legalKey() {
        return new Keyring(homes.legal.resolve("keys")).requireOwnKey()
                .unlockForSigning(Homes.PASSPHRASE.toCharArray(), Instant.now());
    }

    private static void appendForged(Path home, SigningKey key, String actor) throws Exception {
        byte[] last = VaultTamper.bytes(home, "SELECT entry FROM custody_log WHERE seq = 7");
        Entry forged = new Entry(8, Instant.now(), actor, Action.SEALED, "GWH-0000-0000-0000-0000", "ab".repeat(32),
                Digests.sha256(last));
        byte[] signature = DetachedSignature.sign(key, forged.canonical(), forged.time());
        VaultTamper.insertEntry(home, 8, forged.canonical(), signature);
    }

    @Test
    void aReplacedCiphertextIsNamed(@TempDir Path dir) throws Exception {
        // Swap the two records' testimonies, with their stored SHA-256s: only the log can tell.
        Path home = copyOfDocumenter(dir);
        VaultTamper.sql(home, "UPDATE records SET testimony = (SELECT testimony FROM records r WHERE r.id = '" + second + "'),"
                + " testimony_sha256 = (SELECT testimony_sha256 FROM records r WHERE r.id = '" + second + "')"
                + " WHERE id = '" + first + "'");
        Result result = homes.gawah.in(home, "verify", "--vault", "--no-entry");
        assertEquals(Failure.BAD_DATA.exitCode(), result.code(), result.stderr());
        assertTrue(result.stderr().contains("record " + first + " is not the ciphertext its custody entry logged"), result.stderr());
    }

    @Test
    void aRecordDeletedBehindTheLogIsNamed(@TempDir Path dir) throws Exception {
        Path home = copyOfDocumenter(dir);
        VaultTamper.sql(home, "DELETE FROM record_recipients WHERE record_id = '" + second + "'",
                "DELETE FROM records WHERE id = '" + second + "'");
        Result result = homes.gawah.in(home, "verify", "--vault", "--no-entry");
        assertEquals(Failure.BAD_DATA.exitCode(), result.code(), result.stderr());
        assertTrue(result.stderr().contains(second) && result.stderr().contains("deleted"), result.stderr());
    }

    private static void assertBroken(Path home, String entry, String reason) {
        Result result = homes.gawah.in(home, "verify", "--vault", "--no-entry");
        assertEquals(Failure.BAD_DATA.exitCode(), result.code(), result.stderr());
        assertTrue(result.stderr().contains("custody log is broken at " + entry + ":"), result.stderr());
        assertTrue(result.stderr().contains(reason), result.stderr());
        assertTrue(result.out().isEmpty() || !result.out().contains("vault intact"), result.out());
    }

    private static Path copyOfDocumenter(Path dir) {
        Path home = dir.resolve("home");
        Homes.copy(homes.documenter, home);
        return home;
    }
}
