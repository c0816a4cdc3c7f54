package org.gawah.testimony;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Solar Hijri conversion against what Iran's calendar authority publishes, not against the
 * library that does it: the Gregorian date of 1 Hamal (Nowruz, 1 Farvardin) of every year from
 * 1279 (1900) to 1430 (2051), and which years are leap years (a star: Hut has 30 days), from
 * the Calendar Center of the Institute of Geophysics, University of Tehran, "Kabise-ye Shamsi
 * 1206-1498" (https://calendar.ut.ac.ir/Fa/News/Data/Doc/KabiseShamsi1206-1498-new.pdf), as
 * transcribed to plain text by Roozbeh Pournader (CC0:
 * https://github.com/roozbehp/persiancalendar/blob/main/kabise.txt). Afghanistan's Solar Hijri
 * calendar has the same days under other month names. And four last days of a year as the
 * Calendar Center's yearly calendars give them beside the moment of Nowruz (collected in
 * StarCalendar's https://github.com/ilius/starcal/blob/master/plugins/iran-jalali-data.txt).
 */
class SolarHijriTest {
    /** Solar Hijri year (a star: leap year), the Gregorian day of its 1 Hamal. */
    private static final String NOWRUZ = """
            1279 1900-03-21    1280* 1901-03-21    1281 1902-03-22    1282 1903-03-22
            1283 1904-03-21    1284* 1905-03-21    1285 1906-03-22    1286 1907-03-22
            1287 1908-03-21    1288* 1909-03-21    1289 1910-03-22    1290 1911-03-22
            1291 1912-03-21    1292* 1913-03-21    1293 1914-03-22    1294 1915-03-22
            1295 1916-03-21    1296* 1917-03-21    1297 1918-03-22    1298 1919-03-22
            1299 1920-03-21    1300* 1921-03-21    1301 1922-03-22    1302 1923-03-22
            1303 1924-03-21    1304* 1925-03-21    1305 1926-03-22    1306 1927-03-22
            1307 1928-03-21    1308 1929-03-21    1309** 1930-03-21    1310 1931-03-22
            1311 1932-03-21    1312 1933-03-21    1313* 1934-03-21    1314 1935-03-22
            1315 1936-03-21    1316 1937-03-21    1317* 1938-03-21    1318 1939-03-22
            1319 1940-03-21    1320 1941-03-21    1321* 1942-03-21    1322 1943-03-22
            1323 1944-03-21    1324 1945-03-21    1325* 1946-03-21    1326 1947-03-22
            1327 1948-03-21    1328 1949-03-21    1329* 1950-03-21    1330 1951-03-22
            1331 1952-03-21    1332 1953-03-21    1333* 1954-03-21    1334 1955-03-22
            1335 1956-03-21    1336 1957-03-21    1337* 1958-03-21    1338 1959-03-22
            1339 1960-03-21    1340 1961-03-21    1341 1962-03-21    1342** 1963-03-21
            1343 1964-03-21    1344 1965-03-21    1345 1966-03-21    1346* 1967-03-21
            1347 1968-03-21    1348 1969-03-21    1349 1970-03-21    1350* 1971-03-21
            1351 1972-03-21    1352 1973-03-21    1353 1974-03-21    1354* 1975-03-21
            1355 1976-03-21    1356 1977-03-21    1357 1978-03-21    1358* 1979-03-21
            1359 1980-03-21    1360 1981-03-21    1361 1982-03-21    1362* 1983-03-21
            1363 1984-03-21    1364 1985-03-21    1365 1986-03-21    1366* 1987-03-21
            1367 1988-03-21    1368 1989-03-21    1369 1990-03-21    1370* 1991-03-21
            1371 1992-03-21    1372 1993-03-21    1373 1994-03-21    1374 1995-03-21
            1375** 1996-03-20    1376 1997-03-21    1377 1998-03-21    1378 1999-03-21
            1379* 2000-03-20    1380 2001-03-21    1381 2002-03-21    1382 2003-03-21
            1383* 2004-03-20    1384 2005-03-21    1385 2006-03-21    1386 2007-03-21
            1387* 2008-03-20    1388 2009-03-21    1389 2010-03-21    1390 2011-03-21
            1391* 2012-03-20    1392 2013-03-21    1393 2014-03-21    1394 2015-03-21
            1395* 2016-03-20    1396 2017-03-21    1397 2018-03-21    1398 2019-03-21
            1399* 2020-03-20    1400 2021-03-21    1401 2022-03-21    1402 2023-03-21
            1403* 2024-03-20    1404 2025-03-21    1405 2026-03-21    1406 2027-03-21
            1407 2028-03-20    1408** 2029-03-20    1409 2030-03-21    1410 2031-03-21
            1411 2032-03-20    1412* 2033-03-20    1413 2034-03-21    1414 2035-03-21
            1415 2036-03-20    1416* 2037-03-20    1417 2038-03-21    1418 2039-03-21
            1419 2040-03-20    1420* 2041-03-20    1421 2042-03-21    1422 2043-03-21
            1423 2044-03-20    1424* 2045-03-20    1425 2046-03-21    1426 2047-03-21
            1427 2048-03-20    1428* 2049-03-20    1429 2050-03-21    1430 2051-03-21
            """;

    private record Year(int year, boolean leap, LocalDate nowruz) {
    }

    private static List<Year> years() {
        List<Year> years = new ArrayList<>();
        String[] cells = NOWRUZ.strip().split("\\s+");
        for (int i = 0; i < cells.length; i += 2) {
            years.add(new Year(Integer.parseInt(cells[i].replace("*", "")), cells[i].endsWith("*"),
                    LocalDate.parse(cells[i + 1])));
        }
        return years;
    }

    @Test
    void firstOfHamalIsThePublishedNowruzOfEveryYear() {
        List<Year> years = years();
        assertEquals(152, years.size(), "the table was read whole");
        for (Year y : years) {
            assertEquals(y.nowruz(), DateCalendar.SOLAR_HIJRI.toGregorian(y.year(), 1, 1), "1 Hamal " + y.year());
            assertArrayEquals(new int[] {y.year(), 1, 1}, DateCalendar.SOLAR_HIJRI.fromGregorian(y.nowruz()), "back from " + y.nowruz());
        }
    }

    @Test
    void hutHasThirtyDaysInThePublishedLeapYearsOnlyAndEndsTheDayBeforeNowruz() {
        List<Year> years = years();
        for (int i = 0; i + 1 < years.size(); i++) {
            Year y = years.get(i);
            int hut = DateCalendar.SOLAR_HIJRI.monthLength(y.year(), 12);
            assertEquals(y.leap() ? 30 : 29, hut, "Hut " + y.year());
            assertEquals(years.get(i + 1).nowruz().minusDays(1), DateCalendar.SOLAR_HIJRI.toGregorian(y.year(), 12, hut),
                    "last day of " + y.year());
        }
    }

    /** From the yearly calendars (the moment of Nowruz "corresponding to ... 20 March"), 1387-1392. */
    @Test
    void lastDaysOfYearsAsTheYearlyCalendarsGiveThem() {
        assertEquals(LocalDate.of(2009, 3, 20), DateCalendar.SOLAR_HIJRI.toGregorian(1387, 12, 30));
        assertEquals(LocalDate.of(2010, 3, 20), DateCalendar.SOLAR_HIJRI.toGregorian(1388, 12, 29));
        assertEquals(LocalDate.of(2013, 3, 20), DateCalendar.SOLAR_HIJRI.toGregorian(1391, 12, 30));
        assertEquals(LocalDate.of(2014, 3, 20), DateCalendar.SOLAR_HIJRI.toGregorian(1392, 12, 29));
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
