package org.gawah.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.List;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.openpgp.PGPEncryptedDataGenerator;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;
import org.bouncycastle.openpgp.operator.bc.BcPGPDataEncryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPublicKeyKeyEncryptionMethodGenerator;
import org.gawah.GawahException;
import org.gawah.openpgp.Certificate;
import org.gawah.openpgp.Opener;
import org.gawah.openpgp.SecretKey;

/**
 * The message opener ({@link Opener}: decrypt, check integrity, verify the one signature), as
 * {@code gawah open} and {@code gawah verify FILE.pgp} use it, with the corpus legal team's key and
 * the corpus documenter pinned. A refusal (GawahException) is the expected end of a bad input;
 * anything else that escapes (a RuntimeException of a library, an Error) is a finding.
 *
 * <p>{@link #sealedMessage}: the fuzzer's bytes are the whole message. Most mutations then break
 * the encryption, so {@link #innerPackets} takes the fuzzer's bytes as what lies inside the
 * encryption (one-pass signature, literal data, signature, compressed packets...) and encrypts
 * them to the legal key first (AES-256 with MDC), reaching the packet parsing and the signature
 * check that an attacker who can encrypt to a public key reaches too.
 */
class OpenerFuzzTest {
    private static final SecretKey LEGAL = FuzzKeys.legal();
    private static final List<Certificate> SIGNERS = List.of(FuzzKeys.documenter());
    private static final PGPPublicKey LEGAL_ENCRYPTION = encryptionKey();

    @FuzzTest
    void sealedMessage(byte[] message) {
        open(message);
    }

    @FuzzTest
    void innerPackets(byte[] packets) throws IOException, PGPException, NoSuchAlgorithmException {
        SecureRandom fixed = SecureRandom.getInstance("SHA1PRNG");
        fixed.setSeed(6);
        PGPEncryptedDataGenerator generator = new PGPEncryptedDataGenerator(
                new BcPGPDataEncryptorBuilder(SymmetricKeyAlgorithmTags.AES_256).setWithIntegrityPacket(true).setSecureRandom(fixed));
        generator.addMethod(new BcPublicKeyKeyEncryptionMethodGenerator(LEGAL_ENCRYPTION).setSecureRandom(fixed));
        ByteArrayOutputStream out = new ByteArrayOutputStream(packets.length + 256);
        try (OutputStream encrypted = generator.open(out, packets.length)) {
            encrypted.write(packets);
        }
        open(out.toByteArray());
    }

    private static void open(byte[] message) {
        try {
            Opener.open(message, LEGAL, fingerprint -> FuzzKeys.PASSPHRASE.clone(), SIGNERS).wipe();
        } catch (GawahException refused) {
            // a clear refusal: what a bad message must get
        }
    }

    private static PGPPublicKey encryptionKey() {
        try {
            PGPPublicKeyRing ring = (PGPPublicKeyRing) new BcPGPObjectFactory(FuzzKeys.legalCertificate().encoded()).nextObject();
            for (PGPPublicKey key : ring) {
                if (!key.isMasterKey() && key.isEncryptionKey()) {
                    return key;
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        throw new IllegalStateException("no encryption subkey");
    }
}
