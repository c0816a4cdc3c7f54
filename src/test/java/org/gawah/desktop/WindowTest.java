package org.gawah.desktop;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test that opens real windows. Tagged "window": the build runs these in a JVM of its own on
 * an Xvfb screen (pom.xml, profile xvfb). Without a screen such a test fails, saying why, rather
 * than being skipped.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("window")
@ExtendWith(NeedsAScreen.class)
public @interface WindowTest {
}
