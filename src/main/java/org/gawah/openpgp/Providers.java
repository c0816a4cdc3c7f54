package org.gawah.openpgp;

import java.security.Provider;

import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * JCA providers. Bulk AES runs on the JDK's own provider, whose AES uses the processor's AES
 * instructions (several times faster than Bouncy Castle's Java AES); Bouncy Castle's provider
 * does what the JDK cannot (X25519 key agreement with OpenPGP's KDF), never registered globally.
 */
final class Providers {
    private Providers() {
    }

    /** Bouncy Castle's provider, made on first use: it registers some 4,000 algorithms, a fifth of a second. */
    static Provider bc() {
        return Lazy.BC;
    }

    private static final class Lazy {
        static final Provider BC = new BouncyCastleProvider();
    }

    /** The JDK's SUN provider where it exists: its SHA-1 and SHA-2 run on the processor's SHA instructions. */
    static Provider digests() {
        Provider sun = java.security.Security.getProvider("SUN");
        return sun != null ? sun : bc();
    }

    /** SunJCE where it exists (every OpenJDK build), else Bouncy Castle. */
    static Provider bulk() {
        Provider sun = java.security.Security.getProvider("SunJCE");
        return sun != null ? sun : bc();
    }
}
