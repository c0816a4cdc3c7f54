package org.gawah.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.gawah.app.Home;
import org.gawah.app.Recipients;
import org.gawah.keys.Keyring;
import org.gawah.openpgp.SecretKey;
import org.gawah.openpgp.SigningKey;
import org.gawah.testimony.RecordId;
import org.gawah.testimony.SealableTestimony;
import org.gawah.testimony.Testimonies;
import org.gawah.testsupport.Gawah;
import org.gawah.testsupport.Homes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A record sealed before testimonies carried name keys, in the usual setup (the identity is the
 * protection officer's): nothing can search it for the witness's name, so it waits until someone
 * has read it and names it with --reviewed or --reviewed-from. The record is sealed here the way
 * gawah sealed it then: the same code, without the name-key sealer.
 */
class RecordSealedBeforeNameKeysWaitsForReviewTest {
    @Test
    void itStaysOutUntilReviewed(@TempDir Path base) throws Exception {
        Gawah gawah = new Gawah(Homes.PASSPHRASE);
        Path documenter = base.resolve("documenter");
        Path legal = base.resolve("legal");
        Path protection = base.resolve("protection");
        for (Path home : new Path[] {documenter, legal, protection}) {
            gawah.in(home, "init").ok();
            gawah.in(home, "keys", "generate", "--name", home.getFileName().toString()).ok();
            gawah.in(home, "keys", "export", "--out", base.resolve(home.getFileName() + ".asc").toString()).ok();
        }
        gawah.in(documenter, "keys", "import", "--role", "legal", base.resolve("legal.asc").toString()).ok();
        gawah.in(documenter, "keys", "import", "--role", "protection", base.resolve("protection.asc").toString()).ok();
        gawah.in(legal, "keys", "import", "--role", "documenter", base.resolve("documenter.asc").toString()).ok();

        Home home = new Home(documenter, warning -> { });
        Keyring keyring = home.keyring();
        SecretKey own = keyring.requireOwnKey();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Recipients to = RecordSealing.recipients(keyring, own, false, now);
        SigningKey signer = own.unlockForSigning(Homes.PASSPHRASE.toCharArray(), now);
        String id = RecordId.random();
        SealableTestimony plaintext = Testimonies.build(Testimonies.parseInput(Homes.sampleInput()), id, now);
        assertFalse(new String(plaintext.testimony(), java.nio.charset.StandardCharsets.UTF_8).contains("name_keys"));
        RecordSealing.seal(home, id, plaintext, signer, to, now);

        Path bag = base.resolve("bag.zip");
        gawah.in(documenter, "submit", "--out", bag.toString()).ok();
        gawah.in(legal, "import", bag.toString()).ok();
        String caseId = gawah.caseCreate(legal, "c").ok().out().strip();
        gawah.in(legal, "case", "add", caseId, id).ok();

        Path out = base.resolve("icc.zip");
        Gawah.Result refused = gawah.in(legal, "export", "--case", caseId, "--for", "icc", "--out", out.toString());
        assertEquals(org.gawah.Failure.LEFT_OUT.exitCode(), refused.code(), refused.stderr());
        assertTrue(refused.stderr().contains("could not be searched for the witness's name"), refused.stderr());
        assertTrue(refused.stderr().contains("--reviewed " + id), refused.stderr());
        assertFalse(Files.exists(out));

        Path list = base.resolve("read.txt");
        Files.writeString(list, "# read on 2026-12-07\n" + id.toLowerCase(java.util.Locale.ROOT) + "\n");
        gawah.in(legal, "export", "--case", caseId, "--for", "icc", "--reviewed-from", list.toString(),
                "--out", out.toString()).ok();
        String report = Files.readString(Path.of(out + ".report.txt"));
        assertTrue(report.contains(id + ": the testimony could not be searched"), report);
        assertTrue(report.contains("exported because --reviewed was given"), report);
    }
}
