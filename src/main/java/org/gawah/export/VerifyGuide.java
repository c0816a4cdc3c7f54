package org.gawah.export;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.gawah.Fingerprints;
import org.gawah.Screen;
import org.gawah.openpgp.Certificate;

// A document in the package for the receiving body, not a message to this laptop's user: English, whatever --lang says.
/**
 * VERIFY.txt: how a receiver checks the package with gpg, unzip and the standard text tools
 * alone, finding everything {@code gawah verify} finds. The steps are the fixed text of
 * {@code verify-guide.txt} beside this class, the same in every package; only the package's facts
 * and keys are filled in. User IDs from certificates are written as a screen shows them
 * ({@link Screen#value}): the file is read with cat.
 */
final class VerifyGuide {
    private static final String TEMPLATE = "verify-guide.txt";

    private VerifyGuide() {
    }

    static String text(EvidencePackage.Info info, Certificate custodian, List<Certificate> documenters) {
        StringBuilder keys = new StringBuilder();
        keys.append("  custodian (signed this package):\n");
        key(keys, custodian);
        keys.append("  documenter(s) (signed the items when they were sealed):\n");
        for (Certificate documenter : documenters) {
            key(keys, documenter);
        }
        boolean v6 = custodian.fingerprint().length() == 64 || documenters.stream().anyMatch(c -> c.fingerprint().length() == 64);
        return template()
                .replace("@BAG@", info.bagId())
                .replace("@CASE@", info.caseId())
                .replace("@DATE@", info.baggedAt().toString().substring(0, 10))
                .replace("@RECIPIENT@", EvidencePackage.oneLine(info.profile().recipient()))
                .replace("@PROFILE@", info.profile().identifier())
                .replace("@KEYS@\n", keys.toString())
                .replace("@GPG_NOTE@\n", v6 ? """
                        Keys with 64-digit fingerprints are OpenPGP version 6 keys: GnuPG reads them
                        from version 2.5 on; older GnuPG cannot check this package.

                        """ : "");
    }

    /** The user ID on one line, the fingerprint on the next, alone, as gpg prints it: no text can disguise it. */
    private static void key(StringBuilder keys, Certificate certificate) {
        keys.append("    ").append(Screen.value(certificate.userId())).append('\n')
                .append("      ").append(Fingerprints.grouped(certificate.fingerprint())).append('\n');
    }

    private static String template() {
        try (InputStream in = VerifyGuide.class.getResourceAsStream(TEMPLATE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
