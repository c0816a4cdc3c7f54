package org.gawah.tsp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;

import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;

/**
 * An RFC 3161 request (TimeStampReq) over some bytes: their hash only, a nonce, and certReq set
 * so that the TSA puts its certificate in the token (a receiver then needs only the CA to check
 * it). No policy is asked for: the TSA's default applies. What the TSA learns is this hash and
 * the nonce, never the bytes.
 */
public record TimeStampQuery(byte[] der, ImprintHash hash, byte[] digest, BigInteger nonce) {
    private static final String CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    /**
     * The nonce asked for a token logged under {@code id} ({@code GWT-} and 16 random Crockford
     * base-32 characters): those 80 bits as an unsigned number. The nonce is thus fixed by the signed
     * entry, so anyone holding the log can check it, not only the one who asked.
     */
    public static BigInteger nonceOf(String id) {
        BigInteger nonce = BigInteger.ZERO;
        for (char c : id.substring(4).replace("-", "").toCharArray()) {
            nonce = nonce.shiftLeft(5).add(BigInteger.valueOf(CROCKFORD.indexOf(c)));
        }
        return nonce;
    }

    public static TimeStampQuery over(byte[] data, ImprintHash hash, BigInteger nonce) {
        byte[] digest = hash.digest(data);
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        generator.setCertReq(true);
        TimeStampRequest request = generator.generate(hash.oid(), digest, nonce);
        try {
            return new TimeStampQuery(request.getEncoded(), hash, digest, nonce);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
