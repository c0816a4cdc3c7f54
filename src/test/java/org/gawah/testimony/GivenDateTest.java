package org.gawah.testimony;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneId;
import org.gawah.Language;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Dates as Afghan documenters type them: three calendars, three kinds of digits, month names. */
class GivenDateTest {
    private static final LocalDate LATEST = LocalDate.of(2026, 11, 21);

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2025-08-15 | gregorian | DAY | 2025-08-15",
        "۲۰۲۵-۰۸-۱۵ | gregorian | DAY | 2025-08-15",
        "٢٠٢٥/٠٨/١٥ | gregorian | DAY | 2025-08-15",
        "15/8/2025 | gregorian | DAY | 2025-08-15",
        "15 August 2025 | gregorian | DAY | 2025-08-15",
        "۱۵ اگست ۲۰۲۵ | gregorian | DAY | 2025-08-15",
        "2025-08-15 CE | gregorian | DAY | 2025-08-15",
        "August 2025 | gregorian | MONTH | 2025-08",
        "اګست ۲۰۲۵ | gregorian | MONTH | 2025-08",
        "2025-8 | gregorian | MONTH | 2025-08",
        "2025 | gregorian | YEAR | 2025",
        "1404-05-24 SH | solar_hijri | DAY | 2025-08-15",
        "۱۴۰۴/۵/۲۴ هـ.ش | solar_hijri | DAY | 2025-08-15",
        "۲۴/۰۵/۱۴۰۴ ه‍.ش | solar_hijri | DAY | 2025-08-15",
        "۲۴ اسد ۱۴۰۴ | solar_hijri | DAY | 2025-08-15",
        "24 زمری 1404 | solar_hijri | DAY | 2025-08-15",
        "24 Asad 1404 | solar_hijri | DAY | 2025-08-15",
        "the 19th of Sunbula 1404 | solar_hijri | DAY | 2025-09-10",
        "۱۹ سنبله ۱۴۰۴ هجری شمسی | solar_hijri | DAY | 2025-09-10",
        "اسد ۱۴۰۴ | solar_hijri | MONTH | 2025-07-23/2025-08-22",
        "در ماه اسد سال ۱۴۰۴ | solar_hijri | MONTH | 2025-07-23/2025-08-22",
        "مرداد ۱۴۰۴ | solar_hijri | MONTH | 2025-07-23/2025-08-22",
        "۱۴۰۴ ه‍.ش | solar_hijri | YEAR | 2025-03-21/2026-03-20",
        "1404 لمریز | solar_hijri | YEAR | 2025-03-21/2026-03-20",
        "30 حوت 1403 | solar_hijri | DAY | 2025-03-20",
        "غبرگولی ۱۴۰۴ | solar_hijri | MONTH | 2025-05-22/2025-06-21",
        "غبرګولی ۱۴۰۴ | solar_hijri | MONTH | 2025-05-22/2025-06-21",
        "1 Ramadan 1446 | lunar_hijri | DAY | 2025-03-01",
        "۱ رمضان ۱۴۴۶ | lunar_hijri | DAY | 2025-03-01",
        "1446-09-01 AH | lunar_hijri | DAY | 2025-03-01",
        "۱۴۴۶/۹/۱ هـ.ق | lunar_hijri | DAY | 2025-03-01",
        "رمضان ۱۴۴۶ | lunar_hijri | MONTH | 2025-03-01/2025-03-29",
        "Sha'ban 1446 | lunar_hijri | MONTH | 2025-01-31/2025-02-28",
    })
    void readsTheDateInItsCalendar(String typed, String calendar, String precision, String value) {
        GivenDate date = GivenDate.parse(typed);
        assertEquals(calendar, date.calendar().id(), typed);
        assertEquals(GivenDate.Precision.valueOf(precision), date.precision(), typed);
        assertEquals(value, date.value(), typed);
        assertEquals(typed.strip(), date.text());
        assertEquals(typed.equals(value), date.typedAsValue(), typed);
    }

    /** The Latin abbreviations of the calendars that Afghan and Iranian documents write, each read as its calendar. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1404 H.Sh. | solar_hijri", "1404 HSh | solar_hijri", "1404 h sh | solar_hijri", "1404 H. Sh | solar_hijri",
        "1404 SH | solar_hijri", "1404 S.H. | solar_hijri", "1404 HS | solar_hijri", "1404 H.S. | solar_hijri",
        "1404 A.H.S. | solar_hijri", "1404 AHSh | solar_hijri", "1404 A.P. | solar_hijri", "1404 AP | solar_hijri",
        "1404 Hijri Shamsi | solar_hijri", "1404 hijri-shamsi | solar_hijri", "1404 Hejri Khorshidi | solar_hijri",
        "۱۴۰۴ ش | solar_hijri", "۱۴۰۴ ه.خ | solar_hijri", "۱۴۰۴ هجری خورشیدی | solar_hijri", "۱۴۰۴ ھ.ش | solar_hijri",
        "۱۴۰۴ ہ.ش | solar_hijri",
        "1446 AH | lunar_hijri", "1446 A.H. | lunar_hijri", "1446 H.Q. | lunar_hijri", "1446 HQ | lunar_hijri",
        "1446 A.H.Q. | lunar_hijri", "1446 Hijri Qamari | lunar_hijri", "1446 H | lunar_hijri", "۱۴۴۶ ه.ق | lunar_hijri",
        "2025 CE | gregorian", "2025 A.D. | gregorian", "2025 Miladi | gregorian", "۲۰۲۵ م | gregorian",
    })
    void latinAbbreviationsOfEachCalendarAreThatCalendar(String typed, String calendar) {
        GivenDate date = GivenDate.parse(typed);
        assertEquals(calendar, date.calendar().id(), typed);
        assertEquals(GivenDate.Precision.YEAR, date.precision(), typed);
    }

    @Test
    void everyMonthNameShownReadsBackAsItsMonth() {
        for (DateCalendar calendar : DateCalendar.values()) {
            int year = yearIn(calendar);
            for (int month = 1; month <= 12; month++) {
                for (var language : Language.SUPPORTED) {
                    String name = MonthNames.of(calendar, month).render(language);
                    GivenDate read = GivenDate.parse("3 " + name + " " + year);
                    assertEquals(calendar, read.calendar(), name);
                    assertEquals(calendar.toGregorian(year, month, 3), read.first(), name);
                }
            }
        }
    }

    private static int yearIn(DateCalendar calendar) {
        return calendar == DateCalendar.GREGORIAN ? 2025 : calendar == DateCalendar.SOLAR_HIJRI ? 1404 : 1446;
    }

    @Test
    void everyCalendarMarkShownReadsBackAsItsCalendar() {
        for (DateCalendar calendar : DateCalendar.values()) {
            for (var language : Language.SUPPORTED) {
                String mark = calendar.mark().render(language);
                assertEquals(calendar, GivenDate.parse(yearIn(calendar) + "-01-02 " + mark).calendar(), mark);
            }
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "'' | date.not-a-date",
        "25 | date.not-a-date",
        "1 2 3 2025 | date.not-a-date",
        "summer 2025 | date.unknown-word",
        "1404 هجری | date.unknown-word",
        "اسد ثور 1404 | date.two-months",
        "اسد 1404 AH | date.calendars-disagree",
        "1404-05-24 SH AH | date.calendars-disagree",
        "اسد | date.no-year",
        "31 میزان 1404 | date.no-such-day",
        "30 حوت 1404 | date.no-such-day",
        "2025-02-29 | date.no-such-day",
        "2025-08-00 | date.no-such-day",
        "1404-13-01 SH | date.no-such-month",
        "2025-00-10 | date.no-such-month",
        "1250-01-01 AH | date.out-of-range",
    })
    void refusesWhatIsNotADate(String typed, String key) {
        DateProblem problem = assertThrows(DateProblem.class, () -> GivenDate.parse(typed));
        assertEquals(key, problem.problem().key(), typed);
    }

    @Test
    void refusesALongText() {
        DateProblem problem = assertThrows(DateProblem.class, () -> GivenDate.parse("1".repeat(101)));
        assertEquals("date.too-long", problem.problem().key());
    }

    @Test
    void aGregorianLookingSolarHijriDateIsRefusedWithTheReadingsItCouldBe() {
        GivenDate typed = GivenDate.parse("1404-06-19");
        DateProblem problem = assertThrows(DateProblem.class, () -> typed.within(LATEST));
        assertEquals("date.before-1900", problem.problem().key());
        String hint = problem.hint().render(Language.ENGLISH);
        assertTrue(hint.contains("Solar Hijri 1404 = 2025"), hint);
        assertTrue(hint.contains("1404-06-19 SH"), hint);
        assertTrue(hint.contains("19 Sunbula 1404"), hint);
        assertTrue(hint.contains("lunar Hijri 1404 = 1984"), hint);
        String dari = problem.hint().render(Language.DARI);
        assertTrue(dari.contains("19 سنبله 1404"), dari);
        // The display path keeps the date's digits in order in a right-to-left sentence (docs/i18n.md).
        assertTrue(dari.contains("\u20661404-06-19\u2069 هـ.ش"), dari);
        String pashto = problem.hint().render(Language.PASHTO);
        assertTrue(pashto.contains("19 وږی 1404"), pashto);
    }

    @Test
    void aYearOnlyALunarYearCanBeIsHintedAsLunar() {
        DateProblem problem = assertThrows(DateProblem.class, () -> GivenDate.parse("1446-09-01").within(LATEST));
        String hint = problem.hint().render(Language.ENGLISH);
        assertTrue(hint.startsWith("did you mean lunar Hijri 1446 = 2025?"), hint);
        assertTrue(hint.contains("1 Ramadan 1446"), hint);
        assertFalse(hint.contains("Solar"), hint);
    }

    @Test
    void aDateBefore1900ThatNoHijriYearExplainsHasNoHint() {
        DateProblem problem = assertThrows(DateProblem.class, () -> GivenDate.parse("1850-01-01").within(LATEST));
        assertEquals("date.before-1900", problem.problem().key());
        assertNull(problem.hint());
        assertThrows(DateProblem.class, () -> GivenDate.parse("1278 SH").within(LATEST));
    }

    @Test
    void aDateAfterTheRecordingDayIsRefused() {
        assertEquals("date.after-recorded", assertThrows(DateProblem.class,
                () -> GivenDate.parse("2062").within(LATEST)).problem().key());
        assertEquals("date.after-recorded", assertThrows(DateProblem.class,
                () -> GivenDate.parse("1 جدی 1405").within(LATEST)).problem().key());
        // A month that started before the recording day is taken, though it ends after.
        assertEquals("2026-10-23/2026-11-21", GivenDate.parse("عقرب 1405").within(LATEST).value());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2026-11-20T10:00+04:30 | 2026-11-20T10:00+04:30 | true",
        "2026-11-20T10:00:00+04:30 | 2026-11-20T10:00+04:30 | true",
        "۲۹ عقرب ۱۴۰۵ ساعت ۱۰:۰۰ | 2026-11-20T10:00+04:30 | false",
        "۱۴۰۵/۸/۲۹ هـ.ش ۱۰:۳۰ +04:30 | 2026-11-20T10:30+04:30 | false",
        "29 Aqrab 1405 10:00Z | 2026-11-20T10:00Z | false",
        "2026-11-20 10:00 UTC+4:30 | 2026-11-20T10:00+04:30 | false",
        "2026-11-20T10:00 | 2026-11-20T10:00+04:30 | false",
    })
    void readsMomentsTyped(String typed, String value, boolean iso) {
        GivenTime time = GivenTime.parse(typed, ZoneId.of("Asia/Kabul"));
        assertEquals(value, time.value().toString(), typed);
        assertEquals(iso, time.typedAsValue(), typed);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "۲۹ عقرب ۱۴۰۵ ۱۰:۰۰ | date.time-needs-offset",
        "اسد ۱۴۰۴ 10:00+04:30 | date.time-needs-day",
        "2026-11-20 25:00+04:30 | date.no-such-time",
        "2026-11-20 10:00+19:00 | date.no-such-offset",
        "2026-11-20 | date.not-date-time",
        "2026-11-20 10:00 11:00 | date.not-date-time",
    })
    void refusesMomentsThatAreNot(String typed, String key) {
        DateProblem problem = assertThrows(DateProblem.class, () -> GivenTime.parse(typed, null));
        assertEquals(key, problem.problem().key(), typed);
    }
}
