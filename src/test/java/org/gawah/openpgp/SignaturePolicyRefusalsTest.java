package org.gawah.openpgp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.sig.KeyFlags;
import org.bouncycastle.bcpg.sig.RevocationReasonTags;
import org.gawah.Failure;
import org.gawah.GawahException;
import org.gawah.keys.Role;
import org.gawah.testsupport.Gawah;
import org.gawah.testsupport.Pins;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Messages whose signature Gawah must refuse, each with its reason and exit code 5 (bad
 * signature), through the real command ({@code gawah open --sealed}), never a pass: Bouncy
 * Castle drops the signatures its policy rejects and {@code PGPSignature.verify} checks only the
 * maths, so each of these would otherwise look unsigned or good. The signer's certificate is
 * pinned as a documenter (written into the home, as an earlier import would have left it: an
 * import today would refuse most of them). Signatures are judged at the time they say they were made.
 */
class SignaturePolicyRefusalsTest {
    static final String PASSPHRASE = "legal passphrase for the policy tests";
    static final String SECRET_WORD = "CONVOY-AT-DAWN";
    static final byte[] TEXT = ("{\"account\":\"" + SECRET_WORD + " شاهد\"}\n").getBytes(StandardCharsets.UTF_8);
    static final Instant NOW = Instant.now();
    static final Date TEN_DAYS_AGO = Date.from(NOW.minus(Duration.ofDays(10)));

    @TempDir
    static Path dir;
    static Path legal;
    static Certificate legalCertificate;
    static final Gawah GAWAH = new Gawah(PASSPHRASE);
    static int files;

    @BeforeAll
    static void legalHome() throws Exception {
        legal = dir.resolve("legal");
        GAWAH.in(legal, "init").ok();
        GAWAH.in(legal, "keys", "generate", "--name", "Legal team").ok();
        Path exported = dir.resolve("legal.asc");
        GAWAH.in(legal, "keys", "export", "--out", exported.toString()).ok();
        legalCertificate = Certificate.parse(Files.readAllBytes(exported));
    }

    /** Pins {@code signer} as a documenter of the legal home, logged as an import would, without the import's checks. */
    static void pin(Certificate signer) throws Exception {
        Pins.logged(legal, PASSPHRASE, Role.DOCUMENTER, signer);
    }

    static Gawah.Result open(byte[] sealed) throws Exception {
        Path file = dir.resolve("message-" + (++files) + ".pgp");
        Files.write(file, sealed);
        return GAWAH.in(legal, "open", "--sealed", file.toString());
    }

    static void assertRefused(Gawah.Result result, String... reasons) {
        assertEquals(Failure.BAD_SIGNATURE.exitCode(), result.code(), result.stderr());
        assertEquals(0, result.stdout().length, "nothing of the content may reach stdout");
        assertTrue(result.stderr().startsWith("gawah: error: bad signature: "), result.stderr());
        for (String reason : reasons) {
            assertTrue(result.stderr().contains(reason), "says '" + reason + "': " + result.stderr());
        }
        assertFalse(result.stderr().contains(SECRET_WORD), "no plaintext in messages");
    }

    static byte[] sealedBy(SecretKey signer, int hash, Date signedAt) throws Exception {
        return CraftedKeys.signedAndSealed(TEXT, signer, hash, signedAt, legalCertificate, new Date());
    }

    static Date daysAgo(int days) {
        return Date.from(NOW.minus(Duration.ofDays(days)));
    }

    @Test
    void sha1SignatureIsRefusedWithItsReason() throws Exception {
        SecretKey key = CraftedKeys.v4("SHA-1 signer", CraftedKeys.Spec.plain(TEN_DAYS_AGO));
        pin(key.certificate());
        assertRefused(open(sealedBy(key, HashAlgorithmTags.SHA1, daysAgo(1))), "SHA-1", "too weak");
    }

    @Test
    void md5SignatureIsRefusedWithItsReason() throws Exception {
        SecretKey key = CraftedKeys.v4("MD5 signer", CraftedKeys.Spec.plain(TEN_DAYS_AGO));
        pin(key.certificate());
        assertRefused(open(sealedBy(key, HashAlgorithmTags.MD5, daysAgo(1))), "MD5", "too weak");
    }

    /** Expired 8 days ago, signed 5 days ago: refused. The same key's signature from before its expiry still counts. */
    @Test
    void signatureMadeAfterTheKeyExpiredIsRefused() throws Exception {
        SecretKey key = CraftedKeys.v4("Expired signer", CraftedKeys.Spec.plain(TEN_DAYS_AGO)
                .expiringAfter(Duration.ofDays(2).toSeconds()));
        pin(key.certificate());
        Instant expiry = TEN_DAYS_AGO.toInstant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).plus(Duration.ofDays(2));
        assertRefused(open(sealedBy(key, HashAlgorithmTags.SHA512, daysAgo(5))), "expired on " + expiry,
                "was not valid for signing on");
        Gawah.Result before = open(sealedBy(key, HashAlgorithmTags.SHA512, daysAgo(9)));
        assertEquals(0, before.code(), before.stderr());
        assertEquals(new String(TEXT, StandardCharsets.UTF_8), before.out());
    }

    /**
     * A key revoked as compromised: none of its signatures can be trusted, even those dated before
     * the revocation (a thief can backdate). Refused with the revocation's reason.
     */
    @Test
    void signatureByACompromisedKeyIsRefusedWhateverItsDate() throws Exception {
        SecretKey key = CraftedKeys.v4("Compromised signer", CraftedKeys.Spec.plain(TEN_DAYS_AGO));
        Certificate revoked = CraftedKeys.revoked(key, RevocationReasonTags.KEY_COMPROMISED, daysAgo(2));
        pin(revoked);
        assertRefused(open(sealedBy(key, HashAlgorithmTags.SHA512, daysAgo(5))), "is revoked", "compromised");
        assertRefused(open(sealedBy(key, HashAlgorithmTags.SHA512, daysAgo(1))), "is revoked", "compromised");
    }

    /** A key retired (soft revocation) 2 days ago: its later signatures are refused, its earlier ones still count. */
    @Test
    void signatureAfterTheKeyWasRetiredIsRefused() throws Exception {
        SecretKey key = CraftedKeys.v4("Retired signer", CraftedKeys.Spec.plain(TEN_DAYS_AGO));
        Certificate retired = CraftedKeys.revoked(key, RevocationReasonTags.KEY_RETIRED, daysAgo(2));
        pin(retired);
        assertRefused(open(sealedBy(key, HashAlgorithmTags.SHA512, daysAgo(1))), "is revoked", "no longer used");
        Gawah.Result before = open(sealedBy(key, HashAlgorithmTags.SHA512, daysAgo(5)));
        assertEquals(0, before.code(), before.stderr());
    }

    @Test
    void keyWithoutTheSignFlagIsRefused() throws Exception {
        SecretKey key = CraftedKeys.v4("Certify-only signer", CraftedKeys.Spec.plain(TEN_DAYS_AGO)
                .flags(KeyFlags.CERTIFY_OTHER));
        pin(key.certificate());
        assertRefused(open(sealedBy(key, HashAlgorithmTags.SHA512, daysAgo(1))), "may not sign", "key flags");
    }

    @Test
    void rsaKeyUnder2048BitsIsRefused() throws Exception {
        SecretKey key = CraftedKeys.v4("RSA-1024 signer", CraftedKeys.Spec.plain(TEN_DAYS_AGO).rsa1024());
        pin(key.certificate());
        assertRefused(open(sealedBy(key, HashAlgorithmTags.SHA512, daysAgo(1))), "RSA key of 1024 bits");
    }

    /** A signature dated before its key existed (a forged date) is refused too. */
    @Test
    void signatureDatedBeforeItsKeyExistedIsRefused() throws Exception {
        SecretKey key = CraftedKeys.v4("Backdating signer", CraftedKeys.Spec.plain(TEN_DAYS_AGO));
        pin(key.certificate());
        assertRefused(open(sealedBy(key, HashAlgorithmTags.SHA512, daysAgo(20))), "did not exist yet");
    }

    /** Detached signatures (custody entries, bag manifests) go through the same rules. */
    @Test
    void detachedSignaturesFollowTheSamePolicy() throws Exception {
        SecretKey key = CraftedKeys.v4("Detached signer", CraftedKeys.Spec.plain(TEN_DAYS_AGO)
                .expiringAfter(Duration.ofDays(2).toSeconds()));
        byte[] data = "custody entry".getBytes(StandardCharsets.UTF_8);
        for (Object[] bad : new Object[][] {{HashAlgorithmTags.SHA1, daysAgo(9), "SHA-1"},
                {HashAlgorithmTags.SHA512, daysAgo(5), "expired on"}}) {
            byte[] signature = CraftedKeys.detached(key, (Integer) bad[0], (Date) bad[1], data);
            GawahException e = assertThrows(GawahException.class,
                    () -> DetachedSignature.verify(signature, data, List.of(key.certificate())));
            assertEquals(Failure.BAD_SIGNATURE, e.failure());
            assertTrue(e.getMessage().contains((String) bad[2]), e.getMessage());
        }
        byte[] good = CraftedKeys.detached(key, HashAlgorithmTags.SHA512, daysAgo(9), data);
        assertEquals(key.fingerprint(), DetachedSignature.verify(good, data, List.of(key.certificate())).signer().fingerprint());
    }
}
