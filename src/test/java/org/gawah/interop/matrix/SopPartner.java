package org.gawah.interop.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Stateless OpenPGP command line: Sequoia's {@code sqop}, or OpenPGP.js through
 * {@code src/test/node/sop.mjs}, which speaks the same subset. Keys and certificates are files;
 * a signature is good when the verifications output names the signer's primary fingerprint.
 */
final class SopPartner extends Partner {
    private static final Path NODE_DRIVER = Path.of("src", "test", "node", "sop.mjs").toAbsolutePath();

    private final String name;
    private final List<String> program;
    private final boolean openPgpJs;
    private final Tool tool;
    private int files;

    private SopPartner(String name, List<String> program, boolean openPgpJs, Path base) {
        this.name = name;
        this.program = program;
        this.openPgpJs = openPgpJs;
        this.tool = new Tool(base, Map.of());
    }

    static SopPartner sqop(Path base) {
        return new SopPartner("sqop", List.of("sqop"), false, base);
    }

    static SopPartner openPgpJs(Path base) {
        if (!Files.isDirectory(NODE_DRIVER.resolveSibling("node_modules").resolve("openpgp"))) {
            throw new AssertionError("OpenPGP.js is not installed: run npm ci in src/test/node (.ci/run does)");
        }
        return new SopPartner("OpenPGP.js", List.of("node", NODE_DRIVER.toString()), true, base);
    }

    @Override
    String name() {
        return name;
    }

    @Override
    String version() {
        String out = sop(null, "version").ok().out();
        return openPgpJs ? "openpgp " + versionIn(out) + " (Node.js " + versionIn(out.substring(out.indexOf("node"))) + ")"
                : "sqop " + versionIn(out);
    }

    private Tool.Run sop(byte[] stdin, String... args) {
        List<String> command = new ArrayList<>(program);
        command.addAll(List.of(args));
        return tool.run(stdin == null ? new byte[0] : stdin, command);
    }

    private Path next(String suffix) {
        return tool.file(name.replace(".", "") + "-" + (++files) + suffix);
    }

    private Path save(String suffix, byte[] bytes) {
        return tool.write(next(suffix).getFileName().toString(), bytes);
    }

    private static byte[] read(Path file) {
        return Tool.read(file);
    }

    /** The {@code --with-key-password=FILE} option a protected key needs, or none. */
    private List<String> password(Key key) {
        if (key.passphrase() == null || key.passphrase().isEmpty()) {
            return List.of();
        }
        return List.of("--with-key-password=" + save(".pw", key.passphrase().getBytes(StandardCharsets.UTF_8)));
    }

    /** Requires a verification line whose primary fingerprint is {@code fingerprint}. */
    private static void assertVerified(String verifications, String fingerprint, Tool.Run run) {
        boolean found = verifications.lines().map(line -> line.split(" "))
                .anyMatch(words -> words.length >= 3 && words[2].equalsIgnoreCase(fingerprint));
        assertTrue(found, "a good signature by " + fingerprint + ", got: [" + verifications + "]\n" + run.all());
    }

    @Override
    Key generate(String userId, Profile profile) {
        List<String> args = new ArrayList<>(List.of("generate-key"));
        if (openPgpJs) {
            args.add("--profile=" + profile.name().toLowerCase(java.util.Locale.ROOT));
        } else if (profile != Profile.ED25519) {
            throw new Cannot(profile == Profile.V6 ? "sqop 0.27 makes no v6 keys"
                    : "sqop 0.27 makes Curve25519 keys only");
        }
        args.add(userId);
        Path key = save(".key", sop(null, args.toArray(new String[0])).ok().stdout());
        Path cert = save(".asc", sop(read(key), "extract-cert").ok().stdout());
        return new Key(fingerprint(key, cert), cert, key, null, "");
    }

    /** SOP has no inspect: the primary fingerprint is what a verification of the key's own signature names. */
    private String fingerprint(Path key, Path cert) {
        if (openPgpJs) {
            return sop(read(cert), "inspect").ok().out().split(" ")[1];
        }
        Path data = save(".txt", new byte[] {'x'});
        Path signature = save(".sig", sop(read(data), "sign", key.toString()).ok().stdout());
        String line = sop(read(data), "verify", signature.toString(), cert.toString()).ok().out().strip();
        return line.split(" ")[2];
    }

    @Override
    void takeIn(Path cert, String fingerprint) {
        if (openPgpJs) {
            String inspect = sop(read(cert), "inspect").ok().out().strip();
            assertEquals("v4 " + fingerprint + " encrypt sign", inspect, "OpenPGP.js reads the certificate as usable");
        }
        // What taking in means for a stateless tool: the certificate is accepted as a recipient.
        assertTrue(sop(new byte[0], "encrypt", cert.toString()).ok().stdout().length > 0);
    }

    @Override
    byte[] decrypt(Key key, Path message, Path signerCert, String signerFingerprint) {
        Path verifications = next(".verifications");
        List<String> args = new ArrayList<>(List.of("decrypt", "--verify-with=" + signerCert,
                "--verifications-out=" + verifications));
        args.addAll(password(key));
        args.add(key.secret().toString());
        Tool.Run run = sop(read(message), args.toArray(new String[0])).ok();
        assertVerified(new String(read(verifications), StandardCharsets.UTF_8), signerFingerprint, run);
        return run.stdout();
    }

    @Override
    Path encrypt(Key signer, byte[] plaintext, Path recipientCert, String recipientFingerprint) {
        List<String> args = new ArrayList<>(List.of("encrypt", "--sign-with=" + signer.secret()));
        args.addAll(password(signer));
        args.add(recipientCert.toString());
        return save(".pgp", sop(plaintext, args.toArray(new String[0])).ok().stdout());
    }

    @Override
    Path sign(Key signer, Path data) {
        List<String> args = new ArrayList<>(List.of("sign"));
        args.addAll(password(signer));
        args.add(signer.secret().toString());
        return save(".asc", sop(read(data), args.toArray(new String[0])).ok().stdout());
    }

    @Override
    void verify(Path signature, Path data, Path signerCert, String signerFingerprint) {
        Tool.Run run = sop(read(data), "verify", signature.toString(), signerCert.toString()).ok();
        assertVerified(run.out(), signerFingerprint, run);
    }

    @Override
    Key importSecret(Path secretKey, String fingerprint, String passphrase) {
        if (openPgpJs) {
            assertEquals("v4 " + fingerprint + " encrypt sign", sop(read(secretKey), "inspect").ok().out().strip());
        }
        return new Key(fingerprint, null, secretKey, null, passphrase);
    }

    @Override
    Refusal v6Refusal(V6 what) {
        return openPgpJs ? null : new Refusal(41, "Invalid data type");
    }

    @Override
    Tool.Run offerV6(Path cert) {
        if (openPgpJs) {
            return sop(read(cert), "inspect");
        }
        return sop(new byte[0], "encrypt", cert.toString());
    }

    @Override
    Tool.Run decryptV6(Key own, Path message) {
        return sop(read(message), "decrypt", own.secret().toString());
    }

    @Override
    Tool.Run verifyV6(Path signature, Path data, Path cert) {
        return sop(read(data), "verify", signature.toString(), cert.toString());
    }

    @Override
    Tool.Run signWithV6(Path secretKey, Path data, Path recipientCert) {
        return recipientCert == null ? sop(read(data), "sign", secretKey.toString())
                : sop(read(data), "encrypt", "--sign-with=" + secretKey, recipientCert.toString());
    }
}
