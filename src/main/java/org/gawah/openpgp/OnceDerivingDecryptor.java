package org.gawah.openpgp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

import org.bouncycastle.bcpg.S2K;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.operator.PBESecretKeyDecryptor;
import org.bouncycastle.openpgp.operator.PGPDigestCalculatorProvider;
import org.bouncycastle.openpgp.operator.bc.BcPBESecretKeyDecryptorBuilder;

/**
 * Bouncy Castle's passphrase decryptor, deriving the key from the passphrase once for each S2K
 * specifier it meets. The secret keys of one key are protected with one S2K (the same salt and
 * count), and the iterated S2K is 65 MB of SHA-256: a tenth of a second or more of every
 * command's start, paid twice when opening (the decryption subkey, then the signing key of the
 * custody entry). The iterated S2K that Gawah's keys use runs on {@link IteratedS2K}, the others
 * on Bouncy Castle's. {@link #close} wipes the passphrase and what was derived.
 */
final class OnceDerivingDecryptor extends PBESecretKeyDecryptor implements AutoCloseable {
    private final PBESecretKeyDecryptor bc;
    private final char[] passphrase;
    private final Map<String, byte[]> derived = new HashMap<>();

    /** Takes {@code passphrase} and wipes it when closed: hand it a copy. */
    OnceDerivingDecryptor(char[] passphrase, PGPDigestCalculatorProvider digests) {
        super(null, digests);
        this.passphrase = passphrase;
        this.bc = new BcPBESecretKeyDecryptorBuilder(digests).build(passphrase.clone());
    }

    @Override
    public byte[] makeKeyFromPassPhrase(int keyAlgorithm, S2K s2k) throws PGPException {
        String specifier = specifier(keyAlgorithm, s2k);
        byte[] key = derived.get(specifier);
        if (key == null) {
            key = IteratedS2K.handles(keyAlgorithm, s2k) ? IteratedS2K.derive(keyAlgorithm, s2k, passphrase)
                    : bc.makeKeyFromPassPhrase(keyAlgorithm, s2k);
            derived.put(specifier, key.clone());
        } else {
            key = key.clone();
        }
        return key;
    }

    @Override
    public byte[] recoverKeyData(int encAlgorithm, byte[] key, byte[] iv, byte[] keyData, int keyOff, int keyLen)
            throws PGPException {
        return bc.recoverKeyData(encAlgorithm, key, iv, keyData, keyOff, keyLen);
    }

    @Override
    public byte[] recoverKeyData(int encAlgorithm, int aeadAlgorithm, byte[] s2kKey, byte[] iv, int packetTag,
                                 int keyVersion, byte[] keyData, byte[] pubkeyData) throws PGPException {
        return bc.recoverKeyData(encAlgorithm, aeadAlgorithm, s2kKey, iv, packetTag, keyVersion, keyData, pubkeyData);
    }

    /** How many different derivations this decryptor made (for tests). */
    int derivations() {
        return derived.size();
    }

    @Override
    public void close() {
        Arrays.fill(passphrase, '\0');
        for (byte[] key : derived.values()) {
            Arrays.fill(key, (byte) 0);
        }
        derived.clear();
    }

    /** The cipher and the S2K as written in the key packet: type, hash, count or Argon2 costs, salt. */
    static String specifier(int keyAlgorithm, S2K s2k) {
        if (s2k == null) {
            return keyAlgorithm + ":none";
        }
        try {
            return keyAlgorithm + ":" + HexFormat.of().formatHex(s2k.getEncoded());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
