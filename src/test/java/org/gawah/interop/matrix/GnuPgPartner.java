package org.gawah.interop.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * GnuPG ({@code gpg}), batch mode with status lines on stderr. Each key lives in a GnuPG home of
 * its own, so a decryption can only have used that key; certificates of others are imported
 * into it when needed.
 */
final class GnuPgPartner extends Partner {
    private final Path base;
    private final Tool tool;
    private final List<Path> homes = new ArrayList<>();

    GnuPgPartner(Path base) {
        this.base = base;
        this.tool = new Tool(base.resolve("runs"), Map.of());
    }

    @Override
    String name() {
        return "GnuPG";
    }

    @Override
    String version() {
        return "gpg " + versionIn(tool.run(List.of("gpg", "--version")).ok().out().lines().findFirst().orElse(""));
    }

    private Path newHome() {
        try {
            Path home = base.resolve("home-" + (homes.size() + 1));
            Files.createDirectories(home, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            Files.writeString(home.resolve("gpg-agent.conf"), "allow-loopback-pinentry\n");
            homes.add(home);
            return home;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Tool.Run gpg(Path home, String passphrase, byte[] stdin, String... args) {
        List<String> command = new ArrayList<>(List.of("gpg", "--homedir", home.toString(), "--batch", "--no-tty",
                "--status-fd", "2", "--pinentry-mode", "loopback", "--trust-model", "always"));
        if (passphrase != null) {
            command.addAll(List.of("--passphrase-file", tool.write("passphrase-" + home.getFileName(),
                    (passphrase + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString()));
        }
        command.addAll(List.of(args));
        return tool.run(stdin, command);
    }

    /** The words of the first status line with this keyword (word 0 is the keyword). */
    private static Optional<List<String>> status(Tool.Run run, String keyword) {
        return run.stderr().lines().filter(line -> line.startsWith("[GNUPG:] " + keyword + " ") || line.equals("[GNUPG:] " + keyword))
                .map(line -> List.of(line.substring(9).split(" "))).findFirst();
    }

    private static List<String> require(Tool.Run run, String keyword) {
        return status(run, keyword).orElseThrow(() -> new AssertionError("no " + keyword + " from " + run.command()
                + "\n" + run.stderr()));
    }

    private String importInto(Path home, Path file) {
        return require(gpg(home, null, null, "--import", file.toString()).ok(), "IMPORT_OK").get(2);
    }

    @Override
    Key generate(String userId, Profile profile) {
        String[] algorithms = switch (profile) {
            case ED25519 -> new String[] {"ed25519", "cv25519"};
            case RSA3072 -> new String[] {"rsa3072", "rsa3072"};
            case V6 -> throw new Cannot("GnuPG 2.2 makes no v6 keys");
        };
        Path home = newHome();
        String fingerprint = require(gpg(home, "", null, "--quick-gen-key", userId, algorithms[0], "sign", "never").ok(),
                "KEY_CREATED").get(2);
        gpg(home, "", null, "--quick-add-key", fingerprint, algorithms[1], "encr", "never").ok();
        Path cert = tool.write(fingerprint + ".asc", gpg(home, null, null, "--export", "--armor", fingerprint).ok().stdout());
        return new Key(fingerprint, cert, null, home, "");
    }

    @Override
    void takeIn(Path cert, String fingerprint) {
        Path home = newHome();
        assertEquals(fingerprint, importInto(home, cert));
        String pub = gpg(home, null, null, "--with-colons", "--list-keys", fingerprint).ok().out().lines()
                .filter(line -> line.startsWith("pub:")).findFirst().orElseThrow();
        String capabilities = pub.split(":")[11];
        assertTrue(capabilities.contains("E") && capabilities.contains("S"), "usable to encrypt and sign: " + pub);
    }

    @Override
    byte[] decrypt(Key key, Path message, Path signerCert, String signerFingerprint) {
        importInto(key.keyring(), signerCert);
        Tool.Run run = gpg(key.keyring(), key.passphrase(), null, "--decrypt", message.toString()).ok();
        require(run, "DECRYPTION_OKAY");
        assertEquals(signerFingerprint, require(run, "VALIDSIG").get(10), "signed by the primary key " + signerFingerprint);
        assertTrue(status(run, "BADSIG").isEmpty() && status(run, "ERRSIG").isEmpty(), run.stderr());
        return run.stdout();
    }

    @Override
    Path encrypt(Key signer, byte[] plaintext, Path recipientCert, String recipientFingerprint) {
        importInto(signer.keyring(), recipientCert);
        Path out = tool.file("message-" + System.nanoTime() + ".gpg");
        gpg(signer.keyring(), signer.passphrase(), plaintext, "--local-user", signer.fingerprint(),
                "--recipient", recipientFingerprint, "--output", out.toString(), "--sign", "--encrypt").ok();
        return out;
    }

    @Override
    Path sign(Key signer, Path data) {
        Path out = tool.file(data.getFileName() + "-" + System.nanoTime() + ".asc");
        gpg(signer.keyring(), signer.passphrase(), null, "--local-user", signer.fingerprint(), "--armor",
                "--output", out.toString(), "--detach-sign", data.toString()).ok();
        return out;
    }

    @Override
    void verify(Path signature, Path data, Path signerCert, String signerFingerprint) {
        Path home = newHome();
        importInto(home, signerCert);
        Tool.Run run = gpg(home, null, null, "--verify", signature.toString(), data.toString()).ok();
        assertEquals(signerFingerprint, require(run, "VALIDSIG").get(10));
    }

    @Override
    Key importSecret(Path secretKey, String fingerprint, String passphrase) {
        Path home = newHome();
        assertEquals(fingerprint, require(gpg(home, passphrase, null, "--import", secretKey.toString()).ok(), "IMPORT_OK").get(2));
        return new Key(fingerprint, null, null, home, passphrase);
    }

    /** GnuPG 2.2 names the packet it stops at: 6 public key, 1 session key, 2 signature, 5 secret key. */
    @Override
    Refusal v6Refusal(V6 what) {
        int packet = switch (what) {
            case CERTIFICATE -> 6;
            case MESSAGE -> 1;
            case SIGNATURE -> 2;
            case SECRET_KEY -> 5;
        };
        return new Refusal(2, "packet(" + packet + ") with unknown version 6");
    }

    @Override
    Tool.Run offerV6(Path cert) {
        return gpg(newHome(), null, null, "--import", cert.toString());
    }

    @Override
    Tool.Run decryptV6(Key own, Path message) {
        return gpg(own.keyring(), own.passphrase(), null, "--decrypt", message.toString());
    }

    /** The v6 certificate cannot be imported (its own row): the signature is checked without it. */
    @Override
    Tool.Run verifyV6(Path signature, Path data, Path cert) {
        return gpg(newHome(), null, null, "--verify", signature.toString(), data.toString());
    }

    /** Signing with a key starts with importing it. */
    @Override
    Tool.Run signWithV6(Path secretKey, Path data, Path recipientCert) {
        return gpg(newHome(), "", null, "--import", secretKey.toString());
    }

    /** Stops the gpg-agent of every home, so no process outlives the test. */
    @Override
    public void close() {
        for (Path home : homes) {
            tool.run(List.of("gpgconf", "--homedir", home.toString(), "--kill", "all"));
        }
    }
}
