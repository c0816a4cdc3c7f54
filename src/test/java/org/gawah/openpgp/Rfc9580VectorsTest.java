package org.gawah.openpgp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.bouncycastle.bcpg.S2K;
import org.bouncycastle.openpgp.PGPEncryptedDataGenerator;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.operator.bc.BcPublicKeyKeyEncryptionMethodGenerator;
import org.gawah.Failure;
import org.gawah.GawahException;
import org.junit.jupiter.api.Test;

/**
 * Gawah reads the test vectors of RFC 9580 Appendix A (src/test/resources/org/gawah/openpgp/rfc9580,
 * copied from the RFC): the v6 certificate and secret key, the locked key (Argon2), the inline-signed
 * message and the X25519-AEAD-OCB message. The values asserted are the ones the RFC states.
 */
class Rfc9580VectorsTest {
    static final String PRIMARY = "CB186C4F0609A697E4D52DFA6C722B0C1F1E27C18A56708F6525EC27BAD9ACC9";
    static final String SUBKEY = "12C83F1E706F6308FE151A417743A1F033790E93E9978488D1DB378DA9930885";
    /** A time at which the sample key is valid (it was made on 2022-11-30 and does not expire). */
    static final Instant THEN = Instant.parse("2023-01-01T00:00:00Z");

    static byte[] vector(String name) {
        try (InputStream in = Rfc9580VectorsTest.class.getResourceAsStream("rfc9580/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Certificate certificate() {
        return Certificate.parse(vector("A.3-v6-certificate.asc"));
    }

    static SecretKey secretKey() {
        return SecretKey.parse(vector("A.4-v6-secret-key.asc"));
    }

    @Test
    void a3CertificateIsTheV6KeyTheRfcNames() {
        Certificate cert = certificate();
        assertEquals(PRIMARY, cert.fingerprint());
        assertEquals(6, cert.version());
        assertTrue(cert.readsSeipdV2(THEN), "A.3 advertises SEIPD v2 and is v6");
        List<PGPPublicKey> encryption = cert.encryptionKeys(THEN);
        assertEquals(1, encryption.size());
        assertEquals(SUBKEY, Fingerprints.hex(encryption.get(0).getFingerprint()));
        cert.checkCanEncrypt(THEN);
        cert.checkCanSign(THEN);
    }

    @Test
    void a4SecretKeyHoldsExactlyTheA3Certificate() {
        SecretKey key = secretKey();
        assertEquals(PRIMARY, key.fingerprint());
        assertEquals(6, key.version());
        assertArrayEquals(certificate().encoded(), key.certificate().encoded());
    }

    /** A.8.5 is encrypted, not signed: decrypting and authenticating it must succeed, then Gawah refuses it as unsigned. */
    @Test
    void a8X25519AeadOcbMessageDecryptsThenIsRefusedAsUnsigned() {
        byte[] message = vector("A.8.5-x25519-aead-ocb-message.asc");
        GawahException e = assertThrows(GawahException.class,
                () -> Opener.open(message, secretKey(), fpr -> new char[0], List.of(certificate())));
        assertEquals(Failure.NO_SIGNATURE, e.failure(), e.getMessage());
    }

    /** The same message with one bit of the ciphertext flipped fails authentication: it is the decryption that passed above. */
    @Test
    void a8MessageWithAFlippedCiphertextBitIsRefusedAsDamaged() throws IOException {
        byte[] binary = dearmor(vector("A.8.5-x25519-aead-ocb-message.asc"));
        // PKESK: 2 + 0x5d octets; SEIPD header 2 octets + version, cipher, mode, chunk octet, 32 salt octets.
        int firstChunkOctet = 2 + 0x5d + 2 + 4 + 32;
        byte[] tampered = binary.clone();
        tampered[firstChunkOctet + 3] ^= 0x01;
        GawahException e = assertThrows(GawahException.class,
                () -> Opener.open(tampered, secretKey(), fpr -> new char[0], List.of(certificate())));
        assertEquals(Failure.BAD_DATA, e.failure(), e.getMessage());
        List<Packets.Packet> packets = Packets.outer(binary);
        assertEquals(18, packets.get(1).tag());
        assertEquals(2, packets.get(1).octet(0), "SEIPD v2");
        assertEquals(6, packets.get(1).octet(3), "the RFC's sample uses chunk octet 6");
    }

    /**
     * A.7's packets (v6 one-pass signature, literal data, v6 signature by the sample key) sealed
     * inside an encryption to the sample key as they are: Gawah verifies the RFC's own signature.
     */
    @Test
    void a7InlineSignedMessageVerifiesWithTheA3Certificate() throws Exception {
        byte[] signed = dearmor(vector("A.7-inline-signed-message.asc"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PGPEncryptedDataGenerator encryption = new PGPEncryptedDataGenerator(Sealer.dataEncryptor(true));
        encryption.addMethod(new BcPublicKeyKeyEncryptionMethodGenerator(certificate().encryptionKeys(THEN).get(0)));
        try (OutputStream encrypted = encryption.open(out, new byte[4096])) {
            encrypted.write(signed);
        }
        Opened opened = Opener.open(out.toByteArray(), secretKey(), fpr -> new char[0], List.of(certificate()));
        assertEquals("What we need from the grocery store:\n\n- tofu\n- vegetables\n- noodles\n",
                new String(opened.content(), StandardCharsets.UTF_8));
        assertEquals(PRIMARY, opened.signerFingerprint());
        assertEquals(Instant.parse("2022-12-13T16:08:03Z"), opened.signedAt());
        assertEquals(6, Packets.signatureVersion(opened.signature()), "a v6 signature packet");
    }

    @Test
    void a7SignatureOverOtherTextIsRefused() throws Exception {
        byte[] signed = dearmor(vector("A.7-inline-signed-message.asc"));
        int tofu = new String(signed, StandardCharsets.ISO_8859_1).indexOf("tofu");
        signed[tofu] = 'T';
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PGPEncryptedDataGenerator encryption = new PGPEncryptedDataGenerator(Sealer.dataEncryptor(true));
        encryption.addMethod(new BcPublicKeyKeyEncryptionMethodGenerator(certificate().encryptionKeys(THEN).get(0)));
        try (OutputStream encrypted = encryption.open(out, new byte[4096])) {
            encrypted.write(signed);
        }
        GawahException e = assertThrows(GawahException.class,
                () -> Opener.open(out.toByteArray(), secretKey(), fpr -> new char[0], List.of(certificate())));
        assertEquals(Failure.BAD_SIGNATURE, e.failure(), e.getMessage());
    }

    /**
     * A.5 unlocks with "correct horse battery staple" into the very key material of A.4 (its
     * encryption subkey), and that key decrypts A.8.5. Its Argon2 asks for 2 GiB and one pass (RFC 9106's first
     * recommendation): about 20 s and more than 2 GiB of heap with Bouncy Castle's Argon2 on a
     * 2-core machine, so it runs in a JVM of its own with a 3 GiB heap, whatever this one has.
     */
    @Test
    void a5LockedKeyUnlocksWithItsPassphraseIntoTheA4Key() throws Exception {
        SecretKey locked = SecretKey.parse(vector("A.5-v6-locked-secret-key.asc"));
        assertEquals(PRIMARY, locked.fingerprint());
        S2K s2k = locked.ring().getSecretKey().getS2K();
        assertEquals(S2K.ARGON_2, s2k.getType());
        assertEquals(21, s2k.getMemorySizeExponent());
        assertEquals(1, s2k.getPasses());
        assertEquals(4, s2k.getParallelism());
        String output = Rfc9580MemoryTest.probe(List.of("-Xmx3g"), "locked-a5");
        assertTrue(output.contains("same key material as A.4"), output);
        System.out.print(output);
        assertTrue(output.contains("A.8.5: NO_SIGNATURE"), output);
    }

    static byte[] dearmor(byte[] armored) throws IOException {
        try (InputStream in = PGPUtil.getDecoderStream(new java.io.ByteArrayInputStream(armored))) {
            return in.readAllBytes();
        }
    }

}
