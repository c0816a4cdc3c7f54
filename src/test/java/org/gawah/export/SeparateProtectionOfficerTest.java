package org.gawah.export;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.gawah.testsupport.CaseFixture;
import org.gawah.testsupport.Gawah;
import org.gawah.testsupport.Homes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The usual setup: the witness's identity is sealed to a protection officer, whose envelope the
 * legal team cannot open. The testimony carries keyed hashes of the name (name_keys), so the
 * export searches it all the same, without the legal team reading the name; --include-identities
 * cannot open the way to the identity either.
 */
class SeparateProtectionOfficerTest {
    @Test
    void theTestimonyIsSearchedWithItsNameKeysWithoutTheIdentity(@TempDir Path base) throws Exception {
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
        ObjectNode input = (ObjectNode) new ObjectMapper().readTree(Homes.sampleInput());
        ((ObjectNode) input.get("account")).put("text", "مريم گفت. Later MARYAM said it again.");
        String id = gawah.inWithInput(documenter, new ObjectMapper().writeValueAsBytes(input), "record", "--from", "-")
                .ok().out().strip();
        Path bag = base.resolve("bag.zip");
        gawah.in(documenter, "submit", "--out", bag.toString()).ok();
        gawah.in(legal, "import", bag.toString()).ok();
        assertFalse(gawah.in(legal, "open", id, "--identity").code() == 0, "the legal team cannot read the name");
        String caseId = gawah.caseCreate(legal, "c").ok().out().strip();
        gawah.in(legal, "case", "add", caseId, id).ok();

        Path out = base.resolve("icc.zip");
        gawah.in(legal, "export", "--case", caseId, "--for", "icc", "--include-identities", "--out", out.toString()).ok();
        String report = Files.readString(Path.of(out + ".report.txt"));
        assertTrue(report.contains(id + ": searched with the name keys sealed in the testimony"), report);
        assertTrue(report.contains(id + ".identity: this key cannot open the identity envelope"), report);
        Map<String, byte[]> files = CaseFixture.files(out);
        String redacted = new String(files.get("data/" + id + "/testimony-redacted.json"), StandardCharsets.UTF_8);
        assertTrue(redacted.contains("[withheld] گفت. Later [withheld] said it again."), redacted);
        assertTrue(redacted.contains("\"name_keys\""), "listed as withheld: " + redacted);
        assertFalse(redacted.contains("\"sealed_key\""), redacted);
        assertFalse(files.containsKey("data/" + id + "/identity.json"));
        ConsentAndIdentityTest.assertAbsent(out, "مريم");
        ConsentAndIdentityTest.assertAbsent(out, "MARYAM");
    }
}
