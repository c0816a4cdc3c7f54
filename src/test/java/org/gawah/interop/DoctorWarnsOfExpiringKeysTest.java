package org.gawah.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.gawah.testsupport.Gawah;
import org.gawah.testsupport.Homes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A pinned certificate made by GnuPG that expires in ten days: gawah doctor warns, with the fix. */
class DoctorWarnsOfExpiringKeysTest {
    @Test
    void aLegalKeyExpiringWithinThirtyDaysIsAWarning(@TempDir Path dir) {
        Homes homes = new Homes(dir.resolve("homes"));
        String fingerprint;
        try (GnuPG gpg = new GnuPG(dir)) {
            fingerprint = gpg.generate("Escrow key (10 days)", "ed25519", "sign", "10d");
            gpg.addSubkey(fingerprint, "cv25519", "encr", "10d");
            Path certificate = gpg.export(fingerprint, dir.resolve("escrow.asc"));
            homes.gawah.in(homes.documenter, "keys", "import", "--role", "legal", certificate.toString()).ok();
        }
        Gawah.Result result = homes.gawah.in(homes.documenter, "doctor");
        assertEquals(0, result.code(), result.out());
        assertTrue(result.out().contains("WARN  " + grouped(fingerprint) + " (legal key Escrow key (10 days))"),
                result.out());
        assertTrue(result.out().contains("within 30 days"), result.out());
        assertTrue(result.out().contains("fix: ask its owner for an extended certificate"), result.out());
        assertTrue(result.out().contains("ok    2 legal-team keys pinned"), result.out());
    }

    /** A v4 fingerprint as doctor shows it: groups of four, two spaces in the middle. */
    private static String grouped(String hex) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < hex.length(); i += 4) {
            out.append(i == 0 ? "" : i == hex.length() / 2 ? "  " : " ").append(hex, i, i + 4);
        }
        return out.toString();
    }
}
