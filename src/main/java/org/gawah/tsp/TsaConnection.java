package org.gawah.tsp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.MalformedURLException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;

import org.gawah.Failure;
import org.gawah.GawahException;

/**
 * Asks one time-stamping authority over HTTP (RFC 3161, section 3.4: a POST of
 * {@code application/timestamp-query}, the answer {@code application/timestamp-reply}). The JDK's
 * own {@link HttpURLConnection}, so the runtime needs no module beyond java.base. Each way of not
 * getting an answer is its own failure: the host not found (no network), the connection refused,
 * no answer in time, an HTTP error. Nothing here decides whether the answer is any good.
 */
public final class TsaConnection {
    /** An answer is a token of a few KiB; a TSA sending more is not one. */
    static final int MAX_REPLY = 1 << 20;

    private TsaConnection() {
    }

    /** A TSA address as given: http or https, a host, nothing else. */
    public static URI parse(String text) {
        try {
            URI uri = new URI(text.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getUserInfo() != null) {
                throw new URISyntaxException(text, "not http or https");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new GawahException(Failure.USAGE, Messages.of("tsa.url.invalid", text), Messages.of("tsa.url.invalid.hint"));
        }
    }

    /** Sends {@code query} to {@code tsa} and returns the body of its answer. */
    public static byte[] ask(URI tsa, byte[] query, Duration timeout) {
        HttpURLConnection connection;
        try {
            URL url = tsa.toURL();
            connection = (HttpURLConnection) url.openConnection();
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new GawahException(Failure.USAGE, Messages.of("tsa.url.invalid", tsa), Messages.of("tsa.url.invalid.hint"));
        } catch (IOException e) {
            throw unreachable(tsa, e, timeout);
        }
        try {
            connection.setRequestMethod("POST");
            connection.setDoOutput(true);
            connection.setUseCaches(false);
            connection.setInstanceFollowRedirects(false);
            int millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
            connection.setConnectTimeout(millis);
            connection.setReadTimeout(millis);
            connection.setRequestProperty("Content-Type", "application/timestamp-query");
            connection.setRequestProperty("Accept", "application/timestamp-reply");
            connection.setFixedLengthStreamingMode(query.length);
            try (OutputStream out = connection.getOutputStream()) {
                out.write(query);
            }
            int status = connection.getResponseCode();
            if (status != HttpURLConnection.HTTP_OK) {
                throw new GawahException(Failure.UNREACHABLE, Messages.of("tsa.http-status", tsa, status,
                        String.valueOf(connection.getResponseMessage())), Messages.of("tsa.http-status.hint"));
            }
            try (InputStream in = connection.getInputStream()) {
                return readCapped(tsa, in);
            }
        } catch (IOException e) {
            throw unreachable(tsa, e, timeout);
        } finally {
            connection.disconnect();
        }
    }

    private static byte[] readCapped(URI tsa, InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        while ((n = in.read(buffer)) > 0) {
            if (body.size() + n > MAX_REPLY) {
                throw new GawahException(Failure.BAD_DATA, Messages.of("tsa.reply-too-large", tsa, MAX_REPLY));
            }
            body.write(buffer, 0, n);
        }
        return body.toByteArray();
    }

    private static GawahException unreachable(URI tsa, IOException e, Duration timeout) {
        if (e instanceof UnknownHostException) {
            return new GawahException(Failure.UNREACHABLE, Messages.of("tsa.unknown-host", tsa.getHost()),
                    Messages.of("tsa.offline.hint"));
        }
        if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
            return new GawahException(Failure.UNREACHABLE, Messages.of("tsa.refused", tsa),
                    Messages.of("tsa.refused.hint"));
        }
        if (e instanceof SocketTimeoutException) {
            return new GawahException(Failure.UNREACHABLE, Messages.of("tsa.timeout", tsa, timeout.toSeconds()),
                    Messages.of("tsa.timeout.hint"));
        }
        return new GawahException(Failure.UNREACHABLE, Messages.of("tsa.io", tsa, e.getClass().getSimpleName()),
                Messages.of("tsa.offline.hint"));
    }
}
