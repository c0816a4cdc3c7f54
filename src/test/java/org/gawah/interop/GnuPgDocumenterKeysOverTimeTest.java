package org.gawah.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.gawah.Failure;
import org.gawah.testsupport.Gawah;
import org.gawah.testsupport.Homes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A court checks years later. Documenter keys made by GnuPG on 2024-01-01 sign records at set
 * times ({@code --faked-system-time}), encrypted to a legal team whose own key is a GnuPG key
 * made in 2023 (imported with {@code keys import --secret}); then each documenter key expires or
 * is revoked on 2025-01-01, by {@code gpg --quick-set-expire} or {@code gpg --gen-revoke} with
 * its reason. Expired and retired keys are pinned for verification and vouch for what they
 * signed before, with their state shown; a key revoked as compromised, or without a reason,
 * vouches for nothing; none of them is ever a recipient.
 */
class GnuPgDocumenterKeysOverTimeTest {
    static final String MADE = "20240101T000000!";
    static final String BEFORE = "20240601T000000!";
    static final String AFTER = "20250601T000000!";
    static final String ENDED = "20250101T000000!";

    @TempDir
    static Path base;
    static GnuPG gpg;
    static Path legal;
    static String legalFingerprint;
    static final Gawah gawah = new Gawah(Homes.PASSPHRASE);
    static int files;

    @BeforeAll
    static void legalTeamWithAGnuPgKeyFrom2023() {
        gpg = new GnuPG(base.resolve("gpg"));
        legalFingerprint = gpg.run("--faked-system-time", "20230101T000000!", "--passphrase", Homes.PASSPHRASE,
                "--quick-gen-key", "Legal team (GnuPG)", "ed25519", "sign", "never").ok().require("KEY_CREATED").get(2);
        gpg.run("--faked-system-time", "20230101T000000!", "--passphrase", Homes.PASSPHRASE,
                "--quick-add-key", legalFingerprint, "cv25519", "encr", "never").ok();
        Path secret = GnuPG.write(base.resolve("legal.sec.asc"),
                gpg.run("--passphrase", Homes.PASSPHRASE, "--export-secret-keys", "--armor", legalFingerprint).ok().stdout());
        legal = base.resolve("legal");
        gawah.in(legal, "init").ok();
        gawah.in(legal, "keys", "import", "--secret", secret.toString()).ok();
    }

    @AfterAll
    static void stopAgent() {
        if (gpg != null) {
            gpg.close();
        }
    }

    /** A documenter key made on 2024-01-01, with records it signed on 2024-06-01 and 2025-06-01. */
    record Documenter(String fingerprint, Path before, Path after) {
    }

    static Documenter documenter(String name) {
        String fingerprint = gpg.generate(name, "ed25519", "sign", "never", "--faked-system-time", MADE);
        return new Documenter(fingerprint, signed(fingerprint, BEFORE), signed(fingerprint, AFTER));
    }

    static Path signed(String fingerprint, String at) {
        Path file = base.resolve("record-" + (++files) + ".gpg");
        gpg.runWithInput("{\"testimony\": \"signed by the documenter\"}".getBytes(StandardCharsets.UTF_8),
                "--faked-system-time", at, "--trust-model", "always", "--local-user", fingerprint,
                "--recipient", legalFingerprint, "--sign", "--encrypt", "--output", file.toString()).ok();
        return file;
    }

    static Path certificate(String fingerprint) {
        return gpg.export(fingerprint, base.resolve(fingerprint + "-" + (++files) + ".asc"));
    }

    static Gawah.Result open(Path record) {
        return gawah.in(legal, "open", "--sealed", record.toString());
    }

    static void assertOpens(Gawah.Result result, String standing) {
        assertEquals(0, result.code(), result.stderr());
        assertTrue(result.out().contains("signed by the documenter"), result.out());
        assertTrue(result.stderr().contains("good signature from"), result.stderr());
        assertTrue(result.stderr().contains("signed 2024-06-01T00:00:00Z"), result.stderr());
        assertTrue(result.stderr().contains("note: the signer's key has since " + standing), result.stderr());
    }

    static void assertRefused(Gawah.Result result, String reason) {
        assertEquals(Failure.BAD_SIGNATURE.exitCode(), result.code(), result.stderr());
        assertEquals(0, result.stdout().length, "nothing of the record is shown");
        assertTrue(result.stderr().contains(reason), result.stderr());
    }

    @Test
    void anExpiredDocumenterKeyVouchesForWhatItSignedBefore() {
        Documenter d = documenter("Expired documenter");
        gpg.run("--faked-system-time", "20240201T000000!", "--quick-set-expire", d.fingerprint(), "2025-01-01").ok();
        assertTrue(gpg.run("--with-colons", "--list-keys", d.fingerprint()).ok().out().contains("pub:e:"), "gpg sees it expired");
        Gawah.Result pinned = gawah.in(legal, "keys", "import", "--role", "documenter", certificate(d.fingerprint()).toString());
        assertEquals(0, pinned.code(), pinned.stderr());
        assertTrue(pinned.stderr().contains("note: expired on 2025-01-01"), pinned.stderr());
        assertOpens(open(d.before()), "expired on 2025-01-01");
        assertRefused(open(d.after()), "expired on 2025-01-01");
        assertTrue(gawah.in(legal, "keys", "list").ok().out().contains(d.fingerprint() + "  Expired documenter  expired on 2025-01-01"));
        String doctor = gawah.in(legal, "doctor").out();
        assertTrue(doctor.contains("ok    " + GnuPgCertificatesAsTeamsSendThemTest.spaced(d.fingerprint())
                + " (documenter key Expired documenter): expired on 2025-01-01"), "doctor: shown, not failed: " + doctor);
        Gawah.Result asRecipient = gawah.in(legal, "keys", "import", "--role", "legal", certificate(d.fingerprint()).toString());
        assertEquals(Failure.CERTIFICATE_REFUSED.exitCode(), asRecipient.code(), "never sealed to: " + asRecipient.stderr());
    }

    @Test
    void aRetiredDocumenterKeyVouchesForWhatItSignedBefore() {
        for (int reason : new int[] {2, 3}) {
            Documenter d = documenter("Retired documenter " + reason);
            gpg.revoke(d.fingerprint(), reason, ENDED);
            assertTrue(gpg.run("--with-colons", "--list-keys", d.fingerprint()).ok().out().contains("pub:r:"), "gpg sees it revoked");
            Gawah.Result pinned = gawah.in(legal, "keys", "import", "--role", "documenter", certificate(d.fingerprint()).toString());
            assertEquals(0, pinned.code(), pinned.stderr());
            String standing = "retired on 2025-01-01T00:00:00Z (reason: " + (reason == 2 ? "replaced by a newer key" : "the key is no longer used");
            assertTrue(pinned.stderr().contains("note: " + standing), pinned.stderr());
            assertOpens(open(d.before()), standing);
            assertRefused(open(d.after()), "revoked");
            Gawah.Result asRecipient = gawah.in(legal, "keys", "import", "--role", "protection", certificate(d.fingerprint()).toString());
            assertEquals(Failure.CERTIFICATE_REFUSED.exitCode(), asRecipient.code(), "never sealed to: " + asRecipient.stderr());
        }
    }

    @Test
    void aCompromisedDocumenterKeyVouchesForNothingEvenWhatItSignedBefore() {
        for (int reason : new int[] {1, 0}) {
            Documenter d = documenter("Compromised documenter " + reason);
            Path beforeRevocation = certificate(d.fingerprint());
            gpg.revoke(d.fingerprint(), reason, ENDED);
            Path revoked = certificate(d.fingerprint());
            String said = reason == 1 ? "reason: the key was compromised" : "no reason given";
            Gawah.Result refused = gawah.in(legal, "keys", "import", "--role", "documenter", revoked.toString());
            assertEquals(Failure.CERTIFICATE_REFUSED.exitCode(), refused.code(), refused.stderr());
            assertTrue(refused.stderr().contains(d.fingerprint() + " is revoked (" + said + ")"), refused.stderr());
            assertFalse(gawah.in(legal, "keys", "list").ok().out().contains(d.fingerprint()), "nothing pinned");

            // Pinned while it was good, then the revocation arrives as an update: it is taken, and from then on nothing counts.
            gawah.in(legal, "keys", "import", "--role", "documenter", beforeRevocation.toString()).ok();
            assertEquals(0, open(d.before()).code());
            Gawah.Result update = gawah.in(legal, "keys", "import", "--role", "documenter", revoked.toString());
            assertEquals(0, update.code(), update.stderr());
            assertTrue(update.stderr().contains("updated as documenter"), update.stderr());
            assertTrue(update.stderr().contains("note: revoked (" + said + "): nothing it signed counts any more"), update.stderr());
            assertRefused(open(d.before()), "revoked");
            // An older copy cannot undo the revocation: the update is merged into what is pinned.
            Gawah.Result older = gawah.in(legal, "keys", "import", "--role", "documenter", beforeRevocation.toString());
            assertEquals(0, older.code(), older.stderr());
            assertTrue(older.stderr().contains("already pinned as documenter"), older.stderr());
            assertRefused(open(d.before()), "revoked");
        }
    }

    @Test
    void aRetiredCustodianKeyStillVouchesForItsEarlierPackages() {
        Documenter custodian = documenter("Retired custodian");
        gpg.revoke(custodian.fingerprint(), 3, ENDED);
        Gawah.Result pinned = gawah.in(legal, "keys", "import", "--role", "custodian", certificate(custodian.fingerprint()).toString());
        assertEquals(0, pinned.code(), pinned.stderr());
        assertTrue(pinned.stderr().contains("note: retired on 2025-01-01"), pinned.stderr());
    }
}
