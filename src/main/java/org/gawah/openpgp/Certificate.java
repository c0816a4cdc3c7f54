package org.gawah.openpgp;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.bouncycastle.bcpg.ArmoredInputException;
import org.bouncycastle.bcpg.KeyIdentifier;
import org.bouncycastle.bcpg.UnsupportedPacketVersionException;
import org.bouncycastle.openpgp.PGPObjectFactory;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.bouncycastle.openpgp.api.OpenPGPCertificate;
import org.bouncycastle.openpgp.api.OpenPGPCertificate.OpenPGPComponentKey;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;
import org.gawah.Failure;
import org.gawah.GawahException;
import org.gawah.Message;

/**
 * An OpenPGP certificate (public key) read from outside. Parsing checks only its form; whether it
 * may be used is asked at each use ({@link #checkCanEncrypt}, {@link #checkCanSign}), because a
 * certificate that was fine when imported may have expired since.
 */
public final class Certificate {
    /** Real certificates are a few KiB; anything past this is not one. */
    public static final int MAX_BYTES = 1 << 20;
    /** The most certificates one file may hold (a team's keys exported together); past this it is not a team's file. */
    public static final int MAX_IN_FILE = 100;

    /** The certificate as received: what is pinned, logged and exported. */
    private final PGPPublicKeyRing ring;
    /** The same certificate as Bouncy Castle is asked about it: without user IDs their owner revoked. */
    private final OpenPGPCertificate cert;

    Certificate(PGPPublicKeyRing ring) {
        this.ring = ring;
        this.cert = new OpenPGPCertificate(UserIds.withoutRevoked(ring), Implementation.get());
    }

    /** Reads one certificate, armoured or binary. A file holding a secret key, or several certificates, is refused. */
    public static Certificate parse(byte[] data) {
        List<Certificate> all = parseAll(data);
        if (all.size() != 1) {
            throw new GawahException(Failure.BAD_DATA, Messages.of("certificate.several"));
        }
        return all.get(0);
    }

    /**
     * Reads every certificate of a file, armoured (each armour block, however many) or binary: a
     * team's keys are often sent together. Copies of one certificate are merged into one. Refused:
     * a secret key, anything that is not a certificate, more than {@link #MAX_IN_FILE}.
     */
    public static List<Certificate> parseAll(byte[] data) {
        if (data.length > MAX_BYTES) {
            throw new GawahException(Failure.BAD_DATA, Messages.of("certificate.too-large"));
        }
        java.util.Map<String, Certificate> byFingerprint = new java.util.LinkedHashMap<>();
        try {
            for (InputStream in : Armor.decoders(data)) {
                try (in) {
                    PGPObjectFactory factory = new BcPGPObjectFactory(in);
                    Object next = factory.nextObject();
                    if (next == null) {
                        throw new GawahException(Failure.BAD_DATA, Messages.of("certificate.not-certificate"));
                    }
                    for (; next != null; next = factory.nextObject()) {
                        if (next instanceof PGPSecretKeyRing) {
                            throw new GawahException(Failure.BAD_DATA, Messages.of("certificate.secret-key"),
                                    Messages.of("certificate.secret-key.hint"));
                        }
                        if (!(next instanceof PGPPublicKeyRing)) {
                            throw new GawahException(Failure.BAD_DATA, Messages.of("certificate.not-certificate"));
                        }
                        // Inside the try: Bouncy Castle's own reading of a malformed ring can throw too (a
                        // ClassCastException for a subkey binding on a user ID, found by the fuzzer).
                        Certificate certificate = new Certificate((PGPPublicKeyRing) next);
                        byFingerprint.merge(certificate.fingerprint(), certificate, Certificate::merge);
                        if (byFingerprint.size() > MAX_IN_FILE) {
                            throw new GawahException(Failure.BAD_DATA, Messages.of("certificate.too-many", MAX_IN_FILE));
                        }
                    }
                }
            }
            return List.copyOf(byFingerprint.values());
        } catch (IOException | RuntimeException e) {
            if (e instanceof GawahException) {
                throw (GawahException) e;
            }
            throw new GawahException(Failure.BAD_DATA, Messages.of("certificate.unreadable", unreadable(e)),
                    Messages.of("certificate.unreadable.hint"), e);
        }
    }

    /**
     * One certificate holding what both versions hold (user IDs, subkeys, signatures): an update
     * never loses a revocation or a subkey the pinned version had. Both must have one fingerprint.
     */
    public static Certificate merge(Certificate pinned, Certificate update) {
        if (!pinned.fingerprint().equals(update.fingerprint())) {
            throw new IllegalArgumentException("merging two certificates: " + pinned + ", " + update);
        }
        try {
            return new Certificate(PGPPublicKeyRing.join(pinned.ring, update.ring));
        } catch (org.bouncycastle.openpgp.PGPException | RuntimeException e) {
            throw new GawahException(Failure.BAD_DATA, Messages.of("certificate.unreadable", Messages.of("certificate.damaged")),
                    Messages.of("certificate.unreadable.hint"), e);
        }
    }

    /**
     * Why Bouncy Castle could not read a certificate, in plain words. Its own messages are for
     * programmers: some are "null", some name its classes and objects (SecretSubkeyPacket@1ae12304);
     * the user sees the kind of damage, {@code --stacktrace} the library's words.
     */
    private static Message unreadable(Exception e) {
        String text = String.valueOf(e.getMessage());
        if (e instanceof ArmoredInputException) {
            return text.contains("crc") ? Messages.of("certificate.armor-checksum") : Messages.of("certificate.armor-damaged");
        }
        if (e instanceof EOFException) {
            return Messages.of("certificate.truncated");
        }
        if (e instanceof UnsupportedPacketVersionException || e.getCause() instanceof UnsupportedPacketVersionException) {
            return Messages.of("certificate.unknown-version");
        }
        if (text.startsWith("unknown PGP public key algorithm")) {
            return Messages.of("certificate.unknown-algorithm");
        }
        if (text.startsWith("unexpected packet in stream")) {
            return Messages.of("certificate.unexpected-packet");
        }
        // Thrown while Bouncy Castle ties signatures to keys and user IDs (a ClassCastException
        // for a subkey binding on a user ID, found by the fuzzer): packets in an order no certificate has.
        return e instanceof RuntimeException ? Messages.of("certificate.out-of-order") : Messages.of("certificate.damaged");
    }

    public String fingerprint() {
        return Fingerprints.hex(cert.getFingerprint());
    }

    /** The primary user ID, or the first one, or "" when there is none. */
    public String userId() {
        var primary = cert.getPrimaryUserId();
        if (primary != null) {
            return primary.getUserId();
        }
        var all = cert.getAllUserIds();
        return all.isEmpty() ? "" : all.get(0).getUserId();
    }

    public Instant created() {
        return cert.getPrimaryKey().getCreationTime().toInstant();
    }

    /** When the certificate expires, if it does. */
    public Optional<Instant> expires() {
        Date expiry = cert.getExpirationTime();
        return Optional.ofNullable(expiry).map(Date::toInstant);
    }

    public byte[] encoded() {
        try {
            return ring.getEncoded();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String armored() {
        return Armor.armor(encoded());
    }

    /** Refuses, with the reason, a certificate that cannot receive sealed records now. */
    public void checkCanEncrypt(Instant now) {
        checkUsable(now);
        if (encryptionKeys(now).isEmpty()) {
            throw refused(Messages.of("certificate.no-encryption-subkey", fingerprint()));
        }
    }

    /** Refuses, with the reason, a certificate that cannot sign records now. */
    public void checkCanSign(Instant now) {
        checkUsable(now);
        if (cert.getSigningKeys(Date.from(now)).isEmpty()) {
            throw refused(Messages.of("certificate.no-signing-key", fingerprint()));
        }
    }

    /**
     * Refuses, with the reason, a certificate that cannot vouch for what it signed: a
     * documenter's or custodian's pinned for verification. A key that expired or was retired
     * (revoked as superseded or no longer used) still vouches for what it signed while it was
     * valid, so it passes if it could sign then; a key revoked as compromised, or without a
     * reason, vouches for nothing, and a weak key never did.
     */
    public void checkCanVouch(Instant now) {
        Optional<Instant> stopped = stoppedSigning(now);
        if (stopped.isEmpty()) {
            checkCanSign(now);
            return;
        }
        if (hardRevoked(now)) {
            throw refused(whyUnusable(Date.from(now)));
        }
        checkCanSign(stopped.get().minusSeconds(1));
    }

    /**
     * How the certificate stands at {@code now}, when it no longer signs: expired, or retired
     * (what it signed before still counts), or revoked as compromised (nothing it signed counts);
     * empty while it is valid.
     */
    public Optional<Message> standing(Instant now) {
        if (hardRevoked(now)) {
            return Optional.of(Messages.of("certificate.standing.compromised",
                    revocationReason(cert.getRevocation(Date.from(now)).getSignature())));
        }
        var revocation = cert.getRevocation(Date.from(now));
        if (revocation != null) {
            return Optional.of(Messages.of("certificate.standing.retired",
                    revocation.getSignature().getCreationTime().toInstant(), revocationReason(revocation.getSignature())));
        }
        return stoppedSigning(now).map(at -> Messages.of("certificate.standing.expired", at));
    }

    /** When it stopped vouching for new signatures (expiry or a soft revocation), if it has by {@code now}. */
    private Optional<Instant> stoppedSigning(Instant now) {
        Date at = Date.from(now);
        var revocation = cert.getRevocation(at);
        if (revocation != null) {
            return Optional.of(revocation.getSignature().getCreationTime().toInstant());
        }
        Date expiry = cert.getExpirationTime();
        if (expiry != null && !expiry.after(at)) {
            return Optional.of(expiry.toInstant());
        }
        return Optional.empty();
    }

    /** Revoked as compromised, or without a reason: every signature it ever made is in doubt. */
    private boolean hardRevoked(Instant now) {
        var revocation = cert.getRevocation(Date.from(now));
        if (revocation == null) {
            return false;
        }
        var reason = revocation.getSignature().getHashedSubPackets() == null ? null
                : revocation.getSignature().getHashedSubPackets().getRevocationReason();
        int code = reason == null ? 0 : reason.getRevocationReason() & 0xFF;
        return code != 1 && code != 3;
    }

    /**
     * Until when sealed records can be encrypted to it: the primary key's expiry or the last of its
     * encryption subkeys' (a subkey's expiry ends it as surely); empty when neither ends. Call only
     * after {@link #checkCanEncrypt} passed.
     */
    public Optional<Instant> encryptsUntil(Instant now) {
        Date at = Date.from(now);
        List<Date> ends = new ArrayList<>();
        for (OpenPGPComponentKey key : cert.getEncryptionKeys(at)) {
            if (Policy.weakness(key.getPGPPublicKey()) == null) {
                ends.add(key.getKeyExpirationDateAt(at));
            }
        }
        return until(ends);
    }

    /** Until when it can sign (the primary's expiry or the last of its signing keys'); empty when it does not end. */
    public Optional<Instant> signsUntil(Instant now) {
        Date at = Date.from(now);
        List<Date> ends = new ArrayList<>();
        for (OpenPGPComponentKey key : cert.getSigningKeys(at)) {
            ends.add(key.getKeyExpirationDateAt(at));
        }
        return until(ends);
    }

    /** The latest of the keys' ends (none if one never ends), bounded by the certificate's own expiry. */
    private Optional<Instant> until(List<Date> keyEnds) {
        Date last = null;
        for (Date end : keyEnds) {
            if (end == null) {
                last = null;
                break;
            }
            last = last == null || end.after(last) ? end : last;
        }
        Date whole = cert.getExpirationTime();
        Date end = whole == null ? last : last == null || whole.before(last) ? whole : last;
        return Optional.ofNullable(end).map(Date::toInstant);
    }

    private void checkUsable(Instant now) {
        Message why = whyUnusable(Date.from(now));
        if (why != null) {
            throw refused(why);
        }
    }

    /** Null when the certificate as a whole may be used at {@code at}, else why not (weak, revoked, expired, unbound). */
    private Message whyUnusable(Date at) {
        // First: Bouncy Castle's policy ignores the self-signatures of weak keys, which would
        // otherwise show up below as the misleading "no valid self-signature".
        Message weak = Policy.weakness(cert.getPrimaryKey().getPGPPublicKey());
        if (weak != null) {
            return Messages.of("certificate.weak", fingerprint(), weak);
        }
        var revocation = cert.getRevocation(at);
        if (revocation != null) {
            return Messages.of("certificate.revoked", fingerprint(), revocationReason(revocation.getSignature()));
        }
        Date expiry = cert.getExpirationTime(at);
        if (expiry != null && !expiry.after(at)) {
            return Messages.of("certificate.expired", fingerprint(), expiry.toInstant());
        }
        if (!cert.getPrimaryKey().isBoundAt(at)) {
            return Messages.of("certificate.no-self-signature", fingerprint());
        }
        return null;
    }

    /**
     * Null when the (sub)key {@code id} of this certificate was a valid signing key at {@code at}
     * (the moment a signature says it was made), else the precise reason it was not: weak
     * algorithm, certificate or key revoked, expired, not yet valid, or without the sign flag.
     * Bouncy Castle only answers yes or no; the user is owed the why.
     */
    Message whyNotSigningAt(KeyIdentifier id, Date at) {
        OpenPGPComponentKey key = cert.getKey(id);
        if (key == null) {
            return Messages.of("certificate.key-not-here", Fingerprints.keyId(id), fingerprint());
        }
        if (at.before(cert.getPrimaryKey().getCreationTime()) || at.before(key.getCreationTime())) {
            return Messages.of("certificate.key-not-yet", Fingerprints.keyId(id), key.getCreationTime().toInstant());
        }
        Message whole = whyUnusable(at);
        if (whole != null) {
            return whole;
        }
        Message weak = Policy.weakness(key.getPGPPublicKey());
        if (weak != null) {
            return Messages.of("certificate.weak", fingerprint(), weak);
        }
        if (!key.isPrimaryKey()) {
            var revocation = key.getRevocation(at);
            if (revocation != null) {
                return Messages.of("certificate.subkey-revoked", Fingerprints.keyId(id),
                        revocationReason(revocation.getSignature()));
            }
            Date expiry = key.getKeyExpirationDateAt(at);
            if (expiry != null && !expiry.after(at)) {
                return Messages.of("certificate.subkey-expired", Fingerprints.keyId(id), expiry.toInstant());
            }
            if (!key.isBoundAt(at)) {
                return Messages.of("certificate.subkey-unbound", Fingerprints.keyId(id));
            }
        }
        if (!key.isSigningKey(at)) {
            return Messages.of("certificate.not-signing-key", Fingerprints.keyId(id));
        }
        for (OpenPGPComponentKey signing : cert.getSigningKeys(at)) {
            if (signing.getKeyIdentifier().matches(id)) {
                return null;
            }
        }
        return Messages.of("certificate.not-valid-signing", Fingerprints.keyId(id));
    }

    /** The reason a revocation gives, in words (its free text is not shown: it comes from outside). */
    private static Message revocationReason(org.bouncycastle.openpgp.PGPSignature revocation) {
        var reason = revocation.getHashedSubPackets() == null ? null
                : revocation.getHashedSubPackets().getRevocationReason();
        int code = reason == null ? 0 : reason.getRevocationReason() & 0xFF;
        switch (code) {
            case 1: return Messages.of("certificate.revocation.superseded");
            case 2: return Messages.of("certificate.revocation.compromised");
            case 3: return Messages.of("certificate.revocation.retired");
            default: return Messages.of("certificate.revocation.unspecified");
        }
    }

    /** The OpenPGP key version of the primary key: 4 (compat) or 6 (RFC 9580). */
    public int version() {
        return cert.getPrimaryKey().getVersion();
    }

    /**
     * Whether this recipient reads SEIPD v2 (AEAD): a v6 certificate whose features say so, with
     * v6 encryption keys only. A v4 certificate never counts, even one that advertises SEIPD v2
     * (Bouncy Castle's and OpenPGP.js's do): GnuPG 2.2, Sequoia 0.27 and RNP 0.16 holding that
     * same key cannot read it.
     */
    boolean readsSeipdV2(Instant now) {
        Date at = Date.from(now);
        if (version() != 6) {
            return false;
        }
        var features = cert.getPrimaryKey().getFeatures(at);
        if (features == null || !features.supportsSEIPDv2()) {
            return false;
        }
        for (PGPPublicKey key : encryptionKeys(now)) {
            if (key.getVersion() != 6) {
                return false;
            }
        }
        return true;
    }

    private static GawahException refused(Message reason) {
        return new GawahException(Failure.CERTIFICATE_REFUSED, reason, Messages.of("certificate.refused.hint"));
    }

    /**
     * Whether the certificate carries its owner's own word: revoked or expired by a signature that
     * holds, or its primary key bound by a valid self-signature (unlike a crafted copy whose
     * signatures do not verify).
     */
    public boolean boundByItsOwner(Instant now) {
        return standing(now).isPresent() || cert.getPrimaryKey().isBoundAt(Date.from(now));
    }

    /**
     * The ids of the (sub)keys that may sign or receive at {@code now}: what an update of a pinned
     * certificate can only narrow, never widen, by a revocation or an expiry its owner signed.
     */
    public java.util.Set<String> usableKeyIds(Instant now) {
        java.util.Set<String> ids = new java.util.TreeSet<>();
        encryptionKeys(now).forEach(key -> ids.add(Fingerprints.keyId(key.getKeyIdentifier())));
        cert.getSigningKeys(Date.from(now)).forEach(key -> ids.add(Fingerprints.keyId(key.getKeyIdentifier())));
        return ids;
    }

    /** Valid encryption (sub)keys at the given time, weak ones left out. */
    List<PGPPublicKey> encryptionKeys(Instant now) {
        List<PGPPublicKey> keys = new ArrayList<>();
        for (OpenPGPComponentKey key : cert.getEncryptionKeys(Date.from(now))) {
            if (Policy.weakness(key.getPGPPublicKey()) == null) {
                keys.add(key.getPGPPublicKey());
            }
        }
        return keys;
    }

    /** Whether the key with this id belongs to this certificate. */
    boolean contains(KeyIdentifier id) {
        return cert.getKey(id) != null;
    }

    OpenPGPCertificate bc() {
        return cert;
    }

    @Override
    public String toString() {
        return fingerprint();
    }
}
