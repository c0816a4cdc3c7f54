package org.gawah.testimony;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import org.gawah.Message;

/**
 * What a Gregorian-looking date before 1900 probably was: the same numbers in the Solar Hijri
 * calendar ({@code 1404-06-19} is 10 September 2025) or the lunar Hijri one, when that year is
 * one a testimony can name, and how to write it so that it reads that way.
 */
final class HijriHint {
    private static final int NONE = -1;

    private HijriHint() {
    }

    /** The hint for typed {@code year[-month[-day]]} (NONE where not given), or null when no Hijri reading fits. */
    static Message of(int year, int month, int day, LocalDate latest) {
        Message solar = reading(DateCalendar.SOLAR_HIJRI, year, month, day, latest);
        Message lunar = reading(DateCalendar.LUNAR_HIJRI, year, month, day, latest);
        if (solar != null && lunar != null) {
            return Messages.of("date.hint.either", year, gregorianYear(DateCalendar.SOLAR_HIJRI, year, month, day),
                    solar, gregorianYear(DateCalendar.LUNAR_HIJRI, year, month, day), lunar);
        }
        if (solar != null) {
            return Messages.of("date.hint.solar", year, gregorianYear(DateCalendar.SOLAR_HIJRI, year, month, day), solar);
        }
        if (lunar != null) {
            return Messages.of("date.hint.lunar", year, gregorianYear(DateCalendar.LUNAR_HIJRI, year, month, day), lunar);
        }
        return null;
    }

    /** How to write the date in {@code calendar}, or null when that reading falls outside 1900 to {@code latest}. */
    private static Message reading(DateCalendar calendar, int year, int month, int day, LocalDate latest) {
        try {
            LocalDate start = calendar.toGregorian(year, 1, 1);
            LocalDate end = calendar.toGregorian(year, 12, calendar.monthLength(year, 12));
            if (start.isAfter(latest) || end.isBefore(GivenDate.EARLIEST)) {
                return null;
            }
            if (month > 12 || month >= 1 && calendar.toGregorian(year, month, day < 1 ? 1 : day).isAfter(latest)) {
                return null;
            }
        } catch (DateTimeException e) {
            return null; // out of the calendar's range, or no such day in it: not what was meant
        }
        String numbers = month < 0 ? String.format(Locale.ROOT, "%04d", year)
                : day < 0 ? String.format(Locale.ROOT, "%04d-%02d", year, month)
                : String.format(Locale.ROOT, "%04d-%02d-%02d", year, month, day);
        if (month < 1) {
            return Messages.of("date.write-as-year", numbers, calendar.mark());
        }
        Message named = day < 0 ? Messages.of("date.month-year", MonthNames.of(calendar, month), year)
                : Messages.of("date.day-month-year", day, MonthNames.of(calendar, month), year);
        return Messages.of("date.write-as", numbers, calendar.mark(), named);
    }

    /** The Gregorian year the typed numbers fall in when read in {@code calendar}: of the day if it exists, else of the year's start. */
    private static int gregorianYear(DateCalendar calendar, int year, int month, int day) {
        try {
            return calendar.toGregorian(year, month < 1 ? 1 : month, day < 1 ? 1 : day).getYear();
        } catch (DateTimeException e) {
            return calendar.toGregorian(year, 1, 1).getYear();
        }
    }
}
