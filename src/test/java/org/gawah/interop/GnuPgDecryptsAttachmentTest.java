package org.gawah.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import org.gawah.testsupport.Homes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GnuPgDecryptsAttachmentTest {
    @TempDir
    Path base;

    @Test
    void gpgDecryptsAnExportedAttachmentAndVerifiesItsSignature() throws Exception {
        Homes homes = Homes.copied(base.resolve("gawah"));
        Path audio = base.resolve("interview.m4a");
        byte[] content = new byte[3 * 1024 * 1024 + 7];
        new Random(3).nextBytes(content);
        Files.write(audio, content);
        String id = homes.gawah.inWithInput(homes.documenter, Homes.sampleInput(),
                "record", "--from", "-", "--attach", audio.toString()).ok().out().strip();
        Path sealed = base.resolve("attachment.pgp");
        homes.gawah.in(homes.documenter, "export-sealed", id, "--attachment", "1", "--out", sealed.toString()).ok();

        Path legalSecret = base.resolve("legal.sec.asc");
        Path documenterCert = base.resolve("documenter.asc");
        homes.gawah.in(homes.legal, "keys", "export", "--secret", "--out", legalSecret.toString()).ok();
        homes.gawah.in(homes.documenter, "keys", "export", "--out", documenterCert.toString()).ok();
        try (GnuPG gpg = new GnuPG(base.resolve("gpg")).passphrase(Homes.PASSPHRASE)) {
            gpg.importKey(legalSecret);
            gpg.importKey(documenterCert);
            GnuPG.Result result = gpg.run("--decrypt", sealed.toString()).ok();
            assertArrayEquals(content, result.stdout());
            result.require("GOODMDC");
            List<String> valid = result.require("VALIDSIG");
            assertEquals(homes.documenterFingerprint, valid.get(1));
        }
    }
}
