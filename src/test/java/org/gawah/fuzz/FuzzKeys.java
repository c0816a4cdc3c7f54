package org.gawah.fuzz;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.gawah.openpgp.Certificate;
import org.gawah.openpgp.SecretKey;
import org.gawah.testsupport.Homes;

/** The hostile corpus's keys (src/test/resources/org/gawah/hostile/keys), which made every seed. */
final class FuzzKeys {
    static final char[] PASSPHRASE = Homes.PASSPHRASE.toCharArray();

    private FuzzKeys() {
    }

    static SecretKey legal() {
        return SecretKey.parse(resource("legal.secret.asc"));
    }

    static Certificate documenter() {
        return Certificate.parse(resource("documenter.asc"));
    }

    static Certificate legalCertificate() {
        return Certificate.parse(resource("legal.asc"));
    }

    static byte[] resource(String name) {
        try (InputStream in = FuzzKeys.class.getResourceAsStream("/org/gawah/hostile/keys/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
