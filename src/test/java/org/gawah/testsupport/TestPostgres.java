package org.gawah.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.gawah.vault.Vault;
import org.gawah.vault.VaultLocation;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real PostgreSQL server for the tests, one per test JVM: the one {@code GAWAH_TEST_POSTGRES}
 * names (its owner login, e.g. {@code postgresql://gawah_owner@127.0.0.1:5433/postgres}, with
 * {@code PGPASSFILE} set), else a cluster this JVM starts with {@code .ci/postgres.sh} in a temp
 * folder and stops at its end. Each test asks for a fresh database, copied from one migrated
 * template (0.4 s). Without PostgreSQL's programs the tests fail, saying so: never skipped.
 */
public final class TestPostgres implements BeforeAllCallback {
    private static final String TEMPLATE = "gawah_template";
    private static final AtomicInteger NEXT = new AtomicInteger();
    private static Server server;
    /** The server's data folder: the cluster this JVM started, or GAWAH_TEST_POSTGRES_DATA; null when neither. */
    private static Path data;

    /** The server, started here or named by the environment. */
    public record Server(String host, int port, Path pgpass, String owner, String analyst) {
        /** The owner's address of a database on this server. */
        public VaultLocation.Postgres owner(String database) {
            return VaultLocation.parse("postgresql://" + owner + "@" + host + ":" + port + "/" + database);
        }

        /** An analyst's address of a database on this server. */
        public VaultLocation.Postgres analyst(String database) {
            return VaultLocation.parse("postgresql://" + analyst + "@" + host + ":" + port + "/" + database);
        }

        /** What a child gawah process needs to find the password, as JVM options. */
        public java.util.List<String> jvmOptions() {
            return java.util.List.of("-Dorg.postgresql.pgpassfile=" + pgpass);
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        server();
    }

    /** The server, started on first use. */
    public static synchronized Server server() {
        if (server == null) {
            server = start();
            System.setProperty("org.postgresql.pgpassfile", server.pgpass().toString());
            try (Vault template = Vault.open(createDatabase(TEMPLATE, "template0"))) {
                // Migrated once: every test's database is a copy.
            }
        }
        return server;
    }

    /**
     * The server's data folder, where a team vault's bytes are on disk (its tables, its write-ahead
     * log): the cluster's this JVM started, or the one GAWAH_TEST_POSTGRES_DATA names with
     * GAWAH_TEST_POSTGRES. Fails, saying so, when neither: a test that reads the disk is never skipped.
     */
    public static Path dataDirectory() {
        server();
        if (data == null) {
            throw new IllegalStateException("the server GAWAH_TEST_POSTGRES names has no data folder named:"
                    + " set GAWAH_TEST_POSTGRES_DATA to it (readable by the tests)");
        }
        return data;
    }

    /** A new, migrated, empty vault database; returns its owner's address. */
    public static VaultLocation.Postgres freshVault() {
        server();
        return createDatabase("t_" + ProcessHandle.current().pid() + "_" + NEXT.incrementAndGet(), TEMPLATE);
    }

    /** A new database with no vault in it (as a server's administrator makes one for a team); returns its owner's address. */
    public static VaultLocation.Postgres emptyDatabase() {
        server();
        return createDatabase("e_" + ProcessHandle.current().pid() + "_" + NEXT.incrementAndGet(), "template0");
    }

    /**
     * A copy of a whole database, as its owner makes one ({@code CREATE DATABASE … TEMPLATE}, which
     * waits a few seconds for sessions on it to end); returns the copy's name.
     */
    public static String copyDatabase(String database) {
        server();
        String copy = "c_" + ProcessHandle.current().pid() + "_" + NEXT.incrementAndGet();
        createDatabase(copy, database);
        return copy;
    }

    /** Runs SQL as the owner on a database, behind Gawah's back (a tamperer, a DBA). */
    public static void asOwner(VaultLocation.Postgres vault, String sql) throws SQLException {
        try (Connection c = connect(vault.user(), vault.database()); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** A JDBC connection as {@code user} to {@code database} (the password from the pgpass file). */
    public static Connection connect(String user, String database) throws SQLException {
        Server s = server();
        Properties settings = new Properties();
        settings.setProperty("user", user);
        return DriverManager.getConnection("jdbc:postgresql://" + s.host() + ":" + s.port() + "/" + database, settings);
    }

    private static VaultLocation.Postgres createDatabase(String name, String template) {
        try (Connection c = connect(server.owner(), "postgres"); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name + " TEMPLATE " + template
                    + (template.equals("template0") ? " LOCALE 'C.UTF-8' ENCODING 'UTF8'" : ""));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the test database " + name + ": " + e.getMessage(), e);
        }
        return server.owner(name);
    }

    private static Server start() {
        String named = System.getenv("GAWAH_TEST_POSTGRES");
        if (named != null && !named.isBlank()) {
            VaultLocation.Postgres owner = VaultLocation.parse(named);
            String pgpass = System.getenv("PGPASSFILE");
            if (pgpass == null) {
                throw new IllegalStateException("GAWAH_TEST_POSTGRES is set but PGPASSFILE is not: name the pgpass file");
            }
            String dataFolder = System.getenv("GAWAH_TEST_POSTGRES_DATA");
            data = dataFolder == null || dataFolder.isBlank() ? null : Path.of(dataFolder);
            return new Server(owner.host(), owner.port(), Path.of(pgpass), owner.user(), "gawah_analyst");
        }
        try {
            Path dir = Files.createTempDirectory(Path.of("/tmp"), "gawah-pg.");
            Path script = Path.of(".ci/postgres.sh").toAbsolutePath();
            Process process = new ProcessBuilder(script.toString(), "start", dir.toString())
                    .redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("the tests need a real PostgreSQL and none could be started"
                        + " (.ci/postgres.sh start): " + output.strip()
                        + " — install Debian's postgresql (see .ci/run) or set GAWAH_TEST_POSTGRES");
            }
            Map<String, String> env = new HashMap<>();
            for (String line : Files.readAllLines(dir.resolve("env"))) {
                int eq = line.indexOf('=');
                env.put(line.substring(0, eq), line.substring(eq + 1));
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(script, dir)));
            data = dir.resolve("data");
            return new Server(env.get("PGHOST"), Integer.parseInt(env.get("PGPORT")), Path.of(env.get("PGPASSFILE")),
                    "gawah_owner", "gawah_analyst");
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the tests' PostgreSQL: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the tests' PostgreSQL", e);
        }
    }

    private static void stop(Path script, Path dir) {
        try {
            new ProcessBuilder(script.toString(), "stop", dir.toString()).inheritIO().start().waitFor(60, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException e) {
            // The JVM is ending: the folder under /tmp is all that is left.
        }
    }
}
