package org.gawah.interop.matrix;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Sequoia's {@code sq} (0.27: stateless, keys and certificates are files). It reads passwords
 * from the terminal only, so a protected key is used on a pseudo-terminal with the passphrase
 * typed in; the data then goes to files, never through the terminal.
 */
final class SqPartner extends Partner {
    private final Tool tool;
    private int files;

    SqPartner(Path base) {
        this.tool = new Tool(base, Map.of());
    }

    @Override
    String name() {
        return "sq";
    }

    @Override
    String version() {
        return "sq " + versionIn(tool.run(List.of("sq", "--version")).ok().out());
    }

    private Path next(String suffix) {
        return tool.file("sq-" + (++files) + suffix);
    }

    /** Runs sq; on a terminal, with the key's passphrase typed, when the key is protected. */
    private Tool.Run sq(Key key, List<String> args) {
        List<String> command = new ArrayList<>(List.of("sq"));
        command.addAll(args);
        if (key != null && key.passphrase() != null && !key.passphrase().isEmpty()) {
            return tool.onTerminal(key.passphrase(), command);
        }
        return tool.run(new byte[0], command);
    }

    private String fingerprintOf(Path file) {
        return tool.run(List.of("sq", "inspect", file.toString())).ok().out().lines()
                .filter(line -> line.strip().startsWith("Fingerprint:")).findFirst()
                .map(line -> line.strip().substring("Fingerprint:".length()).strip())
                .orElseThrow(() -> new AssertionError("sq inspect shows no fingerprint for " + file));
    }

    @Override
    Key generate(String userId, Profile profile) {
        String suite = switch (profile) {
            case ED25519 -> "cv25519";
            case RSA3072 -> "rsa3k";
            case V6 -> throw new Cannot("sq 0.27 makes no v6 keys");
        };
        Path key = next(".key");
        tool.run(List.of("sq", "key", "generate", "--userid", userId, "--cipher-suite", suite, "--export", key.toString())).ok();
        Path cert = next(".asc");
        tool.run(List.of("sq", "key", "extract-cert", "--output", cert.toString(), key.toString())).ok();
        return new Key(fingerprintOf(cert), cert, key, null, "");
    }

    @Override
    void takeIn(Path cert, String fingerprint) {
        Tool.Run inspect = tool.run(List.of("sq", "inspect", cert.toString())).ok()
                .says("OpenPGP Certificate.").says("Fingerprint: " + fingerprint);
        assertTrue(inspect.out().contains("signing") && inspect.out().contains("encryption"),
                "sq finds valid signing and encryption keys: " + inspect.out());
        tool.run(new byte[0], List.of("sq", "encrypt", "--recipient-cert", cert.toString(), "--output", next(".pgp").toString())).ok();
    }

    @Override
    byte[] decrypt(Key key, Path message, Path signerCert, String signerFingerprint) {
        Path out = next(".out");
        // With a signer certificate given, sq fails unless at least one signature by it is good.
        sq(key, List.of("decrypt", "--recipient-key", key.secret().toString(), "--signer-cert",
                signerCert.toString(), "--output", out.toString(), message.toString())).ok()
                .says("Good signature from " + signerFingerprint.substring(24)).says("1 good signature.");
        return Tool.read(out);
    }

    @Override
    Path encrypt(Key signer, byte[] plaintext, Path recipientCert, String recipientFingerprint) {
        Path in = tool.write("sq-" + (++files) + ".txt", plaintext);
        Path out = next(".pgp");
        sq(signer, List.of("encrypt", "--recipient-cert", recipientCert.toString(), "--signer-key", signer.secret().toString(),
                "--output", out.toString(), in.toString())).ok();
        return out;
    }

    @Override
    Path sign(Key signer, Path data) {
        Path out = next(".asc");
        sq(signer, List.of("sign", "--detached", "--signer-key", signer.secret().toString(), "--output", out.toString(),
                data.toString())).ok();
        return out;
    }

    @Override
    void verify(Path signature, Path data, Path signerCert, String signerFingerprint) {
        tool.run(List.of("sq", "verify", "--detached", signature.toString(), "--signer-cert", signerCert.toString(),
                data.toString())).ok().says("Good signature from " + signerFingerprint.substring(24)).says("1 good signature.");
    }

    @Override
    Key importSecret(Path secretKey, String fingerprint, String passphrase) {
        tool.run(List.of("sq", "inspect", secretKey.toString())).ok().says("Transferable Secret Key.")
                .says("Fingerprint: " + fingerprint).says("Secret key: Encrypted");
        return new Key(fingerprint, null, secretKey, null, passphrase);
    }

    @Override
    Refusal v6Refusal(V6 what) {
        return what == V6.MESSAGE ? new Refusal(1, "Malformed OpenPGP message")
                : new Refusal(1, "Unsupported Cert: Unsupported primary key");
    }

    @Override
    Tool.Run offerV6(Path cert) {
        return tool.run(new byte[0], List.of("sq", "encrypt", "--recipient-cert", cert.toString(), "--output", next(".pgp").toString()));
    }

    @Override
    Tool.Run decryptV6(Key own, Path message) {
        return sq(own, List.of("decrypt", "--recipient-key", own.secret().toString(), "--output", next(".out").toString(),
                message.toString()));
    }

    @Override
    Tool.Run verifyV6(Path signature, Path data, Path cert) {
        return tool.run(List.of("sq", "verify", "--detached", signature.toString(), "--signer-cert", cert.toString(),
                data.toString()));
    }

    @Override
    Tool.Run signWithV6(Path secretKey, Path data, Path recipientCert) {
        List<String> args = recipientCert == null ? List.of("sq", "sign", "--detached")
                : List.of("sq", "encrypt", "--recipient-cert", recipientCert.toString());
        List<String> command = new ArrayList<>(args);
        command.addAll(List.of("--signer-key", secretKey.toString(), "--output", next(".out").toString(), data.toString()));
        return tool.run(new byte[0], command);
    }
}
