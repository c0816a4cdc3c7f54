package org.gawah;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Digits follow one rule in each language (docs/i18n.md, "Digits"): Gawah writes 0-9, and reads Persian and Arabic-Indic digits too. */
class DigitsTest {

    @Test
    void noMessageHelpOrLabelWritesAnotherDigit() throws IOException {
        List<String> found = new ArrayList<>();
        for (String suffix : List.of("", "_fa_AF", "_ps")) {
            for (Map.Entry<String, String> message : GlossaryTest.messages(suffix).entrySet()) {
                if (otherDigit(message.getValue())) {
                    found.add(message.getKey() + suffix + ": " + message.getValue());
                }
            }
        }
        try (Stream<Path> labels = Files.list(Path.of("src/main/resources/org/gawah/cases"))) {
            for (Path file : labels.filter(f -> f.toString().endsWith(".tsv")).toList()) {
                for (String line : Files.readAllLines(file)) {
                    if (otherDigit(line)) {
                        found.add(file.getFileName() + ": " + line);
                    }
                }
            }
        }
        assertEquals(List.of(), found);
    }

    @Test
    void numbersInMessagesAreWrittenWithAsciiDigitsUnderADariLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Language.DARI);
            for (Locale language : Language.SUPPORTED) {
                String shown = Message.of("org.gawah.cli.messages", "verify.vault-records", 1234, 56, "7.5 MiB").render(language);
                assertTrue(shown.contains("1234") && shown.contains("56") && !otherDigit(shown), shown);
            }
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void idsAreReadInPersianAndArabicIndicDigits() {
        assertEquals("GWH-7K3M-9QXA-2D4F-8ZZP", org.gawah.testimony.RecordId.normalised("gwh-۷k۳m-۹qxa-۲d۴f-۸zzp"));
        assertEquals("GWH-7K3M-9QXA-2D4F-8ZZP", org.gawah.testimony.RecordId.normalised("GWH-٧K٣M-٩QXA-٢D٤F-٨ZZP"));
        assertEquals("GWH-1000-0000-0000-0001", org.gawah.testimony.RecordId.normalised("gwh-l0o0-0000-0000-000i"));
        assertEquals("gwh-nope", org.gawah.testimony.RecordId.normalised("gwh-nope"), "not an id: kept as typed");
    }

    /** A decimal digit other than 0-9 (Persian, Arabic-Indic, any other script's). */
    static boolean otherDigit(String text) {
        return text.codePoints().anyMatch(c -> Character.isDigit(c) && (c < '0' || c > '9'));
    }
}
