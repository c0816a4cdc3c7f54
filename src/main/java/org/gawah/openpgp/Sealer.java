package org.gawah.openpgp;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;

import org.bouncycastle.openpgp.PGPEncryptedDataGenerator;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPLiteralData;
import org.bouncycastle.openpgp.PGPLiteralDataGenerator;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureGenerator;
import org.bouncycastle.openpgp.PGPSignatureSubpacketGenerator;
import org.bouncycastle.openpgp.operator.PGPDataEncryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPDataEncryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPublicKeyKeyEncryptionMethodGenerator;
import org.gawah.Failure;
import org.gawah.GawahException;
import org.gawah.MessageIOException;
import org.gawah.WriteBehind;

/**
 * Seals data: a one-pass signature (SHA-512; v4 from a compat key, v6 from an RFC 9580 key) and a
 * literal data packet, inside SEIPD v1 (with MDC) or, when every recipient is a v6 certificate,
 * SEIPD v2 (AES-256-OCB), the session key encrypted to every recipient (docs/format/sealed-record.md).
 * No compression: it leaks length patterns and adds a decompression-bomb surface for no gain on
 * media that is already compressed.
 *
 * <p>Uses the low-level generator on purpose: the high-level one picks SEIPD v2 for v4 keys that
 * advertise it, which GnuPG 2.2 cannot read, and 64-byte AEAD chunks.
 */
public final class Sealer {
    private static final int BUFFER = 1 << 16;

    private Sealer() {
    }

    /** Seals a small plaintext in memory. */
    public static byte[] seal(byte[] plaintext, SigningKey signer, List<Certificate> recipients, Instant now) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(plaintext.length + 1024);
        try {
            seal(new ByteArrayInputStream(plaintext), plaintext.length, out, signer, recipients, now);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * Seals a stream of known length into {@code out}, in constant memory. Returns the SHA-512 of
     * the plaintext (lower-case hex), taken from the signature's own hash where it can be.
     */
    public static String seal(InputStream in, long length, OutputStream out, SigningKey signer,
                              List<Certificate> recipients, Instant now) throws IOException {
        Date time = Date.from(now.truncatedTo(ChronoUnit.SECONDS));
        try {
            PGPEncryptedDataGenerator encryption = encryptionTo(recipients, now);
            FastEdDsa.SignerBuilder builder = FastEdDsa.signerBuilder(signer.publicKey().getAlgorithm(), Policy.SIGNATURE_HASH);
            PGPSignatureGenerator signature = signatureGenerator(builder, signer, time);
            // Only when the signature's hash is not SHA-512 of the data does the plaintext need a pass of its own.
            MessageDigest ownSha512 = builder.built() == null ? MessageDigest.getInstance("SHA-512") : null;
            String sha512;
            try (OutputStream encrypted = encryption.open(out, new byte[BUFFER])) {
                signature.generateOnePassVersion(false).encode(encrypted);
                PGPLiteralDataGenerator literal = new PGPLiteralDataGenerator();
                // Partial body lengths: a fixed length header cannot describe files over 4 GiB.
                try (OutputStream data = literal.open(encrypted, PGPLiteralData.BINARY, "", time, new byte[BUFFER])) {
                    copy(in, data, signature, ownSha512, length);
                }
                sha512 = HexFormat.of().formatHex(ownSha512 != null ? ownSha512.digest() : builder.built().sha512OfData());
                signature.generate().encode(encrypted);
            }
            return sha512;
        } catch (PGPException e) {
            throw new GawahException(Failure.INTERNAL, Messages.of("seal.failed", e.getMessage()), null, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A stream that seals what is written to it into {@code out}, for data whose length is not
     * known in advance (an evidence package being zipped). Closing it writes the signature and
     * ends the message; {@code out} itself is left open.
     */
    public static OutputStream sealing(OutputStream out, SigningKey signer, List<Certificate> recipients, Instant now)
            throws IOException {
        Date time = Date.from(now.truncatedTo(ChronoUnit.SECONDS));
        try {
            PGPEncryptedDataGenerator encryption = encryptionTo(recipients, now);
            PGPSignatureGenerator signature = signatureGenerator(
                    FastEdDsa.signerBuilder(signer.publicKey().getAlgorithm(), Policy.SIGNATURE_HASH), signer, time);
            OutputStream encrypted = encryption.open(new java.io.FilterOutputStream(out) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                }

                @Override
                public void close() throws IOException {
                    flush();
                }
            }, new byte[BUFFER]);
            signature.generateOnePassVersion(false).encode(encrypted);
            OutputStream data = new PGPLiteralDataGenerator().open(encrypted, PGPLiteralData.BINARY, "", time, new byte[BUFFER]);
            return new OutputStream() {
                @Override
                public void write(int b) throws IOException {
                    write(new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    data.write(b, off, len);
                    signature.update(b, off, len);
                }

                @Override
                public void close() throws IOException {
                    data.close();
                    try {
                        signature.generate().encode(encrypted);
                    } catch (PGPException e) {
                        throw new MessageIOException(Messages.of("seal.signing-failed", e.getMessage()), e);
                    }
                    encrypted.close();
                }
            };
        } catch (PGPException e) {
            throw new GawahException(Failure.INTERNAL, Messages.of("seal.failed", e.getMessage()), null, e);
        }
    }

    /**
     * The encryption to every encryption subkey of every recipient, each checked usable now. The
     * recipients' certificates decide the format, and it must be one every one of them reads:
     * SEIPD v2 (AES-256-OCB, 4 MiB chunks, v6 PKESKs) only when all are v6 certificates that
     * advertise it; otherwise exactly the compat message, SEIPD v1 (AES-256, MDC) with v3 PKESKs,
     * which v6 implementations read as well. So a mixed list (v4 and v6) gets SEIPD v1: a v2
     * packet would lock out the v4 holder, whose software (GnuPG 2.2) knows no SEIPD v2, and a
     * message sealed twice would be two ciphertexts of one record to keep in step. A v4
     * certificate that advertises SEIPD v2 (Bouncy Castle's, OpenPGP.js's) still gets v1.
     */
    private static PGPEncryptedDataGenerator encryptionTo(List<Certificate> recipients, Instant now) {
        if (recipients.isEmpty()) {
            throw new GawahException(Failure.NOT_READY, Messages.of("seal.no-recipient"));
        }
        boolean allReadV2 = true;
        for (Certificate recipient : recipients) {
            recipient.checkCanEncrypt(now);
            allReadV2 &= recipient.readsSeipdV2(now);
        }
        PGPEncryptedDataGenerator encryption = new PGPEncryptedDataGenerator(dataEncryptor(allReadV2));
        for (Certificate recipient : recipients) {
            for (PGPPublicKey key : recipient.encryptionKeys(now)) {
                encryption.addMethod(new BcPublicKeyKeyEncryptionMethodGenerator(key));
            }
        }
        return encryption;
    }

    /** SEIPD v2 (OCB, chunks of 2^22 bytes) or v1 (CFB with MDC), always under {@link Policy#MESSAGE_CIPHER}. */
    static PGPDataEncryptorBuilder dataEncryptor(boolean seipdV2) {
        if (Policy.cipherRefusalForNewMessage(Policy.MESSAGE_CIPHER) != null) {
            throw new IllegalStateException("the policy refuses its own cipher");
        }
        if (seipdV2) {
            // The low-level builder, with the chunk size set here: the high-level one picks 64 bytes.
            return new BcPGPDataEncryptorBuilder(Policy.MESSAGE_CIPHER)
                    .setWithAEAD(Policy.MESSAGE_AEAD, Policy.AEAD_CHUNK_BITS)
                    .setUseV6AEAD()
                    .setSecureRandom(new SecureRandom());
        }
        return new FastCfb(Policy.MESSAGE_CIPHER, new SecureRandom());
    }

    static PGPSignatureGenerator signatureGenerator(FastEdDsa.SignerBuilder builder, SigningKey signer, Date time)
            throws PGPException {
        PGPSignatureGenerator generator = new PGPSignatureGenerator(builder, signer.publicKey());
        generator.init(PGPSignature.BINARY_DOCUMENT, signer.privateKey());
        PGPSignatureSubpacketGenerator hashed = new PGPSignatureSubpacketGenerator();
        hashed.setSignatureCreationTime(true, time);
        hashed.setIssuerFingerprint(false, signer.publicKey());
        generator.setHashedSubpackets(hashed.generate());
        return generator;
    }

    private static void copy(InputStream in, OutputStream data, PGPSignatureGenerator signature,
                             MessageDigest sha512, long length) throws IOException {
        byte[] buffer = new byte[BUFFER];
        long total = 0;
        int n;
        // The signature's hash (SHA-512) past the first MiB on a thread of its own: the caller's has the AES.
        try (OutputStream hashing = WriteBehind.pastFirst(1 << 20,
                Updates.to(signature::update, sha512 == null ? null : sha512::update), 1 << 18, "gawah-signature-hash")) {
            while ((n = in.read(buffer)) > 0) {
                data.write(buffer, 0, n);
                hashing.write(buffer, 0, n);
                total += n;
            }
        } finally {
            java.util.Arrays.fill(buffer, (byte) 0);
        }
        if (total != length) {
            throw new MessageIOException(Messages.of("seal.input-changed", length, total));
        }
    }
}
