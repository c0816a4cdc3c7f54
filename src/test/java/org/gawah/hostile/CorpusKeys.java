package org.gawah.hostile;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPSecretKey;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;
import org.bouncycastle.openpgp.operator.bc.BcPBESecretKeyDecryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPBESecretKeyEncryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider;
import org.gawah.openpgp.Armor;
import org.gawah.openpgp.Certificate;
import org.gawah.openpgp.KeyGenerator;
import org.gawah.openpgp.SecretKey;
import org.gawah.openpgp.SigningKey;
import org.gawah.testsupport.Homes;

/**
 * The corpus's own keys: a documenter, a legal team and a stranger, made by Gawah's key generator
 * and then re-protected with a cheap S2K (count 0x10, 2 KiB hashed), so that a test that unlocks
 * them does not spend 0.8 s each time. Their passphrase is {@link Homes#PASSPHRASE}. Every
 * crafted message of the corpus is signed by the documenter and encrypted to the legal team.
 */
final class CorpusKeys {
    static final String DOCUMENTER = "keys/documenter.secret.asc";
    static final String LEGAL = "keys/legal.secret.asc";
    static final String STRANGER = "keys/stranger.secret.asc";

    final PGPSecretKeyRing documenter;
    final PGPSecretKeyRing legal;
    final PGPSecretKeyRing stranger;

    private CorpusKeys(PGPSecretKeyRing documenter, PGPSecretKeyRing legal, PGPSecretKeyRing stranger) {
        this.documenter = documenter;
        this.legal = legal;
        this.stranger = stranger;
    }

    /** New keys, written under {@code dir} (the corpus folder). */
    static CorpusKeys generate(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("keys"));
        CorpusKeys keys = new CorpusKeys(make("Documenter D-14 (hostile corpus)"), make("Legal team (hostile corpus)"),
                make("Stranger (hostile corpus)"));
        Files.writeString(dir.resolve(DOCUMENTER), Armor.armor(keys.documenter.getEncoded()));
        Files.writeString(dir.resolve(LEGAL), Armor.armor(keys.legal.getEncoded()));
        Files.writeString(dir.resolve(STRANGER), Armor.armor(keys.stranger.getEncoded()));
        return keys;
    }

    /** The keys kept in the corpus (test resources). */
    static CorpusKeys load() {
        return new CorpusKeys(ring(resource(DOCUMENTER)), ring(resource(LEGAL)), ring(resource(STRANGER)));
    }

    static byte[] resource(String name) {
        try (InputStream in = CorpusKeys.class.getResourceAsStream("/" + Corpus.DIR + "/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing corpus file " + name + ": run the corpus generator");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static PGPSecretKeyRing make(String userId) {
        char[] passphrase = Homes.PASSPHRASE.toCharArray();
        SecretKey key = KeyGenerator.generate(userId, passphrase, Instant.now().minusSeconds(3600));
        try {
            return PGPSecretKeyRing.copyWithNewPassword(ring(key.encoded()),
                    new BcPBESecretKeyDecryptorBuilder(new BcPGPDigestCalculatorProvider()).build(passphrase.clone()),
                    new BcPBESecretKeyEncryptorBuilder(SymmetricKeyAlgorithmTags.AES_256,
                            new BcPGPDigestCalculatorProvider().get(HashAlgorithmTags.SHA256), 0x10).build(passphrase.clone()));
        } catch (PGPException e) {
            throw new IllegalStateException(e);
        }
    }

    static PGPSecretKeyRing ring(byte[] data) {
        try (InputStream in = PGPUtil.getDecoderStream(new ByteArrayInputStream(data))) {
            return (PGPSecretKeyRing) new BcPGPObjectFactory(in).nextObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SecretKey gawahKey(PGPSecretKeyRing ring) {
        try {
            return SecretKey.parse(ring.getEncoded());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Certificate certificate(PGPSecretKeyRing ring) {
        return gawahKey(ring).certificate();
    }

    static String armoredCertificate(PGPSecretKeyRing ring) {
        return certificate(ring).armored();
    }

    static SigningKey signingKey(PGPSecretKeyRing ring) {
        return gawahKey(ring).unlockForSigning(Homes.PASSPHRASE.toCharArray(), Instant.now());
    }

    static PGPPrivateKey primaryPrivate(PGPSecretKeyRing ring) {
        return extract(ring.getSecretKey());
    }

    static PGPPrivateKey extract(PGPSecretKey key) {
        try {
            return key.extractPrivateKey(new BcPBESecretKeyDecryptorBuilder(new BcPGPDigestCalculatorProvider())
                    .build(Homes.PASSPHRASE.toCharArray()));
        } catch (PGPException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The encryption subkey. */
    static PGPPublicKey encryptionKey(PGPSecretKeyRing ring) {
        for (PGPPublicKey key : ring.toCertificate()) {
            if (!key.isMasterKey() && key.isEncryptionKey()) {
                return key;
            }
        }
        throw new IllegalStateException("no encryption subkey");
    }

    static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.US_ASCII);
    }
}
