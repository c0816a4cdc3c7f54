package org.gawah.openpgp;

import java.io.EOFException;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Arrays;
import java.util.List;

import org.bouncycastle.bcpg.KeyIdentifier;
import org.bouncycastle.openpgp.PGPCompressedData;
import org.bouncycastle.openpgp.PGPEncryptedData;
import org.bouncycastle.openpgp.PGPEncryptedDataList;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPLiteralData;
import org.bouncycastle.openpgp.PGPMarker;
import org.bouncycastle.openpgp.PGPObjectFactory;
import org.bouncycastle.openpgp.PGPOnePassSignature;
import org.bouncycastle.openpgp.PGPOnePassSignatureList;
import org.bouncycastle.openpgp.PGPPadding;
import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPPublicKeyEncryptedData;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureList;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;
import org.bouncycastle.openpgp.operator.PublicKeyDataDecryptorFactory;
import org.bouncycastle.openpgp.operator.bc.BcPublicKeyDataDecryptorFactory;
import org.gawah.Failure;
import org.gawah.GawahException;
import org.gawah.MessageIOException;
import org.gawah.Message;
import org.gawah.WriteBehind;

/**
 * Opens a sealed message: decrypts it, checks its integrity, verifies its one signature against
 * the known documenter keys. The plaintext is held in memory and handed out only when every
 * check passed: Bouncy Castle gives out plaintext of a tampered message and only reports the
 * failed integrity check once the stream is read to its end.
 */
public final class Opener {
    /** Testimony is text; past this size a message is not one and is refused before it fills memory. */
    public static final int MAX_CONTENT = 64 << 20;
    /**
     * The largest sealed record read whole ({@code open --sealed}): {@link #MAX_CONTENT} armoured
     * (4/3 and line ends, about 87 MiB), with room for its packets. Anything larger is refused unread.
     */
    public static final int MAX_SEALED = 96 << 20;
    /** A refusal names this many of a message's recipients and counts the rest: the error stays one short line. */
    static final int RECIPIENTS_NAMED = 5;

    /** Asks for the passphrase of a key when, and only when, it is needed. The caller wipes the array it returns. */
    @FunctionalInterface
    public interface PassphraseSource {
        char[] passphraseFor(String fingerprint);
    }

    private Opener() {
    }

    /**
     * Opens {@code sealed} with {@code key}. A signature is judged at its own creation time: a
     * documenter key that expired since still vouches for what it signed while it was valid.
     */
    public static Opened open(byte[] sealed, SecretKey key, PassphraseSource passphrase,
                              List<Certificate> knownSigners) {
        SecretBuffer buffer = new SecretBuffer(MAX_CONTENT);
        try {
            Opened opened = openTo(Armor.decoder(sealed), buffer, key, passphrase, knownSigners);
            return opened.withContent(buffer.take());
        } catch (IOException e) {
            throw damaged(Messages.of("open.damaged"), e);
        } finally {
            buffer.wipe();
        }
    }

    /**
     * Streams the plaintext of a large message (an attachment) into {@code sink}, in constant
     * memory. The plaintext reaches the sink before the checks are done: the caller must treat
     * what it wrote as untrusted, and destroy it, unless this method returns normally.
     *
     * @throws SinkFailure when writing to {@code sink} failed (a full disk): the message may be
     *         fine, and must not be called damaged; a damaged message is a {@link GawahException}
     */
    public static Opened openTo(InputStream sealed, OutputStream sink, SecretKey key, PassphraseSource passphrase,
                                List<Certificate> knownSigners) throws SinkFailure {
        GuardedSink guarded = new GuardedSink(sink);
        try {
            return decrypt(sealed, guarded, key, passphrase, knownSigners);
        } catch (IOException | PGPException | RuntimeException e) {
            // Checked first: Bouncy Castle may have wrapped the sink's failure in one of its own.
            if (guarded.failure != null) {
                throw new SinkFailure(guarded.failure);
            }
            if (e instanceof GawahException) {
                throw (GawahException) e;
            }
            if (e instanceof EOFException) {
                throw damaged(Messages.of("open.truncated"), e);
            }
            if (e instanceof MessageIOException) {
                throw damaged(((MessageIOException) e).message(), e); // the vault's own words: which attachment, what
            }
            throw damaged(Messages.of("open.altered"), e);
        }
    }

    /** Writing the opened plaintext failed; its {@link #getCause() cause} says why. */
    public static final class SinkFailure extends IOException {
        private static final long serialVersionUID = 1L;

        SinkFailure(IOException cause) {
            super(cause.getMessage(), cause);
        }
    }

    /** Remembers the sink's own failure, whatever the layers above it make of it. */
    private static final class GuardedSink extends FilterOutputStream {
        private IOException failure;

        GuardedSink(OutputStream sink) {
            super(sink);
        }

        @Override
        public void write(int b) throws IOException {
            try {
                out.write(b);
            } catch (IOException e) {
                throw remember(e);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                throw remember(e);
            }
        }

        @Override
        public void flush() throws IOException {
            try {
                out.flush();
            } catch (IOException e) {
                throw remember(e);
            }
        }

        @Override
        public void close() {
            // The caller owns the sink and closes it.
        }

        private IOException remember(IOException e) {
            if (failure == null) {
                failure = e;
            }
            return e;
        }
    }

    private static Opened decrypt(InputStream sealed, OutputStream sink, SecretKey key, PassphraseSource passphrase,
                                  List<Certificate> knownSigners) throws IOException, PGPException {
        PacketBudget packets = new PacketBudget(sealed);
        PGPObjectFactory outer = new BcPGPObjectFactory(packets);
        packets.limit();
        Object first = nextSkippingMarkers(outer);
        if (!(first instanceof PGPEncryptedDataList)) {
            throw new GawahException(Failure.BAD_DATA, Messages.of("open.not-encrypted"));
        }
        Recipient recipient = findOurs((PGPEncryptedDataList) first, key, passphrase);
        PGPPublicKeyEncryptedData mine = recipient.data();
        PGPPrivateKey privateKey = recipient.privateKey();
        InputStream clear;
        packets.lift(); // the encrypted data streams from here
        try {
            // SEIPD v2 (OCB) runs on Bouncy Castle's own AES: the JDK has no OCB. SEIPD v1 on the JDK's AES (FastCfb).
            // The lightweight factory: Bouncy Castle's JCA provider would cost a fifth of a second to load.
            PublicKeyDataDecryptorFactory factory = new BcPublicKeyDataDecryptorFactory(privateKey);
            clear = mine.getDataStream(mine.isAEAD() ? factory : FastCfb.decrypting(factory));
        } catch (PGPException e) {
            throw damaged(Messages.of("open.session-key"), e);
        }
        SignedContent content = SignedContent.read(clear, sink, knownSigners);
        drain(clear);
        if (!mine.verify()) {
            throw damaged(Messages.of("open.mdc-failed"), null);
        }
        packets.limit();
        if (nextSkippingPadding(outer) != null) {
            throw damaged(Messages.of("open.trailing-data"), null);
        }
        return content.verified();
    }

    /** The session-key packet this home's key opens, and that key unlocked. */
    private record Recipient(PGPPublicKeyEncryptedData data, PGPPrivateKey privateKey) {
    }

    /**
     * The packet for our key: the one naming it, else (hidden recipients: {@code gpg
     * --throw-keyids}, {@code -R}, key ID 0) the first hidden one that one of our encryption
     * keys opens, as GnuPG does. Checked for integrity protection before any key is unlocked.
     */
    private static Recipient findOurs(PGPEncryptedDataList list, SecretKey key, PassphraseSource passphrase) {
        List<PGPPublicKeyEncryptedData> hidden = new ArrayList<>();
        for (PGPEncryptedData data : list) {
            if (data instanceof PGPPublicKeyEncryptedData) {
                PGPPublicKeyEncryptedData pk = (PGPPublicKeyEncryptedData) data;
                if (key.has(pk.getKeyIdentifier())) {
                    requireIntegrity(pk);
                    return new Recipient(pk, unlock(key, pk.getKeyIdentifier(), passphrase));
                }
                if (pk.getKeyIdentifier().isWildcard()) {
                    hidden.add(pk);
                }
            }
        }
        if (!hidden.isEmpty()) {
            for (PGPPublicKeyEncryptedData pk : hidden) {
                requireIntegrity(pk);
            }
            for (KeyIdentifier id : key.encryptionKeys()) {
                PGPPrivateKey candidate = unlock(key, id, passphrase);
                for (PGPPublicKeyEncryptedData pk : hidden) {
                    if (opens(pk, candidate)) {
                        return new Recipient(pk, candidate);
                    }
                }
            }
        }
        throw notOurs(list, key, hidden.size());
    }

    private static void requireIntegrity(PGPPublicKeyEncryptedData pk) {
        if (!pk.isIntegrityProtected()) {
            throw new GawahException(Failure.BAD_DATA, Messages.of("open.no-mdc"));
        }
    }

    private static PGPPrivateKey unlock(SecretKey key, KeyIdentifier id, PassphraseSource passphrase) {
        char[] secret = key.isLocked(id) ? passphrase.passphraseFor(key.fingerprint()) : new char[0];
        try {
            return key.unlock(id, secret);
        } finally {
            Arrays.fill(secret, '\0');
        }
    }

    /** Whether this private key recovers a session key from a hidden recipient's packet (nothing of the data is read). */
    private static boolean opens(PGPPublicKeyEncryptedData pk, PGPPrivateKey candidate) {
        try {
            return pk.getSessionKey(new BcPublicKeyDataDecryptorFactory(candidate)) != null;
        } catch (PGPException | RuntimeException e) {
            return false; // not ours: the key unwrap or the session key's checksum failed
        }
    }

    private static GawahException notOurs(PGPEncryptedDataList list, SecretKey key, int hidden) {
        List<String> others = new ArrayList<>();
        int more = 0;
        for (PGPEncryptedData data : list) {
            if (data instanceof PGPPublicKeyEncryptedData) {
                PGPPublicKeyEncryptedData pk = (PGPPublicKeyEncryptedData) data;
                if (pk.getKeyIdentifier().isWildcard()) {
                    continue;
                }
                if (others.size() < RECIPIENTS_NAMED) {
                    others.add(Fingerprints.keyId(pk.getKeyIdentifier()));
                } else {
                    more++;
                }
            }
        }
        Message notOurs = others.isEmpty() && hidden > 0
                ? Messages.of("open.not-for-key.hidden", key.fingerprint(), hidden)
                : others.isEmpty()
                ? Messages.of("open.not-for-key.no-recipients", key.fingerprint())
                : Messages.of("open.not-for-key", key.fingerprint(), more == 0 ? String.join(", ", others)
                        : Messages.of("open.not-for-key.and-more", String.join(", ", others), more));
        return new GawahException(Failure.CANNOT_DECRYPT, notOurs, Messages.of("open.not-for-key.hint"));
    }

    static Object nextSkippingMarkers(PGPObjectFactory factory) throws IOException {
        Object next = factory.nextObject();
        while (next instanceof PGPMarker || next instanceof PGPPadding) {
            next = factory.nextObject();
        }
        return next;
    }

    /**
     * The next packet that is not padding. RFC 9580 padding packets (type 21) carry nothing and
     * may follow the signed data or the encrypted data; its own sample message has one.
     */
    static Object nextSkippingPadding(PGPObjectFactory factory) throws IOException {
        Object next = factory.nextObject();
        while (next instanceof PGPPadding) {
            next = factory.nextObject();
        }
        return next;
    }

    private static void drain(InputStream in) throws IOException {
        byte[] sink = new byte[8192];
        while (in.read(sink) >= 0) {
            // Reading to the end is what makes Bouncy Castle check the MDC.
        }
    }

    private static MessageDigest sha512() {
        try {
            return MessageDigest.getInstance("SHA-512");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static GawahException damaged(Message message, Throwable cause) {
        return new GawahException(Failure.BAD_DATA, message, Messages.of("open.damaged.hint"), cause);
    }

    /** The packets inside the encryption: [compressed(] one-pass signature, literal data, signature [)]. */
    private static final class SignedContent {
        private final PGPOnePassSignature onePass;
        private final Certificate signer;
        private final PGPSignature signature;
        private final String sha512;

        private SignedContent(PGPOnePassSignature onePass, Certificate signer, PGPSignature signature, String sha512) {
            this.sha512 = sha512;
            this.onePass = onePass;
            this.signer = signer;
            this.signature = signature;
        }

        static SignedContent read(InputStream clear, OutputStream sink, List<Certificate> knownSigners)
                throws IOException, PGPException {
            PacketBudget packets = new PacketBudget(clear);
            packets.limit();
            PGPObjectFactory factory = new BcPGPObjectFactory(packets);
            Object next = factory.nextObject();
            if (next instanceof PGPCompressedData) {
                // GnuPG compresses by default. One level only: nested compression is a bomb, not a message.
                packets.lift(); // compressed bytes stream from here; what they expand to is budgeted instead
                packets = new PacketBudget(((PGPCompressedData) next).getDataStream());
                packets.limit();
                factory = new BcPGPObjectFactory(packets);
                next = factory.nextObject();
            }
            PGPOnePassSignature onePass = null;
            Certificate signer = null;
            FastEdDsa.VerifierProvider verifiers = FastEdDsa.verifierProvider();
            if (next instanceof PGPOnePassSignatureList) {
                PGPOnePassSignatureList list = (PGPOnePassSignatureList) next;
                if (list.size() != 1) {
                    throw damaged(Messages.of("open.one-pass-count", list.size()), null);
                }
                onePass = list.get(0);
                signer = find(knownSigners, onePass.getKeyIdentifier());
                if (signer != null) {
                    onePass.init(verifiers, signer.bc().getKey(onePass.getKeyIdentifier()).getPGPPublicKey());
                }
                next = factory.nextObject();
            }
            if (!(next instanceof PGPLiteralData)) {
                throw damaged(Messages.of("open.no-literal"), null);
            }
            // The verifier's SHA-512 of the data is the content's SHA-512; hash again only without it.
            // (Binary signatures only: text signatures hash the data with normalised line ends.)
            boolean shared = verifiers.built() != null && onePass.getSignatureType() == PGPSignature.BINARY_DOCUMENT;
            MessageDigest ownSha512 = shared ? null : sha512();
            packets.lift(); // the literal data streams, bounded by the sink
            readLiteral((PGPLiteralData) next, sink, signer != null ? onePass : null, ownSha512);
            packets.limit();
            String sha512 = HexFormat.of().formatHex(ownSha512 != null ? ownSha512.digest() : verifiers.built().sha512OfData());
            PGPSignature signature = null;
            if (onePass != null) {
                Object trailer = nextSkippingPadding(factory);
                if (!(trailer instanceof PGPSignatureList) || ((PGPSignatureList) trailer).size() != 1) {
                    throw damaged(Messages.of("open.no-signature-packet"), null);
                }
                signature = ((PGPSignatureList) trailer).get(0);
            }
            if (nextSkippingPadding(factory) != null) {
                throw damaged(Messages.of("open.trailing-packets"), null);
            }
            return new SignedContent(onePass, signer, signature, sha512);
        }

        private static void readLiteral(PGPLiteralData literal, OutputStream sink, PGPOnePassSignature onePass,
                                        MessageDigest sha512) throws IOException {
            byte[] buffer = new byte[1 << 16];
            // The hashes past the first MiB on a thread of their own: the caller's has the decryption.
            try (InputStream in = literal.getInputStream();
                 OutputStream hashing = WriteBehind.pastFirst(1 << 20, Updates.to(
                         onePass == null ? null : onePass::update, sha512 == null ? null : sha512::update), 1 << 18,
                         "gawah-signature-hash")) {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    sink.write(buffer, 0, n);
                    hashing.write(buffer, 0, n);
                }
            } finally {
                Arrays.fill(buffer, (byte) 0);
            }
        }

        private static Certificate find(List<Certificate> certificates, KeyIdentifier id) {
            for (Certificate certificate : certificates) {
                if (certificate.contains(id)) {
                    return certificate;
                }
            }
            return null;
        }

        /** Runs after the integrity check: judges the signature, then hands out the plaintext. */
        Opened verified() throws PGPException, IOException {
            if (onePass == null) {
                    throw new GawahException(Failure.NO_SIGNATURE, Messages.of("open.unsigned"),
                            Messages.of("open.unsigned.hint"));
                }
                if (signer == null) {
                    throw new GawahException(Failure.UNKNOWN_SIGNER,
                            Messages.of("open.unknown-signer", Fingerprints.keyId(onePass.getKeyIdentifier())),
                            Messages.of("open.unknown-signer.hint"));
                }
            SignatureCheck.check(onePass, signature, signer);
            return new Opened(null, signer.fingerprint(), signer.userId(),
                    signature.getCreationTime().toInstant(), signature.getEncoded(), sha512);
        }
    }
}
