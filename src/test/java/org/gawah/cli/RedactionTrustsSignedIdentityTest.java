package org.gawah.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.gawah.app.Home;
import org.gawah.keys.Keyring;
import org.gawah.openpgp.SecretKey;
import org.gawah.openpgp.SigningKey;
import org.gawah.testimony.RecordId;
import org.gawah.testimony.SealableTestimony;
import org.gawah.testimony.Testimonies;
import org.gawah.testsupport.CaseFixture;
import org.gawah.testsupport.Gawah;
import org.gawah.testsupport.Homes;
import org.gawah.testsupport.TestEngine;
import org.gawah.vault.VaultTamper;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Whether a record has a witness to protect is read from signed data, never from the vault's
 * identity column: emptied by hand, the documenter's signed {@code sealed GWH-…/identity} entry
 * names the change and nothing goes on; as stored, the record with name keys is searched with
 * them, and the record sealed before name keys still waits for --reviewed. Neither goes whole.
 * On both engines: the documenter's and the legal team's vaults on each.
 */
class RedactionTrustsSignedIdentityTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @EnumSource(TestEngine.class)
    void anEmptiedIdentityColumnIsRefusedAndNoRecordGoesWhole(TestEngine engine, @TempDir Path base) throws Exception {
        Gawah gawah = new Gawah(Homes.PASSPHRASE);
        Path documenter = base.resolve("documenter");
        Path legal = base.resolve("legal");
        Path protection = base.resolve("protection");
        for (Path home : new Path[] {documenter, legal, protection}) {
            // The protection officer only holds a key here: its vault is a file whichever the engine.
            gawah.in(home, home == protection ? new String[] {"init"} : engine.initCommand()).ok();
            gawah.in(home, "keys", "generate", "--name", home.getFileName().toString()).ok();
            gawah.in(home, "keys", "export", "--out", base.resolve(home.getFileName() + ".asc").toString()).ok();
        }
        gawah.in(documenter, "keys", "import", "--role", "legal", base.resolve("legal.asc").toString()).ok();
        gawah.in(documenter, "keys", "import", "--role", "protection", base.resolve("protection.asc").toString()).ok();
        gawah.in(legal, "keys", "import", "--role", "documenter", base.resolve("documenter.asc").toString()).ok();
        ObjectNode input = (ObjectNode) JSON.readTree(Homes.sampleInput());
        ((ObjectNode) input.get("account")).put("text", "مريم گفت. Later MARYAM said it again.");
        String searched = gawah.inWithInput(documenter, JSON.writeValueAsBytes(input), "record", "--from", "-").ok().out().strip();
        String older = sealedWithoutNameKeys(documenter, input);

        Path bag = base.resolve("bag.zip");
        gawah.in(documenter, "submit", "--out", bag.toString()).ok();
        gawah.in(legal, "import", bag.toString()).ok();
        String caseId = gawah.caseCreate(legal, "Detentions in Herat").ok().out().strip();
        // The identity column emptied by hand, in a copy: the documenter's signed entry for the
        // envelope is still in the log, so every command using the record refuses, naming it.
        Path tampered = base.resolve("tampered");
        Homes.copy(legal, tampered);
        for (String id : new String[] {searched, older}) {
            VaultTamper.sql(tampered,
                    "UPDATE records SET identity = NULL, identity_size = 0, identity_sha256 = NULL WHERE id = '" + id + "'",
                    "DELETE FROM record_recipients WHERE record_id = '" + id + "' AND envelope = 'identity'");
        }
        Gawah.Result refused = gawah.in(tampered, "case", "add", caseId, searched, older);
        assertEquals(41, refused.code(), refused.stderr());
        assertTrue(refused.stderr().contains("identity envelope of " + searched + " is in the custody log (entry "),
                refused.stderr());
        // Untouched, the record with name keys is searched with them (this key cannot open the
        // envelope) and the one sealed before name keys waits for review: neither goes whole.
        gawah.in(legal, "case", "add", caseId, searched, older).ok();

        Path out = base.resolve("icc.zip");
        gawah.in(legal, "export", "--case", caseId, "--for", "icc", "--out", out.toString()).ok();
        String report = Files.readString(Path.of(out + ".report.txt"));
        assertTrue(report.contains(searched + ": searched with the name keys sealed in the testimony"), report);
        assertTrue(report.contains(older + ": this key cannot open the identity envelope and the testimony has no name keys"),
                report);
        Map<String, byte[]> files = CaseFixture.files(out);
        assertFalse(files.containsKey("data/" + searched + "/testimony.json"), "never whole");
        String redacted = new String(files.get("data/" + searched + "/testimony-redacted.json"), StandardCharsets.UTF_8);
        assertTrue(redacted.contains("[withheld] گفت. Later [withheld] said it again."), redacted);
        assertFalse(files.keySet().stream().anyMatch(name -> name.contains(older)), "the older record waits for review");
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            String text = new String(file.getValue(), StandardCharsets.UTF_8);
            assertFalse(text.contains("مريم") || text.contains("MARYAM"), "the name is in " + file.getKey());
        }

        // The case's title may name the older record's witness, whom nothing could search for.
        assertEquals("[withheld]", JSON.readTree(files.get("metadata/case.json")).get("title").asText());
        assertTrue(report.contains(caseId + " title: the case title could not be searched for the witness of " + older), report);
        if (engine == TestEngine.SQLITE) {
            // What --reviewed lets through is the export's own rule, whichever the vault: once.
            reviewedExports(gawah, base, legal, caseId, older);
        }
    }

    private static void reviewedExports(Gawah gawah, Path base, Path legal, String caseId, String older) throws Exception {
        Path reviewed = base.resolve("reviewed.zip");
        gawah.in(legal, "export", "--case", caseId, "--for", "icc", "--reviewed", older, "--out", reviewed.toString()).ok();
        assertTrue(Files.readString(Path.of(reviewed + ".report.txt")).contains("exported because --reviewed was given"));
        assertEquals("[withheld]", JSON.readTree(CaseFixture.files(reviewed).get("metadata/case.json")).get("title").asText(),
                "a reviewed record is not a reviewed title");
        Path titled = base.resolve("titled.zip");
        gawah.in(legal, "export", "--case", caseId, "--for", "icc", "--reviewed", older, "--reviewed", caseId,
                "--out", titled.toString()).ok();
        assertEquals("Detentions in Herat", JSON.readTree(CaseFixture.files(titled).get("metadata/case.json")).get("title").asText());
        assertTrue(Files.readString(Path.of(titled + ".report.txt")).contains(caseId + " title: the case title and the analysts'"
                + " notes were not searched for the witness of " + older));
    }

    /** A record sealed as gawah sealed it before name keys: the same code, without the name-key sealer. */
    private static String sealedWithoutNameKeys(Path documenter, ObjectNode input) throws Exception {
        Home home = new Home(documenter, warning -> { });
        Keyring keyring = home.keyring();
        SecretKey own = keyring.requireOwnKey();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        org.gawah.app.Recipients to = RecordSealing.recipients(keyring, own, false, now);
        SigningKey signer = own.unlockForSigning(Homes.PASSPHRASE.toCharArray(), now);
        String id = RecordId.random();
        SealableTestimony plaintext = Testimonies.build(Testimonies.parseInput(JSON.writeValueAsBytes(input)), id, now);
        assertEquals(-1, new String(plaintext.testimony(), StandardCharsets.UTF_8).indexOf("name_keys"));
        RecordSealing.seal(home, id, plaintext, signer, to, now);
        return id;
    }
}
