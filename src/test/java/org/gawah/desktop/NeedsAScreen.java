package org.gawah.desktop;

import java.awt.GraphicsEnvironment;

import org.assertj.swing.edt.FailOnThreadViolationRepaintManager;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a window test at once, with the reason, when this JVM has no screen; and makes any
 * access to Swing off the event thread fail the test too (AssertJ Swing's repaint manager).
 */
final class NeedsAScreen implements BeforeAllCallback {
    @Override
    public void beforeAll(ExtensionContext context) {
        if (GraphicsEnvironment.isHeadless()) {
            throw new AssertionError("window tests need a screen, and this JVM has none (DISPLAY="
                    + System.getenv("DISPLAY") + "): run them through Maven, which starts an Xvfb for them on Linux"
                    + " (pom.xml, profile xvfb; Debian: apt-get install xvfb), or on a desktop with a screen");
        }
        FailOnThreadViolationRepaintManager.install();
    }
}
