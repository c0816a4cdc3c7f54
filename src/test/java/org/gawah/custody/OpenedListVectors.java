package org.gawah.custody;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import org.gawah.Digests;
import org.gawah.openpgp.KeyGenerator;
import org.gawah.openpgp.Profile;
import org.gawah.openpgp.SecretKey;

/**
 * Writes the test vectors of one {@code opened} entry for many openings (docs/format/custody-log.md,
 * "Many openings in one entry"): the opening list of two records, a log of two entries (the key's
 * own {@code key_imported}, then the {@code opened} entry naming the list), the certificate that
 * signed it, and lists a reader must refuse. Checked in; run again only when the format changes:
 * {@code java -cp target/test-classes:target/classes:target/lib/* org.gawah.custody.OpenedListVectors
 * src/test/resources/org/gawah/custody/opened} (the key and nonces are new each run).
 */
public final class OpenedListVectors {
    private static final Instant MADE = Instant.parse("2026-12-01T09:00:00Z");
    private static final char[] PASSPHRASE = "vectors only".toCharArray();
    static final String FIRST = "GWH-0000-0000-0000-0001";
    static final String SECOND = "GWH-0000-0000-0000-0002";
    static final String OPENING = "GWO-7K3M-9QXA-2D4F-8ZZP";

    private OpenedListVectors() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        byte[] list = OpenedList.of(OpenedList.RECORDS_VIEW, Map.of(FIRST, Digests.sha256("first ciphertext".getBytes(StandardCharsets.US_ASCII)),
                SECOND, Digests.sha256("second ciphertext".getBytes(StandardCharsets.US_ASCII)))).bytes();
        Files.write(dir.resolve("records.list"), list);
        SecretKey key = KeyGenerator.generate(Profile.COMPAT, "Analyst", PASSPHRASE, MADE);
        Files.writeString(dir.resolve("analyst.asc"), key.certificate().armored());
        EntrySigner signer = new EntrySigner(key.unlockForSigning(PASSPHRASE, MADE));
        Entry first = new Entry(1, MADE.plusSeconds(60), signer.actor(), Action.KEY_IMPORTED, key.fingerprint() + "/own",
                Digests.sha256(key.certificate().encoded()), Entry.GENESIS);
        Entry opened = new Entry(2, MADE.plusSeconds(120), signer.actor(), Action.OPENED, OPENING, Digests.sha256(list),
                first.sha256());
        Files.writeString(dir.resolve("log.jsonl"), first.line(signer.sign(first).signature()) + "\n"
                + opened.line(signer.sign(opened).signature()) + "\n", StandardCharsets.US_ASCII);
        String text = new String(list, StandardCharsets.US_ASCII);
        String[] lines = text.split("\n");
        // Each refused list, named for what is wrong with it; OpenedListVectorsTest knows the line each names.
        refuse(dir, "unsorted", lines[0] + "\n" + lines[2] + "\n" + lines[1] + "\n");
        refuse(dir, "twice", lines[0] + "\n" + lines[1] + "\n" + lines[1] + "\n");
        refuse(dir, "upper-case-digest", lines[0] + "\n" + lines[1].substring(0, 64).toUpperCase() + lines[1].substring(64) + "\n");
        refuse(dir, "no-final-line-feed", text.substring(0, text.length() - 1));
        refuse(dir, "other-schema", "gawah.opened/2 records\n" + lines[1] + "\n");
        refuse(dir, "no-items", lines[0] + "\n");
        refuse(dir, "one-space", lines[0] + "\n" + lines[1].replace("  ", " ") + "\n");
        refuse(dir, "carriage-returns", text.replace("\n", "\r\n"));
    }

    private static void refuse(Path dir, String name, String text) throws IOException {
        Files.writeString(dir.resolve("refused-" + name + ".list"), text, StandardCharsets.US_ASCII);
    }
}
