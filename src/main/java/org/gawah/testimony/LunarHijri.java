package org.gawah.testimony;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.chrono.HijrahChronology;
import java.time.chrono.HijrahDate;
import java.time.temporal.ChronoField;

/**
 * The lunar Hijri calendar, by the JDK's {@link HijrahChronology}: the Umm al-Qura calendar of
 * Saudi Arabia, years 1300 to 1600 AH. Where months begin when the new moon is seen, as in
 * Afghanistan, a day can differ; the testimony keeps the date as given beside its reading.
 */
final class LunarHijri {
    private LunarHijri() {
    }

    /** The Gregorian day of lunar Hijri {@code year-month-day}; DateTimeException if there is none (or it is out of range). */
    static LocalDate toGregorian(int year, int month, int day) {
        return LocalDate.from(HijrahChronology.INSTANCE.date(year, month, day));
    }

    /** Days in {@code month} of {@code year}: 29 or 30. */
    static int monthLength(int year, int month) {
        return HijrahChronology.INSTANCE.date(year, month, 1).lengthOfMonth();
    }

    /** The lunar Hijri {year, month, day} of a Gregorian day; DateTimeException outside 1300-1600 AH. */
    static int[] fromGregorian(LocalDate day) {
        HijrahDate date = HijrahDate.from(day);
        return new int[] {date.get(ChronoField.YEAR), date.get(ChronoField.MONTH_OF_YEAR), date.get(ChronoField.DAY_OF_MONTH)};
    }

    /** Whether {@code year} lies in the range the JDK's Umm al-Qura data covers. */
    static boolean covers(int year) {
        try {
            HijrahChronology.INSTANCE.date(year, 1, 1);
            HijrahChronology.INSTANCE.date(year, 12, 1);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }
}
