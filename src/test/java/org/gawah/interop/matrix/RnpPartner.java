package org.gawah.interop.matrix;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RNP ({@code rnp} and {@code rnpkeys}). Each key lives in an RNP home folder of its own, so a
 * decryption can only have used that key; certificates of others are imported into it. RNP
 * names keys by lower-case fingerprints.
 */
final class RnpPartner extends Partner {
    private static final Pattern FINGERPRINT = Pattern.compile("(?m)^\\s+([0-9a-f]{40})$");

    private final Path base;
    private final Tool tool;
    private int homes;
    private int files;

    RnpPartner(Path base) {
        this.base = base;
        this.tool = new Tool(base.resolve("runs"), Map.of());
    }

    @Override
    String name() {
        return "rnp";
    }

    @Override
    String version() {
        return "rnp " + versionIn(tool.run(List.of("rnp", "--version")).ok().out().lines().findFirst().orElse(""));
    }

    private Path newHome() {
        try {
            return Files.createDirectories(base.resolve("home-" + (++homes)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path next(String suffix) {
        return tool.file("rnp-" + (++files) + suffix);
    }

    private Tool.Run rnp(String program, Path home, byte[] stdin, String... args) {
        List<String> command = new ArrayList<>(List.of(program, "--homedir", home.toString(), "--notty"));
        command.addAll(List.of(args));
        return tool.run(stdin, command);
    }

    private static String lower(String fingerprint) {
        return fingerprint.toLowerCase(Locale.ROOT);
    }

    private void importInto(Path home, Path cert, String fingerprint) {
        rnp("rnpkeys", home, null, "--import", cert.toString()).ok();
        rnp("rnpkeys", home, null, "--list-keys").ok().says(lower(fingerprint));
    }

    @Override
    Key generate(String userId, Profile profile) {
        Path home = newHome();
        Tool.Run run = switch (profile) {
            // --expert asks for the algorithm on stdin: 22 is EdDSA with an X25519 (ECDH) subkey.
            case ED25519 -> rnp("rnpkeys", home, "22\n".getBytes(), "--generate-key", "--expert", "--userid", userId,
                    "--password", "");
            case RSA3072 -> rnp("rnpkeys", home, null, "--generate-key", "--numbits", "3072", "--userid", userId,
                    "--password", "");
            case V6 -> throw new Cannot("rnp 0.16 makes no v6 keys");
        };
        Matcher matcher = FINGERPRINT.matcher(run.ok().out());
        if (!matcher.find()) {
            throw new AssertionError("no fingerprint in rnpkeys' output:\n" + run.all());
        }
        String fingerprint = matcher.group(1).toUpperCase(Locale.ROOT);
        Path cert = tool.write(fingerprint + ".asc", rnp("rnpkeys", home, null, "--export-key", fingerprint).ok().stdout());
        return new Key(fingerprint, cert, null, home, "");
    }

    @Override
    void takeIn(Path cert, String fingerprint) {
        Path home = newHome();
        importInto(home, cert, fingerprint);
        String listing = rnp("rnpkeys", home, null, "--list-keys").ok().out();
        assertTrue(listing.contains("[SC]") && listing.contains("[E]"), "a signing key and an encryption subkey: " + listing);
    }

    @Override
    byte[] decrypt(Key key, Path message, Path signerCert, String signerFingerprint) {
        importInto(key.keyring(), signerCert, signerFingerprint);
        Path out = next(".out");
        rnp("rnp", key.keyring(), null, "--decrypt", message.toString(), "--output", out.toString(),
                "--password", key.passphrase()).ok()
                .says("Good signature").says(lower(signerFingerprint)).says("Signature(s) verified successfully");
        return Tool.read(out);
    }

    @Override
    Path encrypt(Key signer, byte[] plaintext, Path recipientCert, String recipientFingerprint) {
        importInto(signer.keyring(), recipientCert, recipientFingerprint);
        Path in = tool.write("rnp-" + (++files) + ".txt", plaintext);
        Path out = next(".pgp");
        rnp("rnp", signer.keyring(), null, "--encrypt", "--sign", "--recipient", recipientFingerprint, "--userid",
                signer.fingerprint(), "--password", signer.passphrase(), "--output", out.toString(), in.toString()).ok();
        return out;
    }

    @Override
    Path sign(Key signer, Path data) {
        Path out = next(".asc");
        rnp("rnp", signer.keyring(), null, "--sign", "--detach", "--armor", "--userid", signer.fingerprint(),
                "--password", signer.passphrase(), "--output", out.toString(), data.toString()).ok();
        return out;
    }

    @Override
    void verify(Path signature, Path data, Path signerCert, String signerFingerprint) {
        Path home = newHome();
        importInto(home, signerCert, signerFingerprint);
        rnp("rnp", home, null, "--verify", signature.toString(), "--source", data.toString()).ok()
                .says("Good signature").says(lower(signerFingerprint)).says("Signature(s) verified successfully");
    }

    @Override
    Key importSecret(Path secretKey, String fingerprint, String passphrase) {
        Path home = newHome();
        rnp("rnpkeys", home, null, "--import", secretKey.toString()).ok();
        rnp("rnpkeys", home, null, "--list-keys", "--secret").ok().says(lower(fingerprint));
        return new Key(fingerprint, null, null, home, passphrase);
    }

    @Override
    Refusal v6Refusal(V6 what) {
        return new Refusal(1, switch (what) {
            case CERTIFICATE, SECRET_KEY -> "wrong key packet version";
            case MESSAGE -> "unknown mdc ver: 2";
            case SIGNATURE -> "unknown signature version: 6";
        });
    }

    @Override
    Tool.Run offerV6(Path cert) {
        return rnp("rnpkeys", newHome(), null, "--import", cert.toString());
    }

    @Override
    Tool.Run decryptV6(Key own, Path message) {
        return rnp("rnp", own.keyring(), null, "--decrypt", message.toString(), "--output", next(".out").toString(),
                "--password", own.passphrase());
    }

    /** The v6 certificate cannot be imported (its own row): the signature is checked without it. */
    @Override
    Tool.Run verifyV6(Path signature, Path data, Path cert) {
        return rnp("rnp", newHome(), null, "--verify", signature.toString(), "--source", data.toString());
    }

    /** Signing with a key starts with importing it. */
    @Override
    Tool.Run signWithV6(Path secretKey, Path data, Path recipientCert) {
        return rnp("rnpkeys", newHome(), null, "--import", secretKey.toString());
    }
}
