package org.gawah.app;

import java.time.Instant;
import java.util.Arrays;

import org.gawah.Digests;
import org.gawah.Failure;
import org.gawah.GawahException;
import org.gawah.custody.Action;
import org.gawah.keys.Keyring;
import org.gawah.openpgp.KeyGenerator;
import org.gawah.openpgp.Profile;
import org.gawah.openpgp.SecretKey;
import org.gawah.openpgp.SigningKey;

/**
 * A home's own key made ({@code gawah keys generate}, and the window's first run): generated,
 * saved under {@code keys/secret/} and logged, signed by itself, as the first entry of the vault's
 * custody log (docs/format/home.md). Nothing here prints or asks: the passphrase comes in, was
 * asked twice by the face, and is the caller's to wipe.
 */
public final class OwnKeyGeneration {
    /** The shortest passphrase a key is made with, in characters (a Persian letter counts one, as typed). */
    public static final int SHORTEST_PASSPHRASE = 8;

    /**
     * A new key with its signing half unlocked (the window keeps the latter for its session);
     * {@code logged} false when it joins a team vault whose log no one admitted it to yet.
     */
    public record Generated(SecretKey key, SigningKey signer, boolean logged) {
    }

    private OwnKeyGeneration() {
    }

    /** Refuses a passphrase too short to protect a key; it is not wiped here. */
    public static void checkPassphrase(char[] passphrase) {
        if (Character.codePointCount(passphrase, 0, passphrase.length) < SHORTEST_PASSPHRASE) {
            throw new GawahException(Failure.BAD_PASSPHRASE, Messages.of("passphrase.too-short"),
                    Messages.of("passphrase.too-short.hint"));
        }
    }

    /** Refuses a second passphrase that differs from the first; neither is wiped here. */
    public static void checkSame(char[] first, char[] again) {
        if (!Arrays.equals(first, again)) {
            throw new GawahException(Failure.BAD_PASSPHRASE, Messages.of("passphrase.differ"));
        }
    }

    /**
     * Makes the own key of {@code home} (which must exist and have none), protected by
     * {@code passphrase}, and logs it; refused, it leaves nothing behind.
     */
    public static Generated generate(Home home, Profile profile, String userId, char[] passphrase) {
        checkPassphrase(passphrase);
        Keyring keyring = home.keyring();
        boolean logged = keyring.checkCanTakeOwnKey();
        Instant now = Instant.now();
        SecretKey key = KeyGenerator.generate(profile, userId, passphrase, now);
        SigningKey signer = key.unlockForSigning(passphrase, now);
        keyring.saveOwnKey(key);
        if (logged) {
            // The first entry of the vault's log: this key is the home's own (docs/format/home.md).
            CustodyLog.append(home, signer, Action.KEY_IMPORTED, Keyring.ownSubject(key.fingerprint()),
                    Digests.sha256(key.certificate().encoded()));
        }
        return new Generated(key, signer, logged);
    }
}
