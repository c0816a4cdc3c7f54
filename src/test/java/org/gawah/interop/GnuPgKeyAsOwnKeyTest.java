package org.gawah.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
 * {@code gawah keys import --secret FILE}: a team's existing GnuPG key becomes a home's own key.
 * Accepted: Ed25519 with an X25519 subkey, RSA 3072 with an RSA subkey (GnuPG 2.2's default); it signs the home's
 * custody log, opens what GnuPG sealed to it, and is still the same key for GnuPG afterwards.
 * Refused, writing nothing: a key without an encryption subkey, RSA 1024, expired, unprotected,
 * exported without its primary secret part, two keys in a file, a certificate, a wrong
 * passphrase, a home that already has its own key.
 */
class GnuPgKeyAsOwnKeyTest {
    static final String PASSPHRASE = Homes.PASSPHRASE;
    @TempDir
    static Path base;
    static GnuPG gpg;
    static final Gawah gawah = new Gawah(PASSPHRASE);
    static int homes;

    @BeforeAll
    static void startGpg() {
        gpg = new GnuPG(base.resolve("gpg"));
    }

    @AfterAll
    static void stopAgent() {
        if (gpg != null) {
            gpg.close();
        }
    }

    /** A key made by gpg, protected with the test passphrase. */
    static String protectedKey(String name, String algo, String usage, String expire, String... options) {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of(options));
        args.addAll(java.util.List.of("--passphrase", PASSPHRASE, "--quick-gen-key", name, algo, usage, expire));
        return gpg.run(args.toArray(new String[0])).ok().require("KEY_CREATED").get(2);
    }

    static Path secretFile(String fingerprint, String... exportCommand) {
        String[] command = exportCommand.length == 0 ? new String[] {"--export-secret-keys"} : exportCommand;
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("--passphrase", PASSPHRASE, "--armor"));
        args.addAll(java.util.List.of(command));
        args.add(fingerprint);
        return GnuPG.write(base.resolve(fingerprint + "-" + (++homes) + ".sec.asc"), gpg.run(args.toArray(new String[0])).ok().stdout());
    }

    static Path emptyHome() {
        Path home = base.resolve("home-" + (++homes));
        gawah.in(home, "init").ok();
        return home;
    }

    static String state(Path home) throws IOException {
        try (Stream<Path> files = Files.walk(home)) {
            return files.filter(Files::isRegularFile).map(f -> {
                try {
                    return home.relativize(f) + " " + org.gawah.Digests.sha256(Files.readAllBytes(f));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).sorted().collect(Collectors.joining("\n"));
        }
    }

    static void assertRefused(Path home, Failure failure, String says, String... args) throws IOException {
        String before = state(home);
        Gawah.Result result = gawah.in(home, args);
        assertEquals(failure.exitCode(), result.code(), result.stderr());
        assertTrue(result.stderr().contains(says), "says '" + says + "': " + result.stderr());
        assertEquals(0, result.stdout().length);
        assertEquals(before, state(home), "nothing written");
    }

    @Test
    void aGnuPgEd25519KeyBecomesTheHomesOwnKey() throws IOException {
        String fingerprint = protectedKey("Team key (GnuPG)", "ed25519", "sign", "never");
        gpg.run("--passphrase", PASSPHRASE, "--quick-add-key", fingerprint, "cv25519", "encr", "never").ok();
        Path home = emptyHome();
        Gawah.Result imported = gawah.in(home, "keys", "import", "--secret", "--fingerprint", fingerprint,
                secretFile(fingerprint).toString());
        assertEquals(0, imported.code(), imported.stderr());
        assertEquals(fingerprint, imported.out().strip());
        assertTrue(imported.stderr().contains("this home's own key will be: Team key (GnuPG)"), imported.stderr());
        assertTrue(gawah.in(home, "keys", "list").ok().out().startsWith("own         " + fingerprint), "the own key");
        String log = gawah.in(home, "log", "--jsonl").ok().out();
        assertTrue(log.lines().findFirst().orElse("").contains("\"subject\":\"" + fingerprint + "/own\""),
                "its import is the log's first entry: " + log);
        gawah.in(home, "verify", "--vault", "--no-entry").ok();

        // It opens what GnuPG seals to it, and signs what this home seals.
        String sender = gpg.generate("Sender", "ed25519", "sign", "never");
        gawah.in(home, "keys", "import", "--role", "documenter", gpg.export(sender, base.resolve("sender.asc")).toString()).ok();
        Path message = base.resolve("to-team.gpg");
        gpg.runWithInput("{\"a\": 1}".getBytes(StandardCharsets.UTF_8), "--trust-model", "always", "--local-user", sender,
                "--recipient", fingerprint, "--sign", "--encrypt", "--output", message.toString()).ok();
        Gawah.Result opened = gawah.in(home, "open", "--sealed", message.toString());
        assertEquals(0, opened.code(), opened.stderr());
        assertEquals("{\"a\": 1}", opened.out());

        // Protected again by Gawah, under the same passphrase: GnuPG still reads it as the same key.
        Path exported = base.resolve("exported.sec.asc");
        gawah.in(home, "keys", "export", "--secret", "--out", exported.toString()).ok();
        String listed = gpg.run("--with-colons", "--list-packets", exported.toString()).ok().out()
                + gpg.run("--list-packets", exported.toString()).ok().out();
        assertTrue(listed.contains("protect count: 65011712") || listed.contains("65011712"), "Gawah's S2K: " + listed);
        GnuPG other = new GnuPG(base.resolve("gpg-other"));
        try {
            assertEquals(fingerprint, other.passphrase(PASSPHRASE).importKey(exported));
            Path signed = base.resolve("signed-by-team.gpg");
            other.runWithInput("x".getBytes(StandardCharsets.UTF_8), "--local-user", fingerprint, "--sign",
                    "--output", signed.toString()).ok();
        } finally {
            other.close();
        }
    }

    @Test
    void gnuPgsDefaultRsaKeyBecomesTheHomesOwnKey() {
        // "default" twice: GnuPG 2.2's own choice, an RSA 3072 primary key with an RSA 3072 encryption subkey.
        String fingerprint = protectedKey("Team RSA key", "default", "default", "never");
        Path home = emptyHome();
        Gawah.Result imported = gawah.in(home, "keys", "import", "--secret", secretFile(fingerprint).toString());
        assertEquals(0, imported.code(), imported.stderr());
        gawah.in(home, "verify", "--vault", "--no-entry").ok();
    }

    @Test
    void keysGawahCannotUseAreRefusedBeforeThePassphrase() throws IOException {
        Path home = emptyHome();
        String signOnly = protectedKey("Sign only", "ed25519", "sign", "never");
        assertRefused(home, Failure.CERTIFICATE_REFUSED, signOnly + " has no valid encryption subkey",
                "keys", "import", "--secret", secretFile(signOnly).toString());
        String weak = protectedKey("Weak", "rsa1024", "default", "never");
        assertRefused(home, Failure.CERTIFICATE_REFUSED, "RSA key of 1024 bits", "keys", "import", "--secret", secretFile(weak).toString());
        String expired = protectedKey("Expired", "ed25519", "default", "1d", "--faked-system-time", "20200101T000000!");
        assertRefused(home, Failure.CERTIFICATE_REFUSED, "expired on 2020-01-02", "keys", "import", "--secret", secretFile(expired).toString());
        String plain = gpg.generate("Unprotected", "ed25519", "default", "never");
        gpg.addSubkey(plain, "cv25519", "encr", "never");
        assertRefused(home, Failure.NOT_READY, "is not protected by a passphrase", "keys", "import", "--secret",
                GnuPG.write(base.resolve("plain.sec.asc"), gpg.run("--export-secret-keys", "--armor", plain).ok().stdout()).toString());
        String subkeysOnly = protectedKey("Subkeys only", "ed25519", "sign", "never");
        gpg.run("--passphrase", PASSPHRASE, "--quick-add-key", subkeysOnly, "cv25519", "encr", "never").ok();
        assertRefused(home, Failure.NOT_READY, "--export-secret-subkeys", "keys", "import", "--secret",
                secretFile(subkeysOnly, "--export-secret-subkeys").toString());
        String first = protectedKey("First", "ed25519", "default", "never");
        String second = protectedKey("Second", "ed25519", "default", "never");
        Path two = GnuPG.write(base.resolve("two.sec.asc"),
                gpg.run("--passphrase", PASSPHRASE, "--armor", "--export-secret-keys", first, second).ok().stdout());
        assertRefused(home, Failure.BAD_DATA, "the file holds 2 secret keys", "keys", "import", "--secret", two.toString());
        assertRefused(home, Failure.BAD_DATA, "holds a certificate", "keys", "import", "--secret",
                gpg.export(first, base.resolve("first.asc")).toString());
        assertFalse(gawah.in(home, "keys", "list").ok().out().contains("own"), "no own key");
    }

    @Test
    void aWrongPassphraseKeepsNothing() throws IOException {
        String fingerprint = protectedKey("Passphrase checked", "future-default", "default", "never");
        Path home = emptyHome();
        String before = state(home);
        Gawah.Result result = new Gawah("not the passphrase").in(home, "keys", "import", "--secret", secretFile(fingerprint).toString());
        assertEquals(Failure.BAD_PASSPHRASE.exitCode(), result.code(), result.stderr());
        assertEquals(before, state(home));
    }

    @Test
    void aHomeKeepsItsOwnKeyForLife() throws IOException {
        String fingerprint = protectedKey("Second own key", "ed25519", "default", "never");
        Path home = emptyHome();
        gawah.in(home, "keys", "generate", "--name", "Made here").ok();
        assertRefused(home, Failure.NOT_READY, "already has its own key", "keys", "import", "--secret", secretFile(fingerprint).toString());
        // Its key file removed, the log it signed stays: another key cannot take it over.
        try (Stream<Path> secrets = Files.list(home.resolve("keys/secret"))) {
            for (Path secret : secrets.toList()) {
                Files.delete(secret);
            }
        }
        assertRefused(home, Failure.NOT_READY, "already holds 1 entries, signed by another key", "keys", "import", "--secret",
                secretFile(fingerprint).toString());
    }
}
