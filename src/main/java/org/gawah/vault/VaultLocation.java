package org.gawah.vault;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

import org.gawah.Failure;
import org.gawah.GawahException;

/**
 * Where a vault is: a SQLite file (the default, one workstation) or a database on a PostgreSQL
 * server shared by a legal team. A home names a team vault in {@code vault.url}, which holds the
 * URL and never a secret (docs/format/home.md).
 */
public sealed interface VaultLocation permits VaultLocation.File, VaultLocation.Postgres {
    /** The file a home names its team vault in; without it the home's vault is {@code vault.db}. */
    String URL_FILE = "vault.url";

    /** What the user sees: the file's path, or the URL (which holds no password). */
    String display();

    /** Whether the vault is there to open (a file that exists; a URL always, the server decides). */
    boolean exists();

    /** A SQLite vault in one file. */
    record File(Path path) implements VaultLocation {
        @Override
        public String display() {
            return path.toString();
        }

        @Override
        public boolean exists() {
            return Files.isRegularFile(path);
        }
    }

    /**
     * A PostgreSQL vault: {@code postgresql://USER@HOST[:PORT]/DATABASE[?sslmode=…&sslrootcert=…]}.
     * The password is read by the driver from the pgpass file ({@code PGPASSFILE}, else
     * {@code ~/.pgpass}), never from the URL or the command line.
     */
    record Postgres(String user, String host, int port, String database, String sslmode, String sslrootcert)
            implements VaultLocation {
        @Override
        public String display() {
            StringBuilder url = new StringBuilder("postgresql://").append(user).append('@').append(host).append(':')
                    .append(port).append('/').append(database);
            if (sslmode != null) {
                url.append("?sslmode=").append(sslmode);
                if (sslrootcert != null) {
                    url.append("&sslrootcert=").append(sslrootcert);
                }
            }
            return url.toString();
        }

        @Override
        public boolean exists() {
            return true;
        }

        /** Whether the server is this computer: only then may the connection go without TLS. */
        boolean loopback() {
            return host.equals("localhost") || host.equals("127.0.0.1") || host.equals("::1") || host.equals("[::1]");
        }
    }

    /** The query parameters a URL may carry: the driver's others load classes or write files. */
    Set<String> ALLOWED_PARAMETERS = Set.of("sslmode", "sslrootcert");

    /** Parses a {@code postgresql://} URL, refusing a password, a missing part or any other parameter. */
    static Postgres parse(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw bad(url, Messages.of("vault.url.syntax"));
        }
        if (!"postgresql".equals(uri.getScheme()) && !"postgres".equals(uri.getScheme())) {
            throw bad(url, Messages.of("vault.url.scheme"));
        }
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null && userInfo.contains(":")) {
            // Not even echoed: the message names the problem, not the URL that holds a password.
            throw new GawahException(Failure.USAGE, Messages.of("vault.url.password"), Messages.of("vault.url.password.hint"));
        }
        if (userInfo == null || userInfo.isEmpty() || uri.getHost() == null) {
            throw bad(url, Messages.of("vault.url.parts"));
        }
        String path = uri.getPath();
        if (path == null || path.length() < 2 || path.indexOf('/', 1) >= 0) {
            throw bad(url, Messages.of("vault.url.parts"));
        }
        String sslmode = null;
        String sslrootcert = null;
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                String name = eq < 0 ? pair : pair.substring(0, eq);
                String value = eq < 0 ? "" : java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                if (!ALLOWED_PARAMETERS.contains(name)) {
                    throw bad(url, Messages.of("vault.url.parameter", name));
                }
                if (name.equals("sslmode")) {
                    sslmode = value;
                } else {
                    sslrootcert = value;
                }
            }
        }
        Postgres location = new Postgres(java.net.URLDecoder.decode(userInfo, StandardCharsets.UTF_8),
                uri.getHost().toLowerCase(Locale.ROOT), uri.getPort() < 0 ? 5432 : uri.getPort(), path.substring(1),
                sslmode, sslrootcert);
        if (!location.loopback() && !"verify-full".equals(sslmode)) {
            throw bad(url, Messages.of("vault.url.tls"));
        }
        return location;
    }

    private static GawahException bad(String url, org.gawah.Message why) {
        return new GawahException(Failure.USAGE, Messages.of("vault.url.bad", url, why), Messages.of("vault.url.hint"));
    }

    /**
     * The vault of the home in {@code homeDir}: what its {@code vault.url} names (a team vault's
     * address, or the absolute path of a vault file several homes share), else its {@code vault.db}.
     */
    static VaultLocation ofHome(Path homeDir) {
        Path urlFile = homeDir.resolve(URL_FILE);
        if (!Files.exists(urlFile)) {
            return new File(homeDir.resolve("vault.db"));
        }
        try {
            return named(Files.readString(urlFile, StandardCharsets.UTF_8).strip());
        } catch (IOException e) {
            throw new GawahException(Failure.VAULT, Messages.of("vault.url.unreadable", urlFile, e.getMessage()));
        }
    }

    /** Whether the home in {@code homeDir} names a vault others may share ({@code vault.url}) rather than keeping its own {@code vault.db}. */
    static boolean shared(Path homeDir) {
        return Files.exists(homeDir.resolve(URL_FILE));
    }

    /**
     * A team vault as {@code gawah init --vault} takes it: a {@code postgresql://} address, or the
     * absolute path of a vault file that several homes on one computer share (docs/format/home.md).
     */
    static VaultLocation named(String text) {
        if (text.toLowerCase(Locale.ROOT).startsWith("postgres")) {
            return parse(text);
        }
        Path path;
        try {
            path = Path.of(text);
        } catch (java.nio.file.InvalidPathException e) {
            throw bad(text, Messages.of("vault.url.syntax"));
        }
        if (!path.isAbsolute()) {
            throw bad(text, Messages.of("vault.url.relative"));
        }
        return new File(path.normalize());
    }
}
