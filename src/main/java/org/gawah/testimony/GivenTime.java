package org.gawah.testimony;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A moment as a documenter typed it, e.g. when an interview started: an ISO 8601 date-time
 * ({@code 2026-11-20T10:00+04:30}), or a {@link GivenDate} day in any calendar and digits with
 * the time of day and its offset ({@code ۲۹ عقرب ۱۴۰۵ ۱۰:۰۰ +04:30}).
 */
public final class GivenTime {
    /** The time of day, HH:MM or HH:MM:SS, then perhaps its offset: Z, UTC, +04:30, +0430, +4. */
    private static final Pattern TIME = Pattern.compile(
            "(?<![0-9:])([0-9]{1,2}):([0-9]{2})(?::([0-9]{2}))?(?![0-9:])"
            + "(?:\\s*(?:(Z|z)|(?:UTC|GMT|utc|gmt)?\\s*([+-])\\s*([0-9]{1,2})(?::?([0-9]{2}))?|(UTC|GMT|utc|gmt)))?");

    private final String text;
    private final GivenDate date;
    private final OffsetDateTime value;
    private final boolean iso;

    private GivenTime(String text, GivenDate date, OffsetDateTime value, boolean iso) {
        this.text = text;
        this.date = date;
        this.value = value;
        this.iso = iso;
    }

    /**
     * Reads a typed moment. {@code zone} gives the offset when none was typed (the interview: this
     * computer's time zone); null means an offset is required (a file: a local time alone is
     * ambiguous). DateProblem if it is not a moment.
     */
    public static GivenTime parse(String typed, ZoneId zone) {
        String text = Normalizer.normalize(typed, Normalizer.Form.NFC).strip();
        if (text.length() > GivenDate.MAX_LENGTH) {
            throw new DateProblem(Messages.of("date.too-long", GivenDate.MAX_LENGTH));
        }
        try {
            OffsetDateTime iso = OffsetDateTime.parse(text);
            return new GivenTime(text, GivenDate.parse(iso.toLocalDate().toString()), iso, true);
        } catch (DateTimeParseException e) {
            // Not ISO 8601: read it as a date with a time of day.
        }
        String ascii = ascii(text);
        Matcher m = TIME.matcher(ascii);
        if (!m.find()) {
            throw new DateProblem(Messages.of("date.not-date-time"));
        }
        int start = m.start();
        int end = m.end();
        if (m.find()) {
            throw new DateProblem(Messages.of("date.not-date-time"));
        }
        m.find(start);
        GivenDate date = GivenDate.parse(ascii.substring(0, start) + " " + ascii.substring(end));
        if (date.precision() != GivenDate.Precision.DAY) {
            throw new DateProblem(Messages.of("date.time-needs-day"));
        }
        LocalDateTime local = date.first().atTime(timeOfDay(m));
        ZoneOffset offset = offset(m);
        if (offset == null && zone == null) {
            throw new DateProblem(Messages.of("date.time-needs-offset"));
        }
        return new GivenTime(text, date, OffsetDateTime.of(local, offset != null ? offset : zone.getRules().getOffset(local)), false);
    }

    /** Every decimal digit as its ASCII digit, T between a date and a time as a space, the same length. */
    private static String ascii(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean betweenDigits = i > 0 && i + 1 < text.length() && Character.isDigit(text.charAt(i - 1))
                    && Character.isDigit(text.charAt(i + 1));
            out.append(Character.isDigit(c) ? (char) ('0' + Character.digit(c, 10))
                    : c == '\u2212' ? '-' : (c == 'T' || c == 't') && betweenDigits ? ' ' : c);
        }
        return out.toString();
    }

    private static LocalTime timeOfDay(Matcher m) {
        try {
            return LocalTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    m.group(3) == null ? 0 : Integer.parseInt(m.group(3)));
        } catch (DateTimeException e) {
            throw new DateProblem(Messages.of("date.no-such-time"));
        }
    }

    /** The offset typed, or null. */
    private static ZoneOffset offset(Matcher m) {
        if (m.group(4) != null || m.group(8) != null) {
            return ZoneOffset.UTC;
        }
        if (m.group(5) == null) {
            return null;
        }
        int hours = Integer.parseInt(m.group(6));
        int minutes = m.group(7) == null ? 0 : Integer.parseInt(m.group(7));
        int sign = m.group(5).equals("-") ? -1 : 1;
        try {
            return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
        } catch (DateTimeException e) {
            throw new DateProblem(Messages.of("date.no-such-offset"));
        }
    }

    /** The text as typed (NFC, without surrounding spaces). */
    public String text() {
        return text;
    }

    /** The day it falls on, as typed. */
    public GivenDate date() {
        return date;
    }

    /** The moment, with its offset. */
    public OffsetDateTime value() {
        return value;
    }

    /** Whether it was typed as an ISO 8601 date-time: then nothing is written beside the value. */
    public boolean typedAsValue() {
        return iso;
    }
}
