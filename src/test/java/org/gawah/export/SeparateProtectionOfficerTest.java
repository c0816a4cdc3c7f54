package org.gawah.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.gawah.testsupport.Gawah;
import org.gawah.testsupport.Homes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The usual setup: the witness's identity is sealed to a protection officer, whose envelope the
 * legal team cannot open. Its testimony cannot then be searched for the name, so it does not go
 * until someone has read it and says so; --include-identities cannot open the way either.
 */
class SeparateProtectionOfficerTest {
    @Test
    void aTestimonyThatCouldNotBeSearchedForTheNameWaitsForReview(@TempDir Path base) throws Exception {
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
        String id = gawah.inWithInput(documenter, Homes.sampleInput(), "record", "--from", "-").ok().out().strip();
        Path bag = base.resolve("bag.zip");
        gawah.in(documenter, "submit", "--out", bag.toString()).ok();
        gawah.in(legal, "import", bag.toString()).ok();
        String caseId = gawah.caseCreate(legal, "c").ok().out().strip();
        gawah.in(legal, "case", "add", caseId, id).ok();

        Path out = base.resolve("icc.zip");
        Gawah.Result refused = gawah.in(legal, "export", "--case", caseId, "--for", "icc", "--include-identities",
                "--out", out.toString());
        assertEquals(66, refused.code(), refused.stderr());
        assertTrue(refused.stderr().contains("could not be searched for the witness's name"), refused.stderr());
        assertTrue(refused.stderr().contains("--reviewed " + id), refused.stderr());
        assertTrue(!Files.exists(out));

        gawah.in(legal, "export", "--case", caseId, "--for", "icc", "--include-identities", "--reviewed", id,
                "--out", out.toString()).ok();
        String report = Files.readString(Path.of(out + ".report.txt"));
        assertTrue(report.contains("exported because --reviewed was given"), report);
        assertTrue(report.contains(id + ".identity: "), "the identity never goes from a key that cannot open it: " + report);
    }
}
