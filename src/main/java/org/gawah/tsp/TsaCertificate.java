package org.gawah.tsp;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Locale;

import org.gawah.Digests;
import org.gawah.Failure;
import org.gawah.GawahException;

/**
 * An X.509 certificate a home trusts for time-stamp tokens: a TSA's own certificate, or the CA
 * certificate that issues it. Named by the SHA-256 of its DER encoding, upper-case hex (what
 * {@code openssl x509 -fingerprint -sha256} prints, without the colons).
 */
public final class TsaCertificate {
    private final X509Certificate certificate;
    private final byte[] der;

    private TsaCertificate(X509Certificate certificate) {
        this.certificate = certificate;
        try {
            this.der = certificate.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new GawahException(Failure.BAD_DATA, Messages.of("tsa.certificate.unreadable", e.getClass().getSimpleName()));
        }
    }

    /** Exactly one certificate, PEM or DER. */
    public static TsaCertificate parse(byte[] bytes) {
        Collection<? extends java.security.cert.Certificate> all;
        try {
            all = CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(bytes));
        } catch (CertificateException | RuntimeException e) {
            throw new GawahException(Failure.BAD_DATA, Messages.of("tsa.certificate.unreadable", e.getClass().getSimpleName()),
                    Messages.of("tsa.certificate.unreadable.hint"));
        }
        if (all.size() != 1 || !(all.iterator().next() instanceof X509Certificate)) {
            throw new GawahException(Failure.BAD_DATA, Messages.of("tsa.certificate.count", all.size()),
                    Messages.of("tsa.certificate.unreadable.hint"));
        }
        return new TsaCertificate((X509Certificate) all.iterator().next());
    }

    static TsaCertificate of(X509Certificate certificate) {
        return new TsaCertificate(certificate);
    }

    public X509Certificate x509() {
        return certificate;
    }

    public byte[] encoded() {
        return der.clone();
    }

    /** Upper-case hex SHA-256 of the DER encoding: the pin. */
    public String fingerprint() {
        return Digests.sha256(der).toUpperCase(Locale.ROOT);
    }

    public String subject() {
        return certificate.getSubjectX500Principal().getName();
    }

    public Instant notAfter() {
        return certificate.getNotAfter().toInstant();
    }

    /** Whether it may issue other certificates (a CA), or is a TSA's own. */
    public boolean isCa() {
        return certificate.getBasicConstraints() >= 0;
    }

    /** PEM, as {@code openssl} writes and reads it (its {@code -CAfile}). */
    public String pem() {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN CERTIFICATE-----\n" + body + "\n-----END CERTIFICATE-----\n";
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
