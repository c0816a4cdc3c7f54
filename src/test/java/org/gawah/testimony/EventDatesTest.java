package org.gawah.testimony;

import static org.gawah.testimony.Fixtures.assertRefused;
import static org.gawah.testimony.Fixtures.at;
import static org.gawah.testimony.Fixtures.fullInput;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.gawah.GawahException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Event dates say how precisely the witness knows them (HURIDOCS). */
class EventDatesTest {

    private static ObjectNode withDate(String precision, String value) {
        ObjectNode input = fullInput();
        ObjectNode date = at(input, "events.0.date");
        date.removeAll();
        date.put("precision", precision);
        if (value != null) {
            date.put("value", value);
        }
        return input;
    }

    @ParameterizedTest
    @CsvSource({
        "exact, 2025-08-15",
        "exact, 2024-02-29",
        "estimate, 2024",
        "estimate, 2024-06",
        "estimate, 2024-06-01",
        "unknown_day, 2025-08",
        "unknown,",
        "exact, 2026-11-21", // the recording day plus a day's slack for time zones
    })
    void acceptsValueMatchingItsPrecision(String precision, String value) {
        JsonNode date = Testimonies.read(Fixtures.build(withDate(precision, value)).testimony())
                .get("events").get(0).get("date");
        assertEquals(precision, date.get("precision").asText());
        if (value == null) {
            assertFalse(date.has("value"));
        } else {
            assertEquals(value, date.get("value").asText());
        }
    }

    @ParameterizedTest
    @CsvSource({
        "exact, 2025-08",
        "exact, 2025",
        "exact, 2025-02-29",
        "exact,",
        "exact, اسد 1404", // a month is not a day
        "unknown_day, 24 اسد 1404", // a day is not "day unknown"
        "estimate, 1404-06-19", // Gregorian 1404: a Solar Hijri date typed without its calendar
        "exact, 31 میزان 1404",
        "estimate, 2025-13",
        "estimate, 25",
        "estimate, summer 2025",
        "unknown_day, 2025-08-15",
        "unknown_day, 2025",
        "unknown, 2025",
        "exact, 2026-11-23",  // after the record is made
        "estimate, 2062",
    })
    void refusesValueNotMatchingItsPrecision(String precision, String value) {
        assertRefused(withDate(precision, value), "events[0].date.value");
    }

    /** Other writings, calendars and digits: the value is the Gregorian one, the date as given beside it. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "exact | 15/08/2025 | 2025-08-15 | gregorian",
        "exact | 2025-8-15 | 2025-08-15 | gregorian",
        "exact | ۲۰۲۵-۰۸-۱۵ | 2025-08-15 | gregorian",
        "exact | ۲۴ اسد ۱۴۰۴ | 2025-08-15 | solar_hijri",
        "exact | 1404-05-24 SH | 2025-08-15 | solar_hijri",
        "unknown_day | اسد ۱۴۰۴ | 2025-07-23/2025-08-22 | solar_hijri",
        "unknown_day | August 2025 | 2025-08 | gregorian",
        "estimate | ۱۴۰۴ هـ.ش | 2025-03-21/2026-03-20 | solar_hijri",
        "estimate | زمری ۱۴۰۴ | 2025-07-23/2025-08-22 | solar_hijri",
        "estimate | 1 Ramadan 1446 | 2025-03-01 | lunar_hijri",
        "unknown_day | رمضان ۱۴۴۶ | 2025-03-01/2025-03-29 | lunar_hijri",
    })
    void storesTheGregorianValueAndTheDateAsGiven(String precision, String typed, String value, String calendar) {
        JsonNode date = Testimonies.read(Fixtures.build(withDate(precision, typed)).testimony())
                .get("events").get(0).get("date");
        assertEquals(precision, date.get("precision").asText());
        assertEquals(value, date.get("value").asText());
        assertEquals(calendar, date.at("/given/calendar").asText());
        assertEquals(typed, date.at("/given/text").asText());
        assertEquals(List.of("precision", "value", "given"), fieldNames(date));
    }

    @Test
    void aGregorianLookingHijriDateIsRefusedWithTheHint() {
        GawahException e = assertRefused(withDate("exact", "1404-06-19"), "events[0].date.value");
        assertTrue(e.getMessage().contains("before 1900"), e.getMessage());
        assertTrue(e.getMessage().contains("'1404-06-19'"), e.getMessage());
        assertTrue(e.hint().contains("did you mean Solar Hijri 1404 = 2025"), e.hint());
        assertTrue(e.hint().contains("1404-06-19 SH"), e.hint());
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @ParameterizedTest
    @CsvSource({"approximate", "EXACT", "''"})
    void refusesUnknownPrecision(String precision) {
        assertRefused(withDate(precision, "2025"), "events[0].date.precision");
    }

    @ParameterizedTest
    @CsvSource({"act_type", "date"})
    void refusesEventWithoutRequiredField(String field) {
        ObjectNode input = fullInput();
        at(input, "events.1").remove(field);
        assertRefused(input, "events[1]." + field);
    }
}
