package org.gawah.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.gawah.testsupport.Gawah;
import org.gawah.testsupport.GawahProcess;
import org.gawah.testsupport.Homes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gawah verify} of an encrypted evidence package twice the size of its heap, so that it
 * could not be held in it: it is decrypted in constant memory (into an encrypted spool), checked
 * whole, and leaves nothing in the temporary folder.
 */
class LargeEncryptedPackageProcessTest {
    private static final long SIZE = 64L << 20;

    @Test
    void verifiesAPackageTwiceTheHeapSize(@TempDir Path base) throws Exception {
        Homes homes = Homes.copied(base.resolve("homes"));
        Gawah gawah = homes.gawah;
        Path photo = base.resolve("scan.jpg");
        byte[] block = new byte[1 << 20];
        Random random = new Random(5);
        try (OutputStream out = Files.newOutputStream(photo)) {
            for (long written = 0; written < SIZE; written += block.length) {
                random.nextBytes(block);
                out.write(block);
            }
        }
        Path input = Files.write(base.resolve("testimony.json"), Homes.sampleInput());
        String id = gawah.in(homes.documenter, "record", "--from", input.toString(), "--attach", photo.toString()).ok().out().strip();
        Path bag = base.resolve("submission.zip");
        gawah.in(homes.documenter, "submit", "--out", bag.toString()).ok();
        gawah.in(homes.legal, "import", bag.toString()).ok();
        String caseId = gawah.caseCreate(homes.legal, "Large").ok().out().strip();
        gawah.in(homes.legal, "case", "add", caseId, id).ok();

        Path receiver = base.resolve("receiver");
        gawah.in(receiver, "init").ok();
        gawah.in(receiver, "keys", "generate", "--name", "Receiving body").ok();
        Path receiverCert = base.resolve("receiver.asc");
        gawah.in(receiver, "keys", "export", "--out", receiverCert.toString()).ok();
        Path custodianCert = base.resolve("custodian.asc");
        gawah.in(homes.legal, "keys", "export", "--out", custodianCert.toString()).ok();
        gawah.in(receiver, "keys", "import", "--role", "custodian", custodianCert.toString()).ok();
        Path encrypted = base.resolve("package.zip.pgp");
        // Random bytes named .jpg are a picture whose metadata cannot be read: it goes once reviewed.
        gawah.in(homes.legal, "export", "--case", caseId, "--for", "icc", "--to", receiverCert.toString(),
                "--reviewed-all", caseId, "--out", encrypted.toString()).ok();
        assertTrue(Files.size(encrypted) > SIZE, "the package holds the scan: " + Files.size(encrypted));

        Path tmp = Files.createDirectories(base.resolve("tmp"));
        Process verify = GawahProcess.start(List.of("-Xmx32m", "-Djava.io.tmpdir=" + tmp), receiver, base.resolve("verify"),
                "verify", encrypted.toString(), "--lang", "en");
        assertTrue(verify.waitFor(3, TimeUnit.MINUTES), "verify did not end in 3 minutes");
        String stderr = Files.readString(base.resolve("verify.err"));
        assertEquals(0, verify.exitValue(), stderr);
        assertTrue(Files.readString(base.resolve("verify.out")).contains(": VALID"), stderr);
        try (Stream<Path> left = Files.list(tmp)) {
            assertEquals(List.of(), left.toList(), "the spool is deleted");
        }
    }
}
