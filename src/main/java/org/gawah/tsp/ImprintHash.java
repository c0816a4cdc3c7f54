package org.gawah.tsp;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The hashes a time-stamp token's message imprint may use (RFC 3161, section 2.4.1). Gawah asks
 * with SHA-256 or SHA-512 and accepts SHA-384 from a token made elsewhere; nothing weaker.
 */
public enum ImprintHash {
    SHA256("SHA-256", "2.16.840.1.101.3.4.2.1", "sha256"),
    SHA384("SHA-384", "2.16.840.1.101.3.4.2.2", "sha384"),
    SHA512("SHA-512", "2.16.840.1.101.3.4.2.3", "sha512");

    private final String jca;
    private final String oid;
    private final String label;

    ImprintHash(String jca, String oid, String label) {
        this.jca = jca;
        this.oid = oid;
        this.label = label;
    }

    public String oid() {
        return oid;
    }

    /** The name OpenSSL and the command line use: {@code sha256}. */
    public String label() {
        return label;
    }

    public byte[] digest(byte[] data) {
        try {
            return MessageDigest.getInstance(jca).digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static Optional<ImprintHash> byOid(String oid) {
        return Arrays.stream(values()).filter(h -> h.oid.equals(oid)).findFirst();
    }

    /** {@code sha256} or {@code sha512} (what {@code --hash} takes), else empty. */
    public static Optional<ImprintHash> forRequest(String label) {
        String wanted = label.toLowerCase(Locale.ROOT).replace("-", "");
        return Arrays.stream(new ImprintHash[] {SHA256, SHA512}).filter(h -> h.label.equals(wanted)).findFirst();
    }
}
