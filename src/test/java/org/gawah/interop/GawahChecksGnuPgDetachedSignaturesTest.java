package org.gawah.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.gawah.Failure;
import org.gawah.GawahException;
import org.gawah.openpgp.Certificate;
import org.gawah.openpgp.DetachedSignature;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Detached signatures (the ones on bags' tag manifests and custody entries) made by GnuPG, judged
 * by Gawah: good ones pass with their signer, and every other kind fails with its own reason.
 */
class GawahChecksGnuPgDetachedSignaturesTest {
    private static final byte[] DATA = "0123abcd  data/GWH-0000-0000-0000-0000.pgp\n".getBytes(StandardCharsets.UTF_8);

    @TempDir
    static Path base;
    static GpgDocumenter gpg;
    static Certificate documenter;
    static Path data;

    @BeforeAll
    static void keys() throws Exception {
        gpg = new GpgDocumenter(base);
        documenter = Certificate.parse(Files.readAllBytes(base.resolve("gpg-documenter.asc")));
        data = GnuPG.write(base.resolve("manifest.txt"), DATA);
    }

    @AfterAll
    static void stop() {
        gpg.close();
    }

    private static byte[] sign(String key, String digest, boolean armor) throws Exception {
        Path sig = base.resolve("sig-" + key + digest + armor);
        gpg.gpg.run("--local-user", key, "--digest-algo", digest, armor ? "--armor" : "--no-armor",
                "--output", sig.toString(), "--detach-sign", data.toString()).ok();
        return Files.readAllBytes(sig);
    }

    @Test
    void acceptsGnuPgSignaturesArmouredOrNot() throws Exception {
        for (boolean armor : new boolean[] {true, false}) {
            DetachedSignature.Verified verified = DetachedSignature.verify(sign(gpg.fingerprint, "SHA512", armor), DATA,
                    List.of(documenter));
            assertEquals(gpg.fingerprint, verified.signer().fingerprint());
        }
    }

    @Test
    void refusesAlteredData() throws Exception {
        byte[] other = DATA.clone();
        other[0] ^= 1;
        assertFails(Failure.BAD_SIGNATURE, "altered", sign(gpg.fingerprint, "SHA256", true), other);
    }

    @Test
    void refusesSha1() throws Exception {
        assertFails(Failure.BAD_SIGNATURE, "SHA-1", sign(gpg.fingerprint, "SHA1", true), DATA);
    }

    @Test
    void refusesASignerNotPinned() throws Exception {
        assertFails(Failure.UNKNOWN_SIGNER, "not pinned", sign(gpg.stranger, "SHA512", true), DATA);
    }

    @Test
    void refusesSomethingThatIsNotOneSignature() {
        assertFails(Failure.BAD_SIGNATURE, "OpenPGP signature",
                "-----BEGIN PGP SIGNATURE-----\n\nAAAA\n-----END PGP SIGNATURE-----\n".getBytes(StandardCharsets.US_ASCII), DATA);
    }

    private static void assertFails(Failure failure, String reason, byte[] signature, byte[] data) {
        GawahException e = assertThrows(GawahException.class, () -> DetachedSignature.verify(signature, data, List.of(documenter)));
        assertEquals(failure, e.failure(), e.getMessage());
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }
}
