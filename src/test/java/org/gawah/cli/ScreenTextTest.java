package org.gawah.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** What a terminal would obey instead of show is shown as escapes; on a pipe, the bytes stay exact. */
class ScreenTextTest {
    private static String shown(String text) {
        return new String(ScreenText.visible(text.getBytes(StandardCharsets.UTF_8)).bytes(), StandardCharsets.UTF_8);
    }

    @Test
    void escapeSequencesAndControlsBecomeJsonEscapes() {
        assertEquals("{\"text\": \"\\u001b]0;owned\\u0007\\u001b[2J\\u001b[1;1H\"}\n",
                shown("{\"text\": \"\u001b]0;owned\u0007\u001b[2J\u001b[1;1H\"}\n"));
        assertEquals("a\\u000db\\u0008c\\u007fd\\u009be\\u0085", shown("a\rb\bc\u007fd\u009be\u0085"));
    }

    @Test
    void bidiOverridesAndIsolatesBecomeEscapes() {
        assertEquals("\\u202etxt.exe\\u202c \\u2066x\\u2069 \\u202a\\u202b\\u202d \\u2067\\u2068",
                shown("\u202etxt.exe\u202c \u2066x\u2069 \u202a\u202b\u202d \u2067\u2068"));
    }

    @Test
    void bidiMarksAndInvisibleCharactersBecomeEscapes() {
        assertEquals("a\\u200fb\\u200ec\\u061cd\\u200be\\u2060f\\ufeffg\\u2028h\\u00adi\\udb40\\udc41j\\ue000k",
                shown("a\u200fb\u200ec\u061cd\u200be\u2060f\ufeffg\u2028h\u00adi\udb40\udc41j\ue000k"));
        assertEquals("Le\\u200cgal", shown("Le\u200cgal"), "a joiner between Latin letters only hides");
    }

    @Test
    void textLineBreaksTabsAndEveryScriptPassAsTheyAre() {
        String text = "{\n\t\"account\": \"شاهد گفت که\u200cمی‌خواهم حقیقت گفته شود. زه غواړم ریښتیا ووایم 🕊 👩\u200d👧 Café\"\n}\n";
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        ScreenText.Shown shown = ScreenText.visible(bytes);
        assertSame(bytes, shown.bytes());
        assertEquals(0, shown.escaped());
    }

    @Test
    void bytesThatAreNotUtf8AreShownAsHex() {
        byte[] latin1 = {'c', 'a', 'f', (byte) 0xe9, ' ', (byte) 0xc0, (byte) 0xaf, (byte) 0xed, (byte) 0xa0, (byte) 0x80, (byte) 0xe2};
        ScreenText.Shown shown = ScreenText.visible(latin1);
        assertEquals("caf\\xE9 \\xC0\\xAF\\xED\\xA0\\x80\\xE2", new String(shown.bytes(), StandardCharsets.US_ASCII));
        assertEquals(7, shown.escaped());
    }

    @Test
    void aTerminalGetsEscapesAPipeTheExactBytes() {
        byte[] content = "x\u001b[2Jy".getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        Terminal onScreen = new Terminal(screen, new ByteArrayOutputStream(), new ByteArrayInputStream(new byte[0]), Map.of(), null, true);
        assertEquals(1, onScreen.showData(content));
        assertEquals("x\\u001b[2Jy", screen.toString(StandardCharsets.UTF_8));
        ByteArrayOutputStream pipe = new ByteArrayOutputStream();
        Terminal piped = new Terminal(pipe, new ByteArrayOutputStream(), new ByteArrayInputStream(new byte[0]), Map.of(), null, false);
        assertEquals(0, piped.showData(content));
        assertArrayEquals(content, pipe.toByteArray());
    }
}
