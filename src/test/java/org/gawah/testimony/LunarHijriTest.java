package org.gawah.testimony;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.DateTimeException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The lunar Hijri conversion (the JDK's Umm al-Qura calendar) against days Saudi Arabia announced
 * as the start of Ramadan, of Shawwal (Eid al-Fitr), of Muharram, and Eid al-Adha (10 Dhu
 * al-Hijjah), 1444-1447: the calendar's own published dates, not values computed by the JDK.
 */
class LunarHijriTest {
    @ParameterizedTest
    @CsvSource({
        "1444, 9, 1, 2023-03-23",
        "1444, 10, 1, 2023-04-21",
        "1445, 9, 1, 2024-03-11",
        "1445, 10, 1, 2024-04-10",
        "1445, 12, 10, 2024-06-16",
        "1446, 1, 1, 2024-07-07",
        "1446, 9, 1, 2025-03-01",
        "1446, 10, 1, 2025-03-30",
        "1446, 12, 10, 2025-06-06",
        "1447, 1, 1, 2025-06-26",
    })
    void convertsAnnouncedDays(int year, int month, int day, String gregorian) {
        LocalDate expected = LocalDate.parse(gregorian);
        assertEquals(expected, DateCalendar.LUNAR_HIJRI.toGregorian(year, month, day));
        assertEquals(java.util.List.of(year, month, day),
                java.util.Arrays.stream(DateCalendar.LUNAR_HIJRI.fromGregorian(expected)).boxed().toList());
    }

    @Test
    void refusesDaysAndYearsUmmAlQuraDoesNotHave() {
        assertThrows(DateTimeException.class, () -> DateCalendar.LUNAR_HIJRI.toGregorian(1299, 1, 1));
        assertEquals(29, DateCalendar.LUNAR_HIJRI.monthLength(1446, 9), "Ramadan 1446 ended on the 29th");
        assertThrows(DateTimeException.class, () -> DateCalendar.LUNAR_HIJRI.toGregorian(1446, 9, 30));
    }
}
