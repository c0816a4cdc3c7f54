package org.gawah.hostile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.gawah.keys.Keyring;
import org.gawah.openpgp.SecretKey;
import org.gawah.testsupport.Gawah;
import org.gawah.testsupport.Homes;
import org.gawah.testsupport.TestEngine;

/**
 * The homes the corpus is fed to, each holding a corpus key as its own key:
 * <ul>
 * <li>{@link #documenter}: the documenter (records; pins the legal team as legal and protection);
 * <li>{@link #legal}: the legal team (opens, verifies and imports bags; pins the documenter);
 * <li>{@link #receiver}: a receiving body holding the legal team's key (verifies packages and
 *     encrypted packages; pins the documenter as custodian, so the corpus messages count as signed
 *     by a trusted custodian and get as far as they can).
 * </ul>
 */
final class HostileHomes {
    final Gawah gawah = new Gawah(Homes.PASSPHRASE);
    final Path documenter;
    final Path legal;
    final Path receiver;

    HostileHomes(Path base) {
        this(base, TestEngine.SQLITE);
    }

    /** The documenter's and the legal team's vaults on {@code engine} (the receiver only verifies files: its own SQLite file). */
    HostileHomes(Path base, TestEngine engine) {
        documenter = base.resolve("documenter");
        legal = base.resolve("legal");
        receiver = base.resolve("receiver");
        try {
            Files.createDirectories(base);
            Path legalCert = base.resolve("legal.asc");
            Path documenterCert = base.resolve("documenter.asc");
            Files.write(legalCert, CorpusKeys.resource("keys/legal.asc"));
            Files.write(documenterCert, CorpusKeys.resource("keys/documenter.asc"));
            init(gawah, documenter, SecretKey.parse(CorpusKeys.resource(CorpusKeys.DOCUMENTER)), engine);
            init(gawah, legal, SecretKey.parse(CorpusKeys.resource(CorpusKeys.LEGAL)), engine);
            init(gawah, receiver, SecretKey.parse(CorpusKeys.resource(CorpusKeys.LEGAL)));
            gawah.in(documenter, "keys", "import", "--role", "legal", legalCert.toString()).ok();
            gawah.in(documenter, "keys", "import", "--role", "protection", legalCert.toString()).ok();
            gawah.in(legal, "keys", "import", "--role", "documenter", documenterCert.toString()).ok();
            gawah.in(receiver, "keys", "import", "--role", "custodian", documenterCert.toString()).ok();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code gawah init}, then {@code key} as the home's own key (what `keys generate` would have made). */
    static void init(Gawah gawah, Path home, SecretKey key) {
        init(gawah, home, key, TestEngine.SQLITE);
    }

    /** The same on {@code engine}: {@code gawah init}, or {@code gawah init --vault ADDRESS} of a fresh database. */
    static void init(Gawah gawah, Path home, SecretKey key, TestEngine engine) {
        gawah.in(home, engine.initCommand()).ok();
        new Keyring(home.resolve("keys")).saveOwnKey(key);
    }
}
