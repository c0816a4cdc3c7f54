package org.gawah.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.gawah.GawahException;
import org.junit.jupiter.api.Test;

class RedactionTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode testimony(String account) throws Exception {
        return JSON.readTree("""
                {"schema": "gawah.testimony/1", "record_id": "GWH-7K3M-9QXA-2D4F-8ZZP",
                 "interview": {"place": "Safe house, Herat"},
                 "witness": {"pseudonym": "W-0193", "vulnerability": ["sole caregiver"]},
                 "account": {"language": "prs", "text": %s},
                 "attachments": [{"id": "GWA-7K3M-9QXA-2D4F-8ZZP", "file_name": "مریم at home.jpg"}]}
                """.formatted(JSON.writeValueAsString(account)));
    }

    @Test
    void nothingToWithholdMeansTheOriginalMayGo() throws Exception {
        assertNull(Redaction.of("GWH-7K3M-9QXA-2D4F-8ZZP.testimony", "c".repeat(64), testimony("شاهد گفت"), List.of(),
                new Redaction.Masker("Zarmina Testname", null)));
    }

    @Test
    void theNameItsWordsAndTheContactAreMaskedAsWordsIgnoringCase() {
        Redaction.Masker masker = new Redaction.Masker("مریم نمونه", "Signal +93 700 000 000");
        assertEquals("[withheld] گفت", masker.mask("مریم نمونه گفت"));
        assertEquals("[withheld]", masker.mask("مریم‌ها"), "a suffix after a zero-width non-joiner goes with the name");
        assertEquals("[withheld] آمد", masker.mask("مريم آمد"), "typed on an Arabic keyboard (ي)");
        assertEquals("خانه [withheld] است", masker.mask("خانه مَریَمِ است"), "with harakat and an ezafe");
        assertEquals("مریمک", masker.mask("مریمک"), "another word that starts with the name is not it");
        assertEquals("call [withheld] today", masker.mask("call SIGNAL +93 700 000 000 today"));
        Redaction.Masker latin = new Redaction.Masker("Ali Rezai", null);
        assertEquals("Alice met [withheld] and [withheld]", latin.mask("Alice met ali and REZAI"));
        assertEquals("it is [withheld]", latin.mask("it is Ali Rezai"));
    }

    @Test
    void theProfilesFieldsAndEveryMentionAreWithheldAndListed() throws Exception {
        Redaction.Result result = Redaction.of("GWH-7K3M-9QXA-2D4F-8ZZP.testimony", "c".repeat(64),
                testimony("مریم گفت که ..."), Profile.named("national").withhold(), new Redaction.Masker("مریم نمونه", null));
        JsonNode derivative = JSON.readTree(result.bytes());
        assertEquals("gawah.redacted/1", derivative.get("schema").asText());
        assertEquals("GWH-7K3M-9QXA-2D4F-8ZZP.testimony", derivative.get("derived_from").asText());
        assertEquals("c".repeat(64), derivative.get("original_sealed_sha256").asText(), "never a hash of the plaintext");
        assertEquals(List.of("interview.place", "witness.vulnerability", "account.text (name)",
                "attachments[0].file_name (name)"), result.withheld());
        assertFalse(derivative.get("testimony").get("interview").has("place"));
        assertEquals("[withheld] گفت که ...", derivative.get("testimony").get("account").get("text").asText());
        assertFalse(new String(result.bytes(), StandardCharsets.UTF_8).contains("مریم"));
    }

    @Test
    void theCaseTitleAndTheAnalystsNotesAreSearchedForEveryWitness() throws Exception {
        org.gawah.cases.CaseFile file = new org.gawah.cases.CaseFile("GWC-7K3M-9QXA-2D4F-8ZZP", java.time.Instant.EPOCH,
                "Detentions: the family of Zarmina");
        org.gawah.cases.Analysis analysis = new org.gawah.cases.Analysis("GWN-7K3M-9QXA-2D4F-8ZZP", file.caseId(),
                "GWH-7K3M-9QXA-2D4F-8ZZP", java.time.Instant.EPOCH, "0A1B", List.of(), "high",
                "Corroborates what علی رضایی said; call 0700 111 222");
        Redaction.Masker names = new Redaction.Masker("زرمینه", null).and(new Redaction.Masker("Ali Rezai", "+93 700 111 222"));
        Report report = new Report("GWE-7K3M-9QXA-2D4F-8ZZP", file.caseId(), Profile.named("icc"));
        JsonNode json = JSON.readTree(CaseExport.json(file, java.util.Map.of(analysis.recordId(), analysis), true, names,
                List.of(), false, report));
        assertEquals("Detentions: the family of [withheld]", json.get("title").asText());
        assertEquals("Corroborates what [withheld] said; call [withheld]", json.get("records").get(0).get("note").asText());
        assertEquals(2, report.notes().size(), report.text());
        assertTrue(report.text().contains("the case title named a witness"), report.text());
        assertTrue(report.text().contains(file.caseId() + ": the case title and the analysts' notes, searched for every witness"),
                report.text());
    }

    /**
     * When the witness of a record could not be searched for (no key here opens the identity, no
     * name keys), nothing says the title and notes do not name them: both are withheld, and the
     * report says so under "left out", until someone read them and names the case as reviewed.
     */
    @Test
    void theCaseTitleAndNotesAreWithheldWhenAWitnessCouldNotBeSearchedFor() throws Exception {
        org.gawah.cases.CaseFile file = new org.gawah.cases.CaseFile("GWC-7K3M-9QXA-2D4F-8ZZP", java.time.Instant.EPOCH,
                "Detentions: the family of Zarmina");
        org.gawah.cases.Analysis analysis = new org.gawah.cases.Analysis("GWN-7K3M-9QXA-2D4F-8ZZP", file.caseId(),
                "GWH-7K3M-9QXA-2D4F-8ZZP", java.time.Instant.EPOCH, "0A1B", List.of(), "high", "Zarmina's neighbour saw it");
        Redaction.Masker none = Redaction.Masker.none();
        List<String> unsearched = List.of("GWH-AAAA-BBBB-CCCC-DDDD");
        Report report = new Report("GWE-7K3M-9QXA-2D4F-8ZZP", file.caseId(), Profile.named("icc"));
        JsonNode json = JSON.readTree(CaseExport.json(file, java.util.Map.of(analysis.recordId(), analysis), true, none,
                unsearched, false, report));
        assertEquals("[withheld]", json.get("title").asText());
        assertEquals("[withheld]", json.get("records").get(0).get("note").asText());
        String text = report.text();
        assertTrue(text.contains(file.caseId() + " title: the case title could not be searched for the witness of "
                + "GWH-AAAA-BBBB-CCCC-DDDD"), text);
        assertTrue(text.contains(file.caseId() + " notes: the analysts' notes could not be searched"), text);
        assertTrue(text.contains("export again with --reviewed " + file.caseId()), text);
        assertFalse(new String(CaseExport.json(file, java.util.Map.of(analysis.recordId(), analysis), true, none, unsearched,
                false, null), StandardCharsets.UTF_8).contains("Zarmina"));

        Report reviewed = new Report("GWE-7K3M-9QXA-2D4F-8ZZP", file.caseId(), Profile.named("icc"));
        json = JSON.readTree(CaseExport.json(file, java.util.Map.of(analysis.recordId(), analysis), true, none, unsearched,
                true, reviewed));
        assertEquals("Detentions: the family of Zarmina", json.get("title").asText());
        assertTrue(reviewed.text().contains("Included but not searched (1):"), reviewed.text());
        assertTrue(reviewed.text().contains(file.caseId() + " title: the case title and the analysts' notes were not searched"
                + " for the witness of GWH-AAAA-BBBB-CCCC-DDDD; exported because --reviewed " + file.caseId()), reviewed.text());
        assertFalse(reviewed.text().contains("The case title and the analysts' notes too"), "no claim that they were searched");
    }

    @Test
    void everyShippedProfileLoadsAndABadOneIsRefused() {
        for (String name : Profile.NAMES) {
            Profile profile = Profile.named(name);
            assertEquals(name, profile.name());
            assertTrue(profile.identifier().startsWith("urn:gawah:profile:" + name + ":"));
        }
        assertThrows(GawahException.class, () -> Profile.named("../icc"));
        String good = "name = x\nversion = 1\nrecipient = R\nconsent = icc\nwithhold =\nanalyst_notes = no\n";
        Profile.parse(good);
        assertThrows(IllegalArgumentException.class, () -> Profile.parse(good + "extra = 1\n"));
        assertThrows(IllegalArgumentException.class, () -> Profile.parse(good.replace("consent = icc", "consent = anyone")));
        assertThrows(IllegalArgumentException.class, () -> Profile.parse(good.replace("withhold =", "withhold = a..b")));
        assertThrows(IllegalArgumentException.class, () -> Profile.parse(good.replace("version = 1\n", "")));
    }
}
