package org.gawah.interop.matrix;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The cells of one run, rendered as the Markdown table docs/interop.md keeps between its two
 * marker lines. A cell is what its run showed: "✓", a refusal the test asserted, "—" with the
 * reason the partner cannot, or "FAILED".
 */
final class Matrix {
    static final String BEGIN = "<!-- matrix: begin (written by InteropMatrixTest; -Dmatrix.update=true rewrites it) -->";
    static final String END = "<!-- matrix: end -->";
    static final String VERSIONS_BEGIN = "<!-- versions: begin -->";
    static final String VERSIONS_END = "<!-- versions: end -->";

    /** The rows, in the order of the table. */
    enum Row {
        PARTNER_ED25519_KEY("partner's Ed25519 key → `gawah keys import` (legal, documenter)"),
        PARTNER_RSA_KEY("partner's RSA-3072 key → `gawah keys import` (legal, documenter)"),
        GAWAH_CERTIFICATES("`gawah keys export` certificates (documenter, legal) → partner"),
        SEALED_TO_ED25519("`gawah record` sealed to the partner's Ed25519 key → partner decrypts and verifies"),
        SEALED_TO_RSA("`gawah record` sealed to the partner's RSA-3072 key → partner decrypts and verifies"),
        PARTNER_SEALS_ED25519("partner signs (Ed25519) and encrypts to Gawah → `gawah open --sealed`"),
        PARTNER_SEALS_RSA("partner signs (RSA-3072) and encrypts to Gawah → `gawah open --sealed`"),
        GAWAH_DETACHED("Gawah's detached signature (a bag's tag manifest) → partner verifies"),
        PARTNER_DETACHED("partner's detached signature (its Ed25519 key) → Gawah's signature check"),
        PARTNER_SIGNS_BAG("bag re-signed by the partner with `gawah keys export --secret` (documenter) → `gawah verify`"),
        GAWAH_SECRET_KEY("`gawah keys export --secret` (legal) → partner decrypts a sealed record"),
        GAWAH_V6_KEY("`gawah keys generate --profile rfc9580` (a v6 key) → partner"),
        V6_KEY_TO_PARTNER("v6 key (made by OpenPGP.js) → partner"),
        V6_KEY_TO_GAWAH("v6 key (made by OpenPGP.js) → Gawah pins it, seals to it, opens what it signs"),
        V6_SEALED("`gawah record` (v6 key) sealed to v6 keys only (SEIPD v2, OCB) → partner decrypts and verifies"),
        V6_ATTACHMENT("a 9 MiB attachment so sealed (three 4 MiB OCB chunks), `export-sealed --attachment` → partner decrypts and verifies"),
        V6_PARTNER_SEALS("partner signs (v6 key) and encrypts to Gawah's v6 key → `gawah open --sealed`"),
        V6_GAWAH_DETACHED("Gawah's v6 detached signature (a bag's tag manifest) → partner verifies"),
        V6_PARTNER_DETACHED("partner's v6 detached signature → Gawah's signature check");

        final String title;

        Row(String title) {
            this.title = title;
        }
    }

    private final List<String> partners;
    private final Map<Row, Map<String, String>> cells = new LinkedHashMap<>();
    private final Map<String, String> versions = new LinkedHashMap<>();

    Matrix(List<String> partners) {
        this.partners = partners;
        for (Row row : Row.values()) {
            cells.put(row, new LinkedHashMap<>());
        }
    }

    void version(String partner, String version) {
        versions.put(partner, version);
    }

    /**
     * Runs one cell and records what it showed; a failure is recorded as FAILED and rethrown,
     * so the test fails with the partner's transcript.
     */
    void run(Row row, String partner, Supplier<String> cell) {
        try {
            cells.get(row).put(partner, cell.get());
        } catch (Partner.Cannot e) {
            cells.get(row).put(partner, "— " + e.getMessage());
        } catch (RuntimeException | AssertionError e) {
            cells.get(row).put(partner, "FAILED");
            throw e;
        }
    }

    /** The table: one row per check, one column per partner. */
    String table() {
        StringBuilder out = new StringBuilder("| check |");
        partners.forEach(p -> out.append(' ').append(p).append(" |"));
        out.append("\n|---|");
        partners.forEach(p -> out.append("---|"));
        out.append('\n');
        cells.forEach((row, byPartner) -> {
            out.append("| ").append(row.title).append(" |");
            partners.forEach(p -> out.append(' ').append(byPartner.getOrDefault(p, "not run").replace("|", "\\|")).append(" |"));
            out.append('\n');
        });
        return out.toString();
    }

    /** The partners' versions, as the programs reported them in this run. */
    String versions() {
        StringBuilder out = new StringBuilder("| partner | version |\n|---|---|\n");
        versions.forEach((partner, version) -> out.append("| ").append(partner).append(" | ").append(version).append(" |\n"));
        return out.toString();
    }

    /** The table kept in {@code doc} between the markers. */
    static String tableIn(Path doc) {
        return between(read(doc), BEGIN, END);
    }

    /** Rewrites the table and the versions in {@code doc}, leaving every other line as it is. */
    void writeInto(Path doc) {
        String text = read(doc);
        text = replace(text, BEGIN, END, table());
        text = replace(text, VERSIONS_BEGIN, VERSIONS_END, versions());
        try {
            Files.writeString(doc, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path doc) {
        try {
            return Files.readString(doc, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String between(String text, String begin, String end) {
        int from = text.indexOf(begin);
        int to = text.indexOf(end);
        if (from < 0 || to < from) {
            throw new AssertionError("the markers " + begin + " and " + end + " are missing");
        }
        return text.substring(from + begin.length(), to).strip() + "\n";
    }

    private static String replace(String text, String begin, String end, String body) {
        between(text, begin, end);
        int from = text.indexOf(begin) + begin.length();
        return text.substring(0, from) + "\n" + body + text.substring(text.indexOf(end));
    }
}
