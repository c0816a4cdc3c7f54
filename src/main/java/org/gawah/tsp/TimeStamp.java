package org.gawah.tsp;

import java.io.IOException;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;

import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformationVerifier;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TSPUtil;
import org.bouncycastle.tsp.TSPValidationException;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.tsp.TimeStampTokenInfo;
import org.gawah.Failure;
import org.gawah.GawahException;

/**
 * One RFC 3161 time-stamp token (a CMS SignedData over a TSTInfo), read strictly from its DER
 * bytes, and {@link #check}ed against the bytes it must cover, the nonce it must carry and the
 * TSA certificates this home pinned. Each way a token can fail to fit has its own message: over
 * another hash, the wrong nonce, a TSA certificate not pinned, expired or not valid yet when the
 * token was made, not for time-stamping, a bad signature, a time in the future.
 */
public final class TimeStamp {
    /** A TSA clock may run a little ahead of this one: more than this, and the token's time does not fit. */
    public static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(10);
    /** A token is a few KiB: the TSA's certificate chain and a signature. */
    public static final int MAX_SIZE = 256 * 1024;

    private final byte[] der;
    private final TimeStampToken token;
    private final TimeStampTokenInfo info;

    private TimeStamp(byte[] der, TimeStampToken token) {
        this.der = der.clone();
        this.token = token;
        this.info = token.getTimeStampInfo();
    }

    /** A token's DER bytes (what {@code openssl ts -reply -token_out} writes); anything else fails. */
    public static TimeStamp parse(byte[] der) {
        if (der.length > MAX_SIZE) {
            throw new GawahException(Failure.BAD_DATA, Messages.of("token.too-large", der.length, MAX_SIZE));
        }
        try {
            CMSSignedData signed = new CMSSignedData(der);
            TimeStampToken token = new TimeStampToken(signed);
            if (!java.util.Arrays.equals(signed.getEncoded("DER"), der)) {
                throw new GawahException(Failure.BAD_DATA, Messages.of("token.not-der"));
            }
            return new TimeStamp(der, token);
        } catch (CMSException | TSPException | IOException | RuntimeException e) {
            if (e instanceof GawahException) {
                throw (GawahException) e;
            }
            throw new GawahException(Failure.BAD_DATA, Messages.of("token.unreadable", e.getClass().getSimpleName()));
        }
    }

    public byte[] encoded() {
        return der.clone();
    }

    /** The time the TSA put in the token (genTime). */
    public Instant time() {
        return info.getGenTime().toInstant();
    }

    public BigInteger nonce() {
        return info.getNonce();
    }

    public BigInteger serial() {
        return info.getSerialNumber();
    }

    /** The imprint's hash, if it is one Gawah accepts. */
    public java.util.Optional<ImprintHash> hash() {
        return ImprintHash.byOid(info.getMessageImprintAlgOID().getId());
    }

    public byte[] imprint() {
        return info.getMessageImprintDigest();
    }

    /** The policy the TSA says it followed (an OID), for the record. */
    public String policy() {
        return info.getPolicy().getId();
    }

    /**
     * Whether this token vouches, with a certificate pinned here, that {@code data} existed at
     * {@link #time()}. {@code nonce} is the one asked for, or null where it is not known. Returns
     * the TSA certificate that signed it; any misfit fails, naming it.
     */
    public TsaCertificate check(byte[] data, BigInteger nonce, List<TsaCertificate> pinned, Instant now) {
        ImprintHash hash = acceptedHash();
        return checkDigest(hash, hash.digest(data), nonce, pinned, now);
    }

    private ImprintHash acceptedHash() {
        return hash().orElseThrow(() -> new GawahException(Failure.BAD_DATA,
                Messages.of("token.hash-refused", info.getMessageImprintAlgOID().getId()), Messages.of("token.hash-refused.hint")));
    }

    /**
     * The same check, for a token over data of which only the {@code expected} hash is at hand (an
     * evidence package carries the SHA-256 of a log entry, not the entry): the token's imprint must
     * use {@code hash} and equal it.
     */
    public TsaCertificate checkDigest(ImprintHash hash, byte[] expected, BigInteger nonce, List<TsaCertificate> pinned,
                                      Instant now) {
        if (acceptedHash() != hash || !MessageDigest.isEqual(expected, imprint())) {
            throw new GawahException(Failure.BAD_DATA, Messages.of("token.other-hash", hash.label(),
                    TsaCertificate.hex(imprint()), TsaCertificate.hex(expected)), Messages.of("token.other-hash.hint"));
        }
        if (nonce != null && !nonce.equals(nonce())) {
            throw new GawahException(Failure.BAD_DATA, Messages.of("token.nonce", nonce() == null ? "-" : nonce().toString(16), nonce.toString(16)),
                    Messages.of("token.nonce.hint"));
        }
        return checkSigner(pinned, now);
    }

    /**
     * The half of the check that does not depend on what the token covers: signed by a TSA pinned
     * here (or issued by a CA pinned here), valid at the token's time, for time-stamping, the
     * signature good, the time not in the future. An archive timestamp's imprint is judged by its
     * evidence record ({@link EvidenceRecord}); this judges who signed it.
     */
    public TsaCertificate checkSigner(List<TsaCertificate> pinned, Instant now) {
        X509Certificate signer = signer(pinned);
        TsaCertificate tsa = TsaCertificate.of(signer);
        Date at = info.getGenTime();
        try {
            signer.checkValidity(at);
        } catch (CertificateExpiredException e) {
            throw new GawahException(Failure.CERTIFICATE_REFUSED, Messages.of("token.tsa-expired", tsa.subject(),
                    tsa.notAfter(), time()), Messages.of("token.tsa-certificate.hint"));
        } catch (CertificateNotYetValidException e) {
            throw new GawahException(Failure.CERTIFICATE_REFUSED, Messages.of("token.tsa-not-yet-valid", tsa.subject(),
                    signer.getNotBefore().toInstant(), time()), Messages.of("token.tsa-certificate.hint"));
        }
        X509CertificateHolder holder = holder(signer);
        try {
            TSPUtil.validateCertificate(holder);
        } catch (TSPValidationException e) {
            throw new GawahException(Failure.CERTIFICATE_REFUSED, Messages.of("token.tsa-not-for-timestamping", tsa.subject()),
                    Messages.of("token.tsa-certificate.hint"));
        }
        requireTrusted(signer, pinned, at);
        SignerInformationVerifier verifier;
        try {
            verifier = new JcaSimpleSignerInfoVerifierBuilder().build(holder);
        } catch (OperatorCreationException | CertificateException e) {
            throw new GawahException(Failure.BAD_SIGNATURE, Messages.of("token.bad-signature", tsa.subject()),
                    Messages.of("token.bad-signature.hint"));
        }
        try {
            // The full check (RFC 3161 and RFC 5816: the signing certificate named in the signed
            // attributes, its validity at genTime, its purpose, the signature), after the ones above
            // that say precisely what is wrong.
            token.validate(verifier);
        } catch (TSPException | RuntimeException e) {
            throw new GawahException(Failure.BAD_SIGNATURE, Messages.of("token.bad-signature", tsa.subject()),
                    Messages.of("token.bad-signature.hint"));
        }
        if (time().isAfter(now.plus(CLOCK_TOLERANCE))) {
            throw new GawahException(Failure.BAD_DATA, Messages.of("token.future", time(), now), Messages.of("token.future.hint"));
        }
        return tsa;
    }

    /** The certificate the token's signer names: in the token (certReq), else one pinned. */
    private X509Certificate signer(List<TsaCertificate> pinned) {
        List<X509Certificate> candidates = new ArrayList<>(carried());
        pinned.forEach(p -> candidates.add(p.x509()));
        for (X509Certificate candidate : candidates) {
            if (token.getSID().match(holder(candidate))) {
                return candidate;
            }
        }
        throw new GawahException(Failure.UNKNOWN_SIGNER, Messages.of("token.no-tsa-certificate"),
                Messages.of("token.not-pinned.hint"));
    }

    /** The certificates the token carries. */
    public List<X509Certificate> carried() {
        List<X509Certificate> certificates = new ArrayList<>();
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
        Collection<X509CertificateHolder> holders = token.getCertificates().getMatches(null);
        for (X509CertificateHolder holder : holders) {
            try {
                certificates.add(converter.getCertificate(holder));
            } catch (CertificateException e) {
                throw new GawahException(Failure.BAD_DATA, Messages.of("token.unreadable", e.getClass().getSimpleName()));
            }
        }
        return certificates;
    }

    /** The signer is pinned itself, or chains to a pinned CA through the token's certificates, at genTime. */
    private void requireTrusted(X509Certificate signer, List<TsaCertificate> pinned, Date at) {
        if (!TsaPath.trusted(signer, carried(), pinned, at)) {
            TsaCertificate tsa = TsaCertificate.of(signer);
            throw new GawahException(Failure.UNKNOWN_SIGNER, Messages.of("token.not-pinned", tsa.subject(), tsa.fingerprint()),
                    Messages.of("token.not-pinned.hint"));
        }
    }

    private static X509CertificateHolder holder(X509Certificate certificate) {
        try {
            return new X509CertificateHolder(certificate.getEncoded());
        } catch (IOException | java.security.cert.CertificateEncodingException e) {
            throw new GawahException(Failure.BAD_DATA, Messages.of("token.unreadable", e.getClass().getSimpleName()));
        }
    }
}
