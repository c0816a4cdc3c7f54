package org.gawah.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.gawah.Failure;
import org.gawah.testsupport.Gawah;
import org.gawah.testsupport.Homes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Certificates made by gpg that {@code gawah keys import} refuses: the exit code, a message
 * naming the reason, and nothing pinned (keys list and the files under keys/ unchanged).
 */
class KeyImportRefusalsTest {
    @TempDir
    static Path base;
    static Path home;
    static final Gawah gawah = new Gawah(Homes.PASSPHRASE);
    static GnuPG gpg;

    @BeforeAll
    static void setUp() {
        home = base.resolve("home");
        gawah.in(home, "init").ok();
        gawah.in(home, "keys", "generate", "--name", "Legal team").ok();
        gpg = new GnuPG(base.resolve("gpg"));
    }

    @AfterAll
    static void stopAgent() {
        if (gpg != null) {
            gpg.close();
        }
    }

    /** What is pinned: the keys list and every file under keys/. */
    private static String pinned() throws IOException {
        try (Stream<Path> files = Files.walk(home.resolve("keys"))) {
            return gawah.in(home, "keys", "list").ok().out() + "\n"
                    + files.map(home::relativize).map(Path::toString).sorted().collect(Collectors.joining("\n"));
        }
    }

    private static void assertRefused(Failure expected, String reason, String... importArgs) throws IOException {
        String before = pinned();
        String[] args = Stream.concat(Stream.of("keys", "import"), Stream.of(importArgs)).toArray(String[]::new);
        Gawah.Result result = gawah.in(home, args);
        assertEquals(expected.exitCode(), result.code(), result.stderr());
        assertEquals(0, result.stdout().length, "nothing on stdout");
        assertTrue(result.stderr().startsWith("gawah: error: "), result.stderr());
        assertTrue(result.stderr().contains(reason), "says '" + reason + "': " + result.stderr());
        assertEquals(before, pinned(), "nothing was pinned");
    }

    private static Path cert(String fingerprint) {
        return gpg.export(fingerprint, base.resolve(fingerprint + ".asc"));
    }

    @Test
    void expiredCertificateAsARecipient() throws IOException {
        // As a documenter's, an expired certificate is pinned to check what it signed before (GnuPgDocumenterKeysOverTimeTest).
        String fpr = gpg.generate("Expired", "ed25519", "sign", "1d", "--faked-system-time", "20200101T000000!");
        assertRefused(Failure.CERTIFICATE_REFUSED, fpr + " expired on 2020-01-02", "--role", "legal", cert(fpr).toString());
    }

    @Test
    void revokedCertificate() throws IOException {
        String fpr = gpg.generate("Revoked", "future-default", "default", "never");
        // gpg keeps a ready revocation certificate, its armour line defused with a leading ':'.
        String revocation = Files.readString(gpg.home.resolve("openpgp-revocs.d").resolve(fpr + ".rev"))
                .replace(":-----BEGIN PGP PUBLIC KEY BLOCK-----", "-----BEGIN PGP PUBLIC KEY BLOCK-----");
        gpg.run("--import", GnuPG.write(base.resolve("revocation.asc"), revocation.getBytes()).toString()).ok();
        assertTrue(gpg.run("--with-colons", "--list-keys", fpr).ok().out().contains("pub:r:"), "gpg sees it revoked");
        assertRefused(Failure.CERTIFICATE_REFUSED, fpr + " is revoked", "--role", "legal", cert(fpr).toString());
    }

    @Test
    void signOnlyKeyAsLegalRecipient() throws IOException {
        String fpr = gpg.generate("Sign only", "ed25519", "sign", "never");
        assertRefused(Failure.CERTIFICATE_REFUSED, fpr + " has no valid encryption subkey", "--role", "legal", cert(fpr).toString());
    }

    @Test
    void rsa1024Key() throws IOException {
        String fpr = gpg.generate("Weak RSA", "rsa1024", "default", "never");
        assertRefused(Failure.CERTIFICATE_REFUSED, "certificate " + fpr + " uses an RSA key of 1024 bits",
                "--role", "documenter", cert(fpr).toString());
    }

    @Test
    void onlyEncryptionSubkeyIsRsa1024() throws IOException {
        String fpr = gpg.generate("Weak subkey", "ed25519", "sign", "never");
        gpg.addSubkey(fpr, "rsa1024", "encr", "never");
        assertRefused(Failure.CERTIFICATE_REFUSED, fpr + " has no valid encryption subkey", "--role", "legal", cert(fpr).toString());
    }

    @Test
    void fingerprintMismatch() throws IOException {
        String fpr = gpg.generate("Swapped", "future-default", "default", "never");
        String other = gpg.generate("Expected", "future-default", "default", "never");
        assertRefused(Failure.CERTIFICATE_REFUSED, "not the expected " + other,
                "--role", "legal", "--fingerprint", other, cert(fpr).toString());
    }

    @Test
    void matchingFingerprintWithSpacesAndLowerCaseIsPinned() throws IOException {
        String fpr = gpg.generate("Accepted", "future-default", "default", "never");
        String spaced = fpr.toLowerCase().replaceAll("(.{4})", "$1 ");
        String out = gawah.in(home, "keys", "import", "--role", "legal", "--fingerprint", spaced, cert(fpr).toString()).ok().out();
        assertEquals(fpr, out.strip());
        assertTrue(pinned().contains("legal/" + fpr + ".asc"), "pinned under its fingerprint");
    }

    @Test
    void fileHoldingASecretKey() throws IOException {
        String fpr = gpg.generate("Secret", "future-default", "default", "never");
        Path secret = GnuPG.write(base.resolve("secret.asc"), gpg.run("--export-secret-keys", "--armor", fpr).ok().stdout());
        assertRefused(Failure.BAD_DATA, "holds a secret key", "--role", "legal", secret.toString());
    }

    @Test
    void gpgSignedMessageIsNotACertificate() throws IOException {
        String fpr = gpg.generate("Signer", "ed25519", "sign", "never");
        Path message = GnuPG.write(base.resolve("message.asc"),
                gpg.runWithInput("hello".getBytes(), "--local-user", fpr, "--armor", "--sign").ok().stdout());
        assertRefused(Failure.BAD_DATA, "not an OpenPGP certificate", "--role", "documenter", message.toString());
    }

    @Test
    void textFileIsNotACertificate() throws IOException {
        Path text = GnuPG.write(base.resolve("notes.txt"), "fingerprint: 0A1B 2C3D\n".getBytes());
        assertRefused(Failure.BAD_DATA, "certificate", "--role", "legal", text.toString());
    }

    @Test
    void missingFile() throws IOException {
        assertRefused(Failure.MISSING_INPUT, "no such file", "--role", "legal", base.resolve("absent.asc").toString());
    }
}
