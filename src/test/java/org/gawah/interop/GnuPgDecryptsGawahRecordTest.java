package org.gawah.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.gawah.testsupport.Homes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's promise: the legal team can open an exported record with plain GnuPG 2.2, using
 * the key exported by {@code gawah keys export --secret}, and gets the same bytes as gawah shows.
 */
class GnuPgDecryptsGawahRecordTest {
    @TempDir
    static Path base;
    static Homes homes;
    static GnuPG gpg;
    static Path sealed;
    static byte[] openedByGawah;

    @BeforeAll
    static void setUp() {
        homes = Homes.copied(base.resolve("gawah"));
        String id = homes.record();
        sealed = base.resolve("record.pgp");
        homes.gawah.in(homes.documenter, "export-sealed", id, "--out", sealed.toString()).ok();
        openedByGawah = homes.gawah.in(homes.legal, "open", "--sealed", sealed.toString()).ok().stdout();

        Path legalSecret = base.resolve("legal.sec.asc");
        Path documenterCert = base.resolve("documenter.asc");
        homes.gawah.in(homes.legal, "keys", "export", "--secret", "--out", legalSecret.toString()).ok();
        homes.gawah.in(homes.documenter, "keys", "export", "--out", documenterCert.toString()).ok();
        gpg = new GnuPG(base.resolve("gpg")).passphrase(Homes.PASSPHRASE);
        assertEquals(homes.legalFingerprint, gpg.importKey(legalSecret));
        assertEquals(homes.documenterFingerprint, gpg.importKey(documenterCert));
    }

    @AfterAll
    static void stopAgent() {
        if (gpg != null) {
            gpg.close();
        }
    }

    @Test
    void gpgDecryptsToExactlyTheBytesGawahOpens() {
        GnuPG.Result result = gpg.run("--decrypt", sealed.toString()).ok();
        assertTrue(openedByGawah.length > 100, "gawah opened the record");
        assertArrayEquals(openedByGawah, result.stdout(), "gpg and gawah read the same plaintext");
        result.require("DECRYPTION_OKAY");
        result.require("GOODMDC");
        assertTrue(result.status("DECRYPTION_FAILED").isEmpty(), result.stderr());
    }

    @Test
    void gpgFindsAGoodSignatureByTheDocumenter() {
        GnuPG.Result result = gpg.run("--decrypt", sealed.toString()).ok();
        List<String> good = result.require("GOODSIG");
        assertEquals(homes.documenterFingerprint.substring(24), good.get(1), "GOODSIG names the documenter's key id");
        List<String> valid = result.require("VALIDSIG");
        assertEquals(homes.documenterFingerprint, valid.get(1));
        assertEquals(homes.documenterFingerprint, valid.get(10), "primary key fingerprint");
        assertTrue(result.status("BADSIG").isEmpty() && result.status("ERRSIG").isEmpty(), result.stderr());
    }

    @Test
    void recordIsAes256WithMdcAndSha512() {
        GnuPG.Result result = gpg.run("--decrypt", sealed.toString()).ok();
        List<String> info = result.require("DECRYPTION_INFO");
        assertEquals("2", info.get(1), "MDC (SEIPD v1), the only integrity gpg 2.2 knows");
        assertEquals("9", info.get(2), "AES256");
        List<String> valid = result.require("VALIDSIG");
        assertEquals("22", valid.get(7), "legacy EdDSA signature");
        assertEquals("10", valid.get(8), "SHA512");
        assertEquals("00", valid.get(9), "binary document signature");
    }

    @Test
    void recordHoldsNoCompressionPacket() {
        // With the secret key at hand, --list-packets decrypts and lists the packets inside too.
        String packets = gpg.run("--list-packets", sealed.toString()).ok().out();
        assertTrue(packets.contains(":encrypted data packet:"), packets);
        assertTrue(packets.contains("mdc_method: 2"), packets);
        assertTrue(packets.contains(":onepass_sig packet:"), packets);
        assertTrue(packets.contains(":literal data packet:"), packets);
        assertTrue(packets.contains(":signature packet:"), packets);
        assertFalse(packets.contains("compressed packet"), packets);
    }
}
