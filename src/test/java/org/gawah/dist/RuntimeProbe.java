package org.gawah.dist;

import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.util.Locale;

/**
 * Run on the distribution's runtime by {@link DistributionIT}: shows that the Dari and Pashto
 * locale data (jdk.localedata, en/fa/ps kept) and the extra console code pages (jdk.charsets) are
 * there. Without them Java falls back to Latin digits, English names and no such charsets.
 */
public final class RuntimeProbe {
    static final String EXPECTED = "fa-AF ۱٬۲۳۴٬۵۶۷ فارسی پښتو windows-1256 true IBM864 true";

    private RuntimeProbe() {
    }

    public static void main(String[] args) {
        Locale dari = Locale.forLanguageTag("fa-AF");
        Locale pashto = Locale.forLanguageTag("ps");
        new PrintStream(System.out, true, StandardCharsets.UTF_8).println("fa-AF " + NumberFormat.getInstance(dari).format(1234567)
                + " " + dari.getDisplayLanguage(dari) + " " + pashto.getDisplayLanguage(pashto)
                + " windows-1256 " + Charset.isSupported("windows-1256")
                + " IBM864 " + Charset.isSupported("IBM864"));
    }
}
