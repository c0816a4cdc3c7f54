package org.gawah.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.gawah.Failure;
import org.gawah.keys.Role;
import org.gawah.openpgp.Certificate;
import org.gawah.testsupport.Gawah;
import org.gawah.testsupport.Homes;
import org.gawah.testsupport.Pins;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Certificates as real teams send them, made by GnuPG: several in one file (one armour block,
 * or files joined with cat), a first user ID revoked, messages to hidden recipients, an
 * encryption subkey that expires before its primary key.
 */
class GnuPgCertificatesAsTeamsSendThemTest {
    @TempDir
    static Path base;
    static Homes homes;
    static GnuPG gpg;
    static final String TEXT = "{\"account\": \"what the witness saw\"}";

    @BeforeAll
    static void setUp() {
        homes = Homes.copied(base.resolve("gawah"));
        gpg = new GnuPG(base.resolve("gpg"));
        Path legalCert = base.resolve("gawah-legal.asc");
        homes.gawah.in(homes.legal, "keys", "export", "--out", legalCert.toString()).ok();
        gpg.importKey(legalCert);
    }

    @AfterAll
    static void stopAgent() {
        if (gpg != null) {
            gpg.close();
        }
    }

    static String member(String name) {
        String fingerprint = gpg.generate(name, "ed25519", "sign", "never");
        gpg.addSubkey(fingerprint, "cv25519", "encr", "never");
        return fingerprint;
    }

    /** A fresh documenter home (own key made by gawah), to pin into. */
    static Path freshHome(String name) {
        Path home = base.resolve(name);
        homes.gawah.in(home, "init").ok();
        homes.gawah.in(home, "keys", "generate", "--name", name).ok();
        return home;
    }

    /** A fingerprint as gawah shows it: groups of four, two spaces in the middle. */
    static String spaced(String hex) {
        String groups = hex.replaceAll("(.{4})(?!$)", "$1 ");
        return groups.substring(0, 24) + " " + groups.substring(24);
    }

    static String pinnedFiles(Path home) throws IOException {
        try (Stream<Path> files = Files.walk(home.resolve("keys"))) {
            return files.map(home::relativize).map(Path::toString).sorted().collect(Collectors.joining("\n"));
        }
    }

    @Test
    void aFileOfSeveralCertificatesPinsEachAfterShowingIt() throws IOException {
        String a = member("Member A");
        String b = member("Member B");
        String c = member("Member C");
        Path together = GnuPG.write(base.resolve("team.asc"), gpg.run("--export", "--armor", a, b).ok().stdout());
        Path joined = base.resolve("joined.asc");
        Files.write(joined, gpg.run("--export", "--armor", c).ok().stdout());
        Files.write(joined, gpg.run("--export", "--armor", a).ok().stdout(), java.nio.file.StandardOpenOption.APPEND);
        for (Path file : List.of(together, joined)) {
            Path home = freshHome("several-" + file.getFileName());
            Gawah.Result result = homes.gawah.in(home, "keys", "import", "--role", "legal", file.toString());
            assertEquals(0, result.code(), result.stderr());
            List<String> expected = file == together ? List.of(a, b) : List.of(c, a);
            assertEquals(expected, result.out().lines().toList(), "each fingerprint on stdout");
            assertTrue(result.stderr().contains("holds 2 certificates; each is pinned as legal"), result.stderr());
            for (String fingerprint : expected) {
                assertTrue(result.stderr().contains("fingerprint " + spaced(fingerprint)),
                        "each shown: " + result.stderr());
                assertTrue(pinnedFiles(home).contains("keys/legal/" + fingerprint + ".asc"));
                // The log's table shortens subjects to its column: the JSON lines carry them whole.
                assertTrue(homes.gawah.in(home, "log", "--jsonl").ok().out().contains("\"subject\":\"" + fingerprint + "/legal\""),
                        "each logged");
            }
        }
    }

    @Test
    void aFileOfSeveralCertificatesWithOneRefusedPinsNone() throws IOException {
        String good = member("Good member");
        String signOnly = gpg.generate("Sign only", "ed25519", "sign", "never");
        Path file = GnuPG.write(base.resolve("mixed.asc"), gpg.run("--export", "--armor", good, signOnly).ok().stdout());
        Path home = freshHome("mixed");
        String before = pinnedFiles(home);
        Gawah.Result result = homes.gawah.in(home, "keys", "import", "--role", "legal", file.toString());
        assertEquals(Failure.CERTIFICATE_REFUSED.exitCode(), result.code(), result.stderr());
        assertTrue(result.stderr().contains(signOnly + " has no valid encryption subkey"), result.stderr());
        assertEquals(before, pinnedFiles(home), "not even the good one");
        assertEquals(0, result.stdout().length);
    }

    @Test
    void fingerprintsGivenPickTheirCertificatesAndNoOther() throws IOException {
        String a = member("Picked A");
        String b = member("Left out B");
        Path file = GnuPG.write(base.resolve("pick.asc"), gpg.run("--export", "--armor", a, b).ok().stdout());
        Path home = freshHome("pick");
        Gawah.Result result = homes.gawah.in(home, "keys", "import", "--role", "legal", "--fingerprint", a, file.toString());
        assertEquals(0, result.code(), result.stderr());
        assertEquals(a, result.out().strip());
        assertTrue(result.stderr().contains("left out 1 certificate(s)"), result.stderr());
        assertFalse(pinnedFiles(home).contains(b), "the certificate nobody vouched for is not pinned");

        String before = pinnedFiles(home);
        String absent = member("Not in the file");
        Gawah.Result refused = homes.gawah.in(home, "keys", "import", "--role", "legal", "--fingerprint", b,
                "--fingerprint", absent, file.toString());
        assertEquals(Failure.CERTIFICATE_REFUSED.exitCode(), refused.code(), refused.stderr());
        assertTrue(refused.stderr().contains("no certificate in " + file + " has the fingerprint " + absent + " (it holds 2 others)"),
                refused.stderr());
        assertEquals(before, pinnedFiles(home), "nothing pinned when one given fingerprint is missing");
    }

    @Test
    void anUpdateThatEndsARecipientIsTakenAndSealingToItStops() {
        String subkeyRevoked = member("Subkey revoked");
        String keyRevoked = member("Key revoked");
        Path home = freshHome("updates");
        for (String fingerprint : List.of(subkeyRevoked, keyRevoked)) {
            homes.gawah.in(home, "keys", "import", "--role", "legal", gpg.export(fingerprint, base.resolve(fingerprint + "-1.asc")).toString()).ok();
        }
        homes.gawah.in(home, "keys", "import", "--role", "protection",
                gpg.export(keyRevoked, base.resolve(keyRevoked + "-p.asc")).toString()).ok();
        homes.gawah.inWithInput(home, Homes.sampleInput(), "record", "--from", "-").ok();

        gpg.revokeSubkey(subkeyRevoked, 1);
        gpg.revoke(keyRevoked, 1, java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss")
                .withZone(java.time.ZoneOffset.UTC).format(java.time.Instant.now()) + "!");
        for (String fingerprint : List.of(subkeyRevoked, keyRevoked)) {
            Gawah.Result update = homes.gawah.in(home, "keys", "import", "--role", "legal",
                    gpg.export(fingerprint, base.resolve(fingerprint + "-2.asc")).toString());
            assertEquals(0, update.code(), update.stderr());
            assertTrue(update.stderr().contains("updated as legal"), update.stderr());
            assertTrue(update.stderr().contains("nothing can be sealed while it is pinned as legal"), update.stderr());
        }
        // Rewritten under every role it holds: the protection copy is the revoked one too.
        Gawah.Result sealing = homes.gawah.inWithInput(home, Homes.sampleInput(), "record", "--from", "-");
        assertEquals(Failure.CERTIFICATE_REFUSED.exitCode(), sealing.code(), sealing.stderr());
        assertTrue(sealing.stderr().contains(subkeyRevoked + " has no valid encryption subkey")
                || sealing.stderr().contains(keyRevoked + " is revoked"), sealing.stderr());
        String log = homes.gawah.in(home, "log", "--jsonl").ok().out();
        assertEquals(2, log.lines().filter(l -> l.contains("\"subject\":\"" + keyRevoked + "/legal\"")).count(),
                "the update logged: " + log);
    }

    @Test
    void aCertificateWhoseFirstUserIdIsRevokedIsAcceptedAsGnuPgDoes() {
        String fingerprint = member("Old address <old@example.org>");
        gpg.run("--passphrase", "", "--quick-add-uid", fingerprint, "New address <new@example.org>").ok();
        gpg.run("--passphrase", "", "--quick-revoke-uid", fingerprint, "Old address <old@example.org>").ok();
        String colons = gpg.run("--with-colons", "--list-keys", fingerprint).ok().out();
        assertTrue(colons.contains("pub:-:") || colons.contains("pub:u:"), "gpg takes the key as valid: " + colons);
        assertTrue(colons.contains("uid:r:"), "its first user ID revoked: " + colons);
        Path cert = gpg.export(fingerprint, base.resolve("revoked-uid.asc"));

        Path home = freshHome("revoked-uid");
        Gawah.Result legal = homes.gawah.in(home, "keys", "import", "--role", "legal", cert.toString());
        assertEquals(0, legal.code(), legal.stderr());
        assertTrue(legal.stderr().contains("pinned as legal: New address <new@example.org>"), legal.stderr());
        Gawah.Result documenter = homes.gawah.in(homes.legal, "keys", "import", "--role", "documenter", cert.toString());
        assertEquals(0, documenter.code(), documenter.stderr());
        // Its records open, signed by it as GnuPG signs.
        Path message = base.resolve("from-revoked-uid.gpg");
        gpg.runWithInput(TEXT.getBytes(StandardCharsets.UTF_8), "--trust-model", "always", "--local-user", fingerprint,
                "--recipient", homes.legalFingerprint, "--sign", "--encrypt", "--output", message.toString()).ok();
        Gawah.Result opened = homes.gawah.in(homes.legal, "open", "--sealed", message.toString());
        assertEquals(0, opened.code(), opened.stderr());
        assertTrue(opened.stderr().contains("good signature from " + spaced(fingerprint) + " (New address <new@example.org>)"),
                opened.stderr());
        // And gawah seals to it (as protection officer here: the home pins it as legal and protection).
        homes.gawah.in(home, "keys", "import", "--role", "protection", cert.toString()).ok();
        String id = homes.gawah.inWithInput(home, Homes.sampleInput(), "record", "--from", "-").ok().out().strip();
        assertTrue(id.startsWith("GWH-"), id);
    }

    @Test
    void messagesToHiddenRecipientsOpenWithThisHomesKey() {
        String signer = member("Hidden-recipient sender");
        homes.gawah.in(homes.legal, "keys", "import", "--role", "documenter",
                gpg.export(signer, base.resolve("hidden-sender.asc")).toString()).ok();
        String other = member("Another recipient");
        for (List<String> options : List.of(List.of("--throw-keyids", "--recipient", homes.legalFingerprint),
                List.of("--hidden-recipient", homes.legalFingerprint, "--recipient", other),
                List.of("--recipient", other, "--hidden-recipient", homes.legalFingerprint))) {
            Path message = base.resolve("hidden-" + String.join("", options).hashCode() + ".gpg");
            List<String> args = new java.util.ArrayList<>(List.of("--trust-model", "always", "--local-user", signer));
            args.addAll(options);
            args.addAll(List.of("--sign", "--encrypt", "--output", message.toString()));
            gpg.runWithInput(TEXT.getBytes(StandardCharsets.UTF_8), args.toArray(new String[0])).ok();
            assertTrue(gpg.run("--list-packets", "--list-only", message.toString()).stderr().contains("keyid 0000000000000000")
                    || gpg.run("--list-packets", message.toString()).out().contains("keyid 0000000000000000"),
                    "gpg wrote a hidden recipient: " + options);
            Gawah.Result opened = homes.gawah.in(homes.legal, "open", "--sealed", message.toString());
            assertEquals(0, opened.code(), options + ": " + opened.stderr());
            assertEquals(TEXT, opened.out());
        }
        // Hidden from everyone here: not this home's key, said so.
        Path notOurs = base.resolve("hidden-not-ours.gpg");
        gpg.runWithInput(TEXT.getBytes(StandardCharsets.UTF_8), "--trust-model", "always", "--local-user", signer,
                "--throw-keyids", "--recipient", other, "--sign", "--encrypt", "--output", notOurs.toString()).ok();
        Gawah.Result refused = homes.gawah.in(homes.legal, "open", "--sealed", notOurs.toString());
        assertEquals(Failure.CANNOT_DECRYPT.exitCode(), refused.code(), refused.stderr());
        assertTrue(refused.stderr().contains("none of its 1 hidden recipients is this key"), refused.stderr());
    }

    @Test
    void doctorJudgesARecipientByItsEncryptionSubkeysExpiry() {
        String soon = gpg.generate("Subkey ends soon", "ed25519", "sign", "never");
        gpg.addSubkey(soon, "cv25519", "encr", "10d");
        String ended = gpg.generate("Subkey ended", "ed25519", "sign", "never", "--faked-system-time", "20200101T000000!");
        gpg.run("--passphrase", "", "--faked-system-time", "20200101T000000!", "--quick-add-key", ended, "cv25519", "encr", "1d").ok();
        Path home = freshHome("subkeys");
        homes.gawah.in(home, "keys", "import", "--role", "legal", gpg.export(soon, base.resolve("soon.asc")).toString()).ok();
        Gawah.Result list = homes.gawah.in(home, "keys", "list").ok();
        assertTrue(list.out().contains(soon + "  Subkey ends soon  expires"), "keys list shows the subkey's end: " + list.out());
        Gawah.Result doctor = homes.gawah.in(home, "doctor");
        assertTrue(doctor.out().contains("WARN  " + spaced(soon) + " (legal key Subkey ends soon)"), doctor.out());
        assertTrue(doctor.out().contains("within 30 days"), doctor.out());

        // One whose only encryption subkey expired: refused as a recipient; doctor names it if it was pinned before.
        Gawah.Result refused = homes.gawah.in(home, "keys", "import", "--role", "legal", gpg.export(ended, base.resolve("ended.asc")).toString());
        assertEquals(Failure.CERTIFICATE_REFUSED.exitCode(), refused.code(), refused.stderr());
        assertTrue(refused.stderr().contains(ended + " has no valid encryption subkey"), refused.stderr());
        Pins.logged(home, Role.LEGAL, Certificate.parse(gpg.run("--export", ended).ok().stdout()));
        Gawah.Result named = homes.gawah.in(home, "doctor");
        assertEquals(Failure.NOT_READY.exitCode(), named.code(), named.out());
        assertTrue(named.out().contains("FAIL  " + spaced(ended) + " (legal key Subkey ended) cannot be used"), named.out());
        assertTrue(named.out().contains("has no valid encryption subkey"), named.out());
    }
}
