package org.gawah.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * An interview as an Afghan documenter gives it, on a real pseudo-terminal: in Dari, Solar Hijri
 * dates typed in Persian digits with Dari month names, a Gregorian-looking Hijri date refused as
 * it is typed with the hint; in Pashto, a lunar Hijri date. The legal team opens the record and
 * finds each date right in both calendars: the Gregorian value, and the date as given.
 */
class InterviewInAfghanCalendarsTest {
    private static final Pattern RECORD_ID = Pattern.compile("GWH(-[0-9A-Z]{4}){4}");

    @TempDir
    static Path base;
    static Homes homes;

    @BeforeAll
    static void homes() {
        homes = Homes.copied(base.resolve("homes"));
    }

    @Test
    void dariInterviewWithSolarHijriDatesInPersianDigits() throws Exception {
        Locale fa = Language.DARI;
        try (Pty pty = start(fa, "--lang", "fa-AF")) {
            consent(pty, fa);
            // A Solar Hijri date typed as if Gregorian is refused at once, with the Hijri reading.
            answer(pty, fa, "interview.q.started-at", "۱۴۰۴/۰۱/۱۰ ۱۰:۰۰");
            pty.expect("هجری شمسی 1404 = 2025");
            answer(pty, fa, "interview.q.started-at", "۱۰ حمل ۱۴۰۴ ساعت ۱۰:۰۰");
            answer(pty, fa, "interview.q.place", "هرات");
            answer(pty, fa, "interview.q.documenter", "");
            answer(pty, fa, "interview.q.interpreter", "");
            answer(pty, fa, "interview.q.interview-languages", "دری، پښتو");
            answer(pty, fa, "interview.q.record-languages", "");
            answer(pty, fa, "interview.q.pseudonym", "W-0201");
            answer(pty, fa, "interview.q.confidentiality", "");
            answer(pty, fa, "interview.q.identity-name", "");
            answer(pty, fa, "interview.q.vulnerability", ".");
            answer(pty, fa, "interview.q.referrals", ".");
            answer(pty, fa, "interview.q.connection", "1");
            answer(pty, fa, "interview.q.reliability", "");
            answer(pty, fa, "interview.q.account-language", "");
            pty.expect(say(fa, "interview.q.account"));
            pty.type("در ماه اسد ۱۴۰۴ مردان مسلح آمدند.");
            pty.type(".");
            answer(pty, fa, "interview.q.notes", ".");
            addEvent(pty, fa, "بازداشت خودسرانه", "1", "interview.q.event-day", "۲۴ اسد ۱۴۰۴");
            addEvent(pty, fa, "تهدید", "3", "interview.q.event-month", "ماه اسد ۱۴۰۴");
            answer(pty, fa, "interview.q.events", "4");
            answer(pty, fa, "interview.q.acknowledged", "1");
            answer(pty, fa, "interview.q.ended-at", "۱۰ حمل ۱۴۰۴ ۱۲:۱۵");
            // The review shows both calendars.
            pty.expect(say(fa, "interview.review"));
            pty.expect("2025-03-30T10:00+04:30");
            pty.expect("۱۰ حمل ۱۴۰۴ ساعت ۱۰:۰۰");
            pty.expect(Said.of("interview.list", Said.of("interview.language-named", "prs", "دری"),
                    Said.of("interview.language-named", "ps", "پشتو")).render(fa));
            pty.expect("2025-08-15");
            pty.expect("2025-07-23/2025-08-22");
            JsonNode testimony = sealAndOpen(pty, fa);

            assertEquals("2025-03-30T10:00+04:30", testimony.at("/interview/started_at").asText());
            assertEquals("solar_hijri", testimony.at("/interview/started_at_given/calendar").asText());
            assertEquals("۱۰ حمل ۱۴۰۴ ساعت ۱۰:۰۰", testimony.at("/interview/started_at_given/text").asText());
            assertEquals("2025-03-30T12:15+04:30", testimony.at("/interview/ended_at").asText());
            assertEquals("[\"prs\",\"ps\"]", testimony.at("/interview/languages/interview").toString());
            assertEquals("exact", testimony.at("/events/0/date/precision").asText());
            assertEquals("2025-08-15", testimony.at("/events/0/date/value").asText());
            assertEquals("۲۴ اسد ۱۴۰۴", testimony.at("/events/0/date/given/text").asText());
            assertEquals("solar_hijri", testimony.at("/events/0/date/given/calendar").asText());
            assertEquals("unknown_day", testimony.at("/events/1/date/precision").asText());
            assertEquals("2025-07-23/2025-08-22", testimony.at("/events/1/date/value").asText());
            assertEquals("ماه اسد ۱۴۰۴", testimony.at("/events/1/date/given/text").asText());
        }
    }

    @Test
    void pashtoInterviewWithALunarHijriDate() throws Exception {
        Locale ps = Language.PASHTO;
        try (Pty pty = start(ps, "--lang", "ps")) {
            consent(pty, ps);
            answer(pty, ps, "interview.q.started-at", "۱۵ کب ۱۴۰۳ ۰۹:۳۰");
            answer(pty, ps, "interview.q.place", "کندهار");
            answer(pty, ps, "interview.q.documenter", "");
            answer(pty, ps, "interview.q.interpreter", "");
            // An unknown language is refused as it is typed; names are taken.
            answer(pty, ps, "interview.q.interview-languages", "klingon");
            pty.expect(Said.of("interview.unknown-language", "klingon").render(ps));
            answer(pty, ps, "interview.q.interview-languages", "پښتو");
            answer(pty, ps, "interview.q.record-languages", "پښتو، انګلیسي");
            answer(pty, ps, "interview.q.pseudonym", "W-0202");
            answer(pty, ps, "interview.q.confidentiality", "");
            answer(pty, ps, "interview.q.identity-name", "");
            answer(pty, ps, "interview.q.vulnerability", ".");
            answer(pty, ps, "interview.q.referrals", ".");
            answer(pty, ps, "interview.q.connection", "2");
            answer(pty, ps, "interview.q.reliability", "");
            answer(pty, ps, "interview.q.account-language", "");
            pty.expect(say(ps, "interview.q.account"));
            pty.type("د رمضان په لومړۍ شپه یې زموږ کور ولټاوه.");
            pty.type(".");
            answer(pty, ps, "interview.q.notes", ".");
            // "Exact day" with a month is refused at once; the day is then given in the lunar calendar.
            answer(pty, ps, "interview.q.events", "1");
            answer(pty, ps, "interview.q.event-act", "د کور تلاشي");
            answer(pty, ps, "interview.q.event-precision", "1");
            answer(pty, ps, "interview.q.event-day", "رمضان ۱۴۴۶");
            pty.expect(say(ps, "interview.needs-day"));
            answer(pty, ps, "interview.q.event-day", "۱ رمضان ۱۴۴۶");
            answer(pty, ps, "interview.q.event-place", "");
            answer(pty, ps, "interview.q.events", "4");
            answer(pty, ps, "interview.q.acknowledged", "1");
            answer(pty, ps, "interview.q.ended-at", "۱۵ کب ۱۴۰۳ ۱۱:۰۰");
            pty.expect(say(ps, "interview.review"));
            pty.expect("2025-03-01");
            pty.expect("۱ رمضان ۱۴۴۶");
            JsonNode testimony = sealAndOpen(pty, ps);

            // 15 Hut 1403 is 5 March 2025.
            assertEquals("2025-03-05T09:30+04:30", testimony.at("/interview/started_at").asText());
            assertEquals("[\"ps\"]", testimony.at("/interview/languages/interview").toString());
            assertEquals("[\"ps\",\"en\"]", testimony.at("/interview/languages/record").toString());
            assertEquals("ps", testimony.at("/account/language").asText());
            assertEquals("exact", testimony.at("/events/0/date/precision").asText());
            assertEquals("2025-03-01", testimony.at("/events/0/date/value").asText());
            assertEquals("lunar_hijri", testimony.at("/events/0/date/given/calendar").asText());
            assertEquals("۱ رمضان ۱۴۴۶", testimony.at("/events/0/date/given/text").asText());
        }
    }

    private static Pty start(Locale language, String... flags) throws Exception {
        Path run = Files.createDirectories(base.resolve("run-" + language.toLanguageTag()));
        List<String> args = new ArrayList<>(List.of("interview", "--home", homes.documenter.toString()));
        args.addAll(List.of(flags));
        Pty pty = Pty.start(Pty.gawah(List.of(), args.toArray(new String[0])),
                Map.of("LANG", "C.UTF-8", "LC_ALL", "", "TERM", "xterm", "TZ", "Asia/Kabul", "LINES", "500"), run);
        pty.expect(say(language, "passphrase.prompt.key").split("\\{0}")[0].strip());
        pty.type(Homes.PASSPHRASE);
        return pty;
    }

    private static void consent(Pty pty, Locale language) {
        answer(pty, language, "interview.q.purpose", "1");
        answer(pty, language, "interview.q.withdrawal", "1");
        answer(pty, language, "interview.q.recipients", "۱");
        answer(pty, language, "interview.q.audio-video", "2");
        answer(pty, language, "interview.q.anonymity", "1");
    }

    private static void addEvent(Pty pty, Locale language, String act, String precision, String dateQuestion, String date) {
        answer(pty, language, "interview.q.events", "1");
        answer(pty, language, "interview.q.event-act", act);
        answer(pty, language, "interview.q.event-precision", precision);
        answer(pty, language, dateQuestion, date);
        answer(pty, language, "interview.q.event-place", "");
    }

    /** Seals from the review; the legal team imports the record and opens it. */
    private static JsonNode sealAndOpen(Pty pty, Locale language) throws Exception {
        answer(pty, language, "interview.review.choose", "1");
        String sealed = pty.expect(say(language, "record.single-key").substring(0, 8));
        assertEquals(0, pty.exitCode(), pty.screen());
        Matcher id = RECORD_ID.matcher(sealed);
        assertTrue(id.find(), sealed);
        Path bag = base.resolve("bag-" + id.group() + ".zip");
        homes.gawah.in(homes.documenter, "submit", "--out", bag.toString()).ok();
        homes.gawah.in(homes.legal, "import", bag.toString()).ok();
        return new ObjectMapper().readTree(homes.gawah.in(homes.legal, "open", id.group()).ok().stdout());
    }

    private static void answer(Pty pty, Locale language, String question, String typed) {
        pty.expect(say(language, question));
        pty.type(typed);
    }

    private static String say(Locale language, String key) {
        return Said.of(key).render(language);
    }
}
