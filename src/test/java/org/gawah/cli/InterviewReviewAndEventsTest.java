package org.gawah.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
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
 * The review shows the whole account, a screenful at a time; "<" there returns to the last
 * question, and "<" at a step chosen in the review returns to the review; each event can be
 * changed or removed on its own. On a real pseudo-terminal 14 rows
 * high, in English.
 */
class InterviewReviewAndEventsTest {
    private static final Pattern RECORD_ID = Pattern.compile("GWH(-[0-9A-Z]{4}){4}");
    private static final Locale EN = Language.ENGLISH;

    @TempDir
    static Path base;
    static Homes homes;

    @BeforeAll
    static void homes() {
        homes = Homes.copied(base.resolve("homes"));
    }

    @Test
    void reviewPagesTheWholeAccountAndEventsAreChangedAndRemovedOneByOne() throws Exception {
        try (Pty pty = Pty.start(Pty.gawah(List.of(), "interview", "--home", homes.documenter.toString(), "--lang", "en"),
                Map.of("LANG", "C.UTF-8", "TERM", "xterm", "LINES", "14", "COLUMNS", "100"), base)) {
            pty.expect("Passphrase");
            pty.type(Homes.PASSPHRASE);
            answer(pty, "interview.q.purpose", "1");
            answer(pty, "interview.q.withdrawal", "1");
            answer(pty, "interview.q.recipients", "1");
            answer(pty, "interview.q.audio-video", "2");
            answer(pty, "interview.q.anonymity", "1");
            answer(pty, "interview.q.started-at", "");
            answer(pty, "interview.q.place", "Kabul");
            answer(pty, "interview.q.documenter", "");
            answer(pty, "interview.q.interpreter", "");
            answer(pty, "interview.q.interview-languages", "English");
            answer(pty, "interview.q.record-languages", "");
            answer(pty, "interview.q.pseudonym", "W-9");
            answer(pty, "interview.q.confidentiality", "");
            answer(pty, "interview.q.identity-name", "");
            answer(pty, "interview.q.vulnerability", ".");
            answer(pty, "interview.q.referrals", ".");
            answer(pty, "interview.q.connection", "1");
            answer(pty, "interview.q.reliability", "");
            answer(pty, "interview.q.account-language", "");
            pty.expect(say("interview.q.account"));
            for (int line = 1; line <= 30; line++) {
                pty.type("account line " + line + " of thirty");
            }
            pty.type(".");
            answer(pty, "interview.q.notes", ".");
            addEvent(pty, "first act", "2", "2024");
            addEvent(pty, "second act", "2", "2023");
            addEvent(pty, "third act", "4", null);
            // Remove the second on its own, then change the first.
            answer(pty, "interview.q.events", "3");
            answer(pty, "interview.q.event-remove", "2");
            answer(pty, "interview.q.events", "2");
            answer(pty, "interview.q.event-change", "1");
            answer(pty, "interview.q.event-act", "first act, changed");
            answer(pty, "interview.q.event-precision", "");
            answer(pty, "interview.q.event-estimate", "Hamal 1403");
            answer(pty, "interview.q.event-place", "Herat");
            pty.expect("first act, changed");
            pty.expect("third act");
            answer(pty, "interview.q.events", "4");
            answer(pty, "interview.q.acknowledged", "1");
            answer(pty, "interview.q.ended-at", "");

            // The review pauses after each screenful; every line of the account is shown.
            pty.expect(say("interview.review"));
            pty.expect(say("interview.review.more").strip());
            for (int screenful = 0; screenful < 8; screenful++) {
                pty.type(""); // more than needed: an Enter too many at the last prompt only asks again
            }
            pty.expect("account line 1 of thirty");
            pty.expect("account line 30 of thirty");
            pty.expect("first act, changed");
            pty.expect(say("interview.review.choose"));
            // A step chosen in the review, then "<": back to the review, the one screen seen before.
            answer(pty, "interview.review.choose", "11");
            answer(pty, "interview.q.interview-languages", "<");
            pty.expect(say("interview.review"));
            // "<" at the review (here at a pause) returns to the last question; Enter keeps it, and the review comes back.
            pty.expect(say("interview.review.more").strip());
            pty.type("<");
            answer(pty, "interview.q.ended-at", "");
            pty.expect(say("interview.review"));
            pty.expect(say("interview.review.more").strip());
            pty.type("1"); // a choice typed at a pause: seal
            String sealed = pty.expect(say("record.single-key").substring(0, 12));
            assertEquals(0, pty.exitCode(), pty.screen());
            Matcher id = RECORD_ID.matcher(sealed);
            assertTrue(id.find(), sealed);

            Path bag = base.resolve("week.zip");
            homes.gawah.in(homes.documenter, "submit", "--out", bag.toString()).ok();
            homes.gawah.in(homes.legal, "import", bag.toString()).ok();
            JsonNode testimony = new ObjectMapper().readTree(homes.gawah.in(homes.legal, "open", id.group()).ok().stdout());
            JsonNode events = testimony.get("events");
            assertEquals(2, events.size(), events.toString());
            assertEquals("first act, changed", events.at("/0/act_type").asText());
            assertEquals("2024-03-20/2024-04-19", events.at("/0/date/value").asText());
            assertEquals("Hamal 1403", events.at("/0/date/given/text").asText());
            assertEquals("Herat", events.at("/0/place").asText());
            assertEquals("third act", events.at("/1/act_type").asText());
            assertEquals("unknown", events.at("/1/date/precision").asText());
            assertTrue(testimony.at("/account/text").asText().endsWith("account line 30 of thirty"));
        }
    }

    private static void addEvent(Pty pty, String act, String precision, String date) {
        answer(pty, "interview.q.events", "1");
        answer(pty, "interview.q.event-act", act);
        answer(pty, "interview.q.event-precision", precision);
        if (date != null) {
            answer(pty, "interview.q.event-estimate", date);
        }
        answer(pty, "interview.q.event-place", "");
    }

    private static void answer(Pty pty, String question, String typed) {
        pty.expect(say(question));
        pty.type(typed);
    }

    private static String say(String key) {
        return Said.of(key).render(EN);
    }
}
