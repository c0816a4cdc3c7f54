package org.gawah.cli;

import java.util.Arrays;

import org.gawah.openpgp.Opener;

/** Asks for a passphrase once per command, hands out copies, and wipes it at the end. */
final class AskOnce implements Opener.PassphraseSource {
    private final Opener.PassphraseSource source;
    private char[] remembered;

    AskOnce(Opener.PassphraseSource source) {
        this.source = source;
    }

    @Override
    public char[] passphraseFor(String fingerprint) {
        if (remembered == null) {
            remembered = source.passphraseFor(fingerprint);
        }
        return remembered.clone();
    }

    void wipe() {
        if (remembered != null) {
            Arrays.fill(remembered, '\0');
        }
    }
}
