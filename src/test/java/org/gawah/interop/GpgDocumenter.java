package org.gawah.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.gawah.testsupport.Gawah;
import org.gawah.testsupport.Homes;

/**
 * A documenter who uses GnuPG instead of gawah: a gpg key (Ed25519 signing, X25519 encryption
 * subkey) pinned as documenter in the gawah legal home, and the gawah legal certificate
 * imported into gpg. Also a second gpg key ("stranger") that gawah does not know.
 */
final class GpgDocumenter implements AutoCloseable {
    final Homes homes;
    final GnuPG gpg;
    final String fingerprint;
    final String stranger;
    private final Path base;
    private int files;

    GpgDocumenter(Path base) {
        this.base = base;
        homes = Homes.copied(base.resolve("gawah"));
        gpg = new GnuPG(base.resolve("gpg"));
        fingerprint = gpg.generate("Gpg Documenter", "ed25519", "sign", "never");
        gpg.addSubkey(fingerprint, "cv25519", "encr", "never");
        stranger = gpg.generate("Stranger", "ed25519", "sign", "never");

        Path cert = gpg.export(fingerprint, base.resolve("gpg-documenter.asc"));
        String pinned = homes.gawah.in(homes.legal, "keys", "import", "--role", "documenter", cert.toString()).ok().out().strip();
        assertEquals(fingerprint, pinned);

        Path legalCert = base.resolve("gawah-legal.asc");
        homes.gawah.in(homes.legal, "keys", "export", "--out", legalCert.toString()).ok();
        assertEquals(homes.legalFingerprint, gpg.importKey(legalCert));
    }

    /** Also gives gpg the legal team's secret key, so --list-packets can look inside messages. */
    GpgDocumenter withLegalSecretKey() {
        Path secret = base.resolve("gawah-legal.sec.asc");
        homes.gawah.in(homes.legal, "keys", "export", "--secret", "--out", secret.toString()).ok();
        gpg.passphrase(Homes.PASSPHRASE).importKey(secret);
        return this;
    }

    /** Runs gpg on {@code plaintext} (stdin) with these options, encrypting to the gawah legal key; returns the message file. */
    Path message(byte[] plaintext, String... options) {
        List<String> args = new ArrayList<>(List.of("--trust-model", "always", "--recipient", homes.legalFingerprint));
        args.addAll(Arrays.asList(options));
        Path file = base.resolve("message-" + (++files) + ".gpg");
        args.addAll(List.of("--output", file.toString()));
        gpg.runWithInput(plaintext, args.toArray(new String[0])).ok();
        return file;
    }

    /** {@code gawah open --sealed FILE} in the legal home. */
    Gawah.Result open(Path message) {
        return homes.gawah.in(homes.legal, "open", "--sealed", message.toString());
    }

    /** The packets of a message as gpg lists them, inner ones included (needs {@link #withLegalSecretKey}). */
    String packets(Path message) {
        return gpg.run("--list-packets", message.toString()).ok().out();
    }

    @Override
    public void close() {
        gpg.close();
    }
}
