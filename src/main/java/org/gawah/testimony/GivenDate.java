package org.gawah.testimony;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gawah.Message;

/**
 * A date as a documenter typed it, in any of three calendars and any digits, read into the
 * Gregorian days it means (docs/format/testimony.md, "Dates in three calendars"): a day, or a
 * month or a year, which in a Hijri calendar spans Gregorian days that no {@code YYYY-MM} can say.
 * The same reading serves a testimony file and the interview, which checks each answer as it is
 * typed.
 */
public final class GivenDate {
    /** How much of the date was given. */
    public enum Precision { DAY, MONTH, YEAR }

    /** Nothing recorded here can have happened earlier: a year before it is a Hijri year typed as Gregorian. */
    static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    /** Longer than any way of writing a date: what is longer is not one. */
    static final int MAX_LENGTH = 100;
    /** A month or day not given. */
    private static final int NONE = -1;

    private final String text;
    private final DateCalendar calendar;
    private final Precision precision;
    private final int year;
    private final int month;
    private final int day;
    private final LocalDate first;
    private final LocalDate last;

    private GivenDate(String text, DateCalendar calendar, Precision precision, int year, int month, int day,
                      LocalDate first, LocalDate last) {
        this.text = text;
        this.calendar = calendar;
        this.precision = precision;
        this.year = year;
        this.month = month;
        this.day = day;
        this.first = first;
        this.last = last;
    }

    /**
     * Reads a typed date: numbers with the four-digit year first or last ({@code 1404-05-19},
     * {@code 19/5/1404}), or the month by its name ({@code ۱۹ اسد ۱۴۰۴}, {@code Asad 1404}); the
     * calendar from the month's name or a word after the date (SH, AH, CE), else Gregorian.
     * DateProblem if it is not a date that exists.
     */
    public static GivenDate parse(String typed) {
        String text = Normalizer.normalize(typed, Normalizer.Form.NFC).strip();
        if (text.length() > MAX_LENGTH) {
            throw new DateProblem(Messages.of("date.too-long", MAX_LENGTH));
        }
        List<CalendarWords.Token> tokens = CalendarWords.tokens(text);
        List<String> numbers = new ArrayList<>();
        DateCalendar named = null;
        DateCalendar marked = null;
        int month = NONE;
        for (int i = 0; i < tokens.size(); ) {
            if (tokens.get(i).number()) {
                numbers.add(tokens.get(i++).text());
                continue;
            }
            CalendarWords.Match match = CalendarWords.match(tokens, i);
            if (match == null) {
                throw new DateProblem(Messages.of("date.unknown-word"));
            }
            CalendarWords.Word word = match.word();
            if (word.kind() == CalendarWords.Kind.MONTH) {
                if (month != NONE) {
                    throw new DateProblem(Messages.of("date.two-months"));
                }
                month = word.month();
                named = word.calendar();
            } else if (word.kind() == CalendarWords.Kind.CALENDAR) {
                if (marked != null && marked != word.calendar()) {
                    throw new DateProblem(Messages.of("date.calendars-disagree"));
                }
                marked = word.calendar();
            }
            i += match.length();
        }
        if (named != null && marked != null && named != marked) {
            throw new DateProblem(Messages.of("date.calendars-disagree"));
        }
        DateCalendar calendar = named != null ? named : marked != null ? marked : DateCalendar.GREGORIAN;
        int[] ymd = month != NONE ? withMonthName(numbers, month) : numbersOnly(numbers);
        return of(text, calendar, ymd[0], ymd[1], ymd[2]);
    }

    /** The year (four digits) and at most a day (one or two), in either order, around a month's name. */
    private static int[] withMonthName(List<String> numbers, int month) {
        int year = NONE;
        int day = NONE;
        for (String n : numbers) {
            if (n.length() == 4 && year == NONE) {
                year = Integer.parseInt(n);
            } else if (n.length() <= 2 && day == NONE) {
                day = Integer.parseInt(n);
            } else {
                throw new DateProblem(Messages.of("date.not-a-date"));
            }
        }
        if (year == NONE) {
            throw new DateProblem(Messages.of("date.no-year"));
        }
        return new int[] {year, month, day};
    }

    /** Year, month, day as numbers: the four-digit year first (Y M D, Y M, Y) or last (D M Y, M Y). */
    private static int[] numbersOnly(List<String> numbers) {
        int n = numbers.size();
        boolean yearFirst = n > 0 && numbers.get(0).length() == 4
                && numbers.subList(1, n).stream().allMatch(s -> s.length() <= 2);
        boolean yearLast = n > 1 && numbers.get(n - 1).length() == 4
                && numbers.subList(0, n - 1).stream().allMatch(s -> s.length() <= 2);
        if (n > 3 || !(yearFirst || yearLast)) {
            throw new DateProblem(Messages.of("date.not-a-date"));
        }
        int[] v = numbers.stream().mapToInt(Integer::parseInt).toArray();
        if (yearFirst) {
            return new int[] {v[0], n > 1 ? v[1] : NONE, n > 2 ? v[2] : NONE};
        }
        return n == 3 ? new int[] {v[2], v[1], v[0]} : new int[] {v[1], v[0], NONE};
    }

    /** Checks that the day exists in its calendar and finds its Gregorian days. */
    private static GivenDate of(String text, DateCalendar calendar, int year, int month, int day) {
        if (month != NONE && (month < 1 || month > 12)) {
            throw new DateProblem(Messages.of("date.no-such-month", month));
        }
        Precision precision = day != NONE ? Precision.DAY : month != NONE ? Precision.MONTH : Precision.YEAR;
        int firstMonth = month == NONE ? 1 : month;
        int lastMonth = month == NONE ? 12 : month;
        try {
            calendar.monthLength(year, firstMonth); // the whole year must lie in the calendar's range
            int length = calendar.monthLength(year, lastMonth);
            if (precision == Precision.DAY && (day < 1 || day > length)) {
                throw new DateProblem(Messages.of("date.no-such-day",
                        Messages.of("date.month-year", MonthNames.of(calendar, month), year), day));
            }
            LocalDate first = calendar.toGregorian(year, firstMonth, precision == Precision.DAY ? day : 1);
            LocalDate last = precision == Precision.DAY ? first : calendar.toGregorian(year, lastMonth, length);
            return new GivenDate(text, calendar, precision, year, month, day, first, last);
        } catch (DateTimeException e) {
            throw new DateProblem(Messages.of("date.out-of-range", calendar.label()));
        }
    }

    /** The text as typed (NFC, without surrounding spaces). */
    public String text() {
        return text;
    }

    public DateCalendar calendar() {
        return calendar;
    }

    public Precision precision() {
        return precision;
    }

    /** The first Gregorian day it can mean. */
    public LocalDate first() {
        return first;
    }

    /** The last Gregorian day it can mean (the same as {@link #first} for a day). */
    public LocalDate last() {
        return last;
    }

    /**
     * The Gregorian value the testimony stores: {@code YYYY-MM-DD} for a day; a Gregorian month or
     * year as {@code YYYY-MM} or {@code YYYY}; a Hijri month or year as the interval of its first
     * and last days, {@code 2025-07-23/2025-08-22}, which keeps its precision.
     */
    public String value() {
        if (precision == Precision.DAY) {
            return first.toString();
        }
        if (calendar == DateCalendar.GREGORIAN) {
            return precision == Precision.MONTH ? YearMonth.of(year, month).toString() : String.format(Locale.ROOT, "%04d", year);
        }
        return first + "/" + last;
    }

    /** Whether the text typed is the stored value itself: then nothing is written beside it. */
    public boolean typedAsValue() {
        return calendar == DateCalendar.GREGORIAN && text.equals(value());
    }

    /**
     * Refuses a date before 1900. A Gregorian one is nearly always a Hijri year typed without
     * its calendar, so the refusal says which Hijri date it could be ({@code latest}: the last
     * day anything recorded can be on).
     */
    public GivenDate notBefore1900(LocalDate latest) {
        if (first.isBefore(EARLIEST)) {
            throw new DateProblem(Messages.of("date.before-1900"),
                    calendar == DateCalendar.GREGORIAN ? HijriHint.of(year, month, day, latest) : null);
        }
        return this;
    }

    /** Refuses a date that starts after {@code latest}: nothing recorded can have happened later. */
    public GivenDate notAfter(LocalDate latest) {
        if (first.isAfter(latest)) {
            throw new DateProblem(Messages.of("date.after-recorded"), Messages.of("date.hint.after-recorded"));
        }
        return this;
    }

    /** Both checks: from 1900 to {@code latest}. */
    public GivenDate within(LocalDate latest) {
        return notBefore1900(latest).notAfter(latest);
    }

    /** How people write this date in its own calendar, with the month's name: "19 Asad 1404". */
    public Message spoken() {
        switch (precision) {
            case DAY: return Messages.of("date.day-month-year", day, MonthNames.of(calendar, month), year);
            case MONTH: return Messages.of("date.month-year", MonthNames.of(calendar, month), year);
            default: return Messages.of("date.year", year);
        }
    }

    @Override
    public String toString() {
        return "GivenDate[" + calendar.id() + " " + precision + " " + value() + "]";
    }
}
