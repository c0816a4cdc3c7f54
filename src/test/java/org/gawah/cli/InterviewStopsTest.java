package org.gawah.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.gawah.Language;
import org.gawah.testsupport.Homes;
import org.gawah.testsupport.Pty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How an interview ends early: Ctrl-C asks first, and going on loses nothing; a draft is sealed
 * when allowed; no consent means no record; the input ending or {@code gawah lock} leaves
 * nothing behind. Each on a real pseudo-terminal.
 */
class InterviewStopsTest {
    private static final Pattern RECORD_ID = Pattern.compile("GWH(-[0-9A-Z]{4}){4}");
    private static final Locale EN = Language.ENGLISH;

    @TempDir
    static Path base;
    static Homes homes;

    static Path runtime;

    @BeforeAll
    static void homes() throws IOException {
        homes = Homes.copied(base.resolve("homes"));
        // This class's own registry of running interviews: its lock never reaches another test's interview.
        runtime = Files.createDirectories(base.resolve("runtime"));
        homes.gawah.env("XDG_RUNTIME_DIR", runtime.toString());
    }

    @Test
    void ctrlCAsksAndGoingOnKeepsTheAnswersThenADraftIsSealed() throws IOException {
        FileTime started = FileTime.from(java.time.Instant.now().minusSeconds(1));
        try (Pty pty = interview("--save-draft")) {
            consent(pty);
            answer(pty, "interview.q.started-at", "");
            answer(pty, "interview.q.place", "Herat DraftMarker7");
            pty.expect(say("interview.q.documenter"));
            pty.keys("half a word\u0003");
            pty.expect(say("interview.interrupted"));
            pty.expect(say("interview.interrupted.draft"));
            pty.type("1");
            pty.expect(say("interview.continuing"));
            pty.type("");
            answer(pty, "interview.q.interpreter", "");
            pty.expect(say("interview.q.interview-languages"));
            pty.keys("\u0003");
            pty.expect(say("interview.interrupted"));
            pty.type("3");
            String sealed = pty.expect(say("record.single-key").substring(0, 12));
            assertEquals(0, pty.exitCode(), pty.screen());
            assertTrue(sealed.contains(say("interview.draft-sealed")), sealed);
            Matcher id = RECORD_ID.matcher(sealed);
            assertTrue(id.find(), sealed);

            JsonNode draft = new ObjectMapper().readTree(openAsLegalTeam(id.group()));
            assertEquals("gawah.draft/1", draft.get("schema").asText());
            assertEquals("languages", draft.get("stopped_at_step").asText());
            assertEquals("Herat DraftMarker7", draft.at("/fields/interview/place").asText());
            assertEquals("Documenter D-14", draft.at("/fields/interview/present/0/name").asText());
            assertTrue(draft.at("/consent/purpose_explained").asBoolean());

            // A draft never goes into an evidence package: it is left out, and said why.
            String caseId = homes.gawah.caseCreate(homes.legal, "Drafts").ok().out().strip();
            homes.gawah.in(homes.legal, "case", "add", caseId, id.group(), "--tag", "rome:7(1)(e)").ok();
            Path out = base.resolve("draft-package.zip");
            var export = homes.gawah.in(homes.legal, "export", "--case", caseId, "--for", "icc", "--out", out.toString());
            assertTrue(export.stderr().contains(Said.of("export.reason.draft").render(EN)), export.stderr());
            assertTrue(export.code() != 0 || !new String(Files.readAllBytes(out), java.nio.charset.StandardCharsets.ISO_8859_1)
                    .contains(id.group() + "/testimony.json"), export.stderr());
        }
        InterviewThroughTerminalTest.assertNoFileHolds("DraftMarker7", started, homes.documenter);
    }

    @Test
    void withoutConsentNothingIsRecorded() {
        int before = records();
        try (Pty pty = interview()) {
            answer(pty, "interview.q.purpose", "2");
            pty.expect(say("interview.no-consent"));
            assertEquals(0, pty.exitCode());
        }
        assertEquals(before, records());
    }

    @Test
    void inputEndingWithoutDraftsKeepsNothingAndSaysSo() {
        int before = records();
        try (Pty pty = interview()) {
            consent(pty);
            answer(pty, "interview.q.started-at", "");
            pty.expect(say("interview.q.place"));
            pty.keys("\u0004");
            pty.expect(say("interview.input-ended"));
            assertEquals(61, pty.exitCode());
        }
        assertEquals(before, records());
    }

    @Test
    void lockFromAnotherTerminalEndsTheInterviewAtOnce() throws IOException {
        int before = records();
        Path sessions = homes.documenter.resolve("sessions");
        try (Pty pty = interview("--save-draft")) {
            consent(pty);
            answer(pty, "interview.q.started-at", "");
            pty.expect(say("interview.q.place"));
            assertEquals(1, countFiles(sessions), "the running interview is registered");
            var lock = homes.gawah.in(homes.documenter, "lock").ok();
            assertTrue(lock.stderr().contains(Said.of("lock.closed", 1).render(EN)), lock.stderr());
            pty.expect(say("interview.locked"));
            assertEquals(80, pty.exitCode());
        }
        assertEquals(0, countFiles(sessions));
        assertEquals(before, records(), "a lock seals nothing, not even a draft");
        assertTrue(homes.gawah.in(homes.documenter, "lock").ok().stderr().contains(say("lock.none")));
    }

    @Test
    void bangLockAtAnyQuestionEndsItToo() {
        try (Pty pty = interview()) {
            answer(pty, "interview.q.purpose", "!lock");
            pty.expect(say("interview.locked"));
            assertEquals(80, pty.exitCode());
        }
    }

    @Test
    void aWrongAnswerIsRefusedAsItIsTypedAndAnyAnswerIsMendedInTheReviewWithoutLosingTheRest() {
        int before = records();
        try (Pty pty = interview()) {
            consent(pty);
            answer(pty, "interview.q.started-at", "");
            answer(pty, "interview.q.place", "Mazar");
            answer(pty, "interview.q.documenter", "");
            answer(pty, "interview.q.interpreter", "");
            answer(pty, "interview.q.interview-languages", "xx1");
            pty.expect(Said.of("interview.unknown-language", "xx1").render(EN));
            answer(pty, "interview.q.interview-languages", "Dari, English");
            answer(pty, "interview.q.record-languages", "en");
            answer(pty, "interview.q.pseudonym", "W-7");
            answer(pty, "interview.q.confidentiality", "");
            answer(pty, "interview.q.identity-name", "w-7");
            pty.expect(say("interview.pseudonym-is-name"));
            answer(pty, "interview.q.identity-name", "");
            answer(pty, "interview.q.vulnerability", ".");
            answer(pty, "interview.q.referrals", ".");
            answer(pty, "interview.q.connection", "2");
            answer(pty, "interview.q.reliability", "");
            answer(pty, "interview.q.account-language", "");
            answer(pty, "interview.q.account", "They came at dawn.");
            pty.type("an arrow key \u001b[D typed");
            pty.expect(say("interview.control-character"));
            pty.type(".");
            answer(pty, "interview.q.notes", ".");
            answer(pty, "interview.q.events", "4");
            answer(pty, "interview.q.acknowledged", "2");
            answer(pty, "interview.q.reason-if-not", "had to leave");
            answer(pty, "interview.q.ended-at", "2025-01-01 10:00");
            pty.expect(say("interview.ended-before-started"));
            answer(pty, "interview.q.ended-at", "");
            // Step 10 (languages) is line 11 of the review, after "seal now".
            answer(pty, "interview.review.choose", "11");
            answer(pty, "interview.q.interview-languages", "prs en");
            answer(pty, "interview.q.record-languages", "");
            answer(pty, "interview.review.choose", "1");
            pty.expect(say("record.single-key").substring(0, 12));
            assertEquals(0, pty.exitCode(), pty.screen());
        }
        assertEquals(before + 1, records());
    }

    private static Pty interview(String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("interview", "--home", homes.documenter.toString(), "--lang", "en"));
        args.addAll(List.of(extra));
        Pty pty = Pty.start(Pty.gawah(List.of(), args.toArray(new String[0])),
                Map.of("LANG", "C.UTF-8", "TERM", "xterm", "LINES", "500", "XDG_RUNTIME_DIR", runtime.toString()), base);
        pty.expect("Passphrase");
        pty.type(Homes.PASSPHRASE);
        return pty;
    }

    private static void consent(Pty pty) {
        answer(pty, "interview.q.purpose", "1");
        answer(pty, "interview.q.withdrawal", "1");
        answer(pty, "interview.q.recipients", "1");
        answer(pty, "interview.q.audio-video", "2");
        answer(pty, "interview.q.anonymity", "1");
    }

    private String openAsLegalTeam(String id) {
        Path bag = base.resolve("bag-" + id + ".zip");
        homes.gawah.in(homes.documenter, "submit", "--out", bag.toString()).ok();
        homes.gawah.in(homes.legal, "import", bag.toString()).ok();
        return homes.gawah.in(homes.legal, "open", id).ok().out();
    }

    private static int records() {
        String list = homes.gawah.in(homes.documenter, "list").ok().out();
        Matcher m = RECORD_ID.matcher(list);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static long countFiles(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (var files = Files.list(folder)) {
            return files.count();
        }
    }

    private static void answer(Pty pty, String question, String typed) {
        pty.expect(say(question));
        pty.type(typed);
    }

    private static String say(String key) {
        return Said.of(key).render(EN);
    }
}
