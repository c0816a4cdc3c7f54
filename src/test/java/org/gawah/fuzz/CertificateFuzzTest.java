package org.gawah.fuzz;

import java.time.Instant;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.gawah.GawahException;
import org.gawah.openpgp.Certificate;

/**
 * The key importer: {@link Certificate#parse} and the checks {@code gawah keys import} makes
 * before pinning (can it encrypt, can it sign, its fingerprint, user ID and expiry, its armour as
 * stored). A refusal (GawahException) is the expected end; anything else that escapes is a finding.
 */
class CertificateFuzzTest {
    @FuzzTest
    void certificate(byte[] data) {
        Certificate certificate;
        try {
            certificate = Certificate.parse(data);
        } catch (GawahException refused) {
            return;
        }
        certificate.fingerprint();
        certificate.userId();
        certificate.created();
        certificate.expires();
        certificate.armored();
        Instant now = Instant.now();
        try {
            certificate.checkCanEncrypt(now);
        } catch (GawahException refused) {
            // a legal team's key that cannot receive records
        }
        try {
            certificate.checkCanSign(now);
        } catch (GawahException refused) {
            // a documenter's key that cannot sign
        }
    }
}
