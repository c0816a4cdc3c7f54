package org.gawah.testimony;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * The testimony's dates. Interview times carry their offset (rule 111 records when, and a local
 * time without its offset is ambiguous); event dates carry their precision (HURIDOCS), because
 * witnesses often know only the month, or roughly when. Each may be typed in the Solar Hijri,
 * lunar Hijri or Gregorian calendar: the Gregorian value is stored, and beside it the date as
 * given (docs/format/testimony.md, "Dates in three calendars").
 */
final class Dates {
    static final List<String> PRECISIONS = List.of("exact", "estimate", "unknown_day", "unknown");

    private Dates() {
    }

    /**
     * The moment at {@code key}, written there as an ISO 8601 date-time with its offset, and as
     * given at {@code key_given} when it was typed otherwise. {@code zone} supplies the offset
     * when none was typed (null: required).
     */
    static GivenTime dateTime(Input in, String key, ZoneId zone, LocalDate latest, ObjectNode out) {
        String typed = in.token(key);
        GivenTime time;
        try {
            time = GivenTime.parse(typed, zone);
            time.date().notBefore1900(latest);
        } catch (DateProblem p) {
            throw in.refuse(key, p.problem(), typed, p.hint());
        }
        out.put(key, time.value().toString());
        if (!time.typedAsValue()) {
            out.set(key + "_given", given(time.date().calendar(), time.text()));
        }
        return time;
    }

    /** A day, from 1900 to {@code latest}, written at {@code key} as YYYY-MM-DD and as given at {@code key_given}. */
    static void day(Input in, String key, LocalDate latest, ObjectNode out) {
        String typed = in.token(key);
        GivenDate date = read(in, key, typed);
        if (date.precision() != GivenDate.Precision.DAY) {
            throw in.refuse(key, Messages.of("date.must-be-day"), typed);
        }
        check(date, latest, in, key, typed);
        out.put(key, date.value());
        if (!date.typedAsValue()) {
            out.set(key + "_given", given(date.calendar(), date.text()));
        }
    }

    /**
     * An event date: {precision, value, given}. exact needs a day; estimate takes a year, a month
     * or a day; unknown_day needs a month; unknown takes no value at all.
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
        String typed = date.token("value");
        GivenDate value = read(date, "value", typed);
        switch (precision) {
            case "exact":
                if (value.precision() != GivenDate.Precision.DAY) {
                    throw date.refuse("value", Messages.of("date.must-be-exact"), typed);
                }
                break;
            case "unknown_day":
                if (value.precision() != GivenDate.Precision.MONTH) {
                    throw date.refuse("value", Messages.of("date.must-be-month"), typed);
                }
                break;
            default: // estimate: as precise as the witness could say
        }
        check(value, latest, date, "value", typed);
        out.put("value", value.value());
        if (!value.typedAsValue()) {
            out.set("given", given(value.calendar(), value.text()));
        }
        return out;
    }

    /** The date as given: {calendar, text}. */
    static ObjectNode given(DateCalendar calendar, String text) {
        return JsonNodeFactory.instance.objectNode().put("calendar", calendar.id()).put("text", text);
    }

    private static GivenDate read(Input in, String key, String typed) {
        try {
            return GivenDate.parse(typed);
        } catch (DateProblem p) {
            throw in.refuse(key, p.problem(), typed, p.hint());
        }
    }

    /** From 1900 (a Gregorian year before it is a Hijri year typed without its calendar) to {@code latest}. */
    private static void check(GivenDate date, LocalDate latest, Input in, String key, String typed) {
        try {
            date.within(latest);
        } catch (DateProblem p) {
            throw in.refuse(key, p.problem(), typed, p.hint());
        }
    }
}
