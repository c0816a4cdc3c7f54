package org.gawah.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureGenerator;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentSignerBuilder;
import org.gawah.Digests;
import org.gawah.Failure;
import org.gawah.custody.Action;
import org.gawah.custody.EntrySigner;
import org.gawah.keys.Keyring;
import org.gawah.openpgp.Certificate;
import org.gawah.openpgp.SecretKey;
import org.gawah.testsupport.Gawah;
import org.gawah.testsupport.Homes;
import org.gawah.testsupport.TestEngine;
import org.gawah.testsupport.TestTsa;
import org.gawah.tsp.TsaCertificate;
import org.gawah.vault.Vault;
import org.gawah.vault.VaultWrite;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The keyring is part of the signed record (issue 14, section 1). Each case does to a copy of a
 * sound home what someone holding the laptop could do to its {@code keys/} folder: copy a
 * certificate in, edit one, put back an older version, rename one, copy one under another role,
 * leave a stray file, folder or link, swap the own key, or copy a certificate pinned before roles
 * were logged into a second role; and the same to the time-stamping authorities' {@code tsa/}
 * folder beside it (a certificate copied in, one put in a pinned one's place, a stray file). Then every command that would trust the keyring runs: sealing
 * ({@code record}) on the documenter's side, importing a bag and opening a record on the legal
 * team's, and pinning another key on both. Each must end in one {@code gawah: error:} line naming
 * the file, exit 41 (78 for a link), nothing on stdout, the home byte for byte as it was (nothing sealed, imported,
 * opened or logged); {@code doctor} and {@code verify --vault} must name the file too. Three of the
 * cases run on a team vault on PostgreSQL as well ({@link #ON_POSTGRESQL}).
 */
class HostileKeyringsTest {
    @TempDir
    static Path base;
    static HostileHomes homes;
    static CorpusKeys keys;
    static Gawah gawah;
    static Path input;
    static Path bag;
    static String recordId;
    static Path newcomer;
    static Path strangerCert;
    static Path legalV2;
    static Path legacyLegal;
    /** A time-stamping authority's CA certificate and the authority's own, PEM. */
    static Path tsaCa;
    static Path tsaOwn;
    static int copies;

    /** A tamper: changes a copy of a home and returns the file the error must name. */
    @FunctionalInterface
    interface Tamper {
        Path apply(Path home) throws Exception;
    }

    record Case(String name, boolean documenterSide, Tamper tamper, Failure failure) {
        Case(String name, boolean documenterSide, Tamper tamper) {
            this(name, documenterSide, tamper, Failure.BAD_DATA);
        }
    }

    /** The homes on one engine: one record the legal team holds, and a bag of one more it has not imported. */
    record Sound(HostileHomes homes, String recordId, Path bag) {
        static Sound on(TestEngine engine, Path dir) {
            HostileHomes homes = new HostileHomes(dir.resolve("homes"), engine);
            String recordId = homes.gawah.in(homes.documenter, "record", "--from", input.toString()).ok().out().strip();
            Path first = dir.resolve("first.zip");
            homes.gawah.in(homes.documenter, "submit", "--out", first.toString()).ok();
            homes.gawah.in(homes.legal, "import", first.toString()).ok();
            homes.gawah.in(homes.documenter, "record", "--from", input.toString()).ok();
            Path bag = dir.resolve("second.zip");
            homes.gawah.in(homes.documenter, "submit", "--since", "--out", bag.toString()).ok();
            return new Sound(homes, recordId, bag);
        }
    }

    /**
     * The cases tried on a team vault too: a pin copied in on each side and a TSA's, checked against
     * the custody log the server holds. The rest differ only in the files of keys/ and tsa/; the
     * homes from before roles were logged are SQLite's alone (no team vault is that old).
     */
    static final Set<String> ON_POSTGRESQL = Set.of("a stranger's certificate copied into keys/legal/",
            "a stranger's certificate copied into keys/documenter/", "a TSA's certificate copied into tsa/");
    static Sound sqlite;
    static Sound onPostgresql;

    @BeforeAll
    static void soundHomes() throws Exception {
        keys = CorpusKeys.load();
        input = Files.write(base.resolve("input.json"), Homes.sampleInput());
        sqlite = Sound.on(TestEngine.SQLITE, base);
        homes = sqlite.homes();
        gawah = homes.gawah;
        recordId = sqlite.recordId();
        bag = sqlite.bag();
        newcomer = Files.writeString(base.resolve("newcomer.asc"), SecretKeyOfNewcomer.certificate().armored());
        strangerCert = Files.writeString(base.resolve("stranger.asc"), CorpusKeys.armoredCertificate(keys.stranger));
        legalV2 = Files.writeString(base.resolve("legal-v2.asc"), withUserId(keys.legal, "Legal team, second address").armored());
        legacyLegal = legacyHome(base.resolve("legacy-legal"));
        try (TestTsa tsa = new TestTsa(TestTsa.Fault.NONE, "Keyring corpus TSA")) {
            tsaCa = tsa.writeCa(base.resolve("tsa-ca.pem"));
            tsaOwn = tsa.writeTsaCertificate(base.resolve("tsa-own.pem"));
        }
    }

    /** The name a TSA certificate's file has in tsa/: its SHA-256. */
    static String tsaName(Path pem) throws IOException {
        return TsaCertificate.parse(Files.readAllBytes(pem)).fingerprint() + ".pem";
    }

    /** A TSA's certificate copied into tsa/ without its entry. */
    static Path tsaCopiedIn(Path home) throws IOException {
        Files.createDirectories(home.resolve("tsa"));
        return Files.copy(tsaCa, home.resolve("tsa/" + tsaName(tsaCa)));
    }

    /** A newcomer's certificate to pin while the keyring is damaged (one no case touches). */
    static final class SecretKeyOfNewcomer {
        private static Certificate certificate;

        static synchronized Certificate certificate() {
            if (certificate == null) {
                certificate = org.gawah.openpgp.KeyGenerator.generate("Newcomer", Homes.PASSPHRASE.toCharArray(),
                        Instant.now().minusSeconds(60)).certificate();
            }
            return certificate;
        }
    }

    /** The same key with one more user ID, certified by its owner: a real new version of the certificate. */
    static Certificate withUserId(PGPSecretKeyRing ring, String userId) throws PGPException, IOException {
        PGPPublicKey primary = ring.getPublicKey();
        PGPSignatureGenerator generator = new PGPSignatureGenerator(
                new BcPGPContentSignerBuilder(primary.getAlgorithm(), HashAlgorithmTags.SHA512), primary);
        generator.init(PGPSignature.POSITIVE_CERTIFICATION, CorpusKeys.primaryPrivate(ring));
        PGPSignature certification = generator.generateCertification(userId, primary);
        PGPPublicKeyRing updated = PGPPublicKeyRing.insertPublicKey(ring.toCertificate(),
                PGPPublicKey.addCertification(primary, userId, certification));
        return Certificate.parse(updated.getEncoded());
    }

    /**
     * A legal team's home as versions before key roles were logged left it: the documenter pinned
     * with an entry naming only its fingerprint, the own key with no entry at all.
     */
    static Path legacyHome(Path home) throws IOException {
        gawah.in(home, "init").ok();
        new Keyring(home.resolve("keys")).saveOwnKey(CorpusKeys.gawahKey(keys.legal));
        Certificate documenter = CorpusKeys.certificate(keys.documenter);
        Files.createDirectories(home.resolve("keys/documenter"));
        Files.writeString(home.resolve("keys/documenter/" + documenter.fingerprint() + ".asc"), documenter.armored());
        try (Vault vault = Vault.open(home.resolve("vault.db")); VaultWrite write = vault.begin()) {
            write.append(Action.KEY_IMPORTED, documenter.fingerprint(), Digests.sha256(documenter.encoded()), Instant.now(),
                    new EntrySigner(CorpusKeys.signingKey(keys.legal)));
            write.commit();
        }
        return home;
    }

    static Path copy(Path home) {
        Path copy = base.resolve("case-" + (++copies));
        Homes.copy(home, copy);
        return copy;
    }

    static String fingerprint(PGPSecretKeyRing ring) {
        return CorpusKeys.certificate(ring).fingerprint();
    }

    static List<Case> cases() {
        String legal = fingerprint(keys.legal);
        String documenter = fingerprint(keys.documenter);
        String stranger = fingerprint(keys.stranger);
        List<Case> cases = new ArrayList<>();
        // Documenter's laptop: what decides who records are sealed to.
        cases.add(new Case("a stranger's certificate copied into keys/legal/", true, home ->
                Files.copy(strangerCert, home.resolve("keys/legal/" + stranger + ".asc"))));
        cases.add(new Case("the legal certificate edited (a user ID added)", true, home ->
                Files.writeString(home.resolve("keys/legal/" + legal + ".asc"), Files.readString(legalV2))));
        cases.add(new Case("an older version put back after an update was imported", true, home -> {
            Path pinned = home.resolve("keys/legal/" + legal + ".asc");
            byte[] older = Files.readAllBytes(pinned);
            gawah.in(home, "keys", "import", "--role", "legal", legalV2.toString()).ok();
            Files.write(pinned, older);
            return pinned;
        }));
        cases.add(new Case("the legal certificate renamed to another fingerprint", true, home ->
                Files.move(home.resolve("keys/legal/" + legal + ".asc"), home.resolve("keys/legal/" + stranger + ".asc"))));
        cases.add(new Case("the legal certificate renamed to .asc.bak", true, home ->
                Files.move(home.resolve("keys/legal/" + legal + ".asc"), home.resolve("keys/legal/" + legal + ".asc.bak"))));
        cases.add(new Case("the legal certificate copied under keys/documenter/", true, home -> {
            Files.createDirectories(home.resolve("keys/documenter"));
            return Files.copy(home.resolve("keys/legal/" + legal + ".asc"), home.resolve("keys/documenter/" + legal + ".asc"));
        }));
        cases.add(new Case("a stray text file in keys/legal/", true, home ->
                Files.writeString(home.resolve("keys/legal/README.txt"), "recipients\n")));
        cases.add(new Case("a folder of certificates in keys/", true, home -> {
            Path folder = Files.createDirectories(home.resolve("keys/recipients"));
            Files.copy(strangerCert, folder.resolve(stranger + ".asc"));
            return folder;
        }));
        // A link is refused as issue 14 section 6 has it (exit 78, what it points to can change outside the home).
        cases.add(new Case("a link in keys/legal/ to a certificate outside", true, home ->
                Files.createSymbolicLink(home.resolve("keys/legal/" + stranger + ".asc"), strangerCert), Failure.NOT_READY));
        cases.add(new Case("the own key swapped for a stranger's", true, home -> {
            Files.delete(home.resolve("keys/secret/" + documenter + ".asc"));
            return Files.writeString(home.resolve("keys/secret/" + stranger + ".asc"), CorpusKeys.gawahKey(keys.stranger).armored());
        }));
        // Time-stamping authorities: what decides whose word on time is believed.
        cases.add(new Case("a TSA's certificate copied into tsa/", true, HostileKeyringsTest::tsaCopiedIn));
        cases.add(new Case("a pinned TSA certificate replaced by another under its name", true, home -> {
            gawah.in(home, "keys", "import", "--role", "tsa", tsaCa.toString()).ok();
            return Files.copy(tsaOwn, home.resolve("tsa/" + tsaName(tsaCa)), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }));
        cases.add(new Case("a stray file in tsa/ beside urls.txt", true, home -> {
            gawah.in(home, "keys", "import", "--role", "tsa", "--url", "http://127.0.0.1:9/tsr", tsaCa.toString()).ok();
            return Files.writeString(home.resolve("tsa/more-authorities.pem"), Files.readString(tsaOwn));
        }));
        // Legal team's workstation: what decides whose records and bags are believed, and who case files are sealed to.
        cases.add(new Case("a stranger's certificate copied into keys/documenter/", false, home ->
                Files.copy(strangerCert, home.resolve("keys/documenter/" + stranger + ".asc"))));
        cases.add(new Case("the documenter's certificate copied into keys/legal/", false, home -> {
            Files.createDirectories(home.resolve("keys/legal"));
            return Files.copy(home.resolve("keys/documenter/" + documenter + ".asc"), home.resolve("keys/legal/" + documenter + ".asc"));
        }));
        cases.add(new Case("the documenter's certificate replaced by the stranger's under its name", false, home ->
                Files.copy(strangerCert, home.resolve("keys/documenter/" + documenter + ".asc"),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING)));
        cases.add(new Case("a TSA's certificate copied into tsa/ of the legal team's home", false, HostileKeyringsTest::tsaCopiedIn));
        cases.add(new Case("an old-format entry's certificate copied into a second role, before the home signed anything", false, home -> {
            Homes.copy(legacyLegal, home.resolve("legacy"));
            return Path.of("keys/documenter/" + documenter + ".asc"); // named relative: checked below against the legacy copy
        }));
        return cases;
    }

    /** What must stop, by side: sealing; importing and opening; and pinning anything else on both. */
    static List<List<String>> commands(Sound sound, boolean documenterSide) {
        if (documenterSide) {
            return List.of(List.of("record", "--from", input.toString()),
                    List.of("keys", "import", "--role", "legal", newcomer.toString()));
        }
        return List.of(List.of("import", sound.bag().toString()), List.of("open", sound.recordId()),
                List.of("keys", "import", "--role", "documenter", newcomer.toString()));
    }

    @TestFactory
    Stream<DynamicTest> everyTamperedKeyringStopsWhatWouldTrustIt() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Case c : cases()) {
            tests.add(dynamicTest(c.name(), () -> check(sqlite, c)));
        }
        for (Case c : cases()) {
            if (ON_POSTGRESQL.contains(c.name())) {
                tests.add(dynamicTest("on PostgreSQL: " + c.name(), () -> check(onPostgresql(), c)));
            }
        }
        return tests.stream();
    }

    static synchronized Sound onPostgresql() {
        if (onPostgresql == null) {
            onPostgresql = Sound.on(TestEngine.POSTGRESQL, base.resolve("postgresql"));
        }
        return onPostgresql;
    }

    static void check(Sound sound, Case c) throws Exception {
        HostileHomes homes = sound.homes();
        Path copy = copy(c.documenterSide() ? homes.documenter : homes.legal);
        Path tampered = c.tamper().apply(copy);
        // The old-format case runs in its own home: a legacy copy, with the documenter's certificate also under legal/.
        Path home = tampered.isAbsolute() ? copy : copy.resolve("legacy");
        if (!tampered.isAbsolute()) {
            Files.createDirectories(home.resolve("keys/legal"));
            Files.copy(home.resolve(tampered), home.resolve("keys/legal/" + tampered.getFileName()));
        }
        Path named = tampered.isAbsolute() ? tampered : home.resolve(tampered);
        for (List<String> command : commands(sound, c.documenterSide())) {
            String before = HostileRun.state(home);
            Gawah.Result result = gawah.in(home, command.toArray(new String[0]));
            String what = c.name() + ": gawah " + String.join(" ", command) + "\nstderr: " + result.stderr();
            assertEquals(c.failure().exitCode(), result.code(), what);
            assertEquals(0, result.stdout().length, "nothing on stdout: " + what);
            HostileInputsTest.assertOneErrorLine(result.stderr(), named.toString(), what);
            assertEquals(before, HostileRun.state(home), "the home changed: " + what);
        }
        Gawah.Result doctor = gawah.in(home, "doctor");
        assertEquals(Failure.NOT_READY.exitCode(), doctor.code(), doctor.out());
        assertTrue(doctor.out().lines().anyMatch(l -> l.startsWith("  FAIL") && l.contains(named.toString())),
                "doctor names " + named + ":\n" + doctor.out());
        Gawah.Result verify = gawah.in(home, "verify", "--vault", "--no-entry");
        assertEquals(c.failure().exitCode(), verify.code(), verify.stderr());
        assertTrue(verify.stderr().contains(named.toString()), "verify --vault names " + named + ": " + verify.stderr());
    }

    @Test
    void anHonestHomeFromBeforeRolesWereLoggedKeepsWorkingAndIsBoundAtItsNextSignature() throws Exception {
        Path home = copy(legacyLegal);
        Path first = base.resolve("first.zip");
        Gawah.Result imported = gawah.in(home, "import", first.toString());
        assertEquals(0, imported.code(), imported.stderr());
        List<String> log = gawah.in(home, "log", "--jsonl").ok().out().lines().toList();
        String documenter = fingerprint(keys.documenter);
        assertTrue(log.get(0).contains("\"subject\":\"" + documenter + "\""), "the old entry: " + log.get(0));
        assertTrue(log.get(1).contains("\"subject\":\"" + fingerprint(keys.legal) + "/own\""), "then the own key: " + log.get(1));
        assertTrue(log.get(2).contains("\"subject\":\"" + documenter + "/documenter\""), "and the pin's role: " + log.get(2));
        assertTrue(log.get(3).contains("\"action\":\"imported\""), "before what the command itself logged: " + log.get(3));
        gawah.in(home, "open", recordId).ok();
        gawah.in(home, "verify", "--vault", "--no-entry").ok();
        // Bound now: the same certificate copied into a second role is refused, named.
        Files.createDirectories(home.resolve("keys/legal"));
        Path copied = Files.copy(home.resolve("keys/documenter/" + documenter + ".asc"), home.resolve("keys/legal/" + documenter + ".asc"));
        Gawah.Result refused = gawah.in(home, "open", recordId);
        assertEquals(Failure.BAD_DATA.exitCode(), refused.code(), refused.stderr());
        HostileInputsTest.assertOneErrorLine(refused.stderr(), copied + " pins " + documenter + " as legal, but no custody entry", "bound");
    }

    /**
     * A home made before key roles were logged that pinned a TSA: its tsa_pinned entry is no
     * role-naming key entry, so the home's pins are still bound at its next signature, and the
     * TSA's pin passes on its own entry.
     */
    @Test
    void aHomeFromBeforeRolesWereLoggedWithATsaPinnedIsBoundAsAnyOther() throws Exception {
        Path home = copy(legacyLegal);
        TsaCertificate ca = TsaCertificate.parse(Files.readAllBytes(tsaCa));
        Files.createDirectories(home.resolve("tsa"));
        Files.copy(tsaCa, home.resolve("tsa/" + tsaName(tsaCa)));
        try (Vault vault = Vault.open(home.resolve("vault.db")); VaultWrite write = vault.begin()) {
            write.append(Action.TSA_PINNED, ca.fingerprint(), Digests.sha256(ca.encoded()), Instant.now(),
                    new EntrySigner(CorpusKeys.signingKey(keys.legal)));
            write.commit();
        }
        Gawah.Result imported = gawah.in(home, "import", base.resolve("first.zip").toString());
        assertEquals(0, imported.code(), imported.stderr());
        List<String> log = gawah.in(home, "log", "--jsonl").ok().out().lines().toList();
        assertTrue(log.get(2).contains("\"subject\":\"" + fingerprint(keys.legal) + "/own\""), "the own key bound: " + log.get(2));
        assertTrue(log.get(3).contains("\"subject\":\"" + fingerprint(keys.documenter) + "/documenter\""), "the pin's role: " + log.get(3));
        gawah.in(home, "verify", "--vault", "--no-entry").ok();
    }

    @Test
    void aTsaPinWrittenWithoutItsEntryIsPinnedAgainByKeysImport() throws Exception {
        Path home = copy(homes.documenter);
        Path copied = tsaCopiedIn(home);
        assertEquals(Failure.BAD_DATA.exitCode(), gawah.in(home, "record", "--from", input.toString()).code());
        gawah.in(home, "keys", "import", "--role", "tsa", tsaCa.toString()).ok();
        assertTrue(Files.exists(copied));
        gawah.in(home, "record", "--from", input.toString()).ok();
    }

    @Test
    void aKeyringFileNamedAndRemovedLetsTheHomeWorkAgain() throws Exception {
        Path home = copy(homes.documenter);
        Path stray = Files.copy(strangerCert, home.resolve("keys/legal/" + fingerprint(keys.stranger) + ".asc"));
        Gawah.Result refused = gawah.in(home, "record", "--from", input.toString());
        assertTrue(refused.stderr().contains("is not in the custody log"), refused.stderr());
        assertTrue(refused.stderr().contains("gawah: hint: remove the file; if you trust this certificate, pin it:"
                + " gawah keys import --role legal FILE"), refused.stderr());
        Files.delete(stray);
        gawah.in(home, "record", "--from", input.toString()).ok();
        assertFalse(gawah.in(home, "list").ok().out().isEmpty());
    }

    @Test
    void operatingSystemsLeftoversAndGawahsOwnTemporaryFilesAreNotProblems() throws Exception {
        Path home = copy(homes.documenter);
        Files.writeString(home.resolve("keys/.DS_Store"), "finder");
        Files.writeString(home.resolve("keys/legal/Thumbs.db"), "explorer");
        Files.writeString(home.resolve("keys/legal/." + fingerprint(keys.legal) + ".tmp"), "a write cut short");
        gawah.in(home, "record", "--from", input.toString()).ok();
        SecretKey.class.getName(); // the own key was read as usual
    }
}
