package org.gawah.testsupport;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.gawah.Digests;
import org.gawah.custody.Action;
import org.gawah.custody.EntrySigner;
import org.gawah.keys.Keyring;
import org.gawah.keys.Role;
import org.gawah.openpgp.Certificate;
import org.gawah.openpgp.SigningKey;
import org.gawah.vault.Vault;
import org.gawah.vault.VaultWrite;

/**
 * Pins a certificate as {@code keys import} does, its file and its signed {@code key_imported}
 * entry, but without the import's checks: for tests of what later commands do with certificates
 * an import would refuse (crafted weak, revoked or flagless keys), which must stay refused there.
 */
public final class Pins {
    private Pins() {
    }

    public static void logged(Path home, Role role, Certificate certificate) {
        logged(home, Homes.PASSPHRASE, role, certificate);
    }

    /** The same in a home whose own key has this passphrase. */
    public static void logged(Path home, String passphrase, Role role, Certificate certificate) {
        Keyring keyring = new Keyring(home.resolve("keys"));
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        SigningKey key = keyring.requireOwnKey().unlockForSigning(passphrase.toCharArray(), now);
        keyring.pin(role, certificate);
        try (Vault vault = Vault.openHome(home); VaultWrite write = vault.begin()) {
            write.append(Action.KEY_IMPORTED, Keyring.subject(certificate.fingerprint(), role),
                    Digests.sha256(certificate.encoded()), now, new EntrySigner(key));
            write.commit();
        }
    }
}
