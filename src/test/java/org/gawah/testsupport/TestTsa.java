package org.gawah.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.SignerInfoGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;

/**
 * A real RFC 3161 time-stamping authority on 127.0.0.1, for tests: Bouncy Castle's
 * TimeStampResponseGenerator behind the JDK's HTTP server, with its own CA and a TSA certificate
 * (ECDSA P-256, EKU timeStamping, critical). Each {@link Fault} makes it misbehave in one way.
 * Close it to stop the server.
 */
public final class TestTsa implements AutoCloseable {
    /** How this TSA answers. */
    public enum Fault {
        NONE, REJECTS, HTTP_ERROR, SLOW, GARBAGE, OTHER_HASH, WRONG_NONCE, EXPIRED_CERTIFICATE, NOT_FOR_TIMESTAMPING,
        BAD_SIGNATURE, FUTURE
    }

    private final HttpServer server;
    private final Fault fault;
    private final Duration clock;
    private final KeyPair caKeys;
    private final X509Certificate ca;
    private final KeyPair tsaKeys;
    private final X509Certificate tsa;
    private final X509Certificate wrongPurpose;
    private final AtomicLong serial = new AtomicLong(1);
    private final List<byte[]> answered = new ArrayList<>();
    private volatile int requests;

    public TestTsa(Fault fault) {
        this(fault, "Test TSA");
    }

    public TestTsa(Fault fault, String name) {
        this(fault, name, null, null, Duration.ZERO);
    }

    /**
     * A well-behaved TSA whose certificate is valid from {@code from} to {@code to}, and whose
     * clock is {@code clock} off the real one (a token dated in the past stands for a record made
     * long ago, before its TSA's certificate ended).
     */
    public TestTsa(String name, Instant from, Instant to, Duration clock) {
        this(Fault.NONE, name, from, to, clock);
    }

    private TestTsa(Fault fault, String name, Instant certificateFrom, Instant certificateTo, Duration clock) {
        this.fault = fault;
        this.clock = clock;
        try {
            caKeys = ec();
            Instant now = Instant.now();
            ca = certificate(new X500Name("CN=" + name + " Root CA,O=Gawah tests"), caKeys, new X500Name("CN=" + name
                    + " Root CA,O=Gawah tests"), caKeys, BigInteger.ONE, certificateFrom == null
                    ? now.minus(Duration.ofDays(1)) : certificateFrom.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(3650)), true, null);
            tsaKeys = ec();
            boolean expired = fault == Fault.EXPIRED_CERTIFICATE;
            Instant from = certificateFrom != null ? certificateFrom : expired ? now.minus(Duration.ofDays(30)) : now.minus(Duration.ofDays(1));
            Instant to = certificateTo != null ? certificateTo : expired ? now.minus(Duration.ofDays(2)) : now.plus(Duration.ofDays(365));
            X500Name subject = new X500Name("CN=" + name + ",O=Gawah tests");
            tsa = certificate(subject, tsaKeys, ca(), caKeys, BigInteger.TWO, from, to, false,
                    new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
            // Same issuer, serial and key, but for client authentication: the token names it.
            wrongPurpose = certificate(subject, tsaKeys, ca(), caKeys, BigInteger.TWO, from, to, false,
                    new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth));
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/tsr", this::handle);
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private X500Name ca() {
        return X500Name.getInstance(ca.getSubjectX500Principal().getEncoded());
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/tsr";
    }

    /** The CA that issues this TSA's certificate, PEM. */
    public Path writeCa(Path file) throws IOException {
        Files.writeString(file, pem(ca));
        return file;
    }

    /** The TSA's own certificate, PEM. */
    public Path writeTsaCertificate(Path file) throws IOException {
        Files.writeString(file, pem(tsa));
        return file;
    }

    public X509Certificate caCertificate() {
        return ca;
    }

    public int requests() {
        return requests;
    }

    private void handle(HttpExchange exchange) throws IOException {
        requests++;
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readAllBytes();
            byte[] answer;
            switch (fault) {
                case HTTP_ERROR -> {
                    exchange.sendResponseHeaders(503, -1);
                    return;
                }
                case SLOW -> {
                    sleep(4000);
                    answer = respond(new TimeStampRequest(body), Date.from(Instant.now().plus(clock)));
                }
                case GARBAGE -> answer = "<html>It works!</html>".getBytes(StandardCharsets.US_ASCII);
                default -> answer = respond(new TimeStampRequest(body), Date.from(Instant.now().plus(clock)));
            }
            exchange.getResponseHeaders().add("Content-Type", "application/timestamp-reply");
            exchange.sendResponseHeaders(200, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        } catch (Exception e) {
            exchange.sendResponseHeaders(500, -1);
        } finally {
            exchange.close();
        }
    }

    private byte[] respond(TimeStampRequest request, Date now) throws Exception {
        TimeStampResponseGenerator responses = new TimeStampResponseGenerator(tokens(), TSPAlgorithms.ALLOWED);
        if (fault == Fault.REJECTS) {
            return responses.generateFailResponse(2, 1 << 9, "time source not available").getEncoded();
        }
        TimeStampRequest answered = request;
        if (fault == Fault.OTHER_HASH) {
            byte[] other = request.getMessageImprintDigest().clone();
            other[0] ^= 1;
            answered = requestLike(request, other, request.getNonce());
        } else if (fault == Fault.WRONG_NONCE) {
            answered = requestLike(request, request.getMessageImprintDigest(), request.getNonce().add(BigInteger.ONE));
        }
        Date at = fault == Fault.FUTURE ? Date.from(Instant.now().plus(Duration.ofDays(2))) : now;
        byte[] der = responses.generateGrantedResponse(answered, BigInteger.valueOf(serial.getAndIncrement()), at).getEncoded();
        if (fault == Fault.BAD_SIGNATURE) {
            der[der.length - 1] ^= 0x01;
        }
        synchronized (this.answered) {
            this.answered.add(der);
        }
        return der;
    }

    private static TimeStampRequest requestLike(TimeStampRequest request, byte[] digest, BigInteger nonce) {
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        generator.setCertReq(request.getCertReq());
        return generator.generate(request.getMessageImprintAlgOID(), digest, nonce);
    }

    private TimeStampTokenGenerator tokens() throws Exception {
        ContentSigner signer = new JcaContentSignerBuilder("SHA256withECDSA").build(tsaKeys.getPrivate());
        DigestCalculator sha256 = new JcaDigestCalculatorProviderBuilder().build()
                .get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256));
        SignerInfoGenerator info = new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                .build(signer, tsa);
        TimeStampTokenGenerator generator = new TimeStampTokenGenerator(info, sha256, new ASN1ObjectIdentifier("1.3.6.1.4.1.99999.1"));
        generator.addCertificates(new JcaCertStore(List.of(fault == Fault.NOT_FOR_TIMESTAMPING ? wrongPurpose : tsa)));
        return generator;
    }

    private static KeyPair ec() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private static X509Certificate certificate(X500Name subject, KeyPair subjectKeys, X500Name issuer, KeyPair issuerKeys,
                                               BigInteger number, Instant from, Instant to, boolean isCa,
                                               ExtendedKeyUsage purpose) throws Exception {
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer, number, Date.from(from), Date.from(to),
                subject, subjectKeys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(isCa));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(isCa ? KeyUsage.keyCertSign | KeyUsage.cRLSign
                : KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
        if (purpose != null) {
            builder.addExtension(Extension.extendedKeyUsage, true, purpose);
        }
        X509CertificateHolder holder = builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKeys.getPrivate()));
        return new JcaX509CertificateConverter().getCertificate(holder);
    }

    public static String pem(X509Certificate certificate) {
        try {
            return "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(certificate.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** Every granted answer sent, as sent. */
    public List<byte[]> answered() {
        synchronized (answered) {
            return List.copyOf(answered);
        }
    }

    static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toByteArray();
    }
}
