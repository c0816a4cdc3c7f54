package org.gawah.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.gawah.Failure;
import org.gawah.testsupport.Gawah;
import org.gawah.testsupport.Gawah.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gawah desktop} refuses, in one line with its hint and exit code, an idle limit out of
 * range and a computer without a screen, and then writes nothing: not even the home folder it
 * would register with.
 */
class DesktopRefusalsTest {
    @TempDir
    Path dir;

    @Test
    void anIdleLimitOutOfRangeIsAUsageError() {
        Gawah gawah = new Gawah("unused");
        for (String minutes : new String[] {"0", "1441", "-5"}) {
            Result result = gawah.in(dir.resolve("home"), "desktop", "--lock-after", minutes);
            assertEquals(Failure.USAGE.exitCode(), result.code(), result.stderr());
            assertTrue(result.stderr().startsWith("gawah: error: --lock-after must be a number of minutes from 1 to 1440, not "
                    + minutes + "\ngawah: hint: give at most 1440 minutes, or leave it out for 10\n"), result.stderr());
        }
        assertFalse(Files.exists(dir.resolve("home")));
    }

    @Test
    void withoutAScreenItSaysSoAndPointsToTheTerminal() throws Exception {
        // A JVM told it has no screen, as on a server or over SSH without X forwarding.
        Path err = dir.resolve("err.txt");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.awt.headless=true", "-cp", classpath(), "org.gawah.cli.Main",
                "desktop", "--home", dir.resolve("home").toString(), "--lang", "en")
                .redirectError(err.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(Failure.NOT_READY.exitCode(), process.exitValue());
        assertEquals("gawah: error: there is no screen to open the window on (no graphical session)\n"
                + "gawah: hint: start gawah desktop on the computer's own desktop, or use the terminal: gawah interview\n",
                Files.readString(err));
        assertFalse(Files.exists(dir.resolve("home")));
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void aScreenThatCannotBeReachedIsNamed() throws Exception {
        // DISPLAY names an X server that is not there (a session that ended, a typo).
        Path err = dir.resolve("err.txt");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classpath(), "org.gawah.cli.Main", "desktop", "--home", dir.resolve("home").toString(), "--lang", "en")
                .redirectError(err.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().put("DISPLAY", ":32109");
        Process process = builder.start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(Failure.NOT_READY.exitCode(), process.exitValue());
        assertEquals("gawah: error: cannot open the window: Can't connect to X11 window server using ':32109' as the value"
                + " of the DISPLAY variable.\n"
                + "gawah: hint: start gawah desktop on the computer's own desktop, or use the terminal: gawah interview\n",
                Files.readString(err));
        assertFalse(Files.exists(dir.resolve("home")));
    }

    private static String classpath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }
}
