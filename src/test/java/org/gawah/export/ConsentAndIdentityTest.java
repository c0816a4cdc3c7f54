package org.gawah.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.gawah.testsupport.CaseFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What leaves in an evidence package is what the witness consented to: searched for in every
 * byte of the package, the zip as written and each file in it uncompressed.
 */
class ConsentAndIdentityTest {
    @TempDir
    static Path base;
    static CaseFixture fixture;
    static Path icc;
    static Path iccWithIdentities;

    @BeforeAll
    static void exportTheCase() {
        fixture = new CaseFixture(base);
        icc = fixture.export("icc");
        iccWithIdentities = fixture.export("icc", "--include-identities");
    }

    @Test
    void aRecordWithoutConsentForTheIccIsNeverInAnIccPackage() throws Exception {
        for (Path zip : new Path[] {icc, iccWithIdentities}) {
            assertAbsent(zip, fixture.legalTeamOnly);
            assertAbsent(zip, CaseFixture.LEGAL_ONLY_MARKER);
        }
        String report = Files.readString(Path.of(icc + ".report.txt"));
        assertTrue(report.contains(fixture.legalTeamOnly + ": the witness's consent does not cover icc"), report);
    }

    @Test
    void withoutIncludeIdentitiesNoNameLeavesAndTheNamedTestimonyGoesRedacted() throws Exception {
        assertAbsent(icc, CaseFixture.NAME);
        assertAbsent(icc, "Zarmina");
        assertAbsent(icc, "مریم نمونه");
        Map<String, byte[]> files = CaseFixture.files(icc);
        String folder = "data/" + fixture.named + "/";
        assertFalse(files.containsKey(folder + "testimony.json"), "the original, which names the witness, stays out");
        assertFalse(files.containsKey(folder + "identity.json"));
        String redacted = new String(files.get(folder + "testimony-redacted.json"), StandardCharsets.UTF_8);
        assertTrue(redacted.contains("\"derived_from\": \"" + fixture.named + ".testimony\""), redacted);
        assertTrue(redacted.contains("\"account.text (name)\""), redacted);
        assertTrue(redacted.contains("My name is [withheld]. They took my brother.\\n[withheld] is what"), redacted);
        assertFalse(files.containsKey(folder + "testimony-redacted.json.sig"), "the original's signature is not claimed");
        String log = fixture.homes.gawah.in(fixture.homes.legal, "log", "--jsonl").ok().out();
        assertTrue(log.contains("\"action\":\"redacted\"") && log.contains("\"subject\":\"" + fixture.named + "/redacted\""),
                "the redaction is in the custody log");
        assertTrue(files.entrySet().stream().anyMatch(f -> f.getKey().startsWith("custody/" + fixture.homes.legalFingerprint)
                && new String(f.getValue(), StandardCharsets.US_ASCII).contains("\"subject\":\"" + fixture.named + "/redacted\"")),
                "and in the package, traced to the original's entries");
        // The anonymous witness's testimony names no one: it goes as signed.
        assertTrue(files.containsKey("data/" + fixture.anonymous + "/testimony.json.sig"));
    }

    @Test
    void identitiesGoOnlyWithTheFlagAndWithoutAnonymity() throws Exception {
        Map<String, byte[]> files = CaseFixture.files(iccWithIdentities);
        String identity = new String(files.get("data/" + fixture.named + "/identity.json"), StandardCharsets.UTF_8);
        assertTrue(identity.contains(CaseFixture.NAME), identity);
        assertTrue(files.containsKey("data/" + fixture.named + "/identity.json.sig"));
        assertTrue(files.containsKey("data/" + fixture.named + "/testimony.json"), "no redaction when the identity may go");
        // The witness who asked for anonymity stays anonymous, flag or not.
        assertFalse(files.containsKey("data/" + fixture.anonymous + "/identity.json"));
        assertAbsent(iccWithIdentities, "مریم نمونه");
        String report = Files.readString(Path.of(iccWithIdentities + ".report.txt"));
        assertTrue(report.contains(fixture.anonymous + " " + fixture.anonymous + ".identity: the witness asked to stay anonymous"), report);
    }

    @Test
    void audioWithoutAudioVideoConsentIsLeftOutAndThePhotoGoesUnderItsIdOnly() throws Exception {
        Map<String, byte[]> files = CaseFixture.files(icc);
        String folder = "data/" + fixture.named + "/";
        long photos = files.keySet().stream().filter(f -> f.startsWith(folder + "GWA-") && f.endsWith(".jpg")).count();
        long audio = files.keySet().stream().filter(f -> f.startsWith(folder + "GWA-") && f.endsWith(".wav")).count();
        assertEquals(1, photos);
        assertEquals(0, audio);
        assertEquals(2, files.keySet().stream().filter(f -> f.startsWith(folder + "GWA-")).count(), "the photo and its .sig only");
        String photo = files.keySet().stream().filter(f -> f.endsWith(".jpg")).findFirst().orElseThrow();
        assertTrue(java.util.Arrays.equals(fixture.photo, files.get(photo)), "the photo's bytes, exactly");
        String report = Files.readString(Path.of(icc + ".report.txt"));
        assertTrue(report.contains("audio or video: the witness did not consent to its use"), report);
        assertTrue(report.lines().filter(line -> line.contains("the witness did not consent to audio/video use")
                || line.contains("audio or video: the witness")).count() == 2, "the clip, whatever type it was given: " + report);
    }

    @Test
    void whenNoRecordConsentsToTheRecipientNothingIsWrittenAndNothingLogged() {
        String logBefore = fixture.homes.gawah.in(fixture.homes.legal, "log", "--jsonl").ok().out();
        Path out = base.resolve("national.zip");
        var result = fixture.homes.gawah.in(fixture.homes.legal, "export", "--case", fixture.caseId, "--for", "national",
                "--out", out.toString());
        // Left out for lack of consent (77), not "not found" (66): the records are there.
        assertEquals(org.gawah.Failure.LEFT_OUT.exitCode(), result.code(), result.stderr());
        assertTrue(result.stderr().contains("nothing was exported: the witnesses of all 3 record(s)"), result.stderr());
        assertTrue(result.stderr().contains("does not cover national_court"), result.stderr());
        assertFalse(Files.exists(out));
        assertFalse(Files.exists(base.resolve(".national.zip.partial")));
        assertFalse(Files.exists(Path.of(out + ".report.txt")));
        assertEquals(logBefore, fixture.homes.gawah.in(fixture.homes.legal, "log", "--jsonl").ok().out());
    }

    /** Not in the zip's bytes, nor in any file of it once uncompressed. */
    static void assertAbsent(Path zip, String text) throws Exception {
        byte[] needle = text.getBytes(StandardCharsets.UTF_8);
        assertFalse(contains(Files.readAllBytes(zip), needle), text + " is in " + zip);
        for (Map.Entry<String, byte[]> file : CaseFixture.files(zip).entrySet()) {
            assertFalse(contains(file.getValue(), needle), text + " is in " + file.getKey());
            assertFalse(file.getKey().contains(text), text + " names a file: " + file.getKey());
        }
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
