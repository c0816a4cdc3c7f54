package org.gawah.openpgp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Random;

import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureGenerator;
import org.bouncycastle.openpgp.operator.PGPContentSignerBuilder;
import org.bouncycastle.openpgp.operator.PGPContentVerifierBuilderProvider;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentSignerBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentVerifierBuilderProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The one-pass JDK-hash Ed25519 signer and verifier agree with Bouncy Castle's own, both ways. */
class FastEdDsaTest {
    static SigningKey key;
    static byte[] data = new byte[3 * 1024 * 1024 + 5];
    static java.util.Date created;

    @BeforeAll
    static void setUp() {
        new Random(5).nextBytes(data);
        Instant now = Instant.now();
        created = java.util.Date.from(now.plusSeconds(1));
        key = KeyGenerator.generate("Signer", "passphrase".toCharArray(), now).unlockForSigning("passphrase".toCharArray(), now);
    }

    private static PGPSignature sign(PGPContentSignerBuilder builder, byte[] content) throws Exception {
        PGPSignatureGenerator generator = new PGPSignatureGenerator(builder, key.publicKey());
        generator.init(PGPSignature.BINARY_DOCUMENT, key.privateKey());
        // One creation time for every signature: the digest prefix covers it, and two signatures
        // made a second apart (a loaded machine) would otherwise differ there.
        org.bouncycastle.openpgp.PGPSignatureSubpacketGenerator hashed = new org.bouncycastle.openpgp.PGPSignatureSubpacketGenerator();
        hashed.setSignatureCreationTime(false, created);
        generator.setHashedSubpackets(hashed.generate());
        generator.update(content);
        return generator.generate();
    }

    private static boolean verify(PGPContentVerifierBuilderProvider provider, PGPSignature signature, byte[] content)
            throws Exception {
        PGPSignature copy = new org.bouncycastle.openpgp.bc.BcPGPObjectFactory(signature.getEncoded())
                .nextObject() instanceof org.bouncycastle.openpgp.PGPSignatureList list ? list.get(0) : null;
        copy.init(provider, key.publicKey());
        copy.update(content);
        return copy.verify();
    }

    @Test
    void fastSignatureVerifiesWithBouncyCastleAndCarriesTheSameDigestPrefix() throws Exception {
        PGPSignature fast = sign(FastEdDsa.signerBuilder(key.publicKey().getAlgorithm(), HashAlgorithmTags.SHA512), data);
        assertTrue(verify(new BcPGPContentVerifierBuilderProvider(), fast, data));
        PGPSignature stock = sign(new BcPGPContentSignerBuilder(key.publicKey().getAlgorithm(), HashAlgorithmTags.SHA512), data);
        assertArrayEquals(stock.getDigestPrefix(), fast.getDigestPrefix());
    }

    @Test
    void fastVerifierAcceptsBouncyCastleSignaturesAndRejectsAlteredData() throws Exception {
        PGPSignature stock = sign(new BcPGPContentSignerBuilder(key.publicKey().getAlgorithm(), HashAlgorithmTags.SHA512), data);
        assertTrue(verify(FastEdDsa.verifierProvider(), stock, data));
        byte[] altered = data.clone();
        altered[data.length / 3] ^= 1;
        assertFalse(verify(FastEdDsa.verifierProvider(), stock, altered));
    }
}
