package org.gawah.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * An X server of its own (Xvfb) for programs a test starts, such as the distribution's window:
 * Xvfb picks a free display number itself ({@code -displayfd}), so tests running side by side
 * never share a screen. Needs Debian's {@code xvfb}; without it a test fails, saying so.
 */
public final class VirtualScreen implements AutoCloseable {
    private final Process xvfb;
    private final String display;

    private VirtualScreen(Process xvfb, String display) {
        this.xvfb = xvfb;
        this.display = display;
    }

    public static VirtualScreen start() {
        if (!Files.isExecutable(Path.of("/usr/bin/Xvfb"))) {
            throw new AssertionError("Xvfb is not installed: this test opens a real window on a virtual screen"
                    + " (Debian: apt-get install xvfb; .ci/run does)");
        }
        try {
            Process xvfb = new ProcessBuilder("/usr/bin/Xvfb", "-displayfd", "1", "-screen", "0", "1280x1024x24", "-nolisten", "tcp")
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(xvfb.getInputStream(), StandardCharsets.US_ASCII));
            String number = out.readLine();
            if (number == null || !number.strip().matches("\\d+")) {
                xvfb.destroyForcibly();
                throw new AssertionError("Xvfb did not start (it said: " + number + ")");
            }
            return new VirtualScreen(xvfb, ":" + number.strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The value of DISPLAY for programs to draw on this screen. */
    public String display() {
        return display;
    }

    @Override
    public void close() {
        xvfb.destroy();
        try {
            if (!xvfb.waitFor(5, TimeUnit.SECONDS)) {
                xvfb.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
