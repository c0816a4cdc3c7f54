package org.gawah.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.gawah.Failure;
import org.gawah.testsupport.Gawah;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Messages made by gpg that gawah must refuse: each with its exit code, one "gawah: error:"
 * message naming the reason, and nothing of the plaintext on stdout or stderr.
 */
class GnuPgMessageRefusalsTest {
    static final String SECRET_WORD = "WITNESS-SAW-THE-CONVOY";
    static final byte[] PLAINTEXT = ("{\"statement\": \"" + SECRET_WORD + " شاهد\"}\n").getBytes(StandardCharsets.UTF_8);

    @TempDir
    static Path base;
    static GpgDocumenter setup;

    @BeforeAll
    static void setUp() {
        setup = new GpgDocumenter(base);
    }

    @AfterAll
    static void stopAgent() {
        if (setup != null) {
            setup.close();
        }
    }

    private static Gawah.Result assertRefused(Failure expected, String reason, Path message) {
        Gawah.Result result = setup.open(message);
        assertEquals(expected.exitCode(), result.code(), result.stderr());
        assertEquals(0, result.stdout().length, "nothing may reach stdout");
        assertTrue(result.stderr().startsWith("gawah: error: "), result.stderr());
        assertTrue(result.stderr().contains(reason), "says '" + reason + "': " + result.stderr());
        assertFalse(result.stderr().contains(SECRET_WORD), "no plaintext in messages");
        assertFalse(result.stderr().contains("good signature"), result.stderr());
        return result;
    }

    @Test
    void encryptedButUnsigned() {
        Path message = setup.message(PLAINTEXT, "--encrypt");
        assertRefused(Failure.NO_SIGNATURE, "not signed", message);
    }

    @Test
    void signedByAGpgKeyGawahDoesNotKnow() {
        Path message = setup.message(PLAINTEXT, "--local-user", setup.stranger, "--sign", "--encrypt");
        Gawah.Result result = assertRefused(Failure.UNKNOWN_SIGNER, "not a known documenter key", message);
        assertTrue(result.stderr().contains(setup.stranger.substring(24)), "names the signer's key id: " + result.stderr());
    }

    @Test
    void sha1SignatureIsRefusedNeverPassed() {
        Path message = setup.message(PLAINTEXT, "--local-user", setup.fingerprint, "--digest-algo", "SHA1",
                "--sign", "--encrypt");
        assertTrue(setup.gpg.run("--list-packets", message.toString()).out().contains("tag=18"), "the message itself is fine");
        assertRefused(Failure.BAD_SIGNATURE, "SHA-1", message);
    }

    @Test
    void messageWithoutMdcIsRefused() {
        // gpg 2.2.40 still writes a Symmetrically Encrypted Data packet (tag 9, no MDC) with --rfc2440.
        Path message = setup.message(PLAINTEXT, "--rfc2440", "--local-user", setup.fingerprint, "--sign", "--encrypt");
        String packets = setup.gpg.run("--list-packets", message.toString()).out();
        assertTrue(packets.contains("tag=9 "), "gpg made a message without MDC: " + packets);
        assertRefused(Failure.BAD_DATA, "no integrity protection", message);
    }

    @Test
    void twoSignaturesAreRefused() {
        Path message = setup.message(PLAINTEXT, "--local-user", setup.fingerprint, "--local-user", setup.stranger,
                "--sign", "--encrypt");
        assertRefused(Failure.BAD_DATA, "2 one-pass signatures", message);
    }

    @Test
    void signedButNotEncrypted() {
        Path message = setup.message(PLAINTEXT, "--local-user", setup.fingerprint, "--sign");
        assertRefused(Failure.BAD_DATA, "not an encrypted OpenPGP message", message);
    }

    @Test
    void passwordEncryptedOnly() {
        Path message = setup.message(PLAINTEXT, "--passphrase", "letmein", "--symmetric");
        assertRefused(Failure.CANNOT_DECRYPT, "no public-key recipients", message);
    }
}
