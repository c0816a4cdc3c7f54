package org.gawah.desktop;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

import org.gawah.Message;
import org.gawah.testimony.DateCalendar;

/**
 * When something was sealed, as the documenter's pages show it: this computer's local day and
 * time, digits 0-9 in every language (docs/i18n.md), with the day in the Solar Hijri calendar as
 * Afghans write it beside it.
 */
final class SealedTime {
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private SealedTime() {
    }

    static Message of(Instant at) {
        LocalDateTime local = LocalDateTime.ofInstant(at, ZoneId.systemDefault()).truncatedTo(ChronoUnit.MINUTES);
        Message solar = DateCalendar.SOLAR_HIJRI.describe(local.toLocalDate());
        return solar == null ? Messages.of("sealed-time", SHOWN.format(local))
                : Messages.of("sealed-time.both", SHOWN.format(local), solar);
    }
}
