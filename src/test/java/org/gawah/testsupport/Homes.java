package org.gawah.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import org.gawah.vault.VaultLocation;

/**
 * A documenter home and a legal-team home, keys made and certificates exchanged, the way the
 * quickstart does it. Key generation costs about a second per key (strong S2K): share a Homes
 * across the tests of a class, and where a class needs no keys of its own, take a copy of the one
 * pair this JVM makes ({@link #copied}).
 */
public final class Homes {
    public static final String PASSPHRASE = "correct horse battery staple";

    public final Gawah gawah = new Gawah(PASSPHRASE);
    public final Path documenter;
    public final Path legal;
    public final String documenterFingerprint;
    public final String legalFingerprint;

    public Homes(Path base) {
        this(base, (String) null);
    }

    /** With {@code legalVault}: the legal team's home uses that team vault (gawah init --vault URL). */
    public Homes(Path base, String legalVault) {
        this(base, new String[0], legalVault == null ? new String[0] : new String[] {"--vault", legalVault});
    }

    /** Both homes with a vault of their own on {@code engine} (TestEngine#homes). */
    Homes(Path base, TestEngine engine) {
        this(base, engine.initArguments(), engine.initArguments());
    }

    /** The pairs of homes {@link #copied} copies, one an engine, each made by the first class that asks. */
    private static final java.util.Map<TestEngine, Homes> TEMPLATES = new java.util.EnumMap<>(TestEngine.class);

    /**
     * Homes as {@code new Homes(base)} makes them, without making them again: a copy of one pair
     * this JVM made the first time it was asked (homes, keys and the two exported certificates,
     * as {@link #copy} copies a home), so each class that asks saves two key generations and the
     * passphrase derivations of the three imports. Every copy has the same keys, in homes of its
     * own: a test that needs two pairs with different keys makes the second with {@code new Homes}.
     */
    public static Homes copied(Path base) {
        return copied(base, TestEngine.SQLITE);
    }

    /** As {@link #copied(Path)}, each home with a vault of its own on {@code engine} (a copy of the template's database). */
    static Homes copied(Path base, TestEngine engine) {
        Homes from = template(engine);
        for (String file : new String[] {"documenter", "legal", "documenter.asc", "legal.asc"}) {
            copy(from.documenter.resolveSibling(file), base.resolve(file));
        }
        return new Homes(base, from.documenterFingerprint, from.legalFingerprint);
    }

    private static Homes template(TestEngine engine) {
        synchronized (TEMPLATES) {
            return TEMPLATES.computeIfAbsent(engine, e -> {
                try {
                    Path folder = java.nio.file.Files.createTempDirectory("gawah-homes-");
                    Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(folder)));
                    return e == TestEngine.SQLITE ? new Homes(folder.resolve("homes")) : new Homes(folder.resolve("homes"), e);
                } catch (IOException failed) {
                    throw new UncheckedIOException(failed);
                }
            });
        }
    }

    private Homes(Path base, String documenterFingerprint, String legalFingerprint) {
        documenter = base.resolve("documenter");
        legal = base.resolve("legal");
        this.documenterFingerprint = documenterFingerprint;
        this.legalFingerprint = legalFingerprint;
    }

    private static void delete(Path folder) {
        try (var paths = java.nio.file.Files.walk(folder)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // A temporary folder left behind at exit: nothing to fail.
        }
    }

    private Homes(Path base, String[] documenterInit, String[] legalInit) {
        documenter = base.resolve("documenter");
        legal = base.resolve("legal");
        init(documenter, documenterInit);
        documenterFingerprint = makeHome(documenter, "Documenter D-14");
        init(legal, legalInit);
        legalFingerprint = makeHome(legal, "Legal team");
        Path legalCert = base.resolve("legal.asc");
        Path documenterCert = base.resolve("documenter.asc");
        gawah.in(legal, "keys", "export", "--out", legalCert.toString()).ok();
        gawah.in(documenter, "keys", "export", "--out", documenterCert.toString()).ok();
        gawah.in(documenter, "keys", "import", "--role", "legal", legalCert.toString()).ok();
        // The legal team doubles as protection officer here, so the sample's identity can be sealed.
        gawah.in(documenter, "keys", "import", "--role", "protection", legalCert.toString()).ok();
        gawah.in(legal, "keys", "import", "--role", "documenter", documenterCert.toString()).ok();
    }

    private void init(Path home, String[] arguments) {
        if (arguments.length > 0) {
            String[] command = new String[arguments.length + 1];
            command[0] = "init";
            System.arraycopy(arguments, 0, command, 1, arguments.length);
            gawah.in(home, command).ok();
        }
    }

    private String makeHome(Path home, String name) {
        gawah.in(home, "init").ok();
        return gawah.in(home, "keys", "generate", "--name", name).ok().out().strip();
    }

    /** Seals the shared sample testimony (full-input.json) in the documenter's home; returns the record id. */
    public String record() {
        return gawah.inWithInput(documenter, sampleInput(), "record", "--from", "-").ok().out().strip();
    }

    /**
     * A copy of a whole home (vault, journal, keys), to damage or kill without touching the
     * original; modes kept, so the copy is as private as the home (else every command warns).
     * A home on a team vault gets a copy of its database, which its {@code vault.url} names.
     */
    public static void copy(Path from, Path to) {
        try (var paths = java.nio.file.Files.walk(from)) {
            java.nio.file.Files.createDirectories(to.toAbsolutePath().getParent());
            for (Path path : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(path).toString());
                if (!java.nio.file.Files.isDirectory(target)) {
                    java.nio.file.Files.copy(path, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
            Path url = to.resolve(VaultLocation.URL_FILE);
            // A team vault's database is copied too; a vault file several homes share is left where it is.
            if (java.nio.file.Files.exists(url) && java.nio.file.Files.readString(url).startsWith("postgres")) {
                VaultLocation.Postgres original = VaultLocation.parse(java.nio.file.Files.readString(url).strip());
                String copied = TestPostgres.copyDatabase(original.database());
                java.nio.file.Files.writeString(url, new VaultLocation.Postgres(original.user(), original.host(),
                        original.port(), copied, original.sslmode(), original.sslrootcert()).display() + "\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] sampleInput() {
        try (InputStream in = Homes.class.getResourceAsStream("/org/gawah/testimony/full-input.json")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
