package org.gawah.openpgp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;

import org.bouncycastle.bcpg.KeyIdentifier;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPObjectFactory;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureGenerator;
import org.bouncycastle.openpgp.PGPSignatureList;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;
import org.gawah.Failure;
import org.gawah.GawahException;
import org.gawah.Message;

/**
 * Detached signatures (binary document, SHA-512; v4 from a compat key, v6 from an RFC 9580 key)
 * over small byte strings: custody-log entries and bag tag manifests. {@code gpg --verify
 * FILE.sig FILE} checks the v4 ones (GnuPG 2.2 knows no v6 signatures).
 */
public final class DetachedSignature {
    /** A real detached signature is a few hundred bytes. */
    private static final int MAX_BYTES = 64 << 10;

    /** Who signed, and when, once a signature has passed every check. */
    public record Verified(Certificate signer, Instant signedAt) {
    }

    private DetachedSignature() {
    }

    /** The binary signature packet over {@code data}, made at {@code time}. */
    public static byte[] sign(SigningKey key, byte[] data, Instant time) {
        try {
            FastEdDsa.SignerBuilder builder = FastEdDsa.signerBuilder(key.publicKey().getAlgorithm(), Policy.SIGNATURE_HASH);
            PGPSignatureGenerator generator = Sealer.signatureGenerator(builder, key,
                    Date.from(time.truncatedTo(ChronoUnit.SECONDS)));
            generator.update(data);
            ByteArrayOutputStream out = new ByteArrayOutputStream(128);
            generator.generate().encode(out);
            return out.toByteArray();
        } catch (PGPException e) {
            throw new GawahException(Failure.INTERNAL, Messages.of("signature.failed", e.getMessage()), null, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Checks that {@code signature} (binary or armoured) is one good signature over {@code data}
     * by one of {@code known}, made while that key was valid for signing. Anything less fails:
     * {@link Failure#UNKNOWN_SIGNER} when no known key made it, else {@link Failure#BAD_SIGNATURE}.
     */
    public static Verified verify(byte[] signature, byte[] data, List<Certificate> known) {
        try {
            return verify(signature, new java.io.ByteArrayInputStream(data), known);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The same check over data of any size, read from {@code data} to its end. */
    public static Verified verify(byte[] signature, InputStream data, List<Certificate> known) throws IOException {
        PGPSignature parsed = parse(signature);
        KeyIdentifier issuer = issuer(parsed);
        Certificate signer = known.stream().filter(c -> c.contains(issuer)).findFirst()
                .orElseThrow(() -> new GawahException(Failure.UNKNOWN_SIGNER,
                        Messages.of("signature.unknown-signer", Fingerprints.keyId(issuer)),
                        Messages.of("signature.unknown-signer.hint")));
        if (parsed.getSignatureType() != PGPSignature.BINARY_DOCUMENT) {
            throw bad(Messages.of("signature.type", parsed.getSignatureType()));
        }
        Message weakHash = Policy.hashRefusal(parsed.getHashAlgorithm());
        if (weakHash != null) {
            throw bad(weakHash);
        }
        try {
            parsed.init(FastEdDsa.verifierProvider(), signer.bc().getKey(issuer).getPGPPublicKey());
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = data.read(buffer)) > 0) {
                parsed.update(buffer, 0, n);
            }
            if (!parsed.verify()) {
                throw bad(Messages.of("signature.mismatch"));
            }
        } catch (PGPException e) {
            throw bad(Messages.of("signature.unchecked", e.getMessage()));
        }
        Date signedAt = parsed.getCreationTime();
        Message notValid = signer.whyNotSigningAt(issuer, signedAt);
        if (notValid != null) {
            throw bad(Messages.of("signature.key-not-valid", signer.fingerprint(), signedAt.toInstant(), notValid));
        }
        return new Verified(signer, signedAt.toInstant());
    }

    private static PGPSignature parse(byte[] signature) {
        if (signature.length > MAX_BYTES) {
            throw bad(Messages.of("signature.too-large"));
        }
        try (InputStream in = Armor.decoder(signature)) {
            PGPObjectFactory factory = new BcPGPObjectFactory(in);
            Object first = factory.nextObject();
            if (!(first instanceof PGPSignatureList) || ((PGPSignatureList) first).size() != 1
                    || factory.nextObject() != null) {
                throw bad(Messages.of("signature.not-one"));
            }
            return ((PGPSignatureList) first).get(0);
        } catch (IOException | RuntimeException e) {
            if (e instanceof GawahException) {
                throw (GawahException) e;
            }
            throw bad(Messages.of("signature.unreadable"));
        }
    }

    private static KeyIdentifier issuer(PGPSignature signature) {
        List<KeyIdentifier> ids = signature.getKeyIdentifiers();
        if (ids.isEmpty()) {
            throw bad(Messages.of("signature.no-issuer"));
        }
        return ids.get(0);
    }

    private static GawahException bad(Message reason) {
        return new GawahException(Failure.BAD_SIGNATURE, Messages.of("signature.bad", reason),
                Messages.of("signature.bad.hint"));
    }
}
