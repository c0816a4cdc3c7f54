package org.gawah.team;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.gawah.custody.Action;
import org.gawah.custody.Entry;
import org.gawah.testsupport.Gawah;
import org.gawah.testsupport.Homes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * How a second analyst's key comes to sign a shared vault's log (here one vault file two homes
 * name, in-process): it signs nothing until an analyst already admitted admits it, by a signed
 * {@code analyst_added} entry; {@code vault admit} refuses what it cannot vouch for and writes
 * nothing then; the certificates the vault keeps are held to their entries.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AnalystAdmissionTest {
    @TempDir
    static Path base;
    final Gawah gawah = new Gawah(Homes.PASSPHRASE);
    Path shared;
    Path first;
    Path second;
    String firstKey;
    String secondKey;
    Path secondCertificate;
    String generated;

    @BeforeAll
    void aSharedVaultFileAFirstAnalystAndANewOne() throws Exception {
        shared = Files.createDirectories(base.resolve("shared")).resolve("team.db");
        first = base.resolve("first");
        second = base.resolve("second");
        gawah.in(first, "init", "--vault", shared.toString()).ok();
        firstKey = gawah.in(first, "keys", "generate", "--name", "Amina").ok().out().strip();
        gawah.in(second, "init", "--vault", shared.toString()).ok();
        Gawah.Result made = gawah.in(second, "keys", "generate", "--name", "Nadia").ok();
        secondKey = made.out().strip();
        generated = made.stderr();
        secondCertificate = base.resolve("nadia.asc");
        gawah.in(second, "keys", "export", "--out", secondCertificate.toString()).ok();
    }

    @Order(1)
    @Test
    void aNewAnalystsKeySignsNothingUntilAnAdmittedAnalystAdmitsIt() throws Exception {
        assertTrue(generated.contains("this key signs nothing until one of them admits it"), generated);
        assertEquals(List.of(firstKey + "/own"), subjects(), "the new key was kept, not logged");
        assertTrue(Files.exists(second.resolve("keys/secret/" + secondKey + ".asc")));
        Gawah.Result refused = gawah.caseCreate(second, "Detentions at the checkpoint");
        assertEquals(41, refused.code(), refused.stderr());
        assertTrue(refused.stderr().contains("is not a key this vault's custody log admits (entry 1 was signed by " + firstKey),
                refused.stderr());
        assertTrue(refused.stderr().contains("gawah vault admit me.asc"), refused.stderr());
        assertEquals(List.of(firstKey + "/own"), subjects(), "nothing written");
    }

    @Order(2)
    @Test
    void admitRefusesWhatItCannotVouchForAndWritesNothing() throws Exception {
        Gawah.Result wrong = admit(first, secondCertificate.toString(), "--fingerprint", firstKey);
        assertEquals(17, wrong.code(), wrong.stderr());
        assertTrue(wrong.stderr().contains("the certificate is " + secondKey + ", not " + firstKey), wrong.stderr());
        Path two = base.resolve("two.asc");
        Path firstCertificate = base.resolve("amina.asc");
        gawah.in(first, "keys", "export", "--out", firstCertificate.toString()).ok();
        Files.writeString(two, Files.readString(secondCertificate) + Files.readString(firstCertificate));
        Gawah.Result several = admit(first, two.toString());
        assertEquals(17, several.code(), several.stderr());
        assertTrue(several.stderr().contains("holds 2 certificates"), several.stderr());
        Gawah.Result own = admit(first, firstCertificate.toString());
        assertEquals(2, own.code(), own.stderr());
        assertTrue(own.stderr().contains("this home's own key"), own.stderr());
        Path alone = base.resolve("alone");
        gawah.in(alone, "init").ok();
        gawah.in(alone, "keys", "generate", "--name", "On a workstation").ok();
        Gawah.Result workstation = admit(alone, secondCertificate.toString());
        assertEquals(78, workstation.code(), workstation.stderr());
        assertTrue(workstation.stderr().contains("this home keeps a vault of its own"), workstation.stderr());
        // The new analyst cannot admit itself either: its key is not one the log admits.
        Gawah.Result itself = admit(second, firstCertificate.toString());
        assertEquals(41, itself.code(), itself.stderr());
        assertEquals(List.of(firstKey + "/own"), subjects(), "nothing written");
        assertEquals(0, rows("analysts"));
    }

    @Order(3)
    @Test
    void theFirstAdmissionLogsTheFirstAnalystsOwnCertificateThenTheNewOne() throws Exception {
        Gawah.Result admitted = admit(first, secondCertificate.toString(), "--fingerprint", secondKey.substring(0, 20) + " "
                + secondKey.substring(20));
        admitted.ok();
        assertEquals(secondKey + "\n", admitted.out());
        assertTrue(admitted.stderr().contains("analyst to admit: Nadia"), admitted.stderr());
        assertTrue(admitted.stderr().contains("admitted to " + shared + " at custody entry 3"), admitted.stderr());
        List<Entry> log = entries();
        assertEquals(List.of(Action.KEY_IMPORTED, Action.ANALYST_ADDED, Action.ANALYST_ADDED),
                log.stream().map(Entry::action).toList());
        assertEquals(List.of(firstKey, firstKey, firstKey), log.stream().map(Entry::actor).toList());
        assertEquals(List.of(firstKey + "/own", firstKey, secondKey), log.stream().map(Entry::subject).toList());
        assertEquals(2, rows("analysts"));
        // The new analyst's first signature binds its own key, then its entry follows, in the one chain.
        gawah.in(second, "verify", "--vault").ok();
        log = entries();
        assertEquals(List.of(secondKey + "/own", "vault"), log.subList(3, 5).stream().map(Entry::subject).toList());
        assertEquals(List.of(secondKey, secondKey), log.subList(3, 5).stream().map(Entry::actor).toList());
        assertEquals(log.get(2).sha256(), log.get(3).prevSha256());
        gawah.in(first, "verify", "--vault", "--no-entry").ok();
        Gawah.Result again = admit(first, secondCertificate.toString());
        again.ok();
        assertTrue(again.stderr().contains("admitted to " + shared + " already: nothing written"), again.stderr());
        assertEquals(5, entries().size());
    }

    @Order(4)
    @Test
    void aCertificateTheVaultKeepsForAnAnalystIsHeldToItsEntry() throws Exception {
        // On copies: the shared vault stays whole for the other tests.
        Path copyVault = base.resolve("copy").resolve("team.db");
        Files.createDirectories(copyVault.getParent());
        Files.copy(shared, copyVault);
        Path copyHome = base.resolve("second-copy");
        Homes.copy(second, copyHome);
        Files.writeString(copyHome.resolve("vault.url"), copyVault + "\n");
        gawah.in(copyHome, "verify", "--vault", "--no-entry").ok();
        byte[] other = Files.readAllBytes(base.resolve("amina.asc"));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + copyVault)) {
            // The first analyst's certificate, replaced by the armoured bytes of the same key: not what its entry logged.
            try (var update = c.prepareStatement("UPDATE analysts SET certificate = ? WHERE fingerprint = ?")) {
                update.setBytes(1, other);
                update.setString(2, firstKey);
                assertEquals(1, update.executeUpdate());
            }
        }
        Gawah.Result replaced = gawah.in(copyHome, "verify", "--vault", "--no-entry");
        assertEquals(41, replaced.code(), replaced.stderr());
        assertTrue(replaced.stderr().contains("is broken at entry 1: it is signed by analyst " + firstKey
                + ", whose certificate the vault does not keep as its analyst_added entry logged it"), replaced.stderr());
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + copyVault); Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM analysts WHERE fingerprint = '" + firstKey + "'");
        }
        // The first analyst's own home checks its entries with its own key: the audit of the table names the row.
        Path firstCopy = base.resolve("first-copy");
        Homes.copy(first, firstCopy);
        Files.writeString(firstCopy.resolve("vault.url"), copyVault + "\n");
        Gawah.Result deleted = gawah.in(firstCopy, "verify", "--vault", "--no-entry");
        assertEquals(41, deleted.code(), deleted.stderr());
        assertTrue(deleted.stderr().contains("analyst " + firstKey + " was admitted at entry 2, but the vault no longer keeps"
                + " that certificate"), deleted.stderr());
        // A case is sealed to every admitted analyst: with one's certificate gone, none is made, nothing is written.
        long logged = count(copyVault, "custody_log");
        Gawah.Result caseRefused = gawah.caseCreate(firstCopy, "Detentions at the checkpoint");
        assertEquals(41, caseRefused.code(), caseRefused.stderr());
        assertTrue(caseRefused.stderr().contains("analyst " + firstKey + " was admitted at entry 2, but the vault no longer"
                + " keeps that certificate"), caseRefused.stderr());
        assertEquals(logged, count(copyVault, "custody_log"));
        assertEquals(0, count(copyVault, "cases"));
        gawah.in(second, "verify", "--vault", "--no-entry").ok(); // the shared vault itself untouched
    }

    private Gawah.Result admit(Path home, String... args) {
        List<String> full = new java.util.ArrayList<>(List.of("vault", "admit"));
        full.addAll(List.of(args));
        full.addAll(List.of("--passphrase-env", Gawah.PASSPHRASE_VAR));
        return gawah.in(home, full.toArray(new String[0]));
    }

    private List<Entry> entries() {
        return gawah.in(first, "log", "--jsonl").ok().out().lines().map(l -> Entry.parseLine(l).entry()).toList();
    }

    private List<String> subjects() throws SQLException {
        List<String> subjects = new java.util.ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + shared); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT entry FROM custody_log ORDER BY seq")) {
            while (r.next()) {
                subjects.add(Entry.parse(r.getBytes(1)).subject());
            }
        }
        return subjects;
    }

    private long rows(String table) throws SQLException {
        return count(shared, table);
    }

    private static long count(Path vault, String table) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + vault); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT count(*) FROM " + table)) {
            r.next();
            return r.getLong(1);
        }
    }
}
