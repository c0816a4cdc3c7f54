package org.gawah.testimony;

import static org.gawah.testimony.Fixtures.assertRefused;
import static org.gawah.testimony.Fixtures.at;
import static org.gawah.testimony.Fixtures.fullInput;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
        "exact, 15/08/2025",
        "exact, 2025-8-15",
        "exact, ۲۰۲۵-۰۸-۱۵", // Persian digits: the record keeps ASCII digits
        "exact,",
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
