package org.gawah.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.gawah.testsupport.Gawah;
import org.gawah.testsupport.Homes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GnuPG 2.2 reads algorithm preferences from the user-ID self-signature only. Gawah's keys must
 * carry AES-256 and SHA-512 first there, or gpg falls back to 3DES and SHA-1 when it writes to
 * the legal team.
 */
class GnuPgReadsGawahKeyPreferencesTest {
    @TempDir
    static Path base;
    static GpgDocumenter setup;
    static String legal;

    @BeforeAll
    static void setUp() {
        setup = new GpgDocumenter(base);
        legal = setup.homes.legalFingerprint;
    }

    @AfterAll
    static void stopAgent() {
        if (setup != null) {
            setup.close();
        }
    }

    @Test
    void userIdSelfSignatureCarriesTheAlgorithmPreferences() {
        Path cert = base.resolve("legal-for-packets.asc");
        setup.homes.gawah.in(setup.homes.legal, "keys", "export", "--out", cert.toString()).ok();
        String packets = setup.gpg.run("--list-packets", cert.toString()).ok().out();
        String selfSignature = Arrays.stream(packets.split("# off="))
                .filter(packet -> packet.contains(":signature packet:") && packet.contains("sigclass 0x13"))
                .findFirst().orElseThrow(() -> new AssertionError("no positive user-ID certification\n" + packets));
        assertTrue(selfSignature.contains("hashed subpkt 11 len 2 (pref-sym-algos: 9 7)"), selfSignature);
        assertTrue(selfSignature.contains("hashed subpkt 21 len 3 (pref-hash-algos: 10 9 8)"), selfSignature);
        assertTrue(selfSignature.contains("hashed subpkt 22 len 1 (pref-zip-algos: 0)"), selfSignature);
        assertTrue(selfSignature.contains("(features: 01)"), "MDC advertised: " + selfSignature);
        assertTrue(selfSignature.contains("digest algo 10,"), "self-signature made with SHA-512: " + selfSignature);
    }

    @Test
    void gpgShowsAes256AndSha512FirstAndNoCompression() {
        String listing = setup.gpg.run("--with-colons", "--edit-key", legal, "quit").ok().out();
        String uid = listing.lines().filter(line -> line.startsWith("uid:")).findFirst()
                .orElseThrow(() -> new AssertionError(listing));
        assertEquals("S9 S7 H10 H9 H8 Z0,mdc", uid.split(":")[12], uid);
    }

    @Test
    void gpgSeesEd25519SigningAndX25519EncryptionKeys() {
        List<String> lines = setup.gpg.run("--with-colons", "--list-keys", legal).ok().out().lines().toList();
        String pub = lines.stream().filter(line -> line.startsWith("pub:")).findFirst().orElseThrow();
        String sub = lines.stream().filter(line -> line.startsWith("sub:")).findFirst().orElseThrow();
        assertEquals("22", pub.split(":")[3], "legacy EdDSA primary: " + pub);
        assertEquals("ed25519", pub.split(":")[16], pub);
        assertEquals("18", sub.split(":")[3], "ECDH subkey: " + sub);
        assertEquals("cv25519", sub.split(":")[16], sub);
        assertEquals("e", sub.split(":")[11], "encryption only: " + sub);
    }

    @Test
    void gpgEncryptsToTheGawahKeyWithAes256AndSignsWithSha512Unasked() {
        byte[] testimony = Homes.sampleInput();
        Path message = base.resolve("unasked.gpg");
        // No --cipher-algo, --digest-algo or --compress-algo: gpg picks from the key's preferences.
        GnuPG.Result made = setup.gpg.runWithInput(testimony, "--verbose", "--trust-model", "always",
                "--recipient", legal, "--local-user", setup.fingerprint, "--sign", "--encrypt", "--output", message.toString()).ok();
        List<String> encryption = made.require("BEGIN_ENCRYPTION");
        assertEquals("2", encryption.get(1), "MDC: " + made.stderr());
        assertEquals("9", encryption.get(2), "AES256: " + made.stderr());
        assertTrue(made.stderr().contains("ECDH/AES256 encrypted for: "), made.stderr());
        assertEquals("10", made.require("SIG_CREATED").get(3), "SHA512: " + made.stderr());

        Gawah.Result opened = setup.open(message).ok();
        assertArrayEquals(testimony, opened.stdout());
        assertTrue(opened.stderr().replace(" ", "").contains(setup.fingerprint), opened.stderr());
    }
}
