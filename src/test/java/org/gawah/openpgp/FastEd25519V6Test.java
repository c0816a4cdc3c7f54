package org.gawah.openpgp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Random;

import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyAlgorithmTags;
import org.bouncycastle.bcpg.S2K;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureGenerator;
import org.bouncycastle.openpgp.PGPSignatureList;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;
import org.bouncycastle.openpgp.operator.PGPContentSignerBuilder;
import org.bouncycastle.openpgp.operator.PGPContentVerifierBuilderProvider;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentSignerBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentVerifierBuilderProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The JDK-hash Ed25519 signer and verifier with a v6 key (native Ed25519, salted v6 signatures)
 * agree with Bouncy Castle's own, both ways; and never offer their digest as the data's SHA-512,
 * since a v6 signature hashes its salt first.
 */
class FastEd25519V6Test {
    static SigningKey key;
    static final byte[] DATA = new byte[2 * 1024 * 1024 + 3];

    @BeforeAll
    static void setUp() {
        new Random(27).nextBytes(DATA);
        Instant now = Instant.now();
        char[] pass = "p".toCharArray();
        key = KeyGenerator.generateV6("Signer", pass, now, new S2K.Argon2Params(1, 1, 10, new java.security.SecureRandom()))
                .unlockForSigning(pass, now);
        assertEquals(PublicKeyAlgorithmTags.Ed25519, key.publicKey().getAlgorithm());
    }

    private static PGPSignature sign(PGPContentSignerBuilder builder, byte[] content) throws Exception {
        PGPSignatureGenerator generator = new PGPSignatureGenerator(builder, key.publicKey());
        generator.init(PGPSignature.BINARY_DOCUMENT, key.privateKey());
        generator.update(content);
        return generator.generate();
    }

    private static boolean verify(PGPContentVerifierBuilderProvider provider, PGPSignature signature, byte[] content)
            throws Exception {
        PGPSignature copy = ((PGPSignatureList) new BcPGPObjectFactory(signature.getEncoded()).nextObject()).get(0);
        copy.init(provider, key.publicKey());
        copy.update(content);
        return copy.verify();
    }

    @Test
    void fastV6SignatureIsAV6Ed25519SignatureThatBouncyCastleVerifies() throws Exception {
        FastEdDsa.SignerBuilder builder = FastEdDsa.signerBuilder(key.publicKey().getAlgorithm(), HashAlgorithmTags.SHA512);
        PGPSignature fast = sign(builder, DATA);
        assertEquals(6, fast.getVersion());
        assertEquals(PublicKeyAlgorithmTags.Ed25519, fast.getKeyAlgorithm());
        assertTrue(verify(new BcPGPContentVerifierBuilderProvider(), fast, DATA));
        byte[] altered = DATA.clone();
        altered[7] ^= 1;
        assertFalse(verify(new BcPGPContentVerifierBuilderProvider(), fast, altered));
        assertNull(builder.built(), "a salted signature's digest is not the data's SHA-512");
    }

    @Test
    void fastVerifierAcceptsBouncyCastleV6SignaturesAndRejectsAlteredData() throws Exception {
        PGPSignature stock = sign(new BcPGPContentSignerBuilder(key.publicKey().getAlgorithm(), HashAlgorithmTags.SHA512), DATA);
        FastEdDsa.VerifierProvider provider = FastEdDsa.verifierProvider();
        assertTrue(verify(provider, stock, DATA));
        assertNull(provider.built());
        byte[] altered = DATA.clone();
        altered[DATA.length - 1] ^= 1;
        assertFalse(verify(FastEdDsa.verifierProvider(), stock, altered));
    }
}
