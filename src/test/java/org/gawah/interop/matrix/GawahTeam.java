package org.gawah.interop.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.gawah.testsupport.Gawah;
import org.gawah.testsupport.Homes;

/**
 * Gawah's side of the matrix, run in-process as a user would run it: a legal team's home, and
 * a documenter's home per partner whose records are sealed to the legal team (and to whatever
 * partner keys that documenter pins as legal).
 */
final class GawahTeam {
    /** The account the shared sample testimony gives, in Dari: it must come out of every partner unchanged. */
    static final String DARI = "شاهد گفت که در ماه اسد ۱۴۰۴ مردان مسلح به خانه‌ی ما آمدند";

    final Gawah gawah = new Gawah(Homes.PASSPHRASE);
    final Path base;
    final Path legal;
    final String legalFingerprint;
    final Path legalCert;
    final Path legalSecret;

    GawahTeam(Path base) {
        this.base = base;
        legal = base.resolve("legal");
        gawah.in(legal, "init").ok();
        legalFingerprint = gawah.in(legal, "keys", "generate", "--name", "Legal team").ok().out().strip();
        legalCert = base.resolve("legal.asc");
        legalSecret = base.resolve("legal.sec.asc");
        gawah.in(legal, "keys", "export", "--out", legalCert.toString()).ok();
        gawah.in(legal, "keys", "export", "--secret", "--out", legalSecret.toString()).ok();
    }

    /** {@code gawah keys import --role ROLE CERT} in {@code home}; returns the fingerprint it printed. */
    String pin(Path home, String role, Path cert) {
        return gawah.in(home, "keys", "import", "--role", role, cert.toString()).ok().out().strip();
    }

    /** {@code gawah open --sealed FILE} in the legal team's home. */
    Gawah.Result open(Path message) {
        return gawah.in(legal, "open", "--sealed", message.toString());
    }

    /** {@code gawah verify BAG} in the legal team's home. */
    Gawah.Result verify(Path bag) {
        return gawah.in(legal, "verify", bag.toString());
    }

    /** A new documenter home: key made, the legal team pinned as legal, and pinned by the legal team as documenter. */
    Documenter documenter(String folder, String name) {
        return new Documenter(base.resolve(folder), name);
    }

    /** The shared sample testimony (Dari account, Pashto notes) without the witness's identity. */
    static byte[] testimony() {
        try {
            ObjectMapper json = new ObjectMapper();
            ObjectNode input = (ObjectNode) json.readTree(Homes.sampleInput());
            input.remove("identity");
            return json.writeValueAsString(input).getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    final class Documenter {
        final Path home;
        final String fingerprint;
        final Path cert;
        final Path secret;
        private int outputs;

        private Documenter(Path dir, String name) {
            home = dir.resolve("home");
            gawah.in(home, "init").ok();
            fingerprint = gawah.in(home, "keys", "generate", "--name", name).ok().out().strip();
            cert = dir.resolve("documenter.asc");
            secret = dir.resolve("documenter.sec.asc");
            gawah.in(home, "keys", "export", "--out", cert.toString()).ok();
            gawah.in(home, "keys", "export", "--secret", "--out", secret.toString()).ok();
            assertEquals(legalFingerprint, pin(home, "legal", legalCert));
            assertEquals(fingerprint, pin(legal, "documenter", cert));
        }

        /** {@code gawah record} of the sample testimony, then {@code gawah export-sealed}: the sealed message's file. */
        Path sealTestimony() {
            String id = gawah.inWithInput(home, testimony(), "record", "--from", "-").ok().out().strip();
            Path out = home.resolveSibling("record-" + (++outputs) + ".pgp");
            gawah.in(home, "export-sealed", id, "--out", out.toString()).ok();
            return out;
        }

        /** {@code gawah submit}: a signed bag of what was sealed. */
        Path submit() {
            Path out = home.resolveSibling("bag-" + (++outputs) + ".zip");
            gawah.in(home, "submit", "--out", out.toString()).ok();
            return out;
        }
    }
}
