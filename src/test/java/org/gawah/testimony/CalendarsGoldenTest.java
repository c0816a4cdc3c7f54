package org.gawah.testimony;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Dates typed in three calendars (calendars-input.json: a time in Dari with Persian digits, an
 * earlier interview and events in Solar Hijri with Dari and Pashto month names, a lunar Hijri
 * day) give exactly the bytes of calendars-golden.json: the Gregorian values, each with the date
 * as given beside it (docs/format/testimony.md, "Dates in three calendars"). The values in the
 * golden file were checked by hand: 29 Aqrab 1405 is 20 November 2026, 11 Hut 1404 is 2 March
 * 2026, Asad 1404 runs 23 July to 22 August 2025, 24 Asad 1404 is 15 August 2025, 1 Ramadan
 * 1446 is 1 March 2025.
 */
class CalendarsGoldenTest {
    @Test
    void datesInThreeCalendarsGiveTheGoldenBytes() throws IOException {
        byte[] input = resource("calendars-input.json");
        String built = new String(Testimonies.build(input, Fixtures.RECORD_ID, Fixtures.RECORDED_AT).testimony(),
                StandardCharsets.UTF_8);
        assertEquals(new String(resource("calendars-golden.json"), StandardCharsets.UTF_8), built);
    }

    @Test
    void aTestimonyTypedInIsoIsStoredExactlyAsBeforeCalendars() throws IOException {
        String built = new String(Fixtures.build(Fixtures.fullInput()).testimony(), StandardCharsets.UTF_8);
        assertEquals(-1, built.indexOf("given"), "nothing added to dates typed as their ISO value");
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = CalendarsGoldenTest.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }
}
