package org.gawah.fuzz;

import java.io.IOException;
import java.io.InputStream;

import org.junit.jupiter.api.Test;

/**
 * Findings of bench/fuzz.sh in code this branch may not change, kept as they were found
 * (src/test/resources/org/gawah/fuzz/findings/) and replayed through their fuzz target. Once the
 * fix is in, enable the test and move the input into the target's seed folder, so that
 * `mvn verify` runs it on every build.
 */
class FuzzFindingsTest {
    /**
     * CertificateFuzzTest, 2026-11-28, after 6,149 runs: a certificate whose subkey packet's tag
     * was changed to a trust packet's (12), so that the subkey binding signature follows the user
     * ID. {@code new OpenPGPCertificate(ring)} (Bouncy Castle 1.87) throws ClassCastException,
     * OpenPGPUserId to OpenPGPSubkey, and Certificate.parse (Certificate.java:65) calls it outside
     * the try that turns library failures into "not a readable OpenPGP certificate": `keys import`,
     * `import` and `verify` of a bag carrying it end in exit 1, "unexpected failure". The same
     * crafted by hand: hostile corpus, key-binding-signature-without-subkey.pgp. Fixed: the
     * construction is inside the try, and the certificate is refused as unreadable (exit 41).
     */
    @Test
    void certificateWithABindingSignatureOnAUserId() throws IOException {
        new CertificateFuzzTest().certificate(finding("CertificateFuzzTest.certificate-crash-1f7754297da42c76193d76f13165af2d9fa73ef9"));
    }

    private static byte[] finding(String name) throws IOException {
        try (InputStream in = FuzzFindingsTest.class.getResourceAsStream("/org/gawah/fuzz/findings/" + name)) {
            return in.readAllBytes();
        }
    }
}
