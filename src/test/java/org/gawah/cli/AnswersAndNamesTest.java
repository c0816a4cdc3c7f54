package org.gawah.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.gawah.app.AttachmentOpening;
import org.junit.jupiter.api.Test;

/** Small rules with big consequences: numbers typed on any keyboard, file names any system can hold. */
class AnswersAndNamesTest {

    @Test
    void numbersAreReadInLatinPersianAndArabicDigits() {
        assertEquals(2, Prompter.number("2"));
        assertEquals(2, Prompter.number("۲"));
        assertEquals(12, Prompter.number(" ١٢ "));
        assertEquals(-1, Prompter.number("two"));
        assertEquals(-1, Prompter.number(""));
        assertEquals(-1, Prompter.number("1234"));
    }

    @Test
    void attachmentNamesCannotEscapeOrNameAWindowsDevice() {
        String id = "GWA-0000-0000-0000-0001";
        assertEquals("photo.jpg", AttachmentOpening.safeName("photo.jpg", id));
        assertEquals("passwd", AttachmentOpening.safeName("../../etc/passwd", id));
        assertEquals("evil.txt", AttachmentOpening.safeName("C:\\Users\\x\\evil.txt", id));
        assertEquals("a_b_c_d_e_f_g_.txt", AttachmentOpening.safeName("a<b>c:d\"e|f?g*.txt", id));
        assertEquals("report", AttachmentOpening.safeName("report. . ", id));
        assertEquals(id + "-CON.txt", AttachmentOpening.safeName("CON.txt", id));
        assertEquals(id + "-lpt1", AttachmentOpening.safeName("lpt1", id));
        assertEquals(id + ".bashrc", AttachmentOpening.safeName(".bashrc", id));
        assertEquals(id, AttachmentOpening.safeName("..", id));
        assertEquals("عکس ۱.jpg", AttachmentOpening.safeName("عکس ۱.jpg", id));
    }

    @Test
    void attachmentNamesCannotDisguiseTheirType() {
        String id = "GWA-0000-0000-0000-0001";
        // Shown as "photo_exe.jpg" by a terminal or a file manager that obeys the override: really an .exe.
        assertEquals("photo_gpj.exe", AttachmentOpening.safeName("photo\u202egpj.exe", id));
        assertEquals("scan_fdp_.exe", AttachmentOpening.safeName("scan\u2067fdp\u2069.exe", id));
        assertEquals("a_b_c_d_e.txt", AttachmentOpening.safeName("a\u200eb\u200fc\u061cd\u202ae.txt", id));
        assertEquals("x_y_z_.pdf", AttachmentOpening.safeName("x\u0085y\u007fz\u009b.pdf", id));
        assertEquals("invoice.pdf_.exe", AttachmentOpening.safeName("invoice.pdf\u200b.exe", id), "no invisible character");
        assertEquals("invoice.pdf .exe", AttachmentOpening.safeName("invoice.pdf\u00a0\u2003\u3000          .exe", id),
                "no run of spaces that pushes the real extension out of sight");
        assertEquals("report.exe", AttachmentOpening.safeName("report.exe\u00a0. .", id), "no trailing dot or space");
        assertEquals("photo_.jpg", AttachmentOpening.safeName("photo\ue000.jpg", id));
        assertEquals("نامه\u200cها.pdf", AttachmentOpening.safeName("نامه\u200cها.pdf", id), "a ZWNJ inside a Dari word stays");
        assertEquals(id + "-NUL .txt", AttachmentOpening.safeName("NUL .txt", id));
        assertEquals(id + "-COM\u00b9.log", AttachmentOpening.safeName("COM\u00b9.log", id));
        assertEquals(id + "-CONOUT$", AttachmentOpening.safeName("conout$".toUpperCase(java.util.Locale.ROOT), id));
        assertEquals(id + ".bashrc", AttachmentOpening.safeName(" .bashrc", id), "no hidden file behind a space");
        String longName = "a".repeat(300) + ".exe";
        String kept = AttachmentOpening.safeName(longName, id);
        assertEquals("a".repeat(196) + ".exe", kept, "cut in its stem: the real extension stays at the end");
        String dari = "ب".repeat(150) + ".jpg";
        assertEquals(200, AttachmentOpening.safeName(dari, id).getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
        assertEquals("ب".repeat(98) + ".jpg", AttachmentOpening.safeName(dari, id));
    }
}
