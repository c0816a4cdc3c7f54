package org.gawah.testimony;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Solar Hijri conversion against the calendar's own published definition, not against the
 * library that does it. A Solar Hijri year (Afghanistan's, as Iran's, under other month names)
 * begins on the day of the March equinox if the equinox falls before true noon at the 52.5° E
 * meridian (12:00 at UTC+03:30), otherwise on the next day; a year is a leap year (Hut has 30 days)
 * when the next one begins 366 days later. The equinox is computed here with Jean Meeus's method
 * (Astronomical Algorithms, 2nd ed., ch. 27: the mean equinox of table 27.A corrected by the 24
 * periodic terms of table 27.C), in Terrestrial Time, less an approximate ΔT (TT − UT); that is
 * good to about a minute, so the few years whose equinox falls within half an hour of noon are
 * left out rather than guessed. That gives the 1 Hamal of every other year from 1279 (1900) to
 * 1430 (2051), and the length of every Hut between them.
 */
class SolarHijriTest {
    private static final int FIRST = 1279;
    private static final int LAST = 1430;
    private static final Duration MARGIN = Duration.ofMinutes(30);

    /** A Solar Hijri year whose first day the definition decides, and that day. */
    private record Year(int year, LocalDate nowruz) {
    }

    /** Every year from FIRST to LAST whose equinox is not within the margin of noon. */
    private static List<Year> years() {
        List<Year> years = new ArrayList<>();
        for (int year = FIRST; year <= LAST; year++) {
            ZonedDateTime equinox = MarchEquinox.of(year + 621).atZone(IRAN_MERIDIAN);
            ZonedDateTime noon = equinox.toLocalDate().atTime(12, 0).atZone(IRAN_MERIDIAN);
            if (Duration.between(equinox, noon).abs().compareTo(MARGIN) < 0) {
                continue;
            }
            years.add(new Year(year, equinox.isBefore(noon) ? equinox.toLocalDate() : equinox.toLocalDate().plusDays(1)));
        }
        return years;
    }

    private static final ZoneOffset IRAN_MERIDIAN = ZoneOffset.ofHoursMinutes(3, 30);

    /** The March equinox by Meeus, chapter 27 (years 1000 to 3000). */
    private static final class MarchEquinox {
        private static final double[] A = {485, 203, 199, 182, 156, 136, 77, 74, 70, 58, 52, 50, 45, 44, 29, 18, 17, 16,
            14, 12, 12, 12, 9, 8};
        private static final double[] B = {324.96, 337.23, 342.08, 27.85, 73.14, 171.52, 222.54, 296.72, 243.58,
            119.81, 297.17, 21.02, 247.54, 325.15, 60.93, 155.12, 288.79, 198.04, 199.76, 95.39, 287.11, 320.81,
            227.73, 15.45};
        private static final double[] C = {1934.136, 32964.467, 20.186, 445267.112, 45036.886, 22518.443, 65928.934,
            3034.906, 9037.513, 33718.147, 150.678, 2281.226, 29929.562, 31555.956, 4443.417, 67555.328, 4562.452,
            62894.029, 31436.921, 14577.848, 31931.756, 34777.259, 1222.114, 16859.074};

        static Instant of(int gregorianYear) {
            double y = (gregorianYear - 2000) / 1000.0;
            double mean = 2451623.80984 + 365242.37404 * y + 0.05169 * y * y - 0.00411 * y * y * y
                    - 0.00057 * y * y * y * y;
            double t = (mean - 2451545.0) / 36525;
            double w = Math.toRadians(35999.373 * t - 2.47);
            double lambda = 1 + 0.0334 * Math.cos(w) + 0.0007 * Math.cos(2 * w);
            double s = 0;
            for (int i = 0; i < A.length; i++) {
                s += A[i] * Math.cos(Math.toRadians(B[i] + C[i] * t));
            }
            double julianDayTt = mean + 0.00001 * s / lambda;
            double julianDayUt = julianDayTt - deltaT(gregorianYear) / 86400.0;
            return Instant.ofEpochMilli(Math.round((julianDayUt - 2440587.5) * 86_400_000.0));
        }

        /** TT − UT in seconds, roughly (24 s in 1900, 29 s in 1950, 64 s in 2000, rising since): enough against a 30-minute margin. */
        private static double deltaT(int year) {
            if (year < 1950) {
                return 24 + (year - 1900) * 0.1;
            }
            return year < 2000 ? 29 + (year - 1950) * 0.7 : 64 + (year - 2000) * 0.3;
        }
    }

    @Test
    void firstOfHamalIsThePublishedNowruzOfEveryYear() {
        List<Year> years = years();
        assertTrue(years.size() >= 145, "most years decided: " + years.size());
        for (Year y : years) {
            assertEquals(y.nowruz(), DateCalendar.SOLAR_HIJRI.toGregorian(y.year(), 1, 1), "1 Hamal " + y.year());
            assertArrayEquals(new int[] {y.year(), 1, 1}, DateCalendar.SOLAR_HIJRI.fromGregorian(y.nowruz()), "back from " + y.nowruz());
        }
    }

    @Test
    void hutEndsTheDayBeforeTheNextNowruz() {
        List<Year> years = years();
        int checked = 0;
        for (int i = 0; i + 1 < years.size(); i++) {
            Year y = years.get(i);
            Year next = years.get(i + 1);
            if (next.year() != y.year() + 1) {
                continue; // the next year's start was left out
            }
            int hut = DateCalendar.SOLAR_HIJRI.monthLength(y.year(), 12);
            long days = ChronoUnit.DAYS.between(y.nowruz(), next.nowruz());
            assertEquals(days == 366 ? 30 : 29, hut, "Hut " + y.year());
            assertEquals(next.nowruz().minusDays(1), DateCalendar.SOLAR_HIJRI.toGregorian(y.year(), 12, hut),
                    "last day of " + y.year());
            checked++;
        }
        assertTrue(checked >= 135, "years checked: " + checked);
    }

    @Test
    void monthsHaveThirtyOneThenThirtyDays() {
        for (int month = 1; month <= 11; month++) {
            assertEquals(month <= 6 ? 31 : 30, DateCalendar.SOLAR_HIJRI.monthLength(1404, month), "month " + month);
        }
        // Asad 1404, the month the example testimony names, runs 23 July to 22 August 2025.
        assertEquals(LocalDate.of(2025, 7, 23), DateCalendar.SOLAR_HIJRI.toGregorian(1404, 5, 1));
        assertEquals(LocalDate.of(2025, 8, 22), DateCalendar.SOLAR_HIJRI.toGregorian(1404, 5, 31));
        assertTrue(years().size() >= 50);
    }
}
