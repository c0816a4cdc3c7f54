package org.gawah.custody;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.gawah.Digests;
import org.gawah.openpgp.KeyGenerator;
import org.gawah.openpgp.Profile;
import org.gawah.openpgp.SecretKey;

/**
 * Writes the test vectors of {@code analyst_added} (docs/format/custody-log.md, "Analysts"):
 * two analysts' certificates, and logs as a team vault would hold them, each a file with an
 * {@code expect:} line, a blank line, then the log as {@code gawah log --jsonl} writes it. Checked
 * in; run again only when the format changes:
 * {@code java -cp target/test-classes:target/classes:target/lib/* org.gawah.custody.AnalystVectors
 * src/test/resources/org/gawah/custody/analysts} (keys and nonces are new each run).
 */
public final class AnalystVectors {
    private static final Instant MADE = Instant.parse("2026-12-01T09:00:00Z");
    private static final char[] PASSPHRASE = "vectors only".toCharArray();

    private AnalystVectors() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        SecretKey first = KeyGenerator.generate(Profile.COMPAT, "First analyst", PASSPHRASE, MADE);
        SecretKey second = KeyGenerator.generate(Profile.COMPAT, "Second analyst", PASSPHRASE, MADE);
        Files.writeString(dir.resolve("first.asc"), first.certificate().armored());
        Files.writeString(dir.resolve("second.asc"), second.certificate().armored());
        EntrySigner a = new EntrySigner(first.unlockForSigning(PASSPHRASE, MADE));
        EntrySigner b = new EntrySigner(second.unlockForSigning(PASSPHRASE, MADE));
        String aCert = Digests.sha256(first.certificate().encoded());
        String bCert = Digests.sha256(second.certificate().encoded());
        String ownA = first.fingerprint() + "/own";
        write(dir, "admitted", "success", new Log()
                .add(a, Action.KEY_IMPORTED, ownA, aCert)
                .add(a, Action.ANALYST_ADDED, first.fingerprint(), aCert)
                .add(a, Action.ANALYST_ADDED, second.fingerprint(), bCert)
                .add(b, Action.KEY_IMPORTED, second.fingerprint() + "/own", bCert)
                .add(b, Action.VERIFIED, "vault", "ab".repeat(32))
                .add(a, Action.VERIFIED, "vault", "cd".repeat(32)));
        write(dir, "signed-before-admission", "broken at entry 3 (a key not known here)", new Log()
                .add(a, Action.KEY_IMPORTED, ownA, aCert)
                .add(a, Action.ANALYST_ADDED, first.fingerprint(), aCert)
                .add(b, Action.VERIFIED, "vault", "ab".repeat(32))
                .add(a, Action.ANALYST_ADDED, second.fingerprint(), bCert));
        write(dir, "admitted-by-itself", "broken at entry 3 (a key not known here)", new Log()
                .add(a, Action.KEY_IMPORTED, ownA, aCert)
                .add(a, Action.ANALYST_ADDED, first.fingerprint(), aCert)
                .add(b, Action.ANALYST_ADDED, second.fingerprint(), bCert)
                .add(b, Action.VERIFIED, "vault", "ab".repeat(32)));
        write(dir, "admits-no-key", "broken at entry 3 (which is not a key's fingerprint)", new Log()
                .add(a, Action.KEY_IMPORTED, ownA, aCert)
                .add(a, Action.ANALYST_ADDED, first.fingerprint(), aCert)
                .add(a, Action.ANALYST_ADDED, "GWH-7K3M-9QXA-2D4F-8ZZP", bCert));
        write(dir, "other-certificate-logged", "broken at entry 4 (whose certificate the vault does not keep as its analyst_added entry logged it)", new Log()
                .add(a, Action.KEY_IMPORTED, ownA, aCert)
                .add(a, Action.ANALYST_ADDED, first.fingerprint(), aCert)
                .add(a, Action.ANALYST_ADDED, second.fingerprint(), aCert)
                .add(b, Action.VERIFIED, "vault", "ab".repeat(32)));
    }

    /** A chain being built: each entry one second after the last, linked to it, signed by its actor. */
    private static final class Log {
        private final List<String> lines = new ArrayList<>();
        private String previous = Entry.GENESIS;

        Log add(EntrySigner signer, Action action, String subject, String sha256) {
            Entry entry = new Entry(lines.size() + 1, MADE.plusSeconds(60 + lines.size()), signer.actor(), action, subject,
                    sha256, previous);
            Entry.Signed signed = signer.sign(entry);
            lines.add(entry.line(signed.signature()));
            previous = entry.sha256();
            return this;
        }
    }

    private static void write(Path dir, String name, String expect, Log log) throws IOException {
        Files.writeString(dir.resolve(name + ".vector"), "expect: " + expect + "\n\n" + String.join("\n", log.lines) + "\n",
                StandardCharsets.US_ASCII);
    }
}
