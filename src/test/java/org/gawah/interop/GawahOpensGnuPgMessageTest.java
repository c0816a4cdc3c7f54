package org.gawah.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.gawah.testsupport.Gawah;
import org.gawah.testsupport.Homes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A documenter who seals with GnuPG: gawah opens what gpg signs and encrypts, byte for byte. */
class GawahOpensGnuPgMessageTest {
    /** Dari, an emoji, CRLF and LF, a NUL and no final newline: nothing may be re-encoded or normalised. */
    static final byte[] AWKWARD = "{\"statement\": \"شاهد دیدم که 🕊️ آمدند\"}\r\nline two\n\u0000end"
            .getBytes(StandardCharsets.UTF_8);

    @TempDir
    static Path base;
    static GpgDocumenter setup;

    @BeforeAll
    static void setUp() {
        setup = new GpgDocumenter(base).withLegalSecretKey();
    }

    @AfterAll
    static void stopAgent() {
        if (setup != null) {
            setup.close();
        }
    }

    private static void assertOpensTo(byte[] expected, Path message) {
        Gawah.Result result = setup.open(message);
        assertEquals(0, result.code(), result.stderr());
        assertArrayEquals(expected, result.stdout(), "exactly the bytes gpg signed");
        assertTrue(result.stderr().contains("good signature from ") && result.stderr().contains(" (Gpg Documenter"), result.stderr());
        assertTrue(result.stderr().replace(" ", "").contains(setup.fingerprint), "names the gpg key: " + result.stderr());
    }

    @Test
    void gpgSignAndEncryptWithDefaultSettings() {
        byte[] testimony = Homes.sampleInput();
        Path message = setup.message(testimony, "--local-user", setup.fingerprint, "--sign", "--encrypt");
        String packets = setup.packets(message);
        assertTrue(packets.contains(":onepass_sig packet:") && packets.contains(":literal data packet:"), packets);
        // gpg compresses by default, but honours the "uncompressed only" preference of gawah's key.
        assertFalse(packets.contains("compressed packet"), packets);
        assertOpensTo(testimony, message);
    }

    @Test
    void gpgArmoredMessage() throws IOException {
        byte[] testimony = Homes.sampleInput();
        Path message = setup.message(testimony, "--local-user", setup.fingerprint, "--armor", "--sign", "--encrypt");
        assertTrue(Files.readString(message, StandardCharsets.US_ASCII).startsWith("-----BEGIN PGP MESSAGE-----"));
        assertOpensTo(testimony, message);
    }

    @Test
    void gpgCompressedWithZlib() {
        byte[] testimony = Homes.sampleInput();
        Path message = setup.message(testimony, "--local-user", setup.fingerprint, "--compress-algo", "zlib", "--sign", "--encrypt");
        assertTrue(setup.packets(message).contains(":compressed packet: algo=2"), "gpg compressed it");
        assertOpensTo(testimony, message);
    }

    @Test
    void gpgCompressedWithBzip2AndArmored() {
        byte[] testimony = Homes.sampleInput();
        Path message = setup.message(testimony, "--local-user", setup.fingerprint, "--compress-algo", "bzip2", "--armor",
                "--sign", "--encrypt");
        assertTrue(setup.packets(message).contains(":compressed packet: algo=3"), "gpg compressed it");
        assertOpensTo(testimony, message);
    }

    @Test
    void dariEmojiAndLineEndingsComeBackUnchanged() {
        Path message = setup.message(AWKWARD, "--local-user", setup.fingerprint, "--compress-algo", "zlib", "--sign", "--encrypt");
        assertOpensTo(AWKWARD, message);
    }

    @Test
    void gpgTextModeSignatureOpensToTheCanonicalCrlfText() {
        // In text mode gpg stores the literal data with CRLF line ends (and its own --decrypt turns
        // them back into LF); gawah shows the signed literal data as it is, i.e. CRLF.
        byte[] testimony = Homes.sampleInput();
        Path message = setup.message(testimony, "--local-user", setup.fingerprint, "--textmode", "--sign", "--encrypt");
        assertTrue(setup.packets(message).contains("sigclass 0x01"), "a canonical-text signature");
        String crlf = new String(testimony, StandardCharsets.UTF_8).replace("\n", "\r\n");
        assertOpensTo(crlf.getBytes(StandardCharsets.UTF_8), message);
    }
}
