package org.gawah.openpgp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import org.bouncycastle.bcpg.AEADAlgorithmTags;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyAlgorithmTags;
import org.bouncycastle.bcpg.S2K;
import org.bouncycastle.bcpg.SecretKeyPacket;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.bcpg.sig.Features;
import org.bouncycastle.bcpg.sig.KeyFlags;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPSecretKey;
import org.bouncycastle.openpgp.PGPSignature;
import org.gawah.Failure;
import org.gawah.GawahException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The RFC 9580 profile: v6 keys, and the message format each list of recipients gets. Keys here
 * use a cheap Argon2 (1 MiB) to keep the tests fast; {@link #generatedKeyIsTheProfile} checks
 * the real parameters.
 */
class Rfc9580ProfileTest {
    static final Instant NOW = Instant.now();
    static final char[] PASS = "v6 passphrase".toCharArray();
    static final byte[] TEXT = "{\"account\":\"شاهد گفت — زه غواړم ریښتیا ووایم\"}\n".getBytes(StandardCharsets.UTF_8);

    static SecretKey documenterV6;
    static SecretKey legalV6;
    static SecretKey escrowV6;
    static SecretKey documenterV4;
    static SecretKey legalV4;
    static SigningKey signerV6;
    static SigningKey signerV4;

    static SecretKey cheapV6(String userId) {
        return KeyGenerator.generateV6(userId, PASS, NOW, new S2K.Argon2Params(1, 1, 10, new java.security.SecureRandom()));
    }

    @BeforeAll
    static void keys() {
        documenterV6 = cheapV6("Documenter v6");
        legalV6 = cheapV6("Legal v6");
        escrowV6 = cheapV6("Escrow v6");
        documenterV4 = KeyGenerator.generate("Documenter v4", PASS, NOW);
        legalV4 = KeyGenerator.generate("Legal v4", PASS, NOW);
        signerV6 = documenterV6.unlockForSigning(PASS, NOW);
        signerV4 = documenterV4.unlockForSigning(PASS, NOW);
    }

    static Opened open(byte[] sealed, SecretKey as, List<Certificate> signers) {
        return Opener.open(sealed, as, fpr -> PASS.clone(), signers);
    }

    /** The real profile: v6, Ed25519 + X25519, Argon2id t=3 p=4 m=2^17 under AES-256-OCB, AES-256/OCB/SHA-512 preferences. */
    @Test
    void generatedKeyIsTheProfile() {
        long start = System.nanoTime();
        SecretKey key = KeyGenerator.generate(Profile.RFC9580, "Legal team L-2", PASS, NOW);
        long generated = System.nanoTime();
        assertEquals(6, key.version());
        assertEquals(64, key.fingerprint().length());
        for (PGPSecretKey secret : key.ring()) {
            assertEquals(6, secret.getPublicKey().getVersion());
            assertEquals(SecretKeyPacket.USAGE_AEAD, secret.getS2KUsage());
            assertEquals(SymmetricKeyAlgorithmTags.AES_256, secret.getKeyEncryptionAlgorithm());
            assertEquals(AEADAlgorithmTags.OCB, secret.getAEADKeyEncryptionAlgorithm());
            S2K s2k = secret.getS2K();
            assertEquals(S2K.ARGON_2, s2k.getType());
            assertEquals(3, s2k.getPasses());
            assertEquals(4, s2k.getParallelism());
            assertEquals(17, s2k.getMemorySizeExponent());
        }
        PGPPublicKey primary = key.ring().getPublicKey();
        assertEquals(PublicKeyAlgorithmTags.Ed25519, primary.getAlgorithm());
        Certificate cert = key.certificate();
        assertEquals(6, cert.version());
        var component = cert.bc().getPrimaryKey();
        Date at = Date.from(NOW);
        assertTrue(component.hasKeyFlags(at, KeyFlags.CERTIFY_OTHER));
        assertTrue(component.hasKeyFlags(at, KeyFlags.SIGN_DATA));
        assertEquals(SymmetricKeyAlgorithmTags.AES_256, component.getSymmetricCipherPreferences(at).getPreferences()[0]);
        assertEquals(HashAlgorithmTags.SHA512, component.getHashAlgorithmPreferences(at).getPreferences()[0]);
        var aead = component.getAEADCipherSuitePreferences(at).getAlgorithms()[0];
        assertEquals(SymmetricKeyAlgorithmTags.AES_256, aead.getSymmetricAlgorithm());
        assertEquals(AEADAlgorithmTags.OCB, aead.getAeadAlgorithm());
        Features features = component.getFeatures(at);
        assertTrue(features.supportsSEIPDv2() && features.supportsModificationDetection());
        assertNotNull(primary.getSignaturesOfType(PGPSignature.DIRECT_KEY).next(), "preferences on a direct-key signature");
        List<PGPPublicKey> encryption = cert.encryptionKeys(NOW);
        assertEquals(1, encryption.size());
        assertEquals(PublicKeyAlgorithmTags.X25519, encryption.get(0).getAlgorithm());
        assertTrue(cert.readsSeipdV2(NOW));
        assertFalse(cert.expires().isPresent(), "like the compat key, it does not expire");

        // Unlock cost, printed for the record (docs/format/home.md quotes it).
        long before = System.nanoTime();
        SigningKey signing = key.unlockForSigning(PASS, NOW);
        long unlocked = System.nanoTime();
        assertNotNull(signing);
        System.out.printf("rfc9580 key: generated in %.2f s (two Argon2 derivations), signing key unlocked in %.2f s%n",
                (generated - start) / 1e9, (unlocked - before) / 1e9);
        SecretKey fresh = SecretKey.parse(key.encoded()); // unlocked keys are kept for the command: start afresh
        GawahException wrong = assertThrows(GawahException.class, () -> fresh.unlockForSigning("wrong".toCharArray(), NOW));
        assertEquals(Failure.BAD_PASSPHRASE, wrong.failure());
    }

    @Test
    void v6RecipientsGetSeipdV2WithAes256OcbAnd4MiBChunks() {
        byte[] sealed = Sealer.seal(TEXT, signerV6, List.of(legalV6.certificate(), escrowV6.certificate()), NOW);
        List<Packets.Packet> packets = Packets.outer(sealed);
        assertEquals(3, packets.size(), "two PKESKs and the encrypted data");
        for (Packets.Packet pkesk : packets.subList(0, 2)) {
            assertEquals(1, pkesk.tag());
            assertEquals(6, pkesk.octet(0), "v6 PKESK");
            assertEquals(0x21, pkesk.octet(1), "with a v6 fingerprint: 1 + 32 octets");
            assertEquals(6, pkesk.octet(2));
            assertEquals(PublicKeyAlgorithmTags.X25519, pkesk.octet(35));
        }
        Packets.Packet seipd = packets.get(2);
        assertEquals(18, seipd.tag());
        assertEquals(2, seipd.octet(0), "SEIPD v2");
        assertEquals(SymmetricKeyAlgorithmTags.AES_256, seipd.octet(1));
        assertEquals(AEADAlgorithmTags.OCB, seipd.octet(2));
        assertEquals(16, seipd.octet(3), "chunk size octet 16: 2^(16+6) = 4 MiB chunks");

        Opened opened = open(sealed, legalV6, List.of(documenterV6.certificate()));
        assertArrayEquals(TEXT, opened.content());
        assertEquals(documenterV6.fingerprint(), opened.signerFingerprint());
        assertEquals(6, Packets.signatureVersion(opened.signature()), "a v6 signature by a v6 key");
        assertArrayEquals(TEXT, open(sealed, escrowV6, List.of(documenterV6.certificate())).content());
    }

    @Test
    void v4RecipientsGetTodaysCompatMessage() {
        byte[] sealed = Sealer.seal(TEXT, signerV4, List.of(legalV4.certificate()), NOW);
        List<Packets.Packet> packets = Packets.outer(sealed);
        assertEquals(2, packets.size());
        assertEquals(1, packets.get(0).tag());
        assertEquals(3, packets.get(0).octet(0), "v3 PKESK");
        assertEquals(18, packets.get(1).tag());
        assertEquals(1, packets.get(1).octet(0), "SEIPD v1");
        Opened opened = open(sealed, legalV4, List.of(documenterV4.certificate()));
        assertArrayEquals(TEXT, opened.content());
        assertEquals(4, Packets.signatureVersion(opened.signature()), "a v4 signature");
    }

    /**
     * Bouncy Castle's (and OpenPGP.js's) v4 keys advertise SEIPD v2, and Bouncy Castle's
     * high-level encryptor then sends them SEIPD v2 and v6 PKESKs, which GnuPG 2.2 holding the
     * same key cannot read. Gawah sends such a key exactly the compat message.
     */
    @Test
    void v4KeyAdvertisingSeipdV2StillGetsSeipdV1() throws Exception {
        SecretKey modern = CraftedKeys.v4("v4 with SEIPDv2 feature", CraftedKeys.Spec.plain(Date.from(NOW.minusSeconds(60)))
                .features((byte) (Features.FEATURE_MODIFICATION_DETECTION | Features.FEATURE_SEIPD_V2)));
        Certificate cert = modern.certificate();
        assertTrue(cert.bc().getPrimaryKey().getFeatures(Date.from(NOW)).supportsSEIPDv2(), "the key does advertise it");
        assertFalse(cert.readsSeipdV2(NOW));
        for (SigningKey signer : List.of(signerV4, signerV6)) {
            byte[] sealed = Sealer.seal(TEXT, signer, List.of(cert), NOW);
            List<Packets.Packet> packets = Packets.outer(sealed);
            assertEquals(3, packets.get(0).octet(0), "v3 PKESK, never v6");
            assertEquals(1, packets.get(1).octet(0), "SEIPD v1, never v2");
            Opened opened = Opener.open(sealed, modern, fpr -> new char[0],
                    List.of(documenterV4.certificate(), documenterV6.certificate()));
            assertArrayEquals(TEXT, opened.content());
        }
    }

    /** v4 + v6 recipients: SEIPD v1, which both read (a v2 packet would lock out the v4 holder). */
    @Test
    void mixedRecipientsGetWhatEveryOneReads() {
        byte[] sealed = Sealer.seal(TEXT, signerV6, List.of(legalV6.certificate(), legalV4.certificate()), NOW);
        List<Packets.Packet> packets = Packets.outer(sealed);
        assertEquals(3, packets.size());
        assertEquals(3, packets.get(0).octet(0), "v3 PKESK to the v6 key too");
        assertEquals(3, packets.get(1).octet(0));
        assertEquals(1, packets.get(2).octet(0), "SEIPD v1");
        assertArrayEquals(TEXT, open(sealed, legalV6, List.of(documenterV6.certificate())).content());
        Opened byV4 = open(sealed, legalV4, List.of(documenterV6.certificate()));
        assertArrayEquals(TEXT, byV4.content());
        assertEquals(6, Packets.signatureVersion(byV4.signature()), "the v6 documenter's signature is v6 whatever the encryption");
    }

    @Test
    void v4DocumenterSealsToV6RecipientsWithSeipdV2AndAV4Signature() {
        byte[] sealed = Sealer.seal(TEXT, signerV4, List.of(legalV6.certificate()), NOW);
        assertEquals(2, Packets.outer(sealed).get(1).octet(0));
        Opened opened = open(sealed, legalV6, List.of(documenterV4.certificate()));
        assertArrayEquals(TEXT, opened.content());
        assertEquals(4, Packets.signatureVersion(opened.signature()));
    }

    /** Several chunks through the streaming API both ways; the SHA-512 returned is the plaintext's. */
    @Test
    void streamingSealAndOpenOfSeveralChunks() throws Exception {
        byte[] data = new byte[9 * (1 << 20) + 12345];
        new Random(9580).nextBytes(data);
        ByteArrayOutputStream sealed = new ByteArrayOutputStream();
        String sha512 = Sealer.seal(new ByteArrayInputStream(data), data.length, sealed, signerV6,
                List.of(legalV6.certificate()), NOW);
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-512").digest(data)), sha512);
        byte[] message = sealed.toByteArray();
        assertEquals(16, Packets.outer(message).get(1).octet(3));
        double overhead = (message.length - data.length) / (double) data.length;
        assertTrue(overhead < 0.001, "4 MiB chunks cost almost nothing: " + overhead);

        ByteArrayOutputStream clear = new ByteArrayOutputStream();
        Opened opened = Opener.openTo(new ByteArrayInputStream(message), clear, legalV6, fpr -> PASS.clone(),
                List.of(documenterV6.certificate()));
        assertArrayEquals(data, clear.toByteArray());
        assertEquals(sha512, opened.contentSha512());

        // The stream of unknown length (evidence packages), to a v6 recipient.
        ByteArrayOutputStream streamed = new ByteArrayOutputStream();
        try (OutputStream sealing = Sealer.sealing(streamed, signerV6, List.of(legalV6.certificate()), NOW)) {
            for (int at = 0; at < data.length; at += 100_000) {
                sealing.write(data, at, Math.min(100_000, data.length - at));
            }
        }
        assertEquals(2, Packets.outer(streamed.toByteArray()).get(1).octet(0));
        ByteArrayOutputStream back = new ByteArrayOutputStream();
        Opener.openTo(new ByteArrayInputStream(streamed.toByteArray()), back, legalV6, fpr -> PASS.clone(),
                List.of(documenterV6.certificate()));
        assertArrayEquals(data, back.toByteArray());
    }

    /** A flipped bit in the second chunk, a chunk cut off, the final tag missing: all refused as damaged. */
    @Test
    void tamperedOrTruncatedSeipdV2IsRefused() throws Exception {
        byte[] data = new byte[5 * (1 << 20)];
        new Random(6).nextBytes(data);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Sealer.seal(new ByteArrayInputStream(data), data.length, out, signerV6, List.of(legalV6.certificate()), NOW);
        byte[] sealed = out.toByteArray();
        byte[] flipped = sealed.clone();
        flipped[flipped.length - (1 << 20)] ^= 0x01;
        for (byte[] bad : List.of(flipped, Arrays.copyOf(sealed, sealed.length - 16),
                Arrays.copyOf(sealed, sealed.length - (1 << 20)), Arrays.copyOf(sealed, sealed.length / 2))) {
            GawahException e = assertThrows(GawahException.class, () -> Opener.openTo(new ByteArrayInputStream(bad),
                    OutputStream.nullOutputStream(), legalV6, fpr -> PASS.clone(), List.of(documenterV6.certificate())));
            assertEquals(Failure.BAD_DATA, e.failure(), e.getMessage());
        }
    }

    @Test
    void detachedSignaturesByAV6KeyAreV6AndVerify() {
        byte[] data = "custody entry".getBytes(StandardCharsets.UTF_8);
        byte[] signature = DetachedSignature.sign(signerV6, data, NOW);
        assertEquals(6, Packets.signatureVersion(signature));
        assertEquals(documenterV6.fingerprint(),
                DetachedSignature.verify(signature, data, List.of(documenterV6.certificate())).signer().fingerprint());
        byte[] other = "custody entrY".getBytes(StandardCharsets.UTF_8);
        GawahException e = assertThrows(GawahException.class,
                () -> DetachedSignature.verify(signature, other, List.of(documenterV6.certificate())));
        assertEquals(Failure.BAD_SIGNATURE, e.failure());
    }
}
