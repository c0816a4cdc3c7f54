package org.gawah;

/**
 * Every kind of failure the user can act on, with its exit code. This enum is the one place
 * where failures map to exit codes; the README's table is copied from it (a test keeps them
 * equal). Numbers follow the Stateless OpenPGP CLI where the meaning matches.
 */
public enum Failure {
    /** Unexpected: a bug or an environment problem. */
    INTERNAL(1),
    /** Wrong flags or arguments (picocli's own code). */
    USAGE(2),
    /** The message carries no signature at all. */
    NO_SIGNATURE(3),
    /** Signed, but not by a documenter key this home knows. */
    UNKNOWN_SIGNER(4),
    /** A signature is present but does not verify, or its key may not sign. */
    BAD_SIGNATURE(5),
    /** A certificate was refused: expired, revoked, cannot encrypt or sign, weak algorithm. */
    CERTIFICATE_REFUSED(17),
    /** No secret key here can decrypt the message. */
    CANNOT_DECRYPT(29),
    /** Damaged, truncated, tampered or malformed OpenPGP data. */
    BAD_DATA(41),
    /** The output file already exists; nothing was overwritten. */
    OUTPUT_EXISTS(59),
    /** An input file is missing or unreadable. */
    MISSING_INPUT(61),
    /** Testimony fields that do not validate. */
    INVALID_TESTIMONY(65),
    /** No record with that id in the vault. */
    NOT_FOUND(66),
    /** The passphrase was wrong or missing. */
    BAD_PASSPHRASE(67),
    /**
     * A time-stamping authority could not be reached or did not answer: no network, the connection
     * refused, no answer in time, an HTTP error (sysexits' EX_UNAVAILABLE).
     */
    UNREACHABLE(69),
    /** The vault file cannot be read or written, or is not a Gawah vault. */
    VAULT(74),
    /** A time-stamping authority answered with a refusal (RFC 3161 PKIStatus rejection or waiting; EX_PROTOCOL). */
    TSA_REFUSED(76),
    /**
     * Nothing may go: every record of an export was left out, for lack of the witness's consent
     * to this recipient or for the witness's protection. Not "not found": the records are there.
     */
    LEFT_OUT(77),
    /** The home is not set up for this: no key, no recipients, already initialised. */
    NOT_READY(78),
    /** {@code gawah lock} closed the session: what was typed and not sealed is gone. */
    LOCKED(80);

    private final int exitCode;

    Failure(int exitCode) {
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
