package org.gawah.testimony;

import java.time.DateTimeException;
import java.time.LocalDate;
import org.gawah.Message;

/**
 * The calendars a date may be given in (docs/format/testimony.md, "Dates in three calendars"),
 * each with its conversion to and from the Gregorian days the testimony stores.
 */
public enum DateCalendar {
    GREGORIAN("gregorian"),
    SOLAR_HIJRI("solar_hijri"),
    LUNAR_HIJRI("lunar_hijri");

    private final String id;

    DateCalendar(String id) {
        this.id = id;
    }

    /** Its name in the testimony: {@code gregorian}, {@code solar_hijri} or {@code lunar_hijri}. */
    public String id() {
        return id;
    }

    /** The calendar named {@code id} in a testimony, or null. */
    public static DateCalendar byId(String id) {
        for (DateCalendar calendar : values()) {
            if (calendar.id.equals(id)) {
                return calendar;
            }
        }
        return null;
    }

    /** Its name for people, e.g. "Solar Hijri". */
    public Message label() {
        switch (this) {
            case SOLAR_HIJRI: return Messages.of("calendar.solar-hijri");
            case LUNAR_HIJRI: return Messages.of("calendar.lunar-hijri");
            default: return Messages.of("calendar.gregorian");
        }
    }

    /** The word written after a date in this calendar, e.g. "SH". */
    Message mark() {
        switch (this) {
            case SOLAR_HIJRI: return Messages.of("calendar.solar-hijri.mark");
            case LUNAR_HIJRI: return Messages.of("calendar.lunar-hijri.mark");
            default: return Messages.of("calendar.gregorian.mark");
        }
    }

    /** The Gregorian day of {@code year-month-day} in this calendar; DateTimeException if it has no such day. */
    LocalDate toGregorian(int year, int month, int day) {
        switch (this) {
            case SOLAR_HIJRI: return SolarHijri.toGregorian(year, month, day);
            case LUNAR_HIJRI: return LunarHijri.toGregorian(year, month, day);
            default: return LocalDate.of(year, month, day);
        }
    }

    /** Days in {@code month} of {@code year}; DateTimeException if the calendar does not reach that year. */
    int monthLength(int year, int month) {
        switch (this) {
            case SOLAR_HIJRI: return SolarHijri.monthLength(year, month);
            case LUNAR_HIJRI: return LunarHijri.monthLength(year, month);
            default: return java.time.YearMonth.of(year, month).lengthOfMonth();
        }
    }

    /** {year, month, day} of a Gregorian day in this calendar; DateTimeException where it does not reach. */
    int[] fromGregorian(LocalDate day) {
        switch (this) {
            case SOLAR_HIJRI: return SolarHijri.fromGregorian(day);
            case LUNAR_HIJRI: return LunarHijri.fromGregorian(day);
            default: return new int[] {day.getYear(), day.getMonthValue(), day.getDayOfMonth()};
        }
    }

    /** A Gregorian day as people write it in this calendar, e.g. "19 Asad 1404"; null where the calendar does not reach. */
    public Message describe(LocalDate day) {
        try {
            int[] ymd = fromGregorian(day);
            return Messages.of("date.day-month-year", ymd[2], MonthNames.of(this, ymd[1]), ymd[0]);
        } catch (DateTimeException e) {
            return null;
        }
    }
}
