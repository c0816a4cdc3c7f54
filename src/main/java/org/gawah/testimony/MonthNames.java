package org.gawah.testimony;

import org.gawah.Message;

/**
 * The months' names as gawah shows them, in the run's language: the Afghan names for the Solar
 * Hijri calendar (Dari حمل … حوت, Pashto وری … کب), the lunar Hijri months, the Gregorian months.
 * What gawah reads is wider (calendar-words.tsv); every name here reads back as its month.
 */
final class MonthNames {
    private MonthNames() {
    }

    static Message of(DateCalendar calendar, int month) {
        switch (calendar) {
            case SOLAR_HIJRI: return solarHijri(month);
            case LUNAR_HIJRI: return lunarHijri(month);
            default: return gregorian(month);
        }
    }

    private static Message solarHijri(int month) {
        switch (month) {
            case 1: return Messages.of("month.solar-hijri.1");
            case 2: return Messages.of("month.solar-hijri.2");
            case 3: return Messages.of("month.solar-hijri.3");
            case 4: return Messages.of("month.solar-hijri.4");
            case 5: return Messages.of("month.solar-hijri.5");
            case 6: return Messages.of("month.solar-hijri.6");
            case 7: return Messages.of("month.solar-hijri.7");
            case 8: return Messages.of("month.solar-hijri.8");
            case 9: return Messages.of("month.solar-hijri.9");
            case 10: return Messages.of("month.solar-hijri.10");
            case 11: return Messages.of("month.solar-hijri.11");
            case 12: return Messages.of("month.solar-hijri.12");
            default: throw new IllegalArgumentException("month " + month); // a bug, not input
        }
    }

    private static Message lunarHijri(int month) {
        switch (month) {
            case 1: return Messages.of("month.lunar-hijri.1");
            case 2: return Messages.of("month.lunar-hijri.2");
            case 3: return Messages.of("month.lunar-hijri.3");
            case 4: return Messages.of("month.lunar-hijri.4");
            case 5: return Messages.of("month.lunar-hijri.5");
            case 6: return Messages.of("month.lunar-hijri.6");
            case 7: return Messages.of("month.lunar-hijri.7");
            case 8: return Messages.of("month.lunar-hijri.8");
            case 9: return Messages.of("month.lunar-hijri.9");
            case 10: return Messages.of("month.lunar-hijri.10");
            case 11: return Messages.of("month.lunar-hijri.11");
            case 12: return Messages.of("month.lunar-hijri.12");
            default: throw new IllegalArgumentException("month " + month); // a bug, not input
        }
    }

    private static Message gregorian(int month) {
        switch (month) {
            case 1: return Messages.of("month.gregorian.1");
            case 2: return Messages.of("month.gregorian.2");
            case 3: return Messages.of("month.gregorian.3");
            case 4: return Messages.of("month.gregorian.4");
            case 5: return Messages.of("month.gregorian.5");
            case 6: return Messages.of("month.gregorian.6");
            case 7: return Messages.of("month.gregorian.7");
            case 8: return Messages.of("month.gregorian.8");
            case 9: return Messages.of("month.gregorian.9");
            case 10: return Messages.of("month.gregorian.10");
            case 11: return Messages.of("month.gregorian.11");
            case 12: return Messages.of("month.gregorian.12");
            default: throw new IllegalArgumentException("month " + month); // a bug, not input
        }
    }
}
