package org.gawah.dist;

import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Run on the distribution's runtime by {@link DistributionIT}, for what dist/modules.txt says of
 * each module: the legacy code pages are there (jdk.charsets), sun.misc.Signal is there
 * (jdk.unsupported), and numbers keep ASCII digits under a Dari locale (no jdk.localedata), as
 * Gawah wants them in every language.
 */
public final class RuntimeProbe {
    static final String EXPECTED = "windows-1256 true IBM864 true ISO-8859-6 true signal true digits 1,234,567";

    private RuntimeProbe() {
    }

    public static void main(String[] args) {
        boolean signal;
        try {
            Class.forName("sun.misc.Signal");
            signal = true;
        } catch (ClassNotFoundException e) {
            signal = false;
        }
        new PrintStream(System.out, true, StandardCharsets.UTF_8).println(
                "windows-1256 " + Charset.isSupported("windows-1256")
                + " IBM864 " + Charset.isSupported("IBM864")
                + " ISO-8859-6 " + Charset.isSupported("ISO-8859-6")
                + " signal " + signal
                + " digits " + String.format(Locale.forLanguageTag("fa-AF"), "%,d", 1234567));
    }
}
