package org.gawah.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Locale;

import org.gawah.Language;
import org.gawah.custody.Action;
import org.gawah.custody.Entry;
import org.junit.jupiter.api.Test;

/**
 * File names inside a package keep ASCII digits on a computer whose locale is Dari or Pashto:
 * a full JDK formats numbers with Persian digits there, and a receiving body's tools would not
 * find {@code custody/.../00000012.json} under any other name.
 */
class DigitsWhateverTheLocaleTest {

    @Test
    void custodyEntryFilesAreNamedWithAsciiDigitsUnderADariLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Language.DARI);
            Entry entry = new Entry(12, Instant.parse("2026-11-20T08:30:12Z"), "A".repeat(40), Action.EXPORTED,
                    "GWE-J9AY-NWRF-VF7T-KK4M", "0".repeat(64), Entry.GENESIS);
            assertEquals("custody/" + "A".repeat(40) + "/00000012.json", EvidencePackage.custodyFile(entry));
        } finally {
            Locale.setDefault(before);
        }
    }
}
