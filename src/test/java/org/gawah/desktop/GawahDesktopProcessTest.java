package org.gawah.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.gawah.Failure;
import org.gawah.testsupport.Gawah;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gawah desktop} as a person starts it, a process of its own on the screen, and
 * {@code gawah lock} typed in another terminal: the window closes and the process ends with the
 * lock's exit code before lock's two seconds of grace run out (it would kill it then). Its
 * temporary folder and its user's home (where Java and Swing would keep preferences, font caches,
 * extracted libraries) are folders of their own, and hold nothing of the window's afterwards.
 */
@WindowTest
class GawahDesktopProcessTest {
    @TempDir
    Path base;

    @Test
    void gawahLockFromAnotherTerminalClosesItAndItLeftNothingOnDisk() throws Exception {
        Path home = base.resolve("gawah home"); // not made yet: the window registers all the same
        Path temporary = Files.createDirectories(base.resolve("tmp"));
        Path userHome = Files.createDirectories(base.resolve("user"));
        Path runtime = Files.createDirectories(base.resolve("runtime")); // the user's list of sessions goes here
        Path out = base.resolve("out.txt");
        Path err = base.resolve("err.txt");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + temporary, "-Duser.home=" + userHome,
                "-cp", classpath(), "org.gawah.cli.Main", "desktop", "--home", home.toString(), "--lang", "ps")
                .redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().put("HOME", userHome.toString());
        builder.environment().put("TMPDIR", temporary.toString());
        builder.environment().put("XDG_RUNTIME_DIR", runtime.toString());
        Process desktop = builder.start();
        try {
            Path session = home.resolve("sessions").resolve(String.valueOf(desktop.pid()));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!Files.exists(session)) {
                assertTrue(desktop.isAlive(), () -> "gawah desktop ended: " + read(err));
                assertTrue(System.nanoTime() < deadline, "the window did not register with the home in 60 s");
                Thread.sleep(50);
            }
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(home)));

            // Once on another home first, so that the time below is the window's, not this JVM loading the command.
            new Gawah("unused").in(base.resolve("no such home"), "lock");
            long asked = System.nanoTime();
            Gawah.Result lock = new Gawah("unused").in(home, "lock");
            assertEquals(0, lock.code(), lock.stderr());
            assertTrue(lock.stderr().contains(org.gawah.Message.of("org.gawah.cli.messages", "lock.closed", 1)
                    .render(Locale.ENGLISH)), lock.stderr());
            assertTrue(desktop.waitFor(2, TimeUnit.SECONDS), "the window outlived gawah lock's grace");
            long millis = (System.nanoTime() - asked) / 1_000_000;
            assertEquals(Failure.LOCKED.exitCode(), desktop.exitValue(), read(err));
            System.out.println("gawah lock to the window's process ended: " + millis + " ms");
        } finally {
            desktop.destroyForcibly();
        }
        assertEquals("", read(out));
        assertEquals("", read(err));
        assertEquals(List.of(), files(temporary), "written to the temporary folder");
        // One file the JDK itself writes on Linux, for any Swing program, the first time it starts:
        // its cache of fontconfig's answer (the computer's font files), named after the host and the
        // OS. No setting turns it off; it holds nothing of Gawah's (SECURITY.md says so).
        List<Path> written = files(userHome).stream()
                .filter(p -> !Files.isDirectory(p))
                .filter(p -> !userHome.relativize(p).toString().matches("\\.java/fonts/[^/]+/fcinfo-.*\\.properties"))
                .toList();
        assertEquals(List.of(), written, "written to the user's home");
        assertEquals(List.of(), files(home.resolve("sessions")), "the session file is gone");
        assertEquals(List.of(runtime.resolve("gawah")), files(runtime), "the user's list of sessions holds nothing");
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.filter(p -> !p.equals(dir)).sorted().toList();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static String classpath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }
}
