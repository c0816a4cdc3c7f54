package org.gawah.openpgp;

import java.time.Instant;
import java.util.Arrays;

/**
 * What opening a sealed message gives: the exact bytes that were signed, who signed them, when,
 * and the signature packet itself (it can be exported as a detached signature over the content).
 * Only ever built after the integrity check and the signature check both passed.
 */
public final class Opened {
    private final byte[] content;
    private final String signerFingerprint;
    private final String signerUserId;
    private final Instant signedAt;
    private final byte[] signature;
    private final String contentSha512;

    Opened(byte[] content, String signerFingerprint, String signerUserId, Instant signedAt, byte[] signature,
           String contentSha512) {
        this.contentSha512 = contentSha512;
        this.content = content == null ? new byte[0] : content;
        this.signerFingerprint = signerFingerprint;
        this.signerUserId = signerUserId;
        this.signedAt = signedAt;
        this.signature = signature;
    }

    /** Same signature facts, with the plaintext that was held back until they were checked. */
    Opened withContent(byte[] plaintext) {
        return new Opened(plaintext, signerFingerprint, signerUserId, signedAt, signature, contentSha512);
    }

    /**
     * The plaintext, or an empty array when it was streamed elsewhere ({@code Opener.openTo}).
     * The array is shared, not copied: call {@link #wipe()} when done.
     */
    public byte[] content() {
        return content;
    }

    /** Fingerprint of the signer's certificate (its primary key). */
    public String signerFingerprint() {
        return signerFingerprint;
    }

    public String signerUserId() {
        return signerUserId;
    }

    public Instant signedAt() {
        return signedAt;
    }

    /** The signature packet, binary. */
    public byte[] signature() {
        return signature.clone();
    }

    /** SHA-512 of the content, lower-case hex (of what went to the sink, for a streamed open). */
    public String contentSha512() {
        return contentSha512;
    }

    public void wipe() {
        Arrays.fill(content, (byte) 0);
    }
}
