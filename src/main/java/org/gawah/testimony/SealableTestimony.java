package org.gawah.testimony;

import java.util.Arrays;
import java.util.Objects;

/**
 * The two plaintexts a record seals: the testimony, and the witness identity (null when none was
 * given). They are sealed separately because the identity goes to a narrower set of keys.
 *
 * <p>Byte arrays rather than strings so the caller can {@link #wipe()} them once sealed: plaintext
 * testimony should not linger in memory longer than it must. The arrays are shared, not copied,
 * for the same reason (every copy is one more to wipe).
 */
public record SealableTestimony(byte[] testimony, byte[] identity) {

    public SealableTestimony {
        Objects.requireNonNull(testimony, "testimony");
    }

    /** Zero-fills both arrays; call it when the plaintext has been sealed. */
    public void wipe() {
        Arrays.fill(testimony, (byte) 0);
        if (identity != null) {
            Arrays.fill(identity, (byte) 0);
        }
    }

    /** Never the plaintext: records print their components, and exception messages get logged. */
    @Override
    public String toString() {
        return "SealableTestimony[testimony=" + testimony.length + " bytes, identity="
                + (identity == null ? "none" : identity.length + " bytes") + "]";
    }
}
