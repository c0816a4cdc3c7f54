package org.gawah.desktop;

import java.nio.file.Path;

import org.gawah.Failure;
import org.gawah.GawahException;
import org.gawah.app.Home;
import org.gawah.app.Team;
import org.gawah.openpgp.SecretKey;
import org.gawah.openpgp.SigningKey;

/**
 * The home's key as the records page unlocked it for the window's session: its secret parts open
 * in memory ({@code own}), and its signing part for custody entries. The cases and export pages
 * use it, so that the legal team types its passphrase once a session; lock drops it with the
 * records page's model.
 */
record TeamKey(SecretKey own, SigningKey signer) {
    /** The team of the home at {@code dir}, with this key as its own (refused if the home's key changed since). */
    Team team(Path dir) {
        return new Team(home(dir).keyring(), own);
    }

    /** The home as every command opens it; what a killed command left is settled without a word on these pages. */
    static Home home(Path dir) {
        return new Home(dir, settled -> { });
    }

    /**
     * Asked for a passphrase: never, as the key is unlocked already; a second prompt would be a
     * second unlock the window does not ask for.
     */
    static char[] locked(String fingerprint) {
        throw notUnlocked();
    }

    /** What the cases and export pages say when the records page has not unlocked the key (or lock dropped it). */
    static GawahException notUnlocked() {
        return new GawahException(Failure.NOT_READY, Messages.of("cases.key-locked"), Messages.of("cases.key-locked.hint"));
    }
}
