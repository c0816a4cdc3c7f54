package org.gawah.openpgp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.openpgp.PGPEncryptedDataList;
import org.bouncycastle.openpgp.PGPPublicKeyEncryptedData;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;
import org.bouncycastle.openpgp.operator.bc.BcPublicKeyDataDecryptorFactory;
import org.junit.jupiter.api.Test;

/** The algorithm rules of {@link Policy}, and that sealing follows them whatever a recipient prefers. */
class MessagePolicyTest {
    @Test
    @SuppressWarnings("deprecation")
    void newMessagesNeverUseIdeaTripleDesOrCast5() {
        for (int legacy : new int[] {SymmetricKeyAlgorithmTags.IDEA, SymmetricKeyAlgorithmTags.TRIPLE_DES,
                SymmetricKeyAlgorithmTags.CAST5, SymmetricKeyAlgorithmTags.BLOWFISH, SymmetricKeyAlgorithmTags.AES_128}) {
            var refusal = Policy.cipherRefusalForNewMessage(legacy);
            assertNotNull(refusal);
            assertTrue(refusal.render().contains("only AES-256"), refusal.render());
        }
        assertTrue(Policy.cipherRefusalForNewMessage(SymmetricKeyAlgorithmTags.TRIPLE_DES).render().contains("TripleDES"));
        assertNull(Policy.cipherRefusalForNewMessage(SymmetricKeyAlgorithmTags.AES_256));
    }

    /** A recipient whose certificate prefers TripleDES, then CAST5, still gets AES-256. */
    @Test
    @SuppressWarnings("deprecation")
    void recipientPreferringLegacyCiphersStillGetsAes256() throws Exception {
        Instant now = Instant.now();
        SecretKey recipient = CraftedKeys.v4("Old preferences", CraftedKeys.Spec.plain(Date.from(now.minusSeconds(60)))
                .preferring(SymmetricKeyAlgorithmTags.TRIPLE_DES, SymmetricKeyAlgorithmTags.CAST5));
        SecretKey documenter = KeyGenerator.generate("Documenter", "p".toCharArray(), now);
        byte[] sealed = Sealer.seal("text".getBytes(), documenter.unlockForSigning("p".toCharArray(), now),
                List.of(recipient.certificate()), now);
        PGPEncryptedDataList list = (PGPEncryptedDataList) new BcPGPObjectFactory(sealed).nextObject();
        PGPPublicKeyEncryptedData data = (PGPPublicKeyEncryptedData) list.get(0);
        var subkey = recipient.ring().getSecretKey(data.getKeyIdentifier()).extractPrivateKey(null);
        assertEquals(SymmetricKeyAlgorithmTags.AES_256, data.getSymmetricAlgorithm(new BcPublicKeyDataDecryptorFactory(subkey)));
    }

    @Test
    void onlySha2AndSha3SignaturesAreAccepted() {
        for (int weak : new int[] {HashAlgorithmTags.MD5, HashAlgorithmTags.SHA1, HashAlgorithmTags.RIPEMD160}) {
            assertNotNull(Policy.hashRefusal(weak));
        }
        assertTrue(Policy.hashRefusal(HashAlgorithmTags.MD5).render().contains("MD5"));
        assertTrue(Policy.hashRefusal(HashAlgorithmTags.SHA1).render().contains("SHA-1"));
        for (int good : new int[] {HashAlgorithmTags.SHA256, HashAlgorithmTags.SHA384, HashAlgorithmTags.SHA512,
                HashAlgorithmTags.SHA224, HashAlgorithmTags.SHA3_256, HashAlgorithmTags.SHA3_512}) {
            assertNull(Policy.hashRefusal(good));
        }
    }
}
