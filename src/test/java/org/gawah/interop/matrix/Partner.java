package org.gawah.interop.matrix;

import java.nio.file.Path;

/**
 * Another OpenPGP implementation, driven from its own command line the way its manual says.
 * Every operation runs the real program and fails (AssertionError, with the transcript) unless
 * the program did what was asked; signature checks also name the expected signer.
 */
abstract class Partner implements AutoCloseable {
    /** The kinds of key a partner is asked to make. */
    enum Profile {
        /** v4, legacy EdDSA (Ed25519) with a legacy ECDH (Curve25519) encryption subkey: what GnuPG 2.2 reads. */
        ED25519,
        /** v4, RSA-3072 primary with an RSA-3072 encryption subkey. */
        RSA3072,
        /** RFC 9580 v6, Ed25519 with an X25519 subkey. */
        V6
    }

    /**
     * A key the partner holds: its primary fingerprint, its certificate (armoured), and what the
     * partner needs to use the secret part: a key file, or a keyring folder of its own.
     */
    record Key(String fingerprint, Path cert, Path secret, Path keyring, String passphrase) {
    }

    /** A clear refusal: the exit code and words the partner's stderr must hold. */
    record Refusal(int exitCode, String message) {
    }

    /** The RFC 9580 (v6) things a cell hands a partner, each refused in its own words by the v4-only tools. */
    enum V6 {
        /** A v6 certificate, to encrypt to (or import). */
        CERTIFICATE,
        /** A message in SEIPD v2 with v6 session-key packets, to decrypt with the partner's own key. */
        MESSAGE,
        /** A v6 detached signature, to verify against its v6 certificate. */
        SIGNATURE,
        /** A v6 secret key, to sign with. */
        SECRET_KEY
    }

    /** Thrown when the partner cannot do what a cell asks; the cell shows the reason. */
    static final class Cannot extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Cannot(String reason) {
            super(reason, null, false, false);
        }
    }

    /** Column header. */
    abstract String name();

    /** The program and its version, as it reports them. */
    abstract String version();

    /** A new key with this user ID, unprotected. */
    abstract Key generate(String userId, Profile profile);

    /** Takes in someone else's certificate (import, or inspect for tools without a keyring) and finds it usable. */
    abstract void takeIn(Path cert, String fingerprint);

    /** Decrypts {@code message} with {@code key}; requires a good signature by {@code signerFingerprint}. */
    abstract byte[] decrypt(Key key, Path message, Path signerCert, String signerFingerprint);

    /** Signs {@code plaintext} with {@code signer} and encrypts it to the certificate; returns the message file. */
    abstract Path encrypt(Key signer, byte[] plaintext, Path recipientCert, String recipientFingerprint);

    /** A detached signature (armoured) by {@code signer} over the file {@code data}; returns its file. */
    abstract Path sign(Key signer, Path data);

    /** Requires {@code signature} to be a good detached signature over {@code data} by {@code signerFingerprint}. */
    abstract void verify(Path signature, Path data, Path signerCert, String signerFingerprint);

    /** Takes in a passphrase-protected secret key exported by Gawah. */
    abstract Key importSecret(Path secretKey, String fingerprint, String passphrase);

    /** What the partner says when handed this v6 thing, or null when it reads v6. */
    abstract Refusal v6Refusal(V6 what);

    /** Gives the partner a v6 certificate the way it would be used, and returns what it did. */
    abstract Tool.Run offerV6(Path cert);

    /** Has the partner decrypt a v6 message (SEIPD v2) with its own key {@code own}; returns what it did. */
    abstract Tool.Run decryptV6(Key own, Path message);

    /** Has the partner verify a v6 detached signature over {@code data} against its v6 certificate. */
    abstract Tool.Run verifyV6(Path signature, Path data, Path cert);

    /**
     * Has the partner sign {@code data} with the v6 secret key (unprotected): a detached signature,
     * or signed and encrypted to {@code recipientCert} when that is not null.
     */
    abstract Tool.Run signWithV6(Path secretKey, Path data, Path recipientCert);

    @Override
    public void close() {
    }

    /** Cuts a version number out of a program's version line. */
    static String versionIn(String text) {
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("(\\d+\\.\\d+(\\.\\d+)?)").matcher(text);
        if (!matcher.find()) {
            throw new AssertionError("no version number in: " + text);
        }
        return matcher.group(1);
    }
}
