package org.gawah.testsupport;

import java.nio.file.Path;

import org.gawah.vault.VaultLocation;

/**
 * The two engines a vault lives in: a SQLite file, and a database on a real PostgreSQL server
 * ({@link TestPostgres}). A test class that exercises the vault runs against both with
 * {@code @ParameterizedClass @EnumSource(TestEngine.class)} and a {@code @Parameter TestEngine engine}
 * field; whatever differs between the two it asks of the engine, here, or of {@code VaultTamper}.
 */
public enum TestEngine {
    SQLITE,
    POSTGRESQL;

    /** A new, empty vault: a file in {@code dir} that does not exist yet, or a fresh database (the owner's address). */
    public VaultLocation freshVault(Path dir) {
        return this == SQLITE ? new VaultLocation.File(dir.resolve("vault.db")) : TestPostgres.freshVault();
    }

    /**
     * {@code dir} made to hold a vault as a home holds it: its {@code vault.db}, made on first
     * open, or its {@code vault.url} naming a fresh database (the owner's account, which tests of
     * the vault itself use). Open it with {@code Vault.openHome(dir)}.
     */
    public Path vaultHome(Path dir) throws java.io.IOException {
        java.nio.file.Files.createDirectories(dir);
        if (this == POSTGRESQL) {
            java.nio.file.Files.writeString(dir.resolve(VaultLocation.URL_FILE), TestPostgres.freshVault().display() + "\n");
        }
        return dir;
    }

    /**
     * The arguments {@code gawah init} takes to make a home on this engine: none (its {@code vault.db}),
     * or {@code --vault} and the analyst's address of a fresh database, as an analyst of a team signs in.
     */
    public String[] initArguments() {
        if (this == SQLITE) {
            return new String[0];
        }
        VaultLocation.Postgres owner = TestPostgres.freshVault();
        return new String[] {"--vault", TestPostgres.server().analyst(owner.database()).display()};
    }

    /** {@code gawah init} on this engine, for a home of its own: {@code init}, or {@code init --vault ADDRESS}. */
    public String[] initCommand() {
        String[] arguments = initArguments();
        String[] command = new String[arguments.length + 1];
        command[0] = "init";
        System.arraycopy(arguments, 0, command, 1, arguments.length);
        return command;
    }

    /** What a child {@code gawah} process needs to reach a vault on this engine (PostgreSQL: the pgpass file). */
    public java.util.List<String> childJvmOptions() {
        return this == SQLITE ? java.util.List.of() : TestPostgres.server().jvmOptions();
    }

    /** A documenter's home and a legal team's, each with a vault of its own on this engine. */
    public Homes homes(Path base) {
        return Homes.copied(base, this);
    }
}
