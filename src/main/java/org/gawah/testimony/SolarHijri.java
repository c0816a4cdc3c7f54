package org.gawah.testimony;

import com.ibm.icu.util.Calendar;
import com.ibm.icu.util.PersianCalendar;
import com.ibm.icu.util.TimeZone;
import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * The Solar Hijri calendar of Afghanistan and Iran, by ICU4J's {@link PersianCalendar}: the
 * arithmetic both countries' calendars follow (checked against the years the University of
 * Tehran's Calendar Center publishes, in SolarHijriTest). The only class that touches ICU here.
 * Months are numbered 1 (Hamal) to 12 (Hut).
 */
final class SolarHijri {
    /** Julian day number of 1970-01-01, to go between ICU's day count and {@link LocalDate}. */
    private static final long EPOCH_JULIAN_DAY = 2_440_588;

    private SolarHijri() {
    }

    /** The Gregorian day of Solar Hijri {@code year-month-day}; DateTimeException if there is no such day. */
    static LocalDate toGregorian(int year, int month, int day) {
        if (month < 1 || month > 12 || day < 1 || day > monthLength(year, month)) {
            throw new DateTimeException("no such Solar Hijri day");
        }
        PersianCalendar calendar = calendar();
        calendar.set(Calendar.EXTENDED_YEAR, year);
        calendar.set(Calendar.MONTH, month - 1);
        calendar.set(Calendar.DAY_OF_MONTH, day);
        return LocalDate.ofEpochDay(calendar.get(Calendar.JULIAN_DAY) - EPOCH_JULIAN_DAY);
    }

    /** Days in {@code month} of {@code year}: 31 for the first six, 30 for the next five, 29 or 30 for Hut. */
    static int monthLength(int year, int month) {
        PersianCalendar calendar = calendar();
        calendar.set(Calendar.EXTENDED_YEAR, year);
        calendar.set(Calendar.MONTH, month - 1);
        calendar.set(Calendar.DAY_OF_MONTH, 1);
        return calendar.getActualMaximum(Calendar.DAY_OF_MONTH);
    }

    /** The Solar Hijri {year, month, day} of a Gregorian day. */
    static int[] fromGregorian(LocalDate day) {
        PersianCalendar calendar = calendar();
        calendar.set(Calendar.JULIAN_DAY, Math.toIntExact(day.toEpochDay() + EPOCH_JULIAN_DAY));
        return new int[] {calendar.get(Calendar.EXTENDED_YEAR), calendar.get(Calendar.MONTH) + 1,
            calendar.get(Calendar.DAY_OF_MONTH)};
    }

    /** A fresh calendar (ICU's are mutable), in UTC so that a day is a day wherever this runs. */
    private static PersianCalendar calendar() {
        PersianCalendar calendar = new PersianCalendar(TimeZone.getTimeZone("UTC"));
        calendar.clear();
        return calendar;
    }
}
