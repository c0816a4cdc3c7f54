package org.gawah.testimony;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.util.List;
import java.util.regex.Pattern;
import org.gawah.Message;

/**
 * The testimony's dates. Interview times carry their offset (rule 111 records when, and a local
 * time without its offset is ambiguous); event dates carry their precision (HURIDOCS), because
 * witnesses often know only the month, or roughly when.
 */
final class Dates {
    static final List<String> PRECISIONS = List.of("exact", "estimate", "unknown_day", "unknown");

    // ASCII digits only: java.time would accept none other, but the message should say so first.
    private static final Pattern DAY = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private static final Pattern MONTH = Pattern.compile("[0-9]{4}-[0-9]{2}");
    private static final Pattern YEAR = Pattern.compile("[0-9]{4}");

    private Dates() {
    }

    /** An ISO 8601 date-time with offset, returned in one canonical spelling. */
    static OffsetDateTime dateTime(Input in, String key) {
        String s = in.token(key);
        try {
            return OffsetDateTime.parse(s);
        } catch (DateTimeException e) {
            throw in.refuse(key, Messages.of("date.not-date-time"), s);
        }
    }

    /** A calendar day, YYYY-MM-DD, not after {@code latest}. */
    static String day(Input in, String key, LocalDate latest) {
        String s = in.token(key);
        LocalDate day = parse(s, DAY, in, key, Messages.of("date.must-be-day"));
        notAfter(day, latest, in, key, s);
        return s;
    }

    /**
     * An event date: {precision, value}. exact needs YYYY-MM-DD; estimate takes YYYY, YYYY-MM or
     * YYYY-MM-DD; unknown_day needs YYYY-MM; unknown takes no value at all.
     */
    static ObjectNode eventDate(Input date, LocalDate latest) {
        String precision = date.choice("precision", PRECISIONS);
        ObjectNode out = JsonNodeFactory.instance.objectNode().put("precision", precision);
        if (precision.equals("unknown")) {
            if (date.has("value")) {
                throw date.refuse("value", Messages.of("date.value-not-allowed"));
            }
            return out;
        }
        String s = date.token("value");
        LocalDate earliest;
        switch (precision) {
            case "exact":
                earliest = parse(s, DAY, date, "value", Messages.of("date.must-be-exact"));
                break;
            case "unknown_day":
                earliest = parse(s, MONTH, date, "value", Messages.of("date.must-be-month"));
                break;
            default: // estimate: as precise as the witness could say
                Pattern shape = DAY.matcher(s).matches() ? DAY : MONTH.matcher(s).matches() ? MONTH : YEAR;
                earliest = parse(s, shape, date, "value", Messages.of("date.must-be-estimate"));
        }
        notAfter(earliest, latest, date, "value", s);
        return out.put("value", s);
    }

    /** Parses {@code s} in {@code shape}; returns the first day it can mean; else refuses with {@code problem}. */
    private static LocalDate parse(String s, Pattern shape, Input in, String key, Message problem) {
        try {
            if (shape.matcher(s).matches()) {
                if (shape == DAY) {
                    return LocalDate.parse(s);
                }
                if (shape == MONTH) {
                    return YearMonth.parse(s).atDay(1);
                }
                return Year.parse(s).atDay(1);
            }
        } catch (DateTimeException e) {
            // falls through: a day or month that does not exist (2025-02-30, 2025-13)
        }
        throw in.refuse(key, problem, s);
    }

    /** Catches typed years such as 2062 for 2026: nothing recorded can have happened later. */
    private static void notAfter(LocalDate earliest, LocalDate latest, Input in, String key, String s) {
        if (earliest.isAfter(latest)) {
            throw in.refuse(key, Messages.of("date.after-recorded"), s);
        }
    }
}
