package org.gawah.openpgp;

import java.security.Provider;

import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * JCA providers. Bulk AES and the digests run on the JDK's own providers, on the processor's AES
 * and SHA instructions (several times faster than Bouncy Castle's Java code); Bouncy Castle's
 * provider only stands in where a JDK lacks them, and is never registered globally.
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
